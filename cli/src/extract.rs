//! `extract`: entities of plain text or of JSONL documents, as JSON, JSONL, TSV or CoNLL.
//!
//! Plain text streams: it is read in blocks cut at paragraph breaks, and each block is one
//! document for the recognizer, so any input size runs in bounded memory. The document pass
//! (partial names taking the entity of full ones, one label per name) therefore links names
//! within a block: a block ends at the first blank line after `--window` KiB (default
//! 1024), or at the last line end before twice that when there is no blank line, so a text
//! shorter than the window is one document, exactly as the library sees it.
//!
//! JSONL input is answered line for line: output line N always answers input line N. A
//! line that is not valid UTF-8, not JSON, or has no string `"text"` gets
//! `{"line":N,"id":…,"error":"…"}` in its place, processing goes on, a summary goes to stderr
//! and the exit status is 0 (unless `--strict`). A blank line is a bad line too, so that line
//! numbers never shift; lines may end in `\n` or `\r\n`, the last one may have no line end,
//! and a BOM before the first is ignored. Ids are echoed exactly as written. With
//! `--threads N`, lines go to the threads in chunks of 256 (at most 4 chunks per thread in
//! flight) and are written in input order: the output is the same for every N, memory does
//! not grow with the number of lines, and the answers read so far are written out before the
//! program waits for more input.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::sync::mpsc;

use clap::{Parser, ValueEnum};
use greek_ner::{Recognizer, Worker};
use rayon::prelude::*;

use crate::explain;
use crate::formats;
use crate::input::Input;
use crate::json::{self, DocumentWriter, EntityList};
use crate::jsonl::{self, BadLine};
use crate::options::RecognizerArgs;
use crate::Failure;

/// Find persons, places and organisations in Greek text.
///
/// Reads plain text (FILE or standard input) and prints one JSON document
/// {"entities":[...]}, or with --jsonl reads {"id","text"} lines and writes one
/// {"id","entities"} line per input line. Each entity has start, end (Unicode scalar
/// offsets), byte_start, byte_end, text, label (PER|LOC|ORG) and where known id, canonical,
/// kind, source and confidence.
///
/// Exit status: 0 on success; 1 when the input cannot be read or is not valid (not UTF-8
/// without --lossy, a bad line with --strict) or the output cannot be written; 2 for bad
/// arguments or a gazetteer or corpus that cannot be loaded.
#[derive(Parser, Debug, Clone)]
#[command(version)]
pub struct ExtractArgs {
    /// Input file; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Read JSONL: one {"id":…,"text":"…"} object per line, each answered on its own line
    /// (bad lines get an in-band {"line":N,"id":…,"error":"…"} record).
    #[arg(long)]
    pub jsonl: bool,

    /// Output format [default: json for plain text, jsonl for --jsonl input].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// With --jsonl: stop at the first bad line, with exit status 1.
    #[arg(long)]
    pub strict: bool,

    /// Plain text: replace invalid UTF-8 with U+FFFD instead of failing (offsets then index
    /// the replaced text).
    #[arg(long)]
    pub lossy: bool,

    /// Worker threads, at most 256 (0: one per core). The output is the same for every N.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(0..=256))]
    pub threads: u32,

    /// Plain text: the document window in KiB. Blocks of about this size, cut at paragraph
    /// breaks, are each one document, so names are linked within a block.
    #[arg(long, value_name = "KIB", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..))]
    pub window: u32,

    /// Give each entity an "explain" array (the stages, rules and entries that made and
    /// changed it, in order) and each document a "dropped" array of {"start","end","text",
    /// "by"}: every candidate span removed, and what removed it. Formats json and jsonl only;
    /// slower (see the README, "How to read --explain").
    #[arg(long)]
    pub explain: bool,

    /// How the recognizer is built.
    #[command(flatten, next_help_heading = "Recognizer")]
    pub recognizer: RecognizerArgs,
}

/// How `extract` writes entities.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One pretty-printed JSON document {"entities":[...]} (plain text only).
    Json,
    /// One JSON object per line: {"id","entities"} per input line (--jsonl), or the
    /// document {"entities":[...]} on one line (plain text).
    Jsonl,
    /// One entity per line, tab-separated, after a header line: doc (the JSONL id), then
    /// the JSON fields (tabs and line ends in fields escaped as \t, \n).
    Tsv,
    /// A token and its IOB2 tag per line (B-PER, I-LOC, O...), a blank line after each line
    /// of the text: input for other NER tools.
    Conll,
}

/// Runs `extract`: reads the input, writes the entities to stdout.
pub fn run(args: &ExtractArgs) -> Result<(), Failure> {
    let format = args.format.unwrap_or(if args.jsonl { Format::Jsonl } else { Format::Json });
    if args.jsonl && format == Format::Json {
        return Err(Failure::Setup(
            "--format json writes one document: with --jsonl input use --format jsonl".into(),
        ));
    }
    if args.explain && !matches!(format, Format::Json | Format::Jsonl) {
        return Err(Failure::Setup("--explain writes JSON: use --format json or jsonl".into()));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads as usize)
        .build()
        .map_err(|e| Failure::Setup(format!("cannot start {} threads: {e}", args.threads)))?;
    let ner = args.recognizer.build()?;
    let mut input = Input::open(args.file.as_deref())?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = if args.jsonl {
        run_jsonl(&ner, args, format, &pool, &mut input, &mut out)
    } else if args.explain {
        run_text_explained(&ner, args, format, &mut input, &mut out)
    } else {
        run_text(&ner, args, format, &pool, &mut input, &mut out)
    };
    input.progress.finish();
    out.flush()?;
    result
}

/// JSONL lines go to the threads in chunks of this many lines (or [`CHUNK_BYTES`]), at most
/// [`CHUNKS_PER_THREAD`] chunks per thread in flight: memory stays bounded, and no thread
/// waits for another to finish a window before it gets more work.
const CHUNK_LINES: usize = 256;
const CHUNK_BYTES: usize = 1 << 20;
const CHUNKS_PER_THREAD: usize = 4;

/// The answer to one JSONL line: its output bytes and entity count, or why it has none.
type Answer = Result<(Vec<u8>, usize), BadLine>;

/// Writes the answers of JSONL lines in input order, whatever order their chunks come back
/// in.
struct OrderedOutput<'a, W: Write> {
    out: &'a mut W,
    format: Format,
    strict: bool,
    /// Chunks that came back before an earlier one, by sequence number.
    early: BTreeMap<u64, Vec<Answer>>,
    next: u64,
    line_no: u64,
    bad: u64,
    found: u64,
}

impl<W: Write> OrderedOutput<'_, W> {
    /// Takes chunk `seq`, writing it and every chunk it held back.
    fn take(&mut self, seq: u64, answers: Vec<Answer>) -> Result<(), Failure> {
        self.early.insert(seq, answers);
        while let Some(answers) = self.early.remove(&self.next) {
            self.next += 1;
            for a in answers {
                self.write(a)?;
            }
        }
        Ok(())
    }

    fn write(&mut self, a: Answer) -> Result<(), Failure> {
        self.line_no += 1;
        match a {
            Ok((bytes, k)) => {
                self.out.write_all(&bytes)?;
                self.found += k as u64;
            }
            Err(b) => {
                self.bad += 1;
                if self.strict {
                    return Err(Failure::Input(format!(
                        "line {}: {} (--strict: stopping)",
                        self.line_no, b.error
                    )));
                }
                if matches!(self.format, Format::Json | Format::Jsonl) {
                    jsonl::write_error(self.out, self.line_no, &b)?;
                } else {
                    // No line for line answers in TSV and CoNLL: the error goes to stderr.
                    eprintln!("extract: line {}: {}", self.line_no, b.error);
                }
            }
        }
        Ok(())
    }
}

fn run_jsonl(
    ner: &Recognizer,
    args: &ExtractArgs,
    format: Format,
    pool: &rayon::ThreadPool,
    input: &mut Input,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if format == Format::Tsv {
        out.write_all(formats::TSV_HEADER.as_bytes())?;
    }
    let mut output = OrderedOutput {
        out,
        format,
        strict: args.strict,
        early: BTreeMap::new(),
        next: 0,
        line_no: 0,
        bad: 0,
        found: 0,
    };
    let max_in_flight = CHUNKS_PER_THREAD * pool.current_num_threads();
    let (tx, rx) = mpsc::channel::<(u64, Vec<Answer>)>();
    let (mut sent, mut eof) = (0u64, false);
    while !eof {
        let mut chunk: Vec<Vec<u8>> = Vec::new();
        let mut bytes = 0;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            if input.may_wait && input.reader.buffer().is_empty() {
                if !chunk.is_empty() {
                    break; // answer what is read before waiting for more input
                }
                // Everything read so far is answered and written out before the wait.
                while output.next < sent {
                    let (seq, answers) = rx.recv().expect("the pool answers every chunk");
                    output.take(seq, answers)?;
                }
                output.out.flush()?;
                input.found(output.found);
            }
            let mut line = Vec::new();
            if input.reader.read_until(b'\n', &mut line).map_err(|e| input.error(e))? == 0 {
                eof = true;
                break;
            }
            bytes += line.len();
            chunk.push(line);
        }
        if !chunk.is_empty() {
            let (seq, tx, ner, explain) = (sent, tx.clone(), ner.clone(), args.explain);
            pool.spawn(move || {
                let mut worker = ner.worker();
                let answers = chunk
                    .iter()
                    .enumerate()
                    .map(|(i, raw)| answer(&ner, &mut worker, raw, seq == 0 && i == 0, format, explain))
                    .collect();
                // The receiver is gone only when the run stopped (--strict, an error).
                let _ = tx.send((seq, answers));
            });
            sent += 1;
        }
        // Write what is back; wait while the window is full, or at the end for the rest.
        while output.next < sent {
            let in_flight = (sent - output.next) as usize;
            let got = if eof || in_flight >= max_in_flight { rx.recv().ok() } else { rx.try_recv().ok() };
            let Some((seq, answers)) = got else { break };
            output.take(seq, answers)?;
        }
        input.found(output.found);
    }
    let OrderedOutput { line_no, bad, found, .. } = output;
    eprintln!("extract: {line_no} lines, {} answered, {bad} with errors, {found} entities", line_no - bad);
    Ok(())
}

/// Answers one JSONL line (with its line end; the BOM stripped from the first).
fn answer(
    ner: &Recognizer,
    worker: &mut Worker,
    raw: &[u8],
    first: bool,
    format: Format,
    explain: bool,
) -> Answer {
    let mut raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if first {
        raw = raw.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(raw);
    }
    let (id, text) = jsonl::parse_line(raw)?;
    // A bug in the library must not cost the rest of the archive: the line gets an error
    // record and the next line a fresh worker.
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut buf = Vec::with_capacity(64 + text.len() / 4);
        let n = if explain {
            render_explained(&mut buf, id.as_deref(), ner, &text).expect("writes to a Vec")
        } else {
            render_record(&mut buf, id.as_deref(), worker, &text, format).expect("writes to a Vec")
        };
        (buf, n)
    }));
    rendered.map_err(|_| {
        *worker = ner.worker();
        BadLine::new(id, "internal error (a bug in greek-ner: please report this line)")
    })
}

/// Writes the output record of one JSONL document, returning its number of entities.
fn render_record(
    out: &mut Vec<u8>,
    id: Option<&str>,
    worker: &mut Worker,
    text: &str,
    format: Format,
) -> io::Result<usize> {
    if !matches!(format, Format::Json | Format::Jsonl) {
        return Ok(render_entities(out, &formats::doc_column(id), worker, text, 0, 0, format));
    }
    out.push(b'{');
    if let Some(id) = id {
        out.extend_from_slice(b"\"id\":");
        out.extend_from_slice(id.as_bytes());
        out.push(b',');
    }
    out.extend_from_slice(b"\"entities\":[");
    let n = render_entities(out, "", worker, text, 0, 0, format);
    out.extend_from_slice(b"]}\n");
    Ok(n)
}

/// Writes the output record of one JSONL document with `--explain`:
/// `{"id":…,"entities":[…],"dropped":[…]}`, each entity with its `"explain"` trail.
fn render_explained(out: &mut Vec<u8>, id: Option<&str>, ner: &Recognizer, text: &str) -> io::Result<usize> {
    let x = ner.explain(text);
    out.push(b'{');
    if let Some(id) = id {
        out.extend_from_slice(b"\"id\":");
        out.extend_from_slice(id.as_bytes());
        out.push(b',');
    }
    explain::write_explanation(out, &x.entities, &x.dropped, false)?;
    out.extend_from_slice(b"}\n");
    Ok(x.entities.len())
}

/// Plain text with `--explain`: the document `{"entities":[…],"dropped":[…]}`, its blocks
/// (see the module doc) explained one after the other.
fn run_text_explained(
    ner: &Recognizer,
    args: &ExtractArgs,
    format: Format,
    input: &mut Input,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let target = args.window as usize * 1024;
    let mut blocks = BlockReader::new(target, 2 * target);
    let (mut raw_offset, mut line, mut byte_offset, mut char_offset) = (0usize, 1usize, 0usize, 0usize);
    let (mut entities, mut dropped) = (Vec::new(), Vec::new());
    while let Some(raw) = blocks.next(&mut input.reader).map_err(|e| input.error(e))? {
        let text = block_text(raw, args.lossy, &input.name, raw_offset, line)?;
        raw_offset += raw.len();
        line += raw.iter().filter(|&&b| b == b'\n').count();
        let mut x = ner.explain(&text);
        explain::shift_explanation(&mut x, byte_offset, char_offset);
        entities.append(&mut x.entities);
        dropped.append(&mut x.dropped);
        byte_offset += text.len();
        char_offset += text.chars().count();
    }
    input.found(entities.len() as u64);
    let pretty = format == Format::Json;
    out.write_all(if pretty { b"{\n  " } else { b"{" })?;
    explain::write_explanation(out, &entities, &dropped, pretty)?;
    out.write_all(if pretty { b"\n}\n" } else { b"}\n" })?;
    Ok(())
}

/// Writes the entities of `text` (a document, or a block of one starting `byte_offset`
/// bytes and `char_offset` chars in) in `format`: for JSON, the items of the entity list
/// (pretty for `Json`); for TSV, rows of document `doc`; for CoNLL, the tagged tokens.
/// Returns their number.
fn render_entities(
    out: &mut Vec<u8>,
    doc: &str,
    worker: &mut Worker,
    text: &str,
    byte_offset: usize,
    char_offset: usize,
    format: Format,
) -> usize {
    if format == Format::Conll {
        // Tagged on the block's own offsets.
        let spans: Vec<_> = worker.entities(text).map(|e| (e.span, e.label)).collect();
        formats::conll(out, text, &spans);
        return spans.len();
    }
    let entities = worker.entities(text).map(|e| json::shifted(e, byte_offset, char_offset));
    match format {
        Format::Tsv => entities.map(|e| formats::tsv_row(out, doc, &e)).count(),
        _ => {
            let mut list = EntityList::new(format == Format::Json);
            for e in entities {
                list.push(out, &e).expect("writes to a Vec");
            }
            list.len()
        }
    }
}

/// A block of plain text, decoded, with where it starts in the whole text.
struct Block {
    text: String,
    byte_offset: usize,
    char_offset: usize,
}

fn run_text(
    ner: &Recognizer,
    args: &ExtractArgs,
    format: Format,
    pool: &rayon::ThreadPool,
    input: &mut Input,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let target = args.window as usize * 1024;
    let mut blocks = BlockReader::new(target, 2 * target);
    let pretty = format == Format::Json;
    let mut doc: Option<DocumentWriter> = None;
    let (mut begun, mut found) = (false, 0u64);
    // Where the next block starts: in the input's bytes and lines, and in the decoded text.
    let (mut raw_offset, mut line, mut byte_offset, mut char_offset) = (0usize, 1usize, 0usize, 0usize);
    let per_batch = pool.current_num_threads();
    let mut batch: Vec<Block> = Vec::with_capacity(per_batch);
    loop {
        batch.clear();
        let mut invalid = None;
        while batch.len() < per_batch {
            let Some(raw) = blocks.next(&mut input.reader).map_err(|e| input.error(e))? else { break };
            let text = match block_text(raw, args.lossy, &input.name, raw_offset, line) {
                Ok(text) => text,
                Err(e) => {
                    invalid = Some(e);
                    break;
                }
            };
            raw_offset += raw.len();
            line += raw.iter().filter(|&&b| b == b'\n').count();
            let chars = text.chars().count();
            batch.push(Block { text, byte_offset, char_offset });
            byte_offset += batch.last().map_or(0, |b| b.text.len());
            char_offset += chars;
        }
        let parts: Vec<(Vec<u8>, usize)> = pool.install(|| {
            batch
                .par_iter()
                .map_init(
                    || ner.worker(),
                    |w, b| {
                        let mut buf = Vec::new();
                        let n =
                            render_entities(&mut buf, "", w, &b.text, b.byte_offset, b.char_offset, format);
                        (buf, n)
                    },
                )
                .collect()
        });
        // Nothing is written before the first block is known to be valid.
        if !begun && invalid.is_none() {
            begun = true;
            match format {
                Format::Json | Format::Jsonl => doc = Some(DocumentWriter::begin(out, pretty)?),
                Format::Tsv => out.write_all(formats::TSV_HEADER.as_bytes())?,
                Format::Conll => {}
            }
        }
        for (part, n) in &parts {
            match doc.as_mut() {
                Some(d) => d.append(out, part, *n)?,
                None => out.write_all(part)?,
            }
            found += *n as u64;
        }
        input.found(found);
        if let Some(failure) = invalid {
            return Err(failure);
        }
        if batch.len() < per_batch {
            break;
        }
    }
    if let Some(d) = doc {
        d.end(out)?;
    }
    Ok(())
}

/// Cuts a byte stream into blocks at paragraph breaks, holding at most `max` bytes (plus
/// one read) at a time.
struct BlockReader {
    target: usize,
    max: usize,
    buf: Vec<u8>,
    /// Bytes of `buf` already handed out.
    done: usize,
    eof: bool,
}

impl BlockReader {
    fn new(target: usize, max: usize) -> BlockReader {
        BlockReader { target, max, buf: Vec::new(), done: 0, eof: false }
    }

    /// The next block, or `None` at the end of the input.
    fn next(&mut self, input: &mut impl BufRead) -> io::Result<Option<&[u8]>> {
        self.buf.drain(..self.done);
        self.done = 0;
        while !self.eof && self.buf.len() < self.max {
            let chunk = input.fill_buf()?;
            if chunk.is_empty() {
                self.eof = true;
                break;
            }
            let take = chunk.len().min(self.max - self.buf.len());
            self.buf.extend_from_slice(&chunk[..take]);
            input.consume(take);
        }
        if self.buf.is_empty() {
            return Ok(None);
        }
        self.done = if self.eof && self.buf.len() <= self.max {
            self.buf.len()
        } else {
            cut(&self.buf[..self.max.min(self.buf.len())], self.target)
        };
        Ok(Some(&self.buf[..self.done]))
    }
}

/// A block of plain-text input as a string: with `lossy`, invalid bytes are replaced;
/// otherwise the error names the input, the byte offset and the line (`raw_offset` and
/// `line` are where the block starts).
fn block_text(
    raw: &[u8],
    lossy: bool,
    name: &str,
    raw_offset: usize,
    line: usize,
) -> Result<String, Failure> {
    match std::str::from_utf8(raw) {
        Ok(t) => Ok(t.to_owned()),
        Err(_) if lossy => Ok(String::from_utf8_lossy(raw).into_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = line + raw[..at].iter().filter(|&&b| b == b'\n').count();
            Err(Failure::Input(format!(
                "{name}: not valid UTF-8 at byte offset {} (line {line}); use --lossy to replace invalid bytes",
                raw_offset + at
            )))
        }
    }
}

/// Where to end a block of `window` (never 0 for a non-empty window): after the first blank
/// line from `target` on; else after the last line end; else after the last ASCII space;
/// else before the last byte that starts a UTF-8 character (never inside one); else at the
/// end.
fn cut(window: &[u8], target: usize) -> usize {
    let from = target.min(window.len());
    let blank = window[from..]
        .windows(2)
        .position(|w| w == b"\n\n")
        .map(|i| from + i + 2)
        .or_else(|| window[from..].windows(3).position(|w| w == b"\n\r\n").map(|i| from + i + 3));
    if let Some(at) = blank {
        return at;
    }
    if let Some(i) = window.iter().rposition(|&b| b == b'\n') {
        return i + 1;
    }
    if let Some(i) = window.iter().rposition(|&b| b == b' ' || b == b'\t') {
        return i + 1;
    }
    match window.iter().rposition(|&b| b & 0xC0 != 0x80) {
        Some(i) if i > 0 => i,
        _ => window.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_end_at_paragraph_breaks_and_never_inside_a_character() {
        // (window, target, expected cut)
        let cases: &[(&[u8], usize, usize)] = &[
            (b"aa\n\nbb\n\ncc", 1, 4),
            (b"aa\n\nbb\n\ncc", 5, 8),
            (b"aa\r\n\r\nbb", 1, 6),
            (b"aa\nbb\ncc", 1, 6),
            (b"aa bb cc", 1, 6),
            ("αβγ".as_bytes(), 1, 4),
            (&[0x80, 0x80, 0x80], 1, 3),
        ];
        for &(window, target, at) in cases {
            assert_eq!(cut(window, target), at, "{:?}", String::from_utf8_lossy(window));
        }
    }

    #[test]
    fn blocks_cover_the_input_once() {
        let text = "Η Αθήνα.\n\nΟ Πούτιν.\nΜόσχα ".repeat(50) + "τέλος";
        for (target, max) in [(1, 4), (10, 20), (100, 150), (10_000, 20_000)] {
            let mut r = BlockReader::new(target, max);
            let mut input = io::BufReader::with_capacity(7, text.as_bytes());
            let mut joined = Vec::new();
            while let Some(b) = r.next(&mut input).unwrap() {
                assert!(!b.is_empty() && b.len() <= max);
                std::str::from_utf8(b).expect("cut between characters");
                joined.extend_from_slice(b);
            }
            assert_eq!(joined, text.as_bytes());
        }
    }
}
