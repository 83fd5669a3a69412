//! Writes the OpenAPI document generated from the contract's types:
//! `cargo run -p reseller-contract --example openapi -- --write` (what
//! `./.ci/openapi` runs) updates `crates/contract/openapi.json`; without
//! `--write` it prints the document.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let text = format!(
        "{}\n",
        serde_json::to_string_pretty(&reseller_contract::openapi::document())
            .expect("the document is JSON")
    );
    if std::env::args().any(|a| a == "--write") {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
        std::fs::write(path, text).expect("openapi.json is writable");
        println!("wrote {path}");
    } else {
        print!("{text}");
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
