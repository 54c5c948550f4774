//! The recognizer options that `extract` and `evaluate` share.

use greek_ner::{BuildError, Recognizer, RecognizerBuilder};

/// `--gazetteer PATH`..., `--no-default-gazetteers`, `--learn-iob2 PATH`..., `--gazetteer-only`,
/// `--train-iob2 PATH`..., `--model PATH`, `--save-model PATH`.
#[derive(Default)]
pub struct RecognizerOptions {
    pub gazetteer_only: bool,
    pub gazetteers: Vec<String>,
    pub learn: Vec<String>,
    pub no_defaults: bool,
    /// Corpora to learn names from and train the sequence model on.
    pub train: Vec<String>,
    /// A model file to load.
    pub model: Option<String>,
    /// Where to write the trained model.
    pub save_model: Option<String>,
}

impl RecognizerOptions {
    /// Builds the recognizer these options describe.
    pub fn build(&self) -> Result<Recognizer, BuildError> {
        let ner = self.builder().build()?;
        if let Some(path) = &self.save_model {
            ner.save_model(path)?;
        }
        Ok(ner)
    }

    /// The builder these options describe (`--save-model` aside).
    pub fn builder(&self) -> RecognizerBuilder {
        let mut b = Recognizer::builder().default_gazetteers(!self.no_defaults);
        for g in &self.gazetteers {
            b = b.gazetteer_path(g);
        }
        for l in &self.learn {
            b = b.learn_iob2(l);
        }
        for t in &self.train {
            b = b.train_iob2(t);
        }
        if let Some(m) = &self.model {
            b = b.model_path(m);
        }
        if self.gazetteer_only {
            b = b.gazetteer_only();
        }
        b
    }

    /// Parses one of these options at `arg`, taking its value from `args`: `Ok(false)`
    /// when `arg` is none of them.
    pub fn parse(&mut self, arg: &str, args: &mut impl Iterator<Item = String>) -> Result<bool, String> {
        let mut value = |what: &str| args.next().ok_or(format!("{what} needs a PATH"));
        match arg {
            "--gazetteer-only" => self.gazetteer_only = true,
            "--gazetteer" => self.gazetteers.push(value(arg)?),
            "--no-default-gazetteers" => self.no_defaults = true,
            "--learn-iob2" => self.learn.push(value(arg)?),
            "--train-iob2" => self.train.push(value(arg)?),
            "--model" => self.model = Some(value(arg)?),
            "--save-model" => self.save_model = Some(value(arg)?),
            _ => return Ok(false),
        }
        Ok(true)
    }
}
