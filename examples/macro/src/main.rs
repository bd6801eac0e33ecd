//! Prints a few of the Kapwork API's errors as the API would answer them.
use example_macro::{describe, samples};

fn main() {
    for error in samples() {
        println!("{}", describe(&error));
    }
}
