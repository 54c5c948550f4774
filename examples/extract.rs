//! Extract entities from Greek text: the command-line face of the output contract.
//!
//! The same command as `greek-ner extract` (crate `greek-ner-cli`, in `cli/`): see
//! `cargo run --example extract -- --help` and the README's "Output format".

use std::process::ExitCode;

use greek_ner_cli::extract::{self, ExtractArgs};

fn main() -> ExitCode {
    let args: ExtractArgs = greek_ner_cli::parse_args("extract");
    greek_ner_cli::exit_status("extract", extract::run(&args))
}
