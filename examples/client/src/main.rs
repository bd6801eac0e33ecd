//! Calls the receivables service without credentials and prints the decoded error.
//! Start the service first (`cargo run -p axum-service`); the address is the first
//! argument (default `http://127.0.0.1:3000`).

use axum::http::Method;
use example_client::{Client, ServiceError};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), example_client::TransportError> {
    let base = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "http://127.0.0.1:3000".to_owned());
    let res = Client::new(base)
        .send(Method::GET, "/receivables", None, None)
        .await?;
    match res.error() {
        None => println!("{}: no error", res.status),
        Some(Ok(errcat::Decoded::Known(ServiceError::MissingAuthorizationHeader))) => {
            println!("missing_authorization_header, as expected")
        }
        Some(Ok(errcat::Decoded::Known(e))) => println!("{}: {e}", e.code()),
        Some(Ok(errcat::Decoded::Unknown(u))) => println!("{u}"),
        Some(Err(e)) => println!("undecodable: {e}"),
    }
    Ok(())
}
