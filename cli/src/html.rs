//! `html`: a self-contained page (no network: no external fonts, styles or scripts) that
//! shows a text with each entity highlighted by label, and the pieces of it that
//! `evaluate --html` reuses for its error view.

use std::collections::HashMap;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;

use clap::Parser;
use greek_ner::EntityRef;

use crate::input::Input;
use crate::jsonl;
use crate::options::RecognizerArgs;
use crate::Failure;

/// Write an HTML page showing the entities of a text, highlighted by label.
///
/// The page is self-contained (no network, no external fonts or scripts): open it in any
/// browser. Each entity is one <mark data-label="PER|LOC|ORG"> element; hovering it shows
/// its id, canonical name, source and confidence. A side table groups the entities by
/// canonical id, with counts. With --jsonl, each input line is one section.
///
/// Exit status: 0 on success; 1 when the input cannot be read or is not UTF-8, or the
/// output cannot be written; 2 for bad arguments or a gazetteer that cannot be loaded.
#[derive(Parser, Debug, Clone)]
#[command(version)]
pub struct HtmlArgs {
    /// Input file (plain text, or JSONL with --jsonl); standard input when absent or `-`.
    /// The page holds the whole text: this is for articles, not archives.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Read JSONL: one {"id":…,"text":"…"} object per line, one section per line.
    #[arg(long)]
    pub jsonl: bool,

    /// The page's title [default: the input's name].
    #[arg(long)]
    pub title: Option<String>,

    /// How the recognizer is built.
    #[command(flatten, next_help_heading = "Recognizer")]
    pub recognizer: RecognizerArgs,
}

/// Runs `html`, writing the page to stdout.
pub fn run(args: &HtmlArgs) -> Result<(), Failure> {
    let ner = args.recognizer.build()?;
    let mut input = Input::open(args.file.as_deref())?;
    let title = args.title.clone().unwrap_or_else(|| format!("greek-ner: {}", input.name));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut worker = ner.worker();
    if args.jsonl {
        begin(&mut out, &title, ENTITY_LEGEND)?;
        let mut buf = Vec::new();
        let mut line = 0;
        loop {
            buf.clear();
            if input.reader.read_until(b'\n', &mut buf).map_err(|e| input.error(e))? == 0 {
                break;
            }
            line += 1;
            let mut raw = &buf[..];
            raw = raw.strip_suffix(b"\n").unwrap_or(raw);
            raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            if line == 1 {
                raw = raw.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(raw);
            }
            match jsonl::parse_line(raw) {
                Ok((id, text)) => {
                    let heading = match &id {
                        Some(id) => format!("{} (line {line})", crate::formats::doc_column(Some(id))),
                        None => format!("line {line}"),
                    };
                    let entities: Vec<_> = worker.entities(&text).collect();
                    entity_section(&mut out, &heading, &text, &entities)?;
                }
                Err(bad) => {
                    write!(out, "<section class=\"doc bad\"><h2>line {line}</h2><p class=\"error\">")?;
                    escape(&mut out, &bad.error)?;
                    out.write_all(b"</p></section>\n")?;
                }
            }
        }
    } else {
        let mut bytes = Vec::new();
        input.reader.read_to_end(&mut bytes).map_err(|e| input.error(e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Failure::Input(format!(
                "{}: not valid UTF-8 at byte offset {}",
                input.name,
                e.utf8_error().valid_up_to()
            ))
        })?;
        begin(&mut out, &title, ENTITY_LEGEND)?;
        let entities: Vec<_> = worker.entities(&text).collect();
        entity_section(&mut out, &input.name, &text, &entities)?;
    }
    end(&mut out)?;
    out.flush()?;
    Ok(())
}

/// A legend entry: the `data-label` (or `data-kind`) it colours, its name, what it means.
pub type LegendItem = (&'static str, &'static str, &'static str);

/// The legend of the entity page.
pub const ENTITY_LEGEND: &[LegendItem] = &[
    ("PER", "PER", "person"),
    ("LOC", "LOC", "place: country, city, region"),
    ("ORG", "ORG", "organisation: party, ministry, agency, company, medium"),
];

/// The page's style: one colour per label and per kind of error, nothing fetched.
const STYLE: &str = r#"
:root { --per: #ffd8a8; --loc: #b2f2bb; --org: #a5d8ff; --missed: #ffa8a8; --spurious: #ffec99;
        --wrong-label: #d0bfff; --wrong-boundary: #99e9f2; --correct: #e9ecef; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #212529; background: #f8f9fa; }
header { padding: 1rem 2rem; background: #fff; border-bottom: 1px solid #dee2e6; }
h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; color: #495057; overflow-wrap: anywhere; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; font-size: .9rem; }
.legend .hint { color: #6c757d; }
.swatch { display: inline-block; padding: .05em .45em; border-radius: .3em; font-weight: 700; font-size: .8rem; }
section.doc { display: grid; grid-template-columns: minmax(0, 3fr) minmax(14rem, 1fr); gap: 1.5rem;
              padding: 1rem 2rem; border-bottom: 1px solid #dee2e6; }
section.doc > h2 { grid-column: 1 / -1; }
.text { align-self: start; white-space: pre-wrap; line-height: 2; font-size: 1.05rem; background: #fff; padding: .75rem 1.25rem;
        border: 1px solid #e9ecef; border-radius: 6px; overflow-wrap: anywhere; }
mark { color: inherit; padding: .1em .25em; border-radius: .3em; cursor: help; }
mark::after { content: attr(data-label); font-size: .62em; font-weight: 700; margin-left: .3em; opacity: .65;
              vertical-align: .15em; }
[data-label="PER"] { background: var(--per); }
[data-label="LOC"] { background: var(--loc); }
[data-label="ORG"] { background: var(--org); }
mark[data-kind]::after { content: attr(data-tag); }
[data-kind="missed"] { background: var(--missed); }
[data-kind="spurious"] { background: var(--spurious); }
[data-kind="wrong-label"] { background: var(--wrong-label); }
[data-kind="wrong-boundary"] { background: var(--wrong-boundary); }
[data-kind="correct"] { background: var(--correct); }
aside table, table.scores { border-collapse: collapse; font-size: .85rem; width: 100%; background: #fff; }
table.scores { width: auto; margin-top: .75rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e9ecef; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.id { font-family: "DejaVu Sans Mono", monospace; font-size: .75rem; color: #495057; overflow-wrap: anywhere; }
.error { color: #c92a2a; }
section.summary, section.sent { padding: .75rem 2rem; border-bottom: 1px solid #dee2e6; }
section.summary table { margin-right: 2rem; display: inline-table; vertical-align: top; }
"#;

/// Writes `s` with `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape(out: &mut impl Write, s: &str) -> io::Result<()> {
    let mut last = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => continue,
        };
        out.write_all(&s.as_bytes()[last..i])?;
        out.write_all(rep.as_bytes())?;
        last = i + 1;
    }
    out.write_all(&s.as_bytes()[last..])
}

/// Starts the page: its head (style inline) and a header with the legend.
pub fn begin(out: &mut impl Write, title: &str, legend: &[LegendItem]) -> io::Result<()> {
    out.write_all(b"<!DOCTYPE html>\n<html lang=\"el\">\n<head>\n<meta charset=\"utf-8\">\n")?;
    out.write_all(b"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")?;
    escape(out, title)?;
    write!(out, "</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>")?;
    escape(out, title)?;
    out.write_all(b"</h1>\n<div class=\"legend\">")?;
    for (key, name, meaning) in legend {
        let attr = if key.chars().all(|c| c.is_ascii_uppercase()) { "data-label" } else { "data-kind" };
        write!(out, "<span><span class=\"swatch\" {attr}=\"{key}\">{name}</span> ")?;
        escape(out, meaning)?;
        out.write_all(b"</span>")?;
    }
    out.write_all(b"<span class=\"hint\">Hover a highlighted name for its details.</span></div>\n</header>\n")
}

/// Ends the page.
pub fn end(out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"</body>\n</html>\n")
}

/// A highlighted stretch of a text: a byte range, its attributes (already escaped, as
/// ` name="value"` pairs) and its hover text.
pub struct Mark {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Attributes, escaped, each with a leading space.
    pub attrs: String,
    /// Hover text (escaped here).
    pub title: String,
}

/// Writes `text` with `marks` (ascending, not overlapping) as `<mark>` elements.
pub fn marked_text(out: &mut impl Write, text: &str, marks: &[Mark]) -> io::Result<()> {
    out.write_all(b"<div class=\"text\">")?;
    let mut at = 0;
    for m in marks {
        escape(out, &text[at..m.start])?;
        write!(out, "<mark{} title=\"", m.attrs)?;
        escape(out, &m.title)?;
        out.write_all(b"\">")?;
        escape(out, &text[m.start..m.end])?;
        out.write_all(b"</mark>")?;
        at = m.end;
    }
    escape(out, &text[at..])?;
    out.write_all(b"</div>\n")
}

/// An attribute value, escaped.
pub fn attr(s: &str) -> String {
    let mut v = Vec::new();
    escape(&mut v, s).expect("writes to a Vec");
    String::from_utf8(v).expect("escaping keeps UTF-8")
}

/// One document: its text with a `<mark data-label>` per entity, and the side table of its
/// entities grouped by canonical id.
pub fn entity_section(
    out: &mut impl Write,
    heading: &str,
    text: &str,
    entities: &[EntityRef<'_>],
) -> io::Result<()> {
    out.write_all(b"<section class=\"doc\">\n<h2>")?;
    escape(out, heading)?;
    out.write_all(b"</h2>\n")?;
    let marks: Vec<Mark> = entities
        .iter()
        .map(|e| {
            let mut title = format!("{} · {}", e.text, e.label);
            for (name, value) in [("canonical", e.canonical), ("id", e.id), ("kind", e.kind)] {
                if let Some(v) = value {
                    title += &format!("\n{name}: {v}");
                }
            }
            title +=
                &format!("\nsource: {}\nconfidence: {}", e.source, (e.confidence * 1000.0).round() / 1000.0);
            let mut attrs = format!(" data-label=\"{}\"", e.label);
            if let Some(id) = e.id {
                attrs += &format!(" data-id=\"{}\"", attr(id));
            }
            Mark { start: e.span.start, end: e.span.end, attrs, title }
        })
        .collect();
    marked_text(out, text, &marks)?;
    entity_table(out, entities)?;
    out.write_all(b"</section>\n")
}

/// The entities grouped by canonical id (by label and canonical name, or text, where there
/// is no id), most mentioned first, with their counts and the forms they took.
fn entity_table(out: &mut impl Write, entities: &[EntityRef<'_>]) -> io::Result<()> {
    struct Group<'a> {
        label: greek_ner::Label,
        name: &'a str,
        id: Option<&'a str>,
        count: usize,
        forms: Vec<&'a str>,
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(Option<&str>, greek_ner::Label, &str), usize> = HashMap::new();
    for e in entities {
        let name = e.canonical.unwrap_or(e.text);
        // An id names one entity whatever its label and name; without one, label and name do.
        let key = match e.id {
            Some(id) => (Some(id), greek_ner::Label::Per, ""),
            None => (None, e.label, name),
        };
        let i = *index.entry(key).or_insert_with(|| {
            groups.push(Group { label: e.label, name, id: e.id, count: 0, forms: Vec::new() });
            groups.len() - 1
        });
        let g = &mut groups[i];
        g.count += 1;
        if !g.forms.contains(&e.text) {
            g.forms.push(e.text);
        }
    }
    // Most mentioned first; ties in order of first mention.
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(groups[i].count));
    out.write_all(
        b"<aside><table class=\"entities\"><thead><tr><th>entity</th><th>id</th><th>n</th></tr></thead><tbody>
",
    )?;
    for i in order {
        let g = &groups[i];
        write!(out, "<tr><td><span class=\"swatch\" data-label=\"{}\">{}</span> ", g.label, g.label)?;
        escape(out, g.name)?;
        let others: Vec<&str> = g.forms.iter().copied().filter(|f| *f != g.name).collect();
        if !others.is_empty() {
            out.write_all(b"<br><small>")?;
            escape(out, &others.join(", "))?;
            out.write_all(b"</small>")?;
        }
        out.write_all(b"</td><td class=\"id\">")?;
        escape(out, g.id.unwrap_or("—"))?;
        writeln!(out, "</td><td class=\"n\">{}</td></tr>", g.count)?;
    }
    writeln!(
        out,
        "</tbody></table>\n<p><small>{} mentions, {} entities</small></p></aside>",
        entities.len(),
        groups.len()
    )
}

#[cfg(test)]
mod tests {
    use greek_ner::Recognizer;

    use super::*;

    #[test]
    fn escaping_covers_markup_and_attributes() {
        // (input, escaped)
        for (s, e) in [("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&#39;"), ("Αθήνα", "Αθήνα"), ("", "")] {
            assert_eq!(attr(s), e);
        }
    }

    /// Each entity is one mark around exactly its text; the rest of the text is between.
    #[test]
    fn a_section_marks_each_entity_once_and_keeps_the_text() {
        let text = "Ο Πούτιν <είπε> στη Μόσχα & ο Πούτιν έφυγε.";
        let ner = Recognizer::default();
        let mut w = ner.worker();
        let entities: Vec<_> = w.entities(text).collect();
        assert!(entities.len() >= 3, "{entities:?}");
        let mut out = Vec::new();
        entity_section(&mut out, "t", text, &entities).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert_eq!(page.matches("<mark ").count(), entities.len(), "{page}");
        for e in &entities {
            assert!(page.contains(&format!("data-label=\"{}\"", e.label)));
            assert!(page.contains(&format!("\">{}</mark>", e.text)), "{page}");
        }
        assert!(page.contains("&lt;είπε&gt;") && page.contains("&amp;"));
        // The side table: Πούτιν twice under one id.
        let puti = entities.iter().find(|e| e.text == "Πούτιν").unwrap();
        if let Some(id) = puti.id {
            let row = page.lines().find(|l| l.contains(id) && l.contains("<tr")).unwrap();
            assert!(row.contains("<td class=\"n\">2</td>"), "{row}");
        }
    }
}
