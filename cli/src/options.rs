//! The recognizer options that every subcommand shares.

use std::path::PathBuf;

use clap::Args;
use greek_ner::{BuildError, Recognizer, RecognizerBuilder};

/// How to build the recognizer: gazetteers, corpora to learn from, stages.
///
/// Flattened into `extract`, `evaluate` and `html`. A new option is one field here plus one
/// builder call in [`RecognizerArgs::builder`].
#[derive(Args, Clone, Debug, Default)]
pub struct RecognizerArgs {
    /// Add a gazetteer TSV file (repeatable; format in gazetteers/README.md).
    #[arg(long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,

    /// Leave out the embedded gazetteers (use only those given with --gazetteer).
    #[arg(long)]
    pub no_default_gazetteers: bool,

    /// Learn names and conventions from an annotated IOB2 corpus first (repeatable).
    #[arg(long = "learn-iob2", value_name = "PATH")]
    pub learn_iob2: Vec<PathBuf>,

    /// Gazetteer lookup only: the rule and document stages off.
    #[arg(long)]
    pub gazetteer_only: bool,
}

impl RecognizerArgs {
    /// The builder these options describe.
    pub fn builder(&self) -> RecognizerBuilder {
        let mut b = Recognizer::builder().default_gazetteers(!self.no_default_gazetteers);
        for g in &self.gazetteers {
            b = b.gazetteer_path(g);
        }
        for l in &self.learn_iob2 {
            b = b.learn_iob2(l);
        }
        if self.gazetteer_only {
            b = b.gazetteer_only();
        }
        b
    }

    /// Builds the recognizer these options describe.
    pub fn build(&self) -> Result<Recognizer, BuildError> {
        self.builder().build()
    }
}
