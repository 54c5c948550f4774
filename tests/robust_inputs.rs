//! Inputs that must work: whatever the text, `extract` returns without panicking, every span is
//! an exact slice of the caller's text (bytes and chars), entities are sorted and disjoint, and
//! names are still found where the noise around them allows it.
//!
//! Every test here is fast in debug builds: the big inputs (a 10 MB line, thousands of
//! initials, long runs of capitalised words) exercise the linear code paths.

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use greek_ner::{Entity, Label, Recognizer};

static GAZETTEER_ONLY: LazyLock<Recognizer> =
    LazyLock::new(|| Recognizer::builder().gazetteer_only().build().expect("embedded gazetteers"));

/// Runs the default recognizer and the gazetteer-only one on `text`, checks every span
/// invariant on both, and returns the default recognizer's entities.
fn check(text: &str) -> Vec<Entity> {
    let ents = Recognizer::default().extract(text);
    invariants(text, &ents);
    invariants(text, &GAZETTEER_ONLY.extract(text));
    ents
}

fn invariants(text: &str, ents: &[Entity]) {
    let mut last_end = 0;
    // Char offsets counted once over the whole text, so that big inputs stay linear.
    let mut chars_before = 0;
    let mut counted_to = 0;
    for e in ents {
        assert!(e.span.start < e.span.end, "empty entity {e:?}");
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end), "{e:?}");
        assert_eq!(&text[e.span], e.text(), "byte span does not slice to the text");
        assert!(e.span.start >= last_end, "overlapping or unsorted at {e:?}");
        chars_before += text[counted_to..e.span.start].chars().count();
        counted_to = e.span.start;
        assert_eq!(chars_before, e.char_span.start, "char start of {e:?}");
        assert_eq!(e.text().chars().count(), e.char_span.len(), "char length of {e:?}");
        assert!((0.0..=1.0).contains(&e.confidence), "{e:?}");
        last_end = e.span.end;
    }
}

/// The entity whose text is exactly `mention`, if any.
fn find<'a>(ents: &'a [Entity], mention: &str) -> Option<&'a Entity> {
    ents.iter().find(|e| e.text() == mention)
}

fn assert_found(ents: &[Entity], mention: &str, label: Label) -> Entity {
    let e = find(ents, mention).unwrap_or_else(|| panic!("{mention:?} not found in {ents:#?}"));
    assert_eq!(e.label, label, "{e:?}");
    e.clone()
}

/// Fails when a test that must be quick in debug builds is not (a quadratic path).
fn quick(start: Instant, what: &str) {
    let limit = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 4 });
    assert!(start.elapsed() < limit, "{what} took {:?}", start.elapsed());
}

/// Found by fuzzing: a web domain (a rule's organisation) that is also the second name of a
/// list after a person (a coordinated name) was two overlapping candidates, and the document
/// pass sliced between them backwards.
#[test]
fn a_domain_in_a_list_of_names() {
    for text in [".Ο Κΰ,Mo.co", "Μίλησαν ο Νίκος Παππάς, Mo.co και η Ana.gr."] {
        assert_found(&check(text), "Mo.co", Label::Org);
    }
}

#[test]
fn empty_and_blank_texts() {
    for t in ["", " ", "\n", "\r\n", "\n\n\n", "\t \u{A0}\u{3000}", "\u{FEFF}", ".", "«»"] {
        assert!(check(t).is_empty(), "{t:?}");
    }
}

#[test]
fn ten_megabyte_line_without_spaces() {
    const SIZE: usize = 10 << 20;
    let start = Instant::now();
    // One long word: nothing on a word boundary inside it.
    let word = "α".repeat(SIZE / 2);
    assert!(check(&word).is_empty());
    // A name repeated with nothing between: one huge word, no boundary, no entity.
    let glued = "Ρωσία".repeat(SIZE / "Ρωσία".len());
    assert!(check(&glued).is_empty());
    // The name at both ends of the huge word still is not a word of its own; after a
    // space it is.
    let text = format!("{glued} Ρωσία");
    let ents = check(&text);
    assert_eq!(ents.len(), 1);
    assert_eq!(ents[0].span.start, glued.len() + 1);
    assert_eq!(ents[0].char_span.start, glued.chars().count() + 1);
    quick(start, "10 MB lines without spaces");
}

#[test]
fn a_line_with_a_hundred_thousand_names() {
    // A name repeated with punctuation between: every one is an entity of the same line.
    let start = Instant::now();
    let listed = "Ρωσία,".repeat(100_000);
    let ents = check(&listed);
    assert_eq!(ents.len(), 100_000);
    assert!(ents.iter().all(|e| e.text() == "Ρωσία" && e.label == Label::Loc));
    assert_eq!(ents.last().unwrap().char_span.end, listed.chars().count() - 1);
    // Names of different lengths mixed: overlap resolution sees them longest first, so it
    // must not insert into the middle of a vector (that was quadratic: minutes per MB).
    let unit = "Ρωσίας/Αθήνα/Βόρειας-Κορέας/";
    let mixed = unit.repeat(50_000);
    let ents = check(&mixed);
    assert_eq!(ents.len(), 150_000);
    quick(start, "a line with 250 000 names");
}

#[test]
fn many_lines_with_names_inside_longer_ones() {
    // Every line's overlapping hits (`Πούτιν` inside `Βλαντίμιρ Πούτιν`, `Ελλάδος` inside
    // `Τράπεζα της Ελλάδος`) are resolved at the cost of that line, not of all the mentions
    // of the document before it (that was quadratic in the number of lines).
    let start = Instant::now();
    let text = "Ο Βλαντίμιρ Πούτιν και η Τράπεζα της Ελλάδος.\n".repeat(60_000);
    let ents = check(&text);
    assert_eq!(ents.len(), 120_000);
    let names = ["Βλαντίμιρ Πούτιν", "Τράπεζα της Ελλάδος"];
    assert!(ents.iter().enumerate().all(|(i, e)| e.text() == names[i % 2]));
    quick(start, "60 000 lines with overlapping hits");
}

#[test]
fn only_combining_marks() {
    let marks = "\u{301}\u{308}\u{313}\u{342}\u{345}\u{20DD}\u{FE0F}".repeat(10_000);
    assert!(check(&marks).is_empty());
    // Marks at the very start, before a name: the name is found, the marks stay outside it.
    let text = "\u{301}\u{301}Αθήνα";
    let e = assert_found(&check(text), "Αθήνα", Label::Loc);
    assert_eq!(e.span.start, 4);
    assert_eq!(e.char_span.start, 2);
    // Marks after a name belong to its last letter.
    let text = "Αθήνα\u{301}\u{308} και";
    assert_found(&check(text), "Αθήνα\u{301}\u{308}", Label::Loc);
}

#[test]
fn zero_width_joiners_and_non_joiners_inside_names() {
    for zw in ['\u{200D}', '\u{200C}', '\u{200B}', '\u{2060}', '\u{00AD}'] {
        let name = format!("Πού{zw}τιν");
        let text = format!("Ο {name} μίλησε στη Μό{zw}σχα{zw}.");
        let ents = check(&text);
        let e = assert_found(&ents, &name, Label::Per);
        assert_eq!(e.char_span.start, 2);
        assert_eq!(e.char_span.len(), 7);
        // A trailing zero-width character is not part of the name.
        assert_found(&ents, &format!("Μό{zw}σχα"), Label::Loc);
    }
}

#[test]
fn byte_order_mark() {
    let text = "\u{FEFF}Αθήνα και Μόσχα";
    let ents = check(text);
    let e = assert_found(&ents, "Αθήνα", Label::Loc);
    assert_eq!((e.span.start, e.char_span.start), (3, 1));
    assert_found(&ents, "Μόσχα", Label::Loc);
    // A BOM in the middle (files concatenated) is ignored the same way.
    let text = "Η Αθήνα.\n\u{FEFF}Μόσχα";
    assert_found(&check(text), "Μόσχα", Label::Loc);
}

#[test]
fn crlf_line_ends() {
    let text = "Η Αθήνα\r\nΗ Μόσχα\r\n\r\nΟ Βλαντίμιρ Πούτιν\r\n";
    let ents = check(text);
    assert_found(&ents, "Αθήνα", Label::Loc);
    assert_found(&ents, "Μόσχα", Label::Loc);
    assert_found(&ents, "Βλαντίμιρ Πούτιν", Label::Per);
    assert!(ents.iter().all(|e| !e.text().contains('\r')));
    // Old Mac line ends: a bare CR is a separator too.
    let ents = check("Αθήνα\rΜόσχα\r");
    assert_found(&ents, "Αθήνα", Label::Loc);
    assert_found(&ents, "Μόσχα", Label::Loc);
}

#[test]
fn nul_bytes() {
    let text = "\0Ο Πούτιν\0στη Μόσχα\0\0Αθήνα\0";
    let ents = check(text);
    assert_found(&ents, "Πούτιν", Label::Per);
    assert_found(&ents, "Μόσχα", Label::Loc);
    assert_found(&ents, "Αθήνα", Label::Loc);
    assert!(check(&"\0".repeat(100_000)).is_empty());
}

#[test]
fn bidi_control_characters() {
    let text = "\u{202B}Αθήνα\u{202C} και \u{2067}Μόσχα\u{2069}, \u{200F}Ρωσία\u{200E}, Ρω\u{202E}σία";
    let ents = check(text);
    assert_found(&ents, "Αθήνα", Label::Loc);
    assert_found(&ents, "Μόσχα", Label::Loc);
    assert_found(&ents, "Ρωσία", Label::Loc);
    assert_found(&ents, "Ρω\u{202E}σία", Label::Loc);
    let only = "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}";
    assert!(check(&only.repeat(1000)).is_empty());
}

#[test]
fn emoji_and_flags() {
    let text = "🇬🇷Αθήνα 🇷🇺 Μόσχα👍🏽 ο Πούτιν👨‍👩‍👧 και 🏳️‍🌈Ρωσία";
    let ents = check(text);
    let e = assert_found(&ents, "Αθήνα", Label::Loc);
    // A flag is two scalar values; spans count them as such.
    assert_eq!((e.span.start, e.char_span.start), (8, 2));
    assert_found(&ents, "Μόσχα", Label::Loc);
    assert_found(&ents, "Πούτιν", Label::Per);
    assert_found(&ents, "Ρωσία", Label::Loc);
    assert!(check(&"🇬🇷👨‍👩‍👧🏳️‍🌈".repeat(5000)).is_empty());
}

#[test]
fn mixed_greek_latin_cyrillic() {
    // Latin and Cyrillic look-alike letters typed inside Greek names.
    let text = "Ο Πoύτιν (λατινικό o) στη Мόσχα (κυριλλικό М), Москва, Moscow.";
    let ents = check(text);
    assert_found(&ents, "Πoύτιν", Label::Per);
    assert_found(&ents, "Мόσχα", Label::Loc);
    assert_found(&ents, "Moscow", Label::Loc);
    // Scripts glued together make one word: no name inside it.
    assert!(find(&check("МоскваΑθήναMoscow"), "Αθήνα").is_none());
    let soup = "Αθήνα, Athens, Афины. ".repeat(20_000);
    let ents = check(&soup);
    assert_eq!(ents.iter().filter(|e| e.text() == "Αθήνα").count(), 20_000);
}

#[test]
fn all_caps_articles() {
    let text = "Η ΑΘΗΝΑ ΚΑΙ Η ΜΟΣΧΑ. ΤΟ ΚΡΕΜΛΙΝΟ ΚΑΙ ΤΗΣ ΡΩΣΙΑΣ. Ο ΠΟΥΤΙΝ.";
    let ents = check(text);
    assert_found(&ents, "ΑΘΗΝΑ", Label::Loc);
    assert_found(&ents, "ΜΟΣΧΑ", Label::Loc);
    assert_found(&ents, "ΚΡΕΜΛΙΝΟ", Label::Org);
    assert_found(&ents, "ΡΩΣΙΑΣ", Label::Loc);
    assert_found(&ents, "ΠΟΥΤΙΝ", Label::Per);
    let articles = ["Ο", "Η", "ΤΟ", "ΟΙ", "ΤΑ", "ΤΟΥ", "ΤΗΣ", "ΤΩΝ", "ΤΟΝ", "ΤΗΝ", "ΣΤΗΝ", "ΚΑΙ"];
    let text = articles.join(" ").repeat(5000);
    for e in check(&text) {
        assert!(!articles.contains(&e.text()), "an article became an entity: {e:?}");
    }
}

#[test]
fn long_runs_of_capitalised_words() {
    let start = Instant::now();
    let words = ["Καλημέρα", "Κόσμε", "Μεγάλη", "Νέα", "Αθήνα", "Ευρωπαϊκή", "Επιτροπή", "Βόρεια", "Κορέα"];
    let text: String = (0..100_000).map(|i| words[i % words.len()]).collect::<Vec<_>>().join(" ");
    let ents = check(&text);
    assert!(!ents.is_empty());
    quick(start, "100 000 capitalised words");
    // The same in capitals, and a person's names repeated so that the document pass links them.
    let start = Instant::now();
    check(&text.to_uppercase());
    let people = "Βλαντίμιρ Πούτιν Κιμ Γιονγκ Ουν Πούτιν Κιμ ".repeat(20_000);
    let ents = check(&people);
    assert!(ents.len() >= 40_000);
    quick(start, "capitals and repeated persons");
    // Unknown persons that the rules find, tens of thousands on one line: the rule stage's
    // overlap tests must not compare every candidate with every other.
    let start = Instant::now();
    let text = "Γιάννης Καλογεράκης, Νίκος Παπαδημητρόπουλος, ".repeat(25_000);
    check(&text);
    quick(start, "50 000 persons on one line");
}

#[test]
fn thousands_of_initials() {
    let start = Instant::now();
    let letters: Vec<char> = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ".chars().collect();
    let spaced: String = (0..20_000).map(|i| format!("{}. ", letters[i % letters.len()])).collect();
    check(&spaced);
    let glued: String = (0..20_000).map(|i| format!("{}.", letters[i % letters.len()])).collect();
    check(&glued);
    // Initials before a name: the name is still found.
    let text = format!("{spaced}Ν.Δ. και Βλαντίμιρ Πούτιν");
    let ents = check(&text);
    assert_found(&ents, "Ν.Δ.", Label::Org);
    assert_found(&ents, "Βλαντίμιρ Πούτιν", Label::Per);
    quick(start, "thousands of initials");
}

#[test]
fn many_short_lines() {
    let start = Instant::now();
    let text = "Αθήνα\n".repeat(200_000);
    let ents = check(&text);
    assert_eq!(ents.len(), 200_000);
    assert_eq!(ents[199_999].char_span.start, 6 * 199_999);
    quick(start, "200 000 lines");
}

#[test]
fn control_and_unassigned_characters() {
    let text = "\u{1}\u{7}\u{1B}[31mΑθήνα\u{1B}[0m \u{7F}\u{85}Μόσχα\u{FFFF}\u{10FFFF}\u{E000}Ρωσία\u{FFFD}";
    let ents = check(text);
    assert_found(&ents, "Μόσχα", Label::Loc);
    assert_found(&ents, "Ρωσία", Label::Loc);
    // Every scalar value of the Basic Multilingual Plane and then some, in one text.
    let all: String = (0u32..0x3_0000).filter_map(char::from_u32).collect();
    check(&all);
    let all_spaced: String = (0u32..0x3_0000).filter_map(char::from_u32).flat_map(|c| [c, ' ']).collect();
    check(&all_spaced);
}

#[test]
fn same_text_same_output() {
    let text = "Ο Βλαντίμιρ Πούτιν και ο Πούτιν στη Μόσχα · 🇷🇺 \u{200D} ΡΩΣΙΑΣ\r\n".repeat(50);
    let ner = Recognizer::default();
    let a = ner.extract(&text);
    let b = ner.worker().extract(&text);
    let c = Recognizer::builder().build().unwrap().extract(&text);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&c).unwrap());
}

/// Every seed of the fuzz targets (fuzz/seeds/, where crashes go once fixed) goes through the
/// targets' assertions here, so that CI replays them without a fuzzer.
#[test]
fn fuzz_seeds_replay() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join("seeds");
    let read = |target: &str| -> Vec<(String, String)> {
        let Ok(entries) = std::fs::read_dir(dir.join(target)) else { return Vec::new() };
        let mut files: Vec<_> = entries
            .map(|e| e.unwrap().path())
            .map(|p| {
                (p.display().to_string(), String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned())
            })
            .collect();
        files.sort();
        files
    };
    if !dir.exists() {
        return; // a packaged crate has no fuzz/ directory
    }
    let extract = read("extract");
    assert!(extract.len() >= 10, "the extract seeds are there");
    for (_, text) in &extract {
        let ents = check(text);
        assert_eq!(Recognizer::default().worker().extract(text), ents);
    }
    for (name, text) in read("gazetteer") {
        match greek_ner::Gazetteer::from_tsv("seed.tsv", &text) {
            Ok(g) => {
                let ner = Recognizer::builder().default_gazetteers(false).gazetteer(g).build();
                if let Ok(ner) = ner {
                    invariants(&text, &ner.extract(&text));
                }
            }
            Err(e) => assert_eq!(e.file(), "seed.tsv", "{name}: {e}"),
        }
    }
    let patterns = read("patterns");
    assert!(patterns.len() >= 3, "the pattern seeds are there");
    for (name, text) in patterns {
        match Recognizer::builder().patterns_str("seed.jsonl", &*text).build() {
            Ok(ner) => {
                for t in [&*text, "Το συγκρότημα Νυχτερινά Φανάρια έπαιξε στην Αθήνα, είπε ο Λάμπρος."]
                {
                    let ents = ner.extract(t);
                    invariants(t, &ents);
                    let explained: Vec<_> = ner.explain(t).entities.into_iter().map(|e| e.entity).collect();
                    assert_eq!(explained, ents, "{name}");
                }
            }
            Err(e) => assert_eq!(e.file(), "seed.jsonl", "{name}: {e}"),
        }
    }
    for (name, text) in read("learn_iob2") {
        let Ok(corpus) = greek_ner::iob2::parse("seed.iob2", &text) else { continue };
        for s in &corpus.sentences {
            for a in &s.spans {
                assert_eq!(s.text[..a.byte_start].chars().count(), a.char_start, "{name}");
                assert_eq!(
                    s.text[a.byte_start..a.byte_end].chars().count(),
                    a.char_end - a.char_start,
                    "{name}"
                );
            }
        }
        if let Ok(ner) =
            Recognizer::builder().default_gazetteers(false).learn_iob2_str("seed.iob2", &*text).build()
        {
            for s in &corpus.sentences {
                invariants(&s.text, &ner.extract(&s.text));
            }
        }
    }
}
