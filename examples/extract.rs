//! Extract entities from Greek text: the command-line face of the output contract.
//!
//! ```text
//! extract [OPTIONS] [FILE]              plain text (FILE or stdin) → {"entities":[...]}
//! extract --jsonl [OPTIONS] < in.jsonl  {"id","text"} per line → {"id","entities"} per line
//!
//! OPTIONS
//!   --gazetteer-only         gazetteer lookup only (rule and document stages off)
//!   --gazetteer PATH         add a gazetteer TSV file (repeatable)
//!   --no-default-gazetteers  leave out the embedded gazetteers
//!   --strict                 (--jsonl) stop at the first bad line with exit status 1
//!   --lossy                  (plain text) replace invalid UTF-8 instead of failing
//! ```
//!
//! In `--jsonl` mode output line N always answers input line N: a line that is not valid
//! UTF-8, not JSON, or has no string `"text"` gets `{"line":N,"id":…,"error":"…"}` in its
//! place, processing goes on, a summary goes to stderr and the exit status is 0 (unless
//! `--strict`). Ids are echoed exactly as given. Memory does not grow with the number of lines.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use greek_ner::Recognizer;
use serde_json::{json, Value};

struct Options {
    jsonl: bool,
    gazetteer_only: bool,
    gazetteers: Vec<String>,
    no_defaults: bool,
    strict: bool,
    lossy: bool,
    file: Option<String>,
}

fn usage() -> &'static str {
    "usage: extract [--jsonl] [--gazetteer-only] [--gazetteer PATH]... [--no-default-gazetteers] [--strict] [--lossy] [FILE]"
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        jsonl: false,
        gazetteer_only: false,
        gazetteers: Vec::new(),
        no_defaults: false,
        strict: false,
        lossy: false,
        file: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jsonl" => o.jsonl = true,
            "--gazetteer-only" => o.gazetteer_only = true,
            "--gazetteer" => o.gazetteers.push(args.next().ok_or("--gazetteer needs a PATH")?),
            "--no-default-gazetteers" => o.no_defaults = true,
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

fn build(o: &Options) -> Result<Recognizer, greek_ner::BuildError> {
    let mut b = Recognizer::builder().default_gazetteers(!o.no_defaults);
    for g in &o.gazetteers {
        b = b.gazetteer_path(g);
    }
    if o.gazetteer_only {
        b = b.gazetteer_only();
    }
    b.build()
}

/// One JSONL input line → one output record (entities or an in-band error).
fn answer(ner: &mut greek_ner::Worker, line_no: usize, raw: &[u8]) -> Result<Value, Value> {
    let error = |id: Option<&Value>, msg: String| {
        let mut v = json!({ "line": line_no });
        if let Some(id) = id {
            v["id"] = id.clone();
        }
        v["error"] = Value::String(msg);
        v
    };
    let s = std::str::from_utf8(raw)
        .map_err(|e| error(None, format!("not valid UTF-8 at byte {}", e.valid_up_to())))?;
    let v: Value = serde_json::from_str(s).map_err(|e| error(None, format!("not JSON: {e}")))?;
    let id = v.get("id");
    let Some(obj) = v.as_object() else {
        return Err(error(None, "not a JSON object".into()));
    };
    let Some(text) = obj.get("text").and_then(Value::as_str) else {
        return Err(error(id, "no string \"text\" field".into()));
    };
    let entities = ner.extract(text);
    let mut out = serde_json::Map::new();
    if let Some(id) = id {
        out.insert("id".into(), id.clone());
    }
    out.insert("entities".into(), serde_json::to_value(&entities).expect("entities serialize"));
    Ok(Value::Object(out))
}

fn run_jsonl(ner: &Recognizer, o: &Options) -> io::Result<ExitCode> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut worker = ner.worker();
    let mut buf = Vec::new();
    let (mut lines, mut bad) = (0usize, 0usize);
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        lines += 1;
        let mut raw = &buf[..];
        raw = raw.strip_suffix(b"\n").unwrap_or(raw);
        raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let record = match answer(&mut worker, lines, raw) {
            Ok(v) => v,
            Err(v) => {
                bad += 1;
                if o.strict {
                    out.flush()?;
                    eprintln!("extract: line {lines}: {}", v["error"].as_str().unwrap_or("error"));
                    return Ok(ExitCode::FAILURE);
                }
                v
            }
        };
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    eprintln!("extract: {lines} lines, {} answered, {bad} with errors", lines - bad);
    Ok(ExitCode::SUCCESS)
}

fn run_text(ner: &Recognizer, o: &Options) -> io::Result<ExitCode> {
    let mut bytes = Vec::new();
    match &o.file {
        Some(path) if path != "-" => bytes = std::fs::read(path)?,
        _ => {
            io::stdin().lock().read_to_end(&mut bytes)?;
        }
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) if o.lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(e) => {
            eprintln!(
                "extract: input is not valid UTF-8 at byte offset {} (use --lossy to replace invalid bytes)",
                e.utf8_error().valid_up_to()
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let entities = ner.extract(&text);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    serde_json::to_writer_pretty(&mut out, &json!({ "entities": entities }))?;
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
    let ner = match build(&o) {
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
