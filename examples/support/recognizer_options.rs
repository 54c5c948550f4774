//! The recognizer options that `extract` and `evaluate` share.

use greek_ner::{BuildError, Recognizer};

/// `--gazetteer PATH`..., `--no-default-gazetteers`, `--learn-iob2 PATH`..., `--gazetteer-only`.
#[derive(Default)]
pub struct RecognizerOptions {
    pub gazetteer_only: bool,
    pub gazetteers: Vec<String>,
    pub learn: Vec<String>,
    pub no_defaults: bool,
}

impl RecognizerOptions {
    /// Builds the recognizer these options describe.
    pub fn build(&self) -> Result<Recognizer, BuildError> {
        let mut b = Recognizer::builder().default_gazetteers(!self.no_defaults);
        for g in &self.gazetteers {
            b = b.gazetteer_path(g);
        }
        for l in &self.learn {
            b = b.learn_iob2(l);
        }
        if self.gazetteer_only {
            b = b.gazetteer_only();
        }
        b.build()
    }
}
