//! Reseller invitations: a Cloud Solution Provider partner invites a customer
//! into a reseller relationship; the customer accepts in its cloud's portal.
//!
//! The rules are the `reseller-domain` crate (re-exported as `domain`), the
//! backend contract `reseller-contract`, the demo's mock `reseller-mock`
//! (feature `demo`). Here: the client (`api`), the configuration, the
//! strings, the routes, and the UI (wasm32 only): the shell (`app`), the
//! shared context, components and pages. See ARCHITECTURE.md.

pub mod api;
pub mod config;

pub use reseller_domain as domain;
pub mod i18n;
pub mod routes;
pub mod window;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod auth;
#[cfg(target_arch = "wasm32")]
pub mod boot;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod context;
#[cfg(target_arch = "wasm32")]
pub mod intl;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod task;
