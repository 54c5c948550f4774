//! Scores the recognizer on an IOB2 corpus: exact-span precision, recall and F1.
//!
//! The same command as `greek-ner evaluate` (crate `greek-ner-cli`, in `cli/`): see
//! `cargo run --example evaluate -- --help` and the README's "Evaluation and adaptation".

use std::process::ExitCode;

use greek_ner_cli::evaluate::{self, EvaluateArgs};

fn main() -> ExitCode {
    let args: EvaluateArgs = greek_ner_cli::parse_args("evaluate");
    greek_ner_cli::exit_status("evaluate", evaluate::run(&args))
}
