//! Shared UI pieces that screens compose: the loading and error states
//! ([`Fetched`] for a read with its retry), form fields, the copy button, the
//! inline confirmation and the demo's sign-in. Components read the shared
//! context; they never import a page or the shell.

mod confirm;
mod copy;
mod demo_sign_in;
mod feedback;
mod fields;

pub use confirm::Confirm;
pub use copy::CopyButton;
pub use demo_sign_in::{demo_sign_in, read_identities, IdentitiesResource, PrefetchedIdentities};
pub use feedback::{Announced, ErrorBanner, Fetched, Loading, Outcome};
pub use fields::{problem_text, shown_after, SignerFields, SignerForm, TextField};
