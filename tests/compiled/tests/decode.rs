//! The generated decoder (`from_response`) on every example of every error of every
//! compiled catalog: the body the generated code renders decodes back to the same value
//! (or, when two errors of a status have bodies that cannot be told apart, to one that
//! renders the same body); unknown codes, wrong statuses, bodies of another shape and
//! truncated JSON give the unknown-error value or a typed decode error, never a panic.

use errcat::{BodyContext, CatalogError, DecodeError, Decoded};

const TRACE: &str = "t-\"quoted\" \\ back\nslash\t\u{1}é";

/// Decodes `err`'s own response (with and without a trace id).
fn round_trip<E>(code: &str, err: &E, decode: impl Fn(u16, &[(&str, &str)], &[u8]) -> Decoded<E>)
where
    E: CatalogError + PartialEq + Clone,
{
    let headers = [("Content-Type", err.content_type())];
    for ctx in [
        BodyContext::default(),
        BodyContext::new()
            .with_trace_id(TRACE)
            .with_instance("/x")
            .with_values(&[("request_id", "req_1")]),
    ] {
        let body = err.body(&ctx);
        match decode(err.status_code(), &headers, body.as_bytes()) {
            Decoded::Known(back) => {
                if back != *err {
                    // Only when the bodies are indistinguishable.
                    assert_eq!(back.body(&ctx), body, "{code}: decoded to {back:?}");
                    assert_eq!(back.status_code(), err.status_code());
                }
            }
            Decoded::Unknown(u) => panic!("{code}: decoded as unknown {u:?} from {body}"),
        }
    }
}

macro_rules! decode_tests {
    ($module:ident) => {
        mod $module {
            use super::*;
            use errcat_compiled_tests::$module::{Error, examples};

            #[allow(unreachable_code, unused_variables)]
            #[test]
            fn every_example_decodes_back() {
                for (code, _, err) in &examples() {
                    round_trip(code, err, |s, h, b| {
                        Error::from_response(s, h, b).unwrap_or_else(|e| panic!("{code}: {e}"))
                    });
                }
            }

            /// Every prefix of every body (truncated JSON) and a few bytes flipped: never a
            /// panic, and a truncated body is never taken for another error.
            #[allow(unreachable_code, unused_variables)]
            #[test]
            fn truncated_and_damaged_bodies() {
                for (code, _, err) in &examples() {
                    let body = err.body(&BodyContext::default());
                    let status = err.status_code();
                    for end in 0..body.len() {
                        match Error::from_response(status, &[], &body.as_bytes()[..end]) {
                            Ok(Decoded::Unknown(u)) => {
                                assert_eq!(u.status, status);
                                assert_eq!(u.body, &body.as_bytes()[..end]);
                            }
                            // A prefix may be valid JSON only at a number's end, never a
                            // whole object: bodies are objects or arrays.
                            other => panic!("{code}: prefix {end}: {other:?}"),
                        }
                    }
                    let mut bytes = body.clone().into_bytes();
                    for i in 0..bytes.len() {
                        let keep = bytes[i];
                        bytes[i] = keep ^ 0x20;
                        let _ = Error::from_response(status, &[], &bytes);
                        bytes[i] = keep;
                    }
                }
            }
        }
    };
}

decode_tests!(envelope);
decode_tests!(kapwork);
decode_tests!(showcase);
decode_tests!(edge);
decode_tests!(derived);

mod showcase_cases {
    use super::*;
    use errcat_compiled_tests::showcase::Error;

    const PROBLEM: [(&str, &str); 1] = [("content-type", "application/problem+json")];

    fn decode(status: u16, body: &str) -> Result<Decoded<Error>, DecodeError> {
        Error::from_response(status, &PROBLEM, body.as_bytes())
    }

    #[test]
    fn fields_come_from_the_fields_member() {
        let body = r#"{"type":"x","status":422,"code":"invalid_amount","detail":"whatever","fields":{"amount":-5,"min":1,"max":7},"new_member":[1]}"#;
        let got = decode(422, body).expect("decodes");
        assert_eq!(
            got,
            Decoded::Known(Error::InvalidAmount {
                amount: -5,
                min: 1,
                max: 7
            })
        );
    }

    #[test]
    fn an_unknown_code_is_the_unknown_value() {
        let body = r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Too new","code":"added_later"}"#;
        let Ok(Decoded::Unknown(u)) =
            Error::from_response(422, &[("Retry-After", "7"), PROBLEM[0]], body.as_bytes())
        else {
            panic!("unknown expected")
        };
        assert_eq!(u.status, 422);
        assert_eq!(u.code.as_deref(), Some("added_later"));
        assert_eq!(u.message.as_deref(), Some("Too new"));
        assert_eq!(u.retry_after, Some(7));
        assert_eq!(u.body, body.as_bytes());
        assert!(u.to_string().contains("added_later"));
    }

    #[test]
    fn a_known_code_with_another_status_is_unknown() {
        let body = Error::InvalidAmount {
            amount: 1,
            min: 2,
            max: 3,
        }
        .body_json();
        for status in [200, 400, 404, 500, 999, 0] {
            let Ok(Decoded::Unknown(u)) = decode(status, &body) else {
                panic!("{status}: unknown expected")
            };
            assert_eq!(u.code.as_deref(), Some("invalid_amount"));
        }
    }

    #[test]
    fn other_shapes_are_unknown() {
        for body in [
            "",
            "null",
            "[]",
            "\"invalid_amount\"",
            "{}",
            r#"{"error":{"code":"invalid_amount"}}"#,
            "<html><body>502 Bad Gateway</body></html>",
        ] {
            let Ok(Decoded::Unknown(u)) = decode(422, body) else {
                panic!("{body}: unknown expected")
            };
            assert_eq!(u.code, None, "{body}");
        }
        // A JSON body under another content type is not read.
        let body = Error::InvalidAmount {
            amount: 1,
            min: 2,
            max: 3,
        }
        .body_json();
        let got = Error::from_response(422, &[("content-type", "text/html")], body.as_bytes());
        assert!(matches!(got, Ok(Decoded::Unknown(_))), "{got:?}");
    }

    #[test]
    fn wrong_field_types_are_a_decode_error() {
        for fields in [
            r#"{"amount":"-5","min":1,"max":7}"#,
            r#"{"amount":-5.5,"min":1,"max":7}"#,
            r#"{"min":1,"max":7}"#,
            r#"{"amount":99999999999999999999,"min":1,"max":7}"#,
        ] {
            let body = format!(
                r#"{{"type":"x","status":422,"code":"invalid_amount","detail":"d","fields":{fields}}}"#
            );
            assert_eq!(
                decode(422, &body),
                Err(DecodeError::Field {
                    code: "invalid_amount",
                    field: "amount",
                }),
                "{fields}"
            );
        }
    }

    #[test]
    fn without_fields_member_the_message_is_read() {
        let body = r#"{"type":"x","status":422,"code":"invalid_amount","detail":"Amount -5 is outside the allowed range 1..100000000"}"#;
        assert_eq!(
            decode(422, body),
            Ok(Decoded::Known(Error::InvalidAmount {
                amount: -5,
                min: 1,
                max: 100000000
            }))
        );
        let body = r#"{"type":"x","status":422,"code":"invalid_amount","detail":"reworded"}"#;
        assert_eq!(
            decode(422, body),
            Err(DecodeError::MissingFields {
                code: "invalid_amount"
            })
        );
    }
}
