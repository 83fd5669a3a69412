//! The OpenAPI document, generated from the operations and their types
//! (natively only; the browser never carries it). `./.ci/openapi` writes it
//! to `crates/contract/openapi.json`; a test fails when the checked-in file
//! differs from what the types produce.

use crate::error::ErrorCode;
use crate::operation::{described, Caller, Endpoint, COMMON_ERRORS};
use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};

/// The document, as JSON.
pub fn document() -> Value {
    let mut generator = SchemaSettings::openapi3().into_generator();
    let mut paths = Map::new();
    for (endpoint, body, response) in described(&mut generator) {
        let entry = paths
            .entry(endpoint.path.to_string())
            .or_insert_with(|| json!({}));
        entry[endpoint.method.as_str().to_ascii_lowercase()] =
            operation(&endpoint, body.map(Value::from), response.map(Value::from));
    }
    let error_body = generator.subschema_for::<crate::wire::ErrorBody>();
    let _ = error_body;
    let mut schemas = generator.take_definitions(true);
    if let Some(Value::Object(body)) = schemas.get_mut("ErrorBody") {
        if let Some(Value::Object(code)) =
            body.get_mut("properties").and_then(|p| p.get_mut("code"))
        {
            code.insert(
                "enum".into(),
                ErrorCode::all().map(|c| json!(c.number())).collect(),
            );
            code.insert(
                "description".into(),
                json!(ErrorCode::all()
                    .map(|c| format!("{} {}", c.number(), c.meaning()))
                    .collect::<Vec<_>>()
                    .join("; ")),
            );
        }
    }
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Reseller invitations backend contract",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Shaped after the Partner Center REST API v1 where it has an equivalent (camelCase, attributes.objectType, collections as { totalCount, items, links, attributes }, errors as { code, description, data, source }), extended where it has none (invitation records, the customer's acceptance). Writes carry an idempotency key (MS-RequestId): a retry of the same request by the same caller within 24 hours answers the first answer again; the same key from another caller or with another body is refused (42202). Generated from crates/contract by ./.ci/openapi; do not edit by hand."
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer", "description": "The caller's access token (in the demo: demo.<user id>, from POST /v1/demo/sign-in)." }
            }
        }
    })
}

fn operation(endpoint: &Endpoint, body: Option<Value>, response: Option<Value>) -> Value {
    let mut op = Map::new();
    op.insert("summary".into(), json!(endpoint.summary));
    let mut parameters: Vec<Value> = endpoint
        .path
        .split('/')
        .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
        .map(|name| {
            json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } })
        })
        .collect();
    for q in endpoint.query {
        let mut schema = if q.integer {
            json!({ "type": "integer", "minimum": 0 })
        } else {
            json!({ "type": "string" })
        };
        if !q.values.is_empty() {
            schema["enum"] = json!(q.values);
        }
        parameters.push(json!({
            "name": q.name,
            "in": "query",
            "required": q.required,
            "description": q.description,
            "schema": schema,
        }));
    }
    if endpoint.errors.contains(&ErrorCode::Changed) {
        parameters.push(json!({
            "name": "If-Match",
            "in": "header",
            "required": true,
            "description": "The @odata.etag of the version being changed, as last read; another version's is refused with 412",
            "schema": { "type": "string" },
        }));
    }
    if endpoint.method.is_write() {
        parameters.push(json!({
            "name": "MS-RequestId",
            "in": "header",
            "required": false,
            "description": "Idempotency key: the same key, caller and request within 24 hours answer the first answer again",
            "schema": { "type": "string" },
        }));
    }
    if !parameters.is_empty() {
        op.insert("parameters".into(), json!(parameters));
    }
    if let Some(schema) = body {
        op.insert(
            "requestBody".into(),
            json!({ "required": true, "content": { "application/json": { "schema": schema } } }),
        );
    }
    let mut responses = Map::new();
    let success = match response {
        Some(schema) => {
            json!({ "description": "Success", "content": { "application/json": { "schema": schema } } })
        }
        None => json!({ "description": "Done, no content" }),
    };
    responses.insert(endpoint.success.to_string(), success);
    let mut by_status: std::collections::BTreeMap<u16, Vec<ErrorCode>> = Default::default();
    for code in endpoint
        .errors
        .iter()
        .chain(COMMON_ERRORS)
        .filter(|c| endpoint.caller != Caller::Anyone || **c != ErrorCode::NotSignedIn)
    {
        let list = by_status.entry(code.status()).or_default();
        if !list.contains(code) {
            list.push(*code);
        }
    }
    for (status, codes) in by_status {
        let description = codes
            .iter()
            .map(|c| format!("{} {}", c.number(), c.meaning()))
            .collect::<Vec<_>>()
            .join("; ");
        let mut answer = json!({
            "description": description,
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } }
        });
        // How long to wait before trying again (delay-seconds; the client
        // waits that long, RFC 9110 section 10.2.3).
        if matches!(status, 429 | 503) {
            answer["headers"] = json!({ "Retry-After": {
                "description": "Seconds to wait before trying again (a backend behind a browser on another origin lists it in Access-Control-Expose-Headers)",
                "schema": { "type": "integer", "minimum": 0 }
            } });
        }
        responses.insert(status.to_string(), answer);
    }
    op.insert("responses".into(), Value::Object(responses));
    if endpoint.caller != Caller::Anyone {
        op.insert("security".into(), json!([{ "bearer": [] }]));
    }
    Value::Object(op)
}
