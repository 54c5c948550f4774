//! The HTML page in a real browser: headless Chromium (Debian's `chromium`) renders what
//! `greek-ner html` writes, and the rendered DOM has exactly one `<mark>` per entity, with
//! the entity's text and label, in the order `greek-ner extract` gives them; the text is the
//! input's, unchanged. A screenshot is saved for people to look at.
//!
//! Without `chromium` the tests are skipped with a message, except under CI (`CI` set),
//! where `.ci/run` installs it and a missing browser is a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_greek-ner");

fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::var_os("PATH")
            .and_then(|paths| std::env::split_paths(&paths).map(|d| d.join(name)).find(|p| p.is_file()))
    });
    if found.is_none() {
        assert!(std::env::var_os("CI").is_none(), "chromium is not installed (.ci/run installs it)");
        eprintln!("SKIPPED: chromium is not installed (apt-get install chromium); the page was not rendered");
    }
    found
}

/// Runs `chromium --headless ARGS URL`, giving up after two minutes; returns its stdout.
fn headless(browser: &Path, args: &[&str], page: &Path) -> String {
    // A profile of its own: chromiums sharing one hand their work to the first and print nothing.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let profile = tempdir(&format!("profile-{}", RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)));
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).expect("chromium writes UTF-8");
        s
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            child.kill().ok();
            panic!("chromium did not finish in 2 minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

fn tempdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("browser-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn greek_ner(args: &[&str]) -> Vec<u8> {
    let out = Command::new(BIN).args(args).stderr(Stdio::inherit()).output().expect("run greek-ner");
    assert!(out.status.success(), "greek-ner {args:?}: {:?}", out.status);
    out.stdout
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The marks of a serialized DOM, in order: `(data-label, text)`.
fn marks(dom: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = dom;
    while let Some(at) = rest.find("<mark") {
        rest = &rest[at..];
        let open_end = rest.find('>').expect("a mark's start tag ends");
        let tag = &rest[..open_end];
        let label =
            tag.split("data-label=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("").to_string();
        let close = rest.find("</mark>").expect("a mark ends");
        let inner = &rest[open_end + 1..close];
        assert!(!inner.contains('<'), "a mark holds only text: {inner}");
        found.push((label, unescape(inner)));
        rest = &rest[close..];
    }
    found
}

/// The text of each `<div class="text">` of a serialized DOM, tags removed.
fn texts(dom: &str) -> Vec<String> {
    dom.split("<div class=\"text\">")
        .skip(1)
        .map(|part| {
            let inner = &part[..part.find("</div>").expect("the text div ends")];
            let mut plain = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' if in_tag => in_tag = false,
                    c if !in_tag => plain.push(c),
                    _ => {}
                }
            }
            unescape(&plain)
        })
        .collect()
}

fn entities_of(json: &serde_json::Value) -> Vec<(String, String)> {
    json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["label"].as_str().unwrap().to_string(), e["text"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn the_page_of_an_article_has_one_mark_per_entity_in_chromium() {
    let Some(browser) = chromium() else { return };
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/article_browser.txt");
    let text = std::fs::read_to_string(&article).unwrap();
    let expected: serde_json::Value =
        serde_json::from_slice(&greek_ner(&["extract", article.to_str().unwrap()])).unwrap();
    let expected = entities_of(&expected);
    assert!(expected.len() >= 15, "the article has many entities: {expected:?}");
    for label in ["PER", "LOC", "ORG"] {
        assert!(expected.iter().any(|(l, _)| l == label), "no {label} in {expected:?}");
    }
    let dir = tempdir("article");
    let page = dir.join("article.html");
    std::fs::write(&page, greek_ner(&["html", article.to_str().unwrap()])).unwrap();

    let dom = headless(&browser, &["--dump-dom"], &page);
    assert!(dom.contains("</html>"), "chromium rendered the page: {dom}");
    let (_, text_div) = dom.split_once("<div class=\"text\">").expect("the text");
    assert_eq!(marks(text_div.split("</div>").next().unwrap()), expected);
    assert_eq!(texts(&dom), [text]);
    // The legend and the side table.
    for label in ["PER", "LOC", "ORG"] {
        assert!(
            dom.contains(&format!("class=\"swatch\" data-label=\"{label}\">{label}</span>")),
            "legend {label}"
        );
    }
    assert!(dom.contains("<table class=\"entities\">"));
    // Nothing is fetched: no URL in the page but its own.
    assert!(
        !dom.contains("http://")
            && !dom.contains("https://")
            && !dom.contains("<script")
            && !dom.contains("<link")
    );

    let png = dir.join("article.png");
    headless(&browser, &["--window-size=1280,900", &format!("--screenshot={}", png.display())], &page);
    let bytes = std::fs::read(&png).expect("a screenshot");
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000, "a screenshot with something on it");
    eprintln!("screenshot: {}", png.display());
}

#[test]
fn a_jsonl_page_has_one_section_per_line_in_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = tempdir("jsonl");
    let input = dir.join("in.jsonl");
    let lines = [
        r#"{"id":"a","text":"Ο Κυριάκος Μητσοτάκης μίλησε στη Θεσσαλονίκη."}"#,
        r#"{"id":2,"text":"Χωρίς ονόματα."}"#,
        r#"{"id":"c","text":"Η Ευρωπαϊκή Επιτροπή & το ΝΑΤΟ <στις Βρυξέλλες>."}"#,
    ];
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let answers = greek_ner(&["extract", "--jsonl", input.to_str().unwrap()]);
    let expected: Vec<Vec<(String, String)>> = std::str::from_utf8(&answers)
        .unwrap()
        .lines()
        .map(|l| entities_of(&serde_json::from_str(l).unwrap()))
        .collect();
    let page = dir.join("page.html");
    std::fs::write(&page, greek_ner(&["html", "--jsonl", input.to_str().unwrap()])).unwrap();
    let dom = headless(&browser, &["--dump-dom"], &page);
    let sections: Vec<&str> = dom.split("<section class=\"doc\">").skip(1).collect();
    assert_eq!(sections.len(), lines.len());
    for (section, expected) in sections.iter().zip(&expected) {
        let text_part = section.split("<aside>").next().unwrap();
        assert_eq!(&marks(text_part), expected);
    }
    assert_eq!(expected[1], []);
    assert!(expected[0].len() >= 2 && expected[2].len() >= 3, "{expected:?}");
}

/// The error view of `evaluate --html`: every mark is of one of the five kinds, and the
/// page shows as many errors of each kind as its counts say.
#[test]
fn the_error_page_of_evaluate_counts_what_it_shows_in_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = tempdir("evaluate");
    let corpus = dir.join("gold.iob2");
    // Sentences of our own, with gold tags a reader would give (and a few the recognizer
    // will not agree with).
    let sentences = [
        "Ο B-PER|Κυριάκος I-PER|Μητσοτάκης I-PER|μίλησε O|στη O|Λάρισα B-LOC",
        "Η O|Ευρωπαϊκή B-ORG|Επιτροπή I-ORG|απάντησε O|στην O|Αθήνα B-ORG",
        "Ο O|Γιώργος B-PER|είπε O|ναι O|στο O|Κρεμλίνο O",
        "Το O|ΝΑΤΟ B-ORG|και O|η O|Ρωσία B-LOC",
    ];
    let text: String = sentences.iter().map(|s| s.replace('|', "\n") + "\n\n").collect();
    std::fs::write(&corpus, text).unwrap();
    let page = dir.join("errors.html");
    greek_ner(&["evaluate", "--html", page.to_str().unwrap(), corpus.to_str().unwrap()]);
    let dom = headless(&browser, &["--dump-dom"], &page);
    let kinds = ["missed", "spurious", "wrong-label", "wrong-boundary", "correct"];
    let shown = |kind: &str| dom.matches(&format!("<mark data-kind=\"{kind}\"")).count();
    let counted = |kind: &str| -> usize {
        let row = dom.split(&format!("class=\"swatch\" data-kind=\"{kind}\">")).nth(2).expect("a count row");
        let cell = row.split("<td class=\"n\">").nth(1).unwrap();
        cell[..cell.find('<').unwrap()].parse().unwrap()
    };
    assert_eq!(dom.matches("<mark").count(), kinds.iter().map(|k| shown(k)).sum::<usize>());
    let errors: usize = kinds[..4].iter().map(|k| counted(k)).sum();
    assert!(errors > 0, "the corpus has errors the recognizer makes");
    for kind in &kinds[..4] {
        assert_eq!(shown(kind), counted(kind), "{kind}");
    }
    let png = dir.join("errors.png");
    headless(&browser, &["--window-size=1280,900", &format!("--screenshot={}", png.display())], &page);
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    eprintln!("screenshot: {}", png.display());
}
