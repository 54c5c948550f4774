//! The recognizer options that `extract` and `evaluate` share.

use greek_ner::{BuildError, Recognizer};

/// `--gazetteer PATH`..., `--no-default-gazetteers`, `--learn-iob2 PATH`..., `--gazetteer-only`,
/// `--patterns PATH`..., `--veto PATH`..., `--disable-rule NAME`....
#[derive(Default)]
pub struct RecognizerOptions {
    pub gazetteer_only: bool,
    pub gazetteers: Vec<String>,
    pub learn: Vec<String>,
    pub no_defaults: bool,
    pub patterns: Vec<String>,
    pub vetoes: Vec<String>,
    pub disabled_rules: Vec<String>,
}

impl RecognizerOptions {
    /// Takes the option `flag` (and its value from `args`) if it is one of user data:
    /// `--patterns PATH`, `--veto PATH`, `--disable-rule NAME`. Returns whether it was.
    pub fn take_user_data(
        &mut self,
        flag: &str,
        args: &mut impl Iterator<Item = String>,
    ) -> Result<bool, String> {
        let (list, what) = match flag {
            "--patterns" => (&mut self.patterns, "PATH"),
            "--veto" => (&mut self.vetoes, "PATH"),
            "--disable-rule" => (&mut self.disabled_rules, "NAME"),
            _ => return Ok(false),
        };
        list.push(args.next().ok_or_else(|| format!("{flag} needs a {what}"))?);
        Ok(true)
    }

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
        for p in &self.patterns {
            b = b.patterns_path(p);
        }
        for v in &self.vetoes {
            b = b.veto_path(v);
        }
        for r in &self.disabled_rules {
            b = b.disable_rule(r);
        }
        b.build()
    }
}
