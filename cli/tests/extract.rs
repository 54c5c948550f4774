//! `greek-ner extract` end to end: the same output for every number of threads, plain text
//! streamed in blocks with exact spans, and the TSV and CoNLL formats.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Output, Stdio};

use greek_ner::Recognizer;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_greek-ner");

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn greek-ner");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "greek-ner {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// Paragraphs of our own, with names the document pass links, and awkward characters.
fn article(paragraphs: usize) -> String {
    let pieces = [
        "Ο εκπρόσωπος του Κρεμλίνου Ντμίτρι Πεσκόφ μίλησε στη Μόσχα για τη Βόρεια Κορέα.",
        "Ο Πεσκόφ είπε ότι η Ρωσία δεν θα υποχωρήσει.\r\nΗ ΑΘΗΝΑ 🇬🇷 απάντησε.",
        "Ο Κυριάκος Μητσοτάκης και η Ευρωπαϊκή Επιτροπή συμφώνησαν· ο Μητσοτάκης έφυγε για τις Βρυξέλλες.",
        "Κείμενο χωρίς ονόματα, με «εισαγωγικά» και \u{200D} και \t.",
    ];
    (0..paragraphs).map(|i| format!("{} ({i})\n\n", pieces[i % pieces.len()])).collect()
}

fn jsonl_input(lines: usize) -> String {
    let mut s = String::new();
    for i in 0..lines {
        let line = match i % 9 {
            4 => "{broken".to_string(),
            7 => String::new(),
            _ => serde_json::json!({ "id": i, "text": article(1 + i % 5) }).to_string(),
        };
        s.push_str(&line);
        s.push('\n');
    }
    s
}

#[test]
fn jsonl_output_is_the_same_for_every_number_of_threads() {
    let input = jsonl_input(4000);
    let one = run(&["extract", "--jsonl", "--threads", "1"], input.as_bytes());
    assert_eq!(one.stdout.iter().filter(|&&b| b == b'\n').count(), 4000);
    for threads in ["2", "3", "0"] {
        let many = run(&["extract", "--jsonl", "--threads", threads], input.as_bytes());
        assert!(one.stdout == many.stdout, "--threads {threads} differs from --threads 1");
    }
    for format in ["tsv", "conll"] {
        let a = run(&["extract", "--jsonl", "--format", format, "-j", "1"], input.as_bytes());
        let b = run(&["extract", "--jsonl", "--format", format, "-j", "2"], input.as_bytes());
        assert!(a.stdout == b.stdout, "--format {format}: --threads 2 differs");
    }
}

/// A text shorter than the window is one document: the streamed output is what the library
/// gives for the whole text, byte for byte.
#[test]
fn plain_text_within_the_window_is_the_library_answer() {
    let text = article(40);
    let out = run(&["extract"], text.as_bytes());
    let ner = Recognizer::default();
    let mut worker = ner.worker();
    let entities: Vec<_> = worker.entities(&text).collect();
    let mut expected = serde_json::to_vec_pretty(&BTreeMap::from([("entities", &entities)])).unwrap();
    expected.push(b'\n');
    assert_eq!(String::from_utf8(out.stdout).unwrap(), String::from_utf8(expected).unwrap());
}

/// Past the window, the text is cut into blocks at paragraph breaks: spans still index the
/// whole input, in bytes and chars, and threads change nothing.
#[test]
fn plain_text_streams_in_blocks_with_exact_spans() {
    let text = article(400); // about 60 KB
    let chars: Vec<char> = text.chars().collect();
    let small = run(&["extract", "--window", "2"], text.as_bytes());
    let doc: Value = serde_json::from_slice(&small.stdout).unwrap();
    let entities = doc["entities"].as_array().unwrap();
    assert!(entities.len() > 600, "{}", entities.len());
    let mut last_end = 0;
    for e in entities {
        let (bs, be) = (e["byte_start"].as_u64().unwrap() as usize, e["byte_end"].as_u64().unwrap() as usize);
        let (cs, ce) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[bs..be], e["text"].as_str().unwrap());
        assert_eq!(chars[cs..ce].iter().collect::<String>(), e["text"].as_str().unwrap());
        assert!(bs >= last_end, "sorted, not overlapping");
        last_end = be;
    }
    for args in
        [&["extract", "--window", "2", "--threads", "2"][..], &["extract", "--window", "2", "-j", "3"]]
    {
        assert!(run(args, text.as_bytes()).stdout == small.stdout, "{args:?}");
    }
    // One line of JSON with --format jsonl, the same entities.
    let line = run(&["extract", "--window", "2", "--format", "jsonl"], text.as_bytes());
    assert_eq!(line.stdout.iter().filter(|&&b| b == b'\n').count(), 1);
    assert_eq!(serde_json::from_slice::<Value>(&line.stdout).unwrap(), doc);
}

#[test]
fn tsv_and_conll_carry_the_same_entities() {
    let text = article(8);
    let doc: Value = serde_json::from_slice(&run(&["extract"], text.as_bytes()).stdout).unwrap();
    let entities = doc["entities"].as_array().unwrap();
    let tsv = String::from_utf8(run(&["extract", "--format", "tsv"], text.as_bytes()).stdout).unwrap();
    let mut rows = tsv.lines();
    assert_eq!(rows.next().unwrap().split('\t').collect::<Vec<_>>()[..3], ["doc", "start", "end"]);
    let rows: Vec<Vec<&str>> = rows.map(|r| r.split('\t').collect()).collect();
    assert_eq!(rows.len(), entities.len());
    for (r, e) in rows.iter().zip(entities) {
        assert_eq!(r.len(), 12, "{r:?}");
        assert_eq!(r[1], e["start"].to_string());
        assert_eq!(r[5], e["text"].as_str().unwrap());
        assert_eq!(r[6], e["label"].as_str().unwrap());
        assert_eq!(r[10], e["source"].as_str().unwrap());
    }
    let conll = String::from_utf8(run(&["extract", "--format", "conll"], text.as_bytes()).stdout).unwrap();
    let begins: Vec<&str> =
        conll.lines().filter_map(|l| l.split_once("\tB-").map(|(_, label)| label)).collect();
    let labels: Vec<&str> = entities.iter().map(|e| e["label"].as_str().unwrap()).collect();
    assert_eq!(begins, labels);
    // The tokens are the text's, minus white space.
    let tokens: String = conll.lines().filter_map(|l| l.split_once('\t').map(|(t, _)| t)).collect();
    let visible: String =
        text.chars().filter(|c| !c.is_whitespace() && !c.is_control() && *c != '\u{200D}').collect();
    assert_eq!(tokens, visible);
}

/// No progress bar unless stderr is a terminal: a file read with stderr on a pipe leaves
/// stderr empty in plain-text mode, and only the summary line in JSONL mode.
#[test]
fn progress_is_silent_on_a_pipe() {
    let dir =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("silent-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let txt = dir.join("in.txt");
    std::fs::write(&txt, article(2000)).unwrap();
    let out = run(&["extract", txt.to_str().unwrap()], b"");
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let jsonl = dir.join("in.jsonl");
    std::fs::write(&jsonl, jsonl_input(200)).unwrap();
    let out = run(&["extract", "--jsonl", jsonl.to_str().unwrap()], b"");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("extract: 200 lines"), "{stderr}");
}

/// Bad arguments: exit status 2, a message on stderr, nothing on stdout.
#[test]
fn bad_arguments_exit_with_status_2() {
    let cases: &[&[&str]] = &[
        &["extract", "--threads", "300"],
        &["extract", "--window", "0"],
        &["extract", "--jsonl", "--format", "json"],
        &["extract", "--format", "xml"],
        &["frobnicate"],
        &["evaluate"],
        &["html", "--frobnicate"],
    ];
    for args in cases {
        let out = Command::new(BIN).args(*args).stdin(Stdio::null()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty() && !out.stderr.is_empty(), "{args:?}");
    }
    for args in
        [&["--help"][..], &["extract", "--help"], &["html", "-h"], &["--version"], &["evaluate", "--version"]]
    {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.is_empty() && out.stderr.is_empty(), "{args:?}");
    }
}

/// Peak resident memory of a run of `greek-ner ARGS FILE`, in KiB: the high-water mark read
/// from /proc while it runs (output drained and discarded).
#[cfg(target_os = "linux")]
fn peak_rss_kib(args: &[&str], file: &std::path::Path) -> u64 {
    let mut child = Command::new(BIN)
        .args(args)
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let drain = std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()).unwrap());
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        let hwm = std::fs::read_to_string(&status).ok().and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse::<u64>().ok()
        });
        peak = peak.max(hwm.unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    drain.join().unwrap();
    peak
}

/// Plain text runs in bounded memory: four times the input, the same peak (the whole text,
/// its entities and their JSON would add megabytes).
#[cfg(target_os = "linux")]
#[test]
fn plain_text_memory_does_not_grow_with_the_input() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("rss-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let block = article(4000); // about 600 KB
    let (small, large) = (dir.join("small.txt"), dir.join("large.txt"));
    std::fs::write(&small, block.repeat(2)).unwrap();
    std::fs::write(&large, block.repeat(8)).unwrap();
    let args = ["extract", "--window", "64"];
    let (a, b) = (peak_rss_kib(&args, &small), peak_rss_kib(&args, &large));
    assert!(a > 0 && b > 0, "no /proc reading");
    assert!(b < a + 2048, "peak RSS grew from {a} KiB to {b} KiB for 3.6 MB more input");
    std::fs::remove_dir_all(&dir).ok();
}
