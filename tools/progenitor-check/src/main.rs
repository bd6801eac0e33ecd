//! progenitor's client of examples/axum-service and its typed errors, from errcat's
//! OpenAPI 3.0.3 document (scripts/check-progenitor.sh builds and runs it).
//!
//! progenitor 0.15.1 gives every error response of an operation one Rust type,
//! `Error<ByteStream>` (it types `application/json` responses only, errcat's are
//! `application/problem+json`); errcat's per-status and per-operation schemas become types
//! of their own (`types::ServiceError401`: one variant per error code, each error's code,
//! status and fields typed), into which the body is read. Checked here:
//!
//! 1. at compile time: exhaustive matches on the statuses of several errors (an error
//!    added to or removed from a status fails the build), typed fields;
//! 2. every example of every error response of the document reads as its response's
//!    type, as the variant of its code (`x-errcat-code`), and as no type of a response
//!    that does not list its code;
//! 3. with `ERRCAT_SERVICE_URL`: the generated client's calls to the running service fail
//!    with bodies that read as their operation's response types, as the expected error.

include!(concat!(env!("OUT_DIR"), "/client.rs"));

use futures::StreamExt;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use types::*;

/// A typed code as the string the body has.
fn code_str<C: serde::Serialize>(code: &C) -> String {
    match serde_json::to_value(code) {
        Ok(Value::String(s)) => s,
        other => panic!("a code that is not a string: {other:?}"),
    }
}

fn code_400(e: &ServiceError400) -> String {
    match e {
        ServiceError400::InvalidUuid(e) => {
            let _param: &String = &e.fields.param;
            code_str(&e.code)
        }
        ServiceError400::MalformedJson(e) => {
            let _reason: &String = &e.fields.reason;
            code_str(&e.code)
        }
    }
}

fn code_401(e: &ServiceError401) -> String {
    match e {
        ServiceError401::MissingAuthorizationHeader(e) => code_str(&e.code),
        ServiceError401::InvalidApiKey(e) => code_str(&e.code),
    }
}

fn code_404(e: &ServiceError404) -> String {
    match e {
        ServiceError404::ReceivableNotFound(e) => {
            let _id: &String = &e.fields.id;
            code_str(&e.code)
        }
        ServiceError404::RouteNotFound(e) => code_str(&e.code),
    }
}

/// The code of `body` read as `T`, or why it does not read as one.
fn read<T: DeserializeOwned>(body: &Value, code: fn(&T) -> String) -> Result<String, String> {
    T::deserialize(body)
        .map(|t| code(&t))
        .map_err(|e| e.to_string())
}

/// `body` read as the type of the response `component`; `None` for a response this
/// program does not know (then it must learn it).
fn typed(component: &str, body: &Value) -> Option<Result<String, String>> {
    Some(match component {
        "ServiceError_400" => read(body, code_400),
        "ServiceError_401" => read(body, code_401),
        "ServiceError_404" => read(body, code_404),
        "ServiceError_405" => read(body, |e: &ServiceError405| code_str(&e.0.code)),
        "ServiceError_409" => read(body, |e: &ServiceError409| {
            let _reference: &String = &e.0.fields.reference;
            code_str(&e.0.code)
        }),
        "ServiceError_413" => read(body, |e: &ServiceError413| code_str(&e.0.code)),
        "ServiceError_415" => read(body, |e: &ServiceError415| code_str(&e.0.code)),
        "ServiceError_422" => read(body, |e: &ServiceError422| code_str(&e.0.code)),
        "ServiceError_429" => read(body, |e: &ServiceError429| {
            let _limit: u64 = e.0.fields.limit;
            code_str(&e.0.code)
        }),
        "ServiceError_500" => read(body, |e: &ServiceError500| code_str(&e.0.code)),
        "ServiceError_400_createReceivable" => read(body, |e: &ServiceError400CreateReceivable| {
            code_str(&e.0.code)
        }),
        "ServiceError_400_getReceivable" => {
            read(body, |e: &ServiceError400GetReceivable| code_str(&e.0.code))
        }
        "ServiceError_400_deleteReceivable" => read(body, |e: &ServiceError400DeleteReceivable| {
            code_str(&e.0.code)
        }),
        "ServiceError_404_getReceivable" => {
            read(body, |e: &ServiceError404GetReceivable| code_str(&e.0.code))
        }
        "ServiceError_404_deleteReceivable" => read(body, |e: &ServiceError404DeleteReceivable| {
            code_str(&e.0.code)
        }),
        _ => return None,
    })
}

/// Check 2; returns the number of examples read.
fn check_document(path: &str, failures: &mut Vec<String>) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut responses: Vec<(String, Vec<(String, Value)>)> = Vec::new();
    let components = doc["components"]["responses"]
        .as_object()
        .expect("components.responses");
    for (name, response) in components {
        let mut examples = Vec::new();
        for media in response["content"]
            .as_object()
            .into_iter()
            .flat_map(|c| c.values())
        {
            for example in media["examples"]
                .as_object()
                .into_iter()
                .flat_map(|e| e.values())
            {
                let code = example["x-errcat-code"].as_str().expect("x-errcat-code");
                examples.push((code.to_owned(), example["value"].clone()));
            }
        }
        responses.push((name.clone(), examples));
    }
    let mut read_count = 0;
    for (name, examples) in &responses {
        for (code, body) in examples {
            match typed(name, body) {
                None => failures.push(format!(
                    "{name}: not read by this program: add it to typed()"
                )),
                Some(Ok(c)) if c == *code => read_count += 1,
                Some(Ok(c)) => failures.push(format!("{name}: the example of {code} reads as {c}")),
                Some(Err(e)) => {
                    failures.push(format!("{name}: the example of {code} does not read: {e}"))
                }
            }
            for (other, other_examples) in &responses {
                if other_examples.iter().any(|(c, _)| c == code) {
                    continue;
                }
                if let Some(Ok(c)) = typed(other, body) {
                    failures.push(format!(
                        "{other}: the example of {code} (of {name}) reads as {c}, which {other} does not list"
                    ));
                }
            }
        }
    }
    read_count
}

/// The status and JSON body of an error response of the generated client.
async fn error_body<T: std::fmt::Debug>(
    result: Result<ResponseValue<T>, Error<ByteStream>>,
) -> (u16, Value) {
    match result {
        Err(Error::ErrorResponse(response)) => {
            let status = response.status().as_u16();
            let mut stream = response.into_inner_stream();
            let mut bytes = Vec::new();
            while let Some(chunk) = stream.next().await {
                bytes.extend_from_slice(&chunk.expect("the body"));
            }
            let body = serde_json::from_slice(&bytes).expect("a JSON body");
            (status, body)
        }
        Err(other) => panic!("not an error response of the document: {other}"),
        Ok(value) => panic!("not an error: {value:?}"),
    }
}

fn client(url: &str, key: Option<&str>) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(key) = key {
        let value = format!("Bearer {key}").parse().expect("a header value");
        headers.insert(reqwest::header::AUTHORIZATION, value);
    }
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("a reqwest client");
    Client::new_with_client(url, http)
}

/// Check 3: (response, expected code, status, body) of every call.
async fn call_service(url: &str) -> Vec<(&'static str, &'static str, u16, Value)> {
    let mut seen = Vec::new();
    let (status, body) = error_body(client(url, None).list_receivables().await).await;
    match ServiceError401::deserialize(&body) {
        Ok(ServiceError401::MissingAuthorizationHeader(_)) => {}
        other => panic!("no key: {other:?} from {body}"),
    }
    seen.push((
        "ServiceError_401",
        "missing_authorization_header",
        status,
        body,
    ));

    let (status, body) = error_body(client(url, Some("not-a-key")).list_receivables().await).await;
    match ServiceError401::deserialize(&body) {
        Ok(ServiceError401::InvalidApiKey(_)) => {}
        other => panic!("a wrong key: {other:?} from {body}"),
    }
    seen.push(("ServiceError_401", "invalid_api_key", status, body));

    let id: uuid::Uuid = "6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f"
        .parse()
        .expect("a UUID");
    let (status, body) = error_body(client(url, Some("key-4")).get_receivable(&id).await).await;
    let e = ServiceError404GetReceivable::deserialize(&body).expect("a typed 404");
    assert_eq!(e.0.fields.id, id.to_string());
    seen.push((
        "ServiceError_404_getReceivable",
        "receivable_not_found",
        status,
        body,
    ));

    let new: NewReceivable = serde_json::from_value(
        json!({ "reference": "INV-7", "debtor": "Globex", "amount": 100, "currency": "EUR" }),
    )
    .expect("a NewReceivable");
    let key7 = client(url, Some("key-7"));
    key7.create_receivable(&new)
        .await
        .expect("the first one is created");
    let (status, body) = error_body(key7.create_receivable(&new).await).await;
    let e = ServiceError409::deserialize(&body).expect("a typed 409");
    assert_eq!(e.0.fields.reference, "INV-7");
    seen.push(("ServiceError_409", "duplicate_reference", status, body));

    let key10 = client(url, Some("key-10"));
    let mut result = key10.list_receivables().await;
    for _ in 0..10 {
        if result.is_err() {
            break;
        }
        result = key10.list_receivables().await;
    }
    let (status, body) = error_body(result).await;
    let e = ServiceError429::deserialize(&body).expect("a typed 429");
    assert!(e.0.fields.limit > 0);
    seen.push(("ServiceError_429", "rate_limited", status, body));
    seen
}

fn main() {
    let path = std::env::var("ERRCAT_OPENAPI").expect("ERRCAT_OPENAPI");
    let mut failures = Vec::new();
    let examples = check_document(&path, &mut failures);
    if examples == 0 {
        failures.push(format!("{path}: no example of an error response"));
    }
    println!("progenitor types: {examples} examples of error responses read as their code");
    if let Ok(url) = std::env::var("ERRCAT_SERVICE_URL") {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let calls = runtime.block_on(call_service(&url));
        for (component, code, status, body) in &calls {
            if !component.contains(&status.to_string()) {
                failures.push(format!("{code}: status {status}, not {component}'s"));
            }
            match typed(component, body) {
                Some(Ok(c)) if c == *code => {}
                other => failures.push(format!("{code}: {other:?} from {body}")),
            }
        }
        println!(
            "progenitor client: {} error responses of the running service read as their code",
            calls.len()
        );
    }
    if !failures.is_empty() {
        eprintln!("{}", failures.join("\n"));
        std::process::exit(1);
    }
}
