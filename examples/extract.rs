//! Extract entities from Greek text: the command-line face of the output contract.
//!
//! ```text
//! extract [OPTIONS] [FILE]              plain text (FILE or stdin) → {"entities":[...]}
//! extract --jsonl [OPTIONS] [FILE]      {"id","text"} per line (FILE or stdin) → {"id","entities"} per line
//!
//! OPTIONS
//!   --gazetteer-only         gazetteer lookup only (rule and document stages off)
//!   --gazetteer PATH         add a gazetteer TSV file (repeatable)
//!   --learn-iob2 PATH        learn names from an annotated IOB2 corpus (repeatable)
//!   --no-default-gazetteers  leave out the embedded gazetteers
//!   --patterns PATH          add a file of token patterns, JSONL (repeatable; see the README)
//!   --veto PATH              add a veto list: names never to tag (repeatable; see the README)
//!   --disable-rule NAME      switch off a built-in rule or veto (repeatable)
//!   --explain                give each entity an "explain" trail and each document the
//!                            "dropped" candidate spans (see the README)
//!   --strict                 (--jsonl) stop at the first bad line with exit status 1
//!   --lossy                  (plain text) replace invalid UTF-8 instead of failing
//! ```
//!
//! In `--jsonl` mode output line N always answers input line N: a line that is not valid
//! UTF-8, not JSON, or has no string `"text"` gets `{"line":N,"id":…,"error":"…"}` in its
//! place, processing goes on, a summary goes to stderr and the exit status is 0 (unless
//! `--strict`). A blank line is a bad line too, so that line numbers never shift; lines may
//! end in `\n` or `\r\n`, the last one may have no line end, and a BOM before the first is
//! ignored. Ids are echoed exactly as written (a string, a number such as
//! `12345678901234567890` or `1.50`, `null`, or absent), also on error records. Memory does
//! not grow with the number of lines, and each answer is written out before the program waits
//! for more input.
//!
//! In plain-text mode, input that is not UTF-8 is an error naming the byte offset and line
//! (exit status 1), unless `--lossy`. A gazetteer or corpus that cannot be loaded is an error
//! naming its file, line and field (exit status 2).

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use greek_ner::Recognizer;
use serde_json::json;
use serde_json::value::RawValue;

#[path = "support/recognizer_options.rs"]
mod recognizer_options;
use recognizer_options::RecognizerOptions;

struct Options {
    jsonl: bool,
    explain: bool,
    recognizer: RecognizerOptions,
    strict: bool,
    lossy: bool,
    file: Option<String>,
}

fn usage() -> &'static str {
    "usage: extract [--jsonl] [--gazetteer-only] [--gazetteer PATH]... [--learn-iob2 PATH]... [--no-default-gazetteers] [--patterns PATH]... [--veto PATH]... [--disable-rule NAME]... [--explain] [--strict] [--lossy] [FILE]"
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        jsonl: false,
        explain: false,
        recognizer: RecognizerOptions::default(),
        strict: false,
        lossy: false,
        file: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jsonl" => o.jsonl = true,
            "--explain" => o.explain = true,
            s if o.recognizer.take_user_data(s, &mut args)? => {}
            "--gazetteer-only" => o.recognizer.gazetteer_only = true,
            "--gazetteer" => o.recognizer.gazetteers.push(args.next().ok_or("--gazetteer needs a PATH")?),
            "--learn-iob2" => o.recognizer.learn.push(args.next().ok_or("--learn-iob2 needs a PATH")?),
            "--no-default-gazetteers" => o.recognizer.no_defaults = true,
            "--strict" => o.strict = true,
            "--lossy" => o.lossy = true,
            "-h" | "--help" => return Err(usage().to_string()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}\n{}", usage())),
            s => {
                if o.file.replace(s.to_string()).is_some() {
                    return Err(format!("only one FILE\n{}", usage()));
                }
            }
        }
    }
    Ok(o)
}

/// Why a JSONL line got no entities, with its id when the line is JSON enough to have one.
struct BadLine {
    id: Option<String>,
    error: String,
}

impl BadLine {
    fn new(id: Option<String>, error: impl Into<String>) -> BadLine {
        BadLine { id, error: error.into() }
    }
}

/// A JSON value exactly as the input wrote it, minus white space between tokens (so that a
/// record stays on one line whatever the input's spacing): ids are echoed byte for byte,
/// `12345678901234567890` and `1.50` included.
fn compact_json(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in raw.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// The top-level fields of a JSON object line, each value as written.
type Fields<'a> = std::collections::BTreeMap<String, &'a RawValue>;

/// The id of a line that is a JSON object, as written.
fn id_of(fields: &Fields) -> Option<String> {
    fields.get("id").map(|v| compact_json(v.get()))
}

/// Parses one JSONL line (without its line end) into its id and text.
fn parse_line(raw: &[u8]) -> Result<(Option<String>, String), BadLine> {
    let s = match std::str::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => {
            // The id is still worth echoing when the bad bytes are elsewhere (in the text).
            let lossy = String::from_utf8_lossy(raw);
            let id = serde_json::from_str::<Fields>(&lossy)
                .ok()
                .and_then(|f| id_of(&f))
                .filter(|id| !id.contains('\u{FFFD}'));
            return Err(BadLine::new(id, format!("not valid UTF-8 at byte {}", e.valid_up_to())));
        }
    };
    if s.trim().is_empty() {
        return Err(BadLine::new(None, "empty line (expected a JSON object with a string \"text\")"));
    }
    let value: &RawValue =
        serde_json::from_str(s).map_err(|e| BadLine::new(None, format!("not JSON: {e}")))?;
    if !value.get().starts_with('{') {
        return Err(BadLine::new(None, "not a JSON object (expected {\"id\":…,\"text\":\"…\"})"));
    }
    let fields: Fields = serde_json::from_str(s).map_err(|e| BadLine::new(None, format!("not JSON: {e}")))?;
    let id = id_of(&fields);
    let Some(text) = fields.get("text") else {
        return Err(BadLine::new(id, "no \"text\" field"));
    };
    match serde_json::from_str::<String>(text.get()) {
        Ok(text) => Ok((id, text)),
        Err(e) if text.get().starts_with('"') => {
            Err(BadLine::new(id, format!("\"text\" is not a valid string: {e}")))
        }
        Err(_) => Err(BadLine::new(id, "\"text\" is not a string")),
    }
}

/// The output record of a line that was answered: `{"id":…,"entities":[…]}`.
fn write_answer(out: &mut impl Write, id: Option<&str>, entities: &[greek_ner::Entity]) -> io::Result<()> {
    out.write_all(b"{")?;
    if let Some(id) = id {
        out.write_all(b"\"id\":")?;
        out.write_all(id.as_bytes())?;
        out.write_all(b",")?;
    }
    out.write_all(b"\"entities\":")?;
    serde_json::to_writer(&mut *out, entities)?;
    out.write_all(b"}\n")
}

/// The `"entities"` and `"dropped"` of an explanation (`--explain`): each entity as
/// `write_answer` writes it, with its `"explain"` trail as the last field.
fn write_explained(out: &mut impl Write, x: &greek_ner::Explanation) -> io::Result<()> {
    out.write_all(b"\"entities\":[")?;
    for (i, e) in x.entities.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let record = serde_json::to_vec(&e.entity)?;
        // `{...}` → `{...,"explain":[...]}`
        out.write_all(&record[..record.len() - 1])?;
        out.write_all(b",\"explain\":")?;
        serde_json::to_writer(&mut *out, &e.trail)?;
        out.write_all(b"}")?;
    }
    out.write_all(b"],\"dropped\":")?;
    serde_json::to_writer(&mut *out, &x.dropped)?;
    Ok(())
}

/// The output record of a line that was answered with `--explain`:
/// `{"id":…,"entities":[…],"dropped":[…]}`.
fn write_explained_answer(
    out: &mut impl Write,
    id: Option<&str>,
    x: &greek_ner::Explanation,
) -> io::Result<()> {
    out.write_all(b"{")?;
    if let Some(id) = id {
        out.write_all(b"\"id\":")?;
        out.write_all(id.as_bytes())?;
        out.write_all(b",")?;
    }
    write_explained(out, x)?;
    out.write_all(b"}\n")
}

/// The output record of a bad line: `{"line":N,"id":…,"error":"…"}`.
fn write_error(out: &mut impl Write, line: usize, bad: &BadLine) -> io::Result<()> {
    write!(out, "{{\"line\":{line},")?;
    if let Some(id) = &bad.id {
        write!(out, "\"id\":{id},")?;
    }
    out.write_all(b"\"error\":")?;
    serde_json::to_writer(&mut *out, &bad.error)?;
    out.write_all(b"}\n")
}

/// A read error, naming the input.
fn input_error(o: &Options, e: io::Error) -> io::Error {
    let name = o.file.as_deref().filter(|p| *p != "-").unwrap_or("standard input");
    io::Error::new(e.kind(), format!("{name}: {e}"))
}

/// FILE, or standard input when there is none or it is `-`.
fn open_input(o: &Options) -> io::Result<io::BufReader<Box<dyn Read>>> {
    let input: Box<dyn Read> = match o.file.as_deref() {
        Some(path) if path != "-" => match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return Err(io::Error::new(e.kind(), format!("{path}: {e}"))),
        },
        _ => Box::new(io::stdin()),
    };
    Ok(io::BufReader::with_capacity(1 << 16, input))
}

fn run_jsonl(ner: &Recognizer, o: &Options) -> io::Result<ExitCode> {
    let mut input = open_input(o)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut worker = ner.worker();
    // One line at a time, in a buffer that only grows to the longest line: memory does not
    // grow with the number of lines.
    let mut buf = Vec::new();
    let (mut lines, mut bad) = (0usize, 0usize);
    loop {
        buf.clear();
        // Before a read that may wait for input, hand over what is answered: a pipeline
        // that feeds lines one by one gets each answer without waiting for a full buffer.
        if input.buffer().is_empty() {
            out.flush()?;
        }
        if input.read_until(b'\n', &mut buf).map_err(|e| input_error(o, e))? == 0 {
            break;
        }
        lines += 1;
        let mut raw = &buf[..];
        raw = raw.strip_suffix(b"\n").unwrap_or(raw);
        raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if lines == 1 {
            raw = raw.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(raw);
        }
        let result = parse_line(raw).and_then(|(id, text)| {
            // A bug in the library must not cost the rest of the archive: the line gets an
            // error record and the next line a fresh worker.
            let run = || {
                if o.explain {
                    Err(ner.explain(&text))
                } else {
                    Ok(worker.extract(&text))
                }
            };
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
                Ok(entities) => Ok((id, entities)),
                Err(_) => {
                    worker = ner.worker();
                    Err(BadLine::new(id, "internal error (a bug in greek-ner: please report this line)"))
                }
            }
        });
        match result {
            Ok((id, Ok(entities))) => write_answer(&mut out, id.as_deref(), &entities)?,
            Ok((id, Err(explained))) => write_explained_answer(&mut out, id.as_deref(), &explained)?,
            Err(b) => {
                bad += 1;
                if o.strict {
                    out.flush()?;
                    eprintln!("extract: line {lines}: {} (--strict: stopping)", b.error);
                    return Ok(ExitCode::FAILURE);
                }
                write_error(&mut out, lines, &b)?;
            }
        }
    }
    out.flush()?;
    eprintln!("extract: {lines} lines, {} answered, {bad} with errors", lines - bad);
    Ok(ExitCode::SUCCESS)
}

fn run_text(ner: &Recognizer, o: &Options) -> io::Result<ExitCode> {
    let mut bytes = Vec::new();
    open_input(o)?.read_to_end(&mut bytes).map_err(|e| input_error(o, e))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) if o.lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            eprintln!(
                "extract: {}: not valid UTF-8 at byte offset {at} (line {line}); use --lossy to replace invalid bytes",
                o.file.as_deref().filter(|p| *p != "-").unwrap_or("standard input")
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if o.explain {
        let mut record = b"{".to_vec();
        write_explained(&mut record, &ner.explain(&text))?;
        record.push(b'}');
        let value: serde_json::Value = serde_json::from_slice(&record)?;
        serde_json::to_writer_pretty(&mut out, &value)?;
    } else {
        let entities = ner.extract(&text);
        serde_json::to_writer_pretty(&mut out, &json!({ "entities": entities }))?;
    }
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let ner = match o.recognizer.build() {
        Ok(n) => n,
        Err(e) => {
            eprintln!("extract: {e}");
            return ExitCode::from(2);
        }
    };
    let result = if o.jsonl { run_jsonl(&ner, &o) } else { run_text(&ner, &o) };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::FAILURE
        }
    }
}
