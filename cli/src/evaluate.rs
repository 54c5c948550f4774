//! `evaluate`: exact-span precision, recall and F1 of the recognizer on an IOB2 corpus.
//!
//! Each sentence's text is rebuilt from its tokens as `nereval.py docs` does (see
//! `greek_ner::iob2`), so this scorer and `nereval.py score` agree on the same
//! predictions. Labels `PERSON`/`PER`, `LOC`/`GPE` and `ORG` are scored; gold `MISC` spans
//! are not, so a prediction on one counts as a false positive. Errors are broken down:
//!
//! * `wrong label`: a prediction with exactly a gold span's extent but another label
//!   (one false positive and one false negative);
//! * `wrong boundary`: a gold span that a prediction overlaps without matching its extent;
//! * `missed`: a gold span no prediction touches;
//! * `spurious`: a prediction that touches no scored gold span (`on MISC` if it touches a
//!   MISC span).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use greek_ner::iob2::{self, Sentence};
use greek_ner::Label;
use serde_json::json;

use crate::html::{self, Mark};
use crate::options::RecognizerArgs;
use crate::Failure;

/// Score the recognizer on an annotated IOB2 corpus: precision, recall and F1.
///
/// The corpus has one `token tag` per line and a blank line between sentences. Spans are
/// scored exactly, per label (PER, LOC, ORG; MISC not scored) and micro-averaged, with an
/// error breakdown: wrong label, wrong boundary, missed, spurious.
///
/// Exit status: 0, or 2 for bad arguments or a corpus or gazetteer that cannot be read.
#[derive(Parser, Debug, Clone)]
#[command(version)]
pub struct EvaluateArgs {
    /// The annotated corpus (IOB2: `token tag` per line, blank line between sentences).
    #[arg(value_name = "CORPUS.iob2")]
    pub corpus: PathBuf,

    /// List every error, one per line, after the scores.
    #[arg(long)]
    pub errors: bool,

    /// Precision of each source (gazetteer file, rule), after the scores.
    #[arg(long)]
    pub by_source: bool,

    /// Print the scores as one JSON object.
    #[arg(long)]
    pub json: bool,

    /// Also write an HTML page of the errors to PAGE: each sentence with an error, its gold
    /// and predicted spans marked missed, spurious, wrong label or wrong boundary (and
    /// correct), coloured, with counts. Self-contained, for any browser.
    #[arg(long, value_name = "PAGE.html")]
    pub html: Option<PathBuf>,

    /// K-fold cross-validation on CORPUS: train (as --train-iob2) on K−1 contiguous folds,
    /// score the remaining one; F1 per fold and label, then their mean and spread.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(2..))]
    pub cv: Option<u32>,

    /// How the recognizer is built.
    #[command(flatten, next_help_heading = "Recognizer")]
    pub recognizer: RecognizerArgs,
}

/// A scored span: char start, char end, label.
type Span = (usize, usize, Label);

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if a + b == 0 { 0.0 } else { a as f64 / (a + b) as f64 };
        let (p, r) = (ratio(self.tp, self.fp), ratio(self.tp, self.fn_));
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (100.0 * p, 100.0 * r, 100.0 * f)
    }
}

#[derive(Default)]
struct Breakdown {
    wrong_label: usize,
    wrong_boundary: usize,
    missed: usize,
    spurious: usize,
    spurious_on_misc: usize,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn char_slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

/// Scores one sentence, adding to the counts; returns its error lines.
fn score(
    s: &Sentence,
    pred: &BTreeSet<Span>,
    sources: &BTreeMap<Span, String>,
    counts: &mut BTreeMap<Label, Counts>,
    b: &mut Breakdown,
    list: bool,
) -> Vec<String> {
    let gold: BTreeSet<Span> =
        s.spans.iter().filter_map(|a| a.label.map(|l| (a.char_start, a.char_end, l))).collect();
    let misc: Vec<(usize, usize)> =
        s.spans.iter().filter(|a| a.label.is_none()).map(|a| (a.char_start, a.char_end)).collect();
    let mut lines = Vec::new();
    let show = |x: &Span| {
        let from = sources.get(x).map(|s| format!(" from {s}")).unwrap_or_default();
        format!("{} {:?} [{}, {}){from}", x.2, char_slice(&s.text, x.0, x.1), x.0, x.1)
    };
    for x in &gold {
        let c = counts.entry(x.2).or_default();
        if pred.contains(x) {
            c.tp += 1;
            continue;
        }
        c.fn_ += 1;
        if let Some(p) = pred.iter().find(|p| (p.0, p.1) == (x.0, x.1)) {
            b.wrong_label += 1;
            if list {
                let from = sources.get(p).map(|s| format!(" from {s}")).unwrap_or_default();
                lines.push(format!("{}\twrong label\tgold {}\tpred {}{from}", s.id, show(x), p.2));
            }
        } else if let Some(p) = pred.iter().find(|p| overlaps((p.0, p.1), (x.0, x.1))) {
            b.wrong_boundary += 1;
            if list {
                lines.push(format!("{}\twrong boundary\tgold {}\tpred {}", s.id, show(x), show(p)));
            }
        } else {
            b.missed += 1;
            if list {
                lines.push(format!("{}\tmissed\tgold {}", s.id, show(x)));
            }
        }
    }
    for p in pred {
        if gold.contains(p) {
            continue;
        }
        counts.entry(p.2).or_default().fp += 1;
        let touches_gold = gold.iter().any(|g| overlaps((p.0, p.1), (g.0, g.1)));
        if touches_gold {
            continue; // counted above, from the gold side
        }
        let on_misc = misc.iter().any(|&m| overlaps((p.0, p.1), m));
        b.spurious += 1;
        b.spurious_on_misc += usize::from(on_misc);
        if list {
            let what = if on_misc { "spurious (on MISC)" } else { "spurious" };
            lines.push(format!("{}\t{what}\tpred {}", s.id, show(p)));
        }
    }
    if list && !lines.is_empty() {
        lines.push(format!("{}\ttext\t{}", s.id, s.text));
    }
    lines
}

/// Runs `evaluate`.
pub fn run(o: &EvaluateArgs) -> Result<(), Failure> {
    let path = o.corpus.display().to_string();
    let corpus = iob2::read_lenient(&o.corpus)?;
    if corpus.repaired > 0 {
        eprintln!("evaluate: {path}: {} I- tags without a B- read as span starts", corpus.repaired);
    }
    if let Some(k) = o.cv {
        return cross_validate(o, &corpus, k as usize);
    }
    let t0 = Instant::now();
    let ner = o.recognizer.build()?;
    let build_ms = t0.elapsed().as_secs_f64() * 1e3;
    let t1 = Instant::now();
    let mut worker = ner.worker();
    let mut counts: BTreeMap<Label, Counts> = Label::ALL.iter().map(|&l| (l, Counts::default())).collect();
    let mut breakdown = Breakdown::default();
    let mut error_lines = Vec::new();
    let mut by_source: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut views, mut view_counts) = (Vec::new(), BTreeMap::new());
    for s in &corpus.sentences {
        let entities = worker.extract(&s.text);
        let pred: BTreeSet<Span> =
            entities.iter().map(|e| (e.char_span.start, e.char_span.end, e.label)).collect();
        for e in &entities {
            let src = e.source.to_string();
            let src = match e.source {
                greek_ner::Source::Gazetteer { .. } => {
                    src.rsplit_once(':').map_or(src.clone(), |(a, _)| a.to_string())
                }
                _ => src,
            };
            let gold = s.spans.iter().any(|a| {
                (a.char_start, a.char_end, a.label) == (e.char_span.start, e.char_span.end, Some(e.label))
            });
            let c = by_source.entry(format!("{src} {}", e.label)).or_default();
            if gold {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
        let sources: BTreeMap<Span, String> = if o.errors {
            entities
                .iter()
                .map(|e| ((e.char_span.start, e.char_span.end, e.label), e.source.to_string()))
                .collect()
        } else {
            BTreeMap::new()
        };
        error_lines.extend(score(s, &pred, &sources, &mut counts, &mut breakdown, o.errors));
        if o.html.is_some() {
            let preds: Vec<Pred> =
                entities.iter().map(|e| (e.span.start, e.span.end, e.label, e.source.to_string())).collect();
            let marks = error_marks(s, &preds, &mut view_counts);
            if marks.iter().any(|m| !m.attrs.contains("\"correct\"")) {
                views.push((s, marks));
            }
        }
    }
    let run_ms = t1.elapsed().as_secs_f64() * 1e3;
    let all = counts.values().fold(Counts::default(), |a, c| Counts {
        tp: a.tp + c.tp,
        fp: a.fp + c.fp,
        fn_: a.fn_ + c.fn_,
    });
    let rows: Vec<(&str, Counts)> =
        Label::ALL.iter().map(|l| (l.as_str(), counts[l])).chain([("ALL", all)]).collect();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if o.json {
        let mut v = serde_json::Map::new();
        for (name, c) in &rows {
            let (p, r, f) = c.prf();
            let round = |x: f64| (x * 100.0).round() / 100.0;
            v.insert(
                name.to_string(),
                json!({"p": round(p), "r": round(r), "f1": round(f), "tp": c.tp, "fp": c.fp, "fn": c.fn_}),
            );
        }
        v.insert(
            "errors".into(),
            json!({
                "wrong_label": breakdown.wrong_label,
                "wrong_boundary": breakdown.wrong_boundary,
                "missed": breakdown.missed,
                "spurious": breakdown.spurious,
                "spurious_on_misc": breakdown.spurious_on_misc,
            }),
        );
        v.insert("sentences".into(), json!(corpus.sentences.len()));
        v.insert("build_ms".into(), json!((build_ms * 10.0).round() / 10.0));
        v.insert("run_ms".into(), json!((run_ms * 10.0).round() / 10.0));
        writeln!(out, "{}", serde_json::Value::Object(v))?;
    } else {
        writeln!(
            out,
            "{path}: {} sentences, {} entries, built in {build_ms:.0} ms, run in {run_ms:.0} ms",
            corpus.sentences.len(),
            ner.entry_count()
        )?;
        for (name, c) in &rows {
            let (p, r, f) = c.prf();
            writeln!(
                out,
                "{name:4} P {p:6.2}  R {r:6.2}  F1 {f:6.2}  (tp {} fp {} fn {})",
                c.tp, c.fp, c.fn_
            )?;
        }
        let b = &breakdown;
        writeln!(
            out,
            "errors: wrong label {}, wrong boundary {}, missed {}, spurious {} ({} on MISC)",
            b.wrong_label, b.wrong_boundary, b.missed, b.spurious, b.spurious_on_misc
        )?;
    }
    if o.by_source {
        let mut rows: Vec<_> = by_source.iter().collect();
        rows.sort_by_key(|(_, c)| std::cmp::Reverse(c.tp + c.fp));
        writeln!(out, "by source: predictions, right, precision")?;
        for (src, c) in rows {
            writeln!(out, "{:>6} {:>6} {:6.2}  {src}", c.tp + c.fp, c.tp, c.prf().0)?;
        }
    }
    if o.errors {
        for l in &error_lines {
            writeln!(out, "{l}")?;
        }
    }
    out.flush()?;
    if let Some(page) = &o.html {
        let write = || -> io::Result<()> {
            let mut f = BufWriter::new(std::fs::File::create(page)?);
            write_error_page(&mut f, &path, &rows, &view_counts, &views)?;
            f.flush()
        };
        write().map_err(|e| Failure::Output(io::Error::new(e.kind(), format!("{}: {e}", page.display()))))?;
    }
    Ok(())
}

/// `--cv K`: trains on K−1 contiguous folds of `corpus` (as `--train-iob2` does, on top of
/// the other options), scores the remaining fold, and prints each fold's F1 per label, then
/// their mean and (sample) standard deviation.
fn cross_validate(o: &EvaluateArgs, corpus: &iob2::Corpus, k: usize) -> Result<(), Failure> {
    let n = corpus.sentences.len();
    if n < k {
        return Err(Failure::Setup(format!("--cv {k} needs at least {k} sentences, the corpus has {n}")));
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut f1: Vec<[f64; 4]> = Vec::new();
    for fold in 0..k {
        let (a, b) = (n * fold / k, n * (fold + 1) / k);
        // The other folds, written back as IOB2.
        let mut text = String::new();
        for s in corpus.sentences[..a].iter().chain(&corpus.sentences[b..]) {
            for t in &s.tokens {
                text.push_str(&format!("{} {}\n", t.text, t.tag));
            }
            text.push('\n');
        }
        let name = format!("fold{}of{k}", fold + 1);
        let ner = o.recognizer.builder().train_iob2_str(&name, text).build()?;
        let mut counts: BTreeMap<Label, Counts> =
            Label::ALL.iter().map(|&l| (l, Counts::default())).collect();
        let mut breakdown = Breakdown::default();
        let mut worker = ner.worker();
        for s in &corpus.sentences[a..b] {
            let entities = worker.extract(&s.text);
            let pred: BTreeSet<Span> =
                entities.iter().map(|e| (e.char_span.start, e.char_span.end, e.label)).collect();
            score(s, &pred, &BTreeMap::new(), &mut counts, &mut breakdown, false);
        }
        let all = counts.values().fold(Counts::default(), |a, c| Counts {
            tp: a.tp + c.tp,
            fp: a.fp + c.fp,
            fn_: a.fn_ + c.fn_,
        });
        let row = [
            counts[&Label::Per].prf().2,
            counts[&Label::Loc].prf().2,
            counts[&Label::Org].prf().2,
            all.prf().2,
        ];
        writeln!(
            out,
            "fold {}/{k}: sentences {a}..{b}, F1 PER {:.2} LOC {:.2} ORG {:.2} ALL {:.2}",
            fold + 1,
            row[0],
            row[1],
            row[2],
            row[3]
        )?;
        out.flush()?;
        f1.push(row);
    }
    for (i, name) in ["PER", "LOC", "ORG", "ALL"].iter().enumerate() {
        let values = f1.iter().map(|r| r[i]);
        let mean = values.clone().sum::<f64>() / k as f64;
        let sd = (values.clone().map(|x| (x - mean).powi(2)).sum::<f64>() / (k - 1) as f64).sqrt();
        let (min, max) =
            values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
        writeln!(out, "{name:4} F1 mean {mean:6.2}  sd {sd:5.2}  (min {min:.2}, max {max:.2})")?;
    }
    out.flush()?;
    Ok(())
}

/// The kinds of the error view, in legend order: `data-kind`, name, meaning.
const ERROR_LEGEND: &[html::LegendItem] = &[
    ("missed", "missed", "a gold span no prediction touches"),
    ("spurious", "spurious", "a prediction that touches no gold span"),
    ("wrong-label", "wrong label", "the gold span, another label"),
    ("wrong-boundary", "wrong boundary", "gold and predicted spans overlap, extents differ"),
    ("correct", "correct", "span and label right"),
];

/// A prediction: byte start, byte end, label, source.
type Pred = (usize, usize, Label, String);

/// The marks of one sentence's error view: each group of overlapping gold (scored) and
/// predicted spans is one mark over their union, of one kind, counted in `counts`.
fn error_marks(s: &Sentence, preds: &[Pred], counts: &mut BTreeMap<&'static str, usize>) -> Vec<Mark> {
    // (byte start, byte end, label, gold?, source)
    let mut items: Vec<(usize, usize, Label, bool, String)> = s
        .spans
        .iter()
        .filter_map(|a| a.label.map(|l| (a.byte_start, a.byte_end, l, true, String::new())))
        .chain(preds.iter().map(|p| (p.0, p.1, p.2, false, p.3.clone())))
        .collect();
    items.sort_by_key(|x| (x.0, x.1));
    let mut marks = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let (start, mut end) = (items[i].0, items[i].1);
        let mut j = i + 1;
        while j < items.len() && items[j].0 < end {
            end = end.max(items[j].1);
            j += 1;
        }
        let group = &items[i..j];
        let gold: Vec<_> = group.iter().filter(|x| x.3).collect();
        let pred: Vec<_> = group.iter().filter(|x| !x.3).collect();
        let (kind, tag) = match (gold.as_slice(), pred.as_slice()) {
            ([g], [p]) if (g.0, g.1) == (p.0, p.1) && g.2 == p.2 => ("correct", g.2.to_string()),
            ([g], [p]) if (g.0, g.1) == (p.0, p.1) => ("wrong-label", format!("{}→{}", g.2, p.2)),
            ([g], []) => ("missed", format!("missed {}", g.2)),
            ([], [p]) => ("spurious", format!("spurious {}", p.2)),
            _ => ("wrong-boundary", "boundary".to_string()),
        };
        *counts.entry(kind).or_default() += 1;
        let mut title = String::new();
        for x in group {
            let who = if x.3 { "gold" } else { "predicted" };
            title += &format!("{who} {} «{}»", x.2, &s.text[x.0..x.1]);
            if !x.3 {
                title += &format!(" from {}", x.4);
            }
            title.push('\n');
        }
        let attrs = format!(" data-kind=\"{kind}\" data-tag=\"{}\"", html::attr(&tag));
        marks.push(Mark { start, end, attrs, title: title.trim_end().to_string() });
        i = j;
    }
    marks
}

/// The error page: the scores, the counts of each kind, and every sentence with an error.
fn write_error_page(
    out: &mut impl Write,
    corpus: &str,
    rows: &[(&str, Counts)],
    counts: &BTreeMap<&'static str, usize>,
    views: &[(&Sentence, Vec<Mark>)],
) -> io::Result<()> {
    html::begin(out, &format!("greek-ner evaluate: {corpus}"), ERROR_LEGEND)?;
    out.write_all(b"<section class=\"summary\"><table class=\"scores\"><thead><tr><th></th><th>P</th><th>R</th><th>F1</th><th>tp</th><th>fp</th><th>fn</th></tr></thead><tbody>\n")?;
    for (name, c) in rows {
        let (p, r, f) = c.prf();
        writeln!(
            out,
            "<tr><td>{name}</td><td class=\"n\">{p:.2}</td><td class=\"n\">{r:.2}</td><td class=\"n\">{f:.2}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            c.tp, c.fp, c.fn_
        )?;
    }
    out.write_all(b"</tbody></table>\n<table class=\"scores counts\"><tbody>\n")?;
    for (kind, name, _) in ERROR_LEGEND {
        writeln!(
            out,
            "<tr><td><span class=\"swatch\" data-kind=\"{kind}\">{name}</span></td><td class=\"n\">{}</td></tr>",
            counts.get(kind).copied().unwrap_or(0)
        )?;
    }
    writeln!(
        out,
        "</tbody></table>\n<p><small>Counts are over the whole corpus, one per group of overlapping gold and predicted spans; the {} sentences with an error are shown below.</small></p></section>",
        views.len()
    )?;
    for (s, marks) in views {
        out.write_all(b"<section class=\"sent\"><h2>")?;
        html::escape(out, &s.id)?;
        out.write_all(b"</h2>\n")?;
        html::marked_text(out, &s.text, marks)?;
        out.write_all(b"</section>\n")?;
    }
    html::end(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind of error, on a sentence of our own with made-up predictions.
    #[test]
    fn error_view_marks_each_group_once_with_its_kind() {
        let corpus = "Ο O\nΓιάννης B-PER\nΠαπαδόπουλος I-PER\nστη O\nΛάρισα B-LOC\nκαι O\nη O\nΕΡΤ B-ORG\nκαι O\nο O\nΚώστας B-PER\nείπαν O\nναι O\n";
        let c = iob2::parse("t.iob2", corpus).unwrap();
        let s = &c.sentences[0];
        let at = |w: &str| s.text.find(w).unwrap();
        let span = |w: &str| (at(w), at(w) + w.len());
        let preds: Vec<Pred> = vec![
            (span("Παπαδόπουλος").0, span("Παπαδόπουλος").1, Label::Per, "rule:x".into()), // boundary
            (span("Λάρισα").0, span("Λάρισα").1, Label::Loc, "gazetteer:g:1".into()),      // correct
            (span("ΕΡΤ").0, span("ΕΡΤ").1, Label::Loc, "rule:y".into()),                   // wrong label
            (span("ναι").0, span("ναι").1, Label::Org, "rule:z".into()),                   // spurious
        ]; // Κώστας: missed
        let mut counts = BTreeMap::new();
        let marks = error_marks(s, &preds, &mut counts);
        let kinds: Vec<(&str, &str)> =
            marks.iter().map(|m| (&s.text[m.start..m.end], m.attrs.split('"').nth(1).unwrap())).collect();
        assert_eq!(
            kinds,
            [
                ("Γιάννης Παπαδόπουλος", "wrong-boundary"),
                ("Λάρισα", "correct"),
                ("ΕΡΤ", "wrong-label"),
                ("Κώστας", "missed"),
                ("ναι", "spurious"),
            ]
        );
        assert!(
            marks[2].attrs.contains("ORG→LOC") && marks[2].title.contains("from rule:y"),
            "{}",
            marks[2].title
        );
        let expected: BTreeMap<&str, usize> =
            [("wrong-boundary", 1), ("correct", 1), ("wrong-label", 1), ("missed", 1), ("spurious", 1)]
                .into();
        assert_eq!(counts, expected);
    }
}
