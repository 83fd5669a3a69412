//! The product's rules as plain Rust: no leptos, web-sys or gloo here, so every
//! rule is tested natively.

pub mod cloud;
pub mod country;
pub mod email;
pub mod gdap;
pub mod ids;
pub mod json;
pub mod link;
pub mod oidc;
pub mod relationship;
pub mod time;
pub mod validate;
