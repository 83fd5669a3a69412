//! The browser tier: one wasm-bindgen-test target, run in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown`). Components are mounted as
//! a user sees them, over a fresh in-memory mock (`common`); `http` checks the
//! HTTP client against a running mock server (`.ci/test` starts it).
#![cfg(target_arch = "wasm32")]
#![allow(dead_code)]

mod common;
mod customer;
mod customers;
mod fidelity;
mod gdap;
mod http;
mod json;
mod partner;
mod two_tier;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
