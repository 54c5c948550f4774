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

    /// Learn names and conventions from an annotated IOB2 corpus and train the sequence
    /// model on it (repeatable; progress on stderr).
    #[arg(long = "train-iob2", value_name = "PATH")]
    pub train_iob2: Vec<PathBuf>,

    /// Load a model written by --save-model: what a corpus taught (names, conventions,
    /// model weights), with the gazetteers and stages it was trained with.
    #[arg(long, value_name = "PATH", conflicts_with_all = ["learn_iob2", "train_iob2"])]
    pub model: Option<PathBuf>,

    /// Write the trained model to PATH (with --train-iob2).
    #[arg(long, value_name = "PATH")]
    pub save_model: Option<PathBuf>,

    /// Add a file of token patterns, JSONL, one pattern per line (repeatable; format in the
    /// README). A pattern's entity outranks every built-in rule.
    #[arg(long = "patterns", value_name = "PATH")]
    pub patterns: Vec<PathBuf>,

    /// Add a veto list: names never to tag, one per line, optionally a tab and the one label
    /// to veto (repeatable).
    #[arg(long = "veto", value_name = "PATH")]
    pub vetoes: Vec<PathBuf>,

    /// Switch off a built-in rule or veto by name, as --explain shows it (repeatable).
    #[arg(long = "disable-rule", value_name = "NAME")]
    pub disabled_rules: Vec<String>,
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
        for t in &self.train_iob2 {
            b = b.train_iob2(t);
        }
        if let Some(m) = &self.model {
            b = b.model_path(m);
        }
        if self.gazetteer_only {
            b = b.gazetteer_only();
        }
        for p in &self.patterns {
            b = b.patterns_path(p);
        }
        for v in &self.vetoes {
            b = b.veto_path(v);
        }
        for r in &self.disabled_rules {
            b = b.disable_rule(r);
        }
        b
    }

    /// Builds the recognizer these options describe, and writes its model where
    /// `--save-model` says.
    pub fn build(&self) -> Result<Recognizer, BuildError> {
        let ner = self.builder().build()?;
        if let Some(path) = &self.save_model {
            ner.save_model(path)?;
        }
        Ok(ner)
    }
}
