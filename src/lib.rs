//! Reseller invitations: a Cloud Solution Provider partner invites a customer
//! into a reseller relationship; the customer accepts in its cloud's portal.
//!
//! `domain` holds the rules (plain Rust), `api` the backend contract, its HTTP
//! client and its mock; the UI modules exist on the wasm32 target only.

pub mod api;
pub mod config;

pub use reseller_domain as domain;
pub mod i18n;
pub mod window;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod task;
