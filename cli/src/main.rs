//! The `greek-ner` command (see the crate docs and `greek-ner --help`).

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use greek_ner_cli::evaluate::{self, EvaluateArgs};
use greek_ner_cli::extract::{self, ExtractArgs};
use greek_ner_cli::html::{self, HtmlArgs};

/// Persons, places and organisations in Greek political news, with exact spans and
/// canonical ids.
///
/// Exit status: 0 on success; 1 when the input cannot be read or is not valid, or the output
/// cannot be written; 2 for bad arguments or a gazetteer or corpus that cannot be loaded.
#[derive(Parser)]
#[command(name = "greek-ner", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Extract(ExtractArgs),
    Evaluate(EvaluateArgs),
    Html(HtmlArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) => greek_ner_cli::exit_status("greek-ner extract", extract::run(&a)),
        Command::Evaluate(a) => greek_ner_cli::exit_status("greek-ner evaluate", evaluate::run(&a)),
        Command::Html(a) => greek_ner_cli::exit_status("greek-ner html", html::run(&a)),
    }
}
