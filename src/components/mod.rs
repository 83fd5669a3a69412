//! Shared UI pieces that screens compose: the loading and error states
//! ([`Fetched`] for a read with its retry), form fields, the copy button, the
//! inline confirmation, the issuer's sign-in and the demo's. Components read the shared
//! context; they never import a page or the shell.

mod confirm;
mod copy;
#[cfg(feature = "demo")]
mod demo_sign_in;
mod feedback;
mod fields;
mod sign_in;

pub use confirm::Confirm;
pub use copy::CopyButton;
#[cfg(feature = "demo")]
pub use demo_sign_in::{demo_sign_in, read_identities, IdentitiesResource, PrefetchedIdentities};
pub use feedback::{Announced, ErrorBanner, Fetched, Loading, Outcome};
pub use fields::{problem_text, shown_after, SignerFields, SignerForm, TextField};
pub use sign_in::IssuerSignIn;
