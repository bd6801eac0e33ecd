//! The generated decoder (`from_response`, `errcat::__private::decode`) on any response:
//! the first two bytes are the status, the third picks a content type, the rest is the
//! body. It must never panic; an error it recognises must render a body that decodes back
//! to the same error (what the decoder reads, it reads the same way twice).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, missing_docs)]
mod showcase {
    include!(concat!(env!("OUT_DIR"), "/showcase.rs"));
}
#[allow(dead_code, missing_docs)]
mod envelope {
    include!(concat!(env!("OUT_DIR"), "/envelope.rs"));
}
#[allow(dead_code, missing_docs)]
mod edge {
    include!(concat!(env!("OUT_DIR"), "/edge.rs"));
}

macro_rules! check {
    ($ty:ty, $status:expr, $headers:expr, $body:expr) => {
        if let Ok(errcat::Decoded::Known(e)) = <$ty>::from_response($status, $headers, $body) {
            let again = e.body_json();
            match <$ty>::from_response($status, &[], again.as_bytes()) {
                Ok(errcat::Decoded::Known(back)) => {
                    assert_eq!(back.body_json(), again, "{e:?} -> {back:?}")
                }
                other => panic!("{e:?} renders {again}, which decodes as {other:?}"),
            }
        }
    };
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let status = u16::from_le_bytes([data[0], data[1]]) % 1000;
    let content_type = match data[2] % 4 {
        0 => "application/problem+json",
        1 => "application/json",
        2 => "text/html",
        _ => "",
    };
    let headers: &[(&str, &str)] = if content_type.is_empty() {
        &[]
    } else {
        &[("Content-Type", content_type), ("Retry-After", "5")]
    };
    let body = &data[3..];
    check!(showcase::BillingError, status, headers, body);
    check!(envelope::VerificationError, status, headers, body);
    check!(edge::EdgeError, status, headers, body);
});
