//! Opening the input: a file or standard input, with a progress bar when someone watches.

use std::io::{self, BufReader, IsTerminal, Read};
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::Failure;

/// An open input.
pub(crate) struct Input {
    /// Buffered; its bytes feed the progress bar as they are read.
    pub reader: BufReader<Box<dyn Read + Send>>,
    /// The file's name, or `standard input`.
    pub name: String,
    /// Hidden unless stderr is a terminal and the input a file of known size.
    pub progress: ProgressBar,
    /// Whether a read may wait for a writer (a pipe, a terminal), rather than a regular file
    /// whose bytes are all there.
    pub may_wait: bool,
}

impl Input {
    /// FILE, or standard input when there is none or it is `-`.
    pub fn open(file: Option<&Path>) -> Result<Input, Failure> {
        let path = file.filter(|p| p.as_os_str() != "-");
        let Some(path) = path else {
            let reader = BufReader::with_capacity(1 << 16, Box::new(io::stdin()) as Box<dyn Read + Send>);
            let may_wait = !stdin_is_a_file();
            return Ok(Input {
                reader,
                name: "standard input".into(),
                progress: ProgressBar::hidden(),
                may_wait,
            });
        };
        let name = path.display().to_string();
        let f = std::fs::File::open(path).map_err(|e| Failure::Input(format!("{name}: {e}")))?;
        let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
        let progress = match size {
            Some(len) if io::stderr().is_terminal() => bar(len),
            _ => ProgressBar::hidden(),
        };
        let reader: Box<dyn Read + Send> = Box::new(progress.wrap_read(f));
        let may_wait = size.is_none();
        Ok(Input { reader: BufReader::with_capacity(1 << 20, reader), name, progress, may_wait })
    }

    /// A read error, naming the input.
    pub fn error(&self, e: io::Error) -> Failure {
        Failure::Input(format!("{}: {e}", self.name))
    }

    /// Counts entities on the progress bar.
    pub fn found(&self, entities: u64) {
        if !self.progress.is_hidden() {
            self.progress.set_message(format!("{entities} entities"));
        }
    }
}

/// Whether standard input is a regular file (`< file`), on Linux; otherwise it is taken for
/// a pipe that may wait.
fn stdin_is_a_file() -> bool {
    std::fs::metadata("/proc/self/fd/0").is_ok_and(|m| m.is_file())
}

/// The bar of a file of `len` bytes: bytes read, speed, entities found.
fn bar(len: u64) -> ProgressBar {
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} · {msg}",
    )
    .expect("a valid template");
    let bar = ProgressBar::new(len).with_style(style).with_message("0 entities");
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
