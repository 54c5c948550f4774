//! The `greek-ner` command: one implementation behind the `greek-ner` binary and the
//! `extract` and `evaluate` examples of the `greek-ner` crate.
//!
//! ```sh
//! cargo install --path cli            # from a checkout: installs the `greek-ner` binary
//! greek-ner extract article.txt       # {"entities":[...]}
//! greek-ner extract --jsonl --threads 2 < in.jsonl > out.jsonl
//! greek-ner evaluate dev.iob2         # precision, recall, F1
//! greek-ner html article.txt > page.html
//! ```
//!
//! # Exit status
//!
//! | status | meaning |
//! |---|---|
//! | 0 | success (also when standard output is closed early, as by `head`) |
//! | 1 | the input could not be read or is not valid (not UTF-8 without `--lossy`, a bad JSONL line with `--strict`), or the output could not be written |
//! | 2 | bad arguments, or a gazetteer or corpus that cannot be loaded (the message names its file, line and field) |
//!
//! Messages go to standard error, `--help` and `--version` to standard output.

#![deny(missing_docs)]

use std::io;
use std::process::ExitCode;

pub mod evaluate;
pub mod explain;
pub mod extract;
pub mod formats;
pub mod html;
mod input;
pub mod json;
mod jsonl;
pub mod options;

/// Why a command stopped, and so its exit status.
#[derive(Debug)]
pub enum Failure {
    /// Bad arguments, or a gazetteer or corpus that cannot be loaded: exit status 2.
    Setup(String),
    /// Input that cannot be read or is not valid: exit status 1.
    Input(String),
    /// Output that cannot be written: exit status 1 (0 for a closed pipe).
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Output(e)
    }
}

impl From<greek_ner::BuildError> for Failure {
    fn from(e: greek_ner::BuildError) -> Failure {
        Failure::Setup(e.to_string())
    }
}

/// The exit status of a command's result, its message (if any) printed to stderr as
/// `PROG: message`.
pub fn exit_status(prog: &str, result: Result<(), Failure>) -> ExitCode {
    let (code, msg) = match result {
        Ok(()) => return ExitCode::SUCCESS,
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(Failure::Setup(m)) => (2, m),
        Err(Failure::Input(m)) => (1, m),
        Err(Failure::Output(e)) => (1, format!("cannot write the output: {e}")),
    };
    eprintln!("{prog}: {msg}");
    ExitCode::from(code)
}

/// Parses the arguments of a command run on its own (the examples): `--help` on stdout with
/// exit status 0, a usage error on stderr with exit status 2.
pub fn parse_args<A: clap::Parser>(prog: &'static str) -> A {
    let matches = A::command().name(prog).bin_name(prog).get_matches();
    A::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}
