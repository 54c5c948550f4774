//! The error returned when a recognizer cannot be built.

use std::fmt;
use std::path::Path;

/// An error building a [`crate::Recognizer`]: a gazetteer or corpus that cannot be read or
/// parsed, or an inconsistent entry.
///
/// It names the file, the 1-based line and the field at fault where they are known, so
/// that a user can go straight to the bad line.
#[derive(Debug)]
pub struct BuildError {
    file: String,
    line: Option<usize>,
    field: Option<&'static str>,
    kind: ErrorKind,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum ErrorKind {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("not valid UTF-8 at byte {0}")]
    Utf8(usize),
    #[error("{0}")]
    Invalid(String),
}

impl BuildError {
    pub(crate) fn new(
        file: &str,
        line: Option<usize>,
        field: Option<&'static str>,
        msg: impl Into<String>,
    ) -> BuildError {
        BuildError { file: file.to_string(), line, field, kind: ErrorKind::Invalid(msg.into()) }
    }

    pub(crate) fn io(path: &Path, e: std::io::Error) -> BuildError {
        BuildError { file: path.display().to_string(), line: None, field: None, kind: ErrorKind::Io(e) }
    }

    pub(crate) fn utf8(file: &str, line: Option<usize>, byte: usize) -> BuildError {
        BuildError { file: file.to_string(), line, field: None, kind: ErrorKind::Utf8(byte) }
    }

    /// The file (or gazetteer name) at fault.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line at fault, when the error is about one line.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The field (column name) at fault, when the error is about one field.
    pub fn field(&self) -> Option<&'static str> {
        self.field
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
