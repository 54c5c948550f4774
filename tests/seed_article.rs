//! The reference article (../shared/seed/article.txt, read at run time and not copied into
//! the repository): every person, place and organisation with its exact span and label,
//! nothing else; the names no list holds found by the rules; partial mentions tied to
//! the full names.

use std::path::PathBuf;

use greek_ner::{Entity, Label, Recognizer, Source};

fn article() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article.txt");
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!("skipping: {} not found", path.display());
            None
        }
    }
}

use Label::{Loc, Org, Per};

/// Every mention of the article, in order.
const EXPECTED: &[(&str, Label)] = &[
    ("Ρωσία", Loc),
    ("Βόρειας Κορέας", Loc),
    ("Κιμ Γιονγκ Ουν", Per),
    ("Βλαντίμιρ Πούτιν", Per),
    ("Πιονγιάνγκ", Loc),
    ("Μόσχα", Loc),
    ("Ουκρανία", Loc),
    ("Κιμ", Per),
    ("Khasan", Loc),
    ("Άπω Ανατολή", Loc),
    ("Ρωσίας", Loc),
    ("Βόρεια Κορέα", Loc),
    ("Kyodo", Org),
    ("Κιμ", Per),
    ("Πούτιν", Per),
    ("Βλαδιβοστόκ", Loc),
    ("Κρεμλίνου", Org),
    ("Κιμ", Per),
    ("Ρωσία", Loc),
    ("Πούτιν", Per),
    ("Κρεμλίνου", Org),
    ("Ντμίτρι Πεσκόφ", Per),
    ("Πιονγκγιάνγκ", Loc),
    ("Μόσχα", Loc),
    ("Ουκρανία", Loc),
    ("Κρεμλίνο", Org),
    ("Βόρειας Κορέας", Loc),
    ("Ουάσιγκτον", Loc),
    ("Πεσκόφ", Per),
    ("Κιμ", Per),
    ("Ρωσία", Loc),
    ("Βόρειας Κορέας", Loc),
    ("KCNA", Org),
    ("Κιμ", Per),
    ("Τσόε Σουν-Χούι", Per),
    ("Τζο Τσουν-ριόνγκ", Per),
    ("Τζο-Τσουν-ριόνγκ", Per),
    ("Βόρεια Κορέα", Loc),
    ("Ρωσία", Loc),
    ("Μάικλ Μάντεν", Per),
    ("Βόρεια Κορέα", Loc),
    ("Stimson Center", Org),
    ("Ουάσιγκτον", Loc),
    ("Κιμ", Per),
    ("Βόρεια Κορέα", Loc),
    ("Πούτιν", Per),
    ("Κιμ", Per),
    ("Ρωσία", Loc),
];

fn show(ents: &[Entity]) -> String {
    ents.iter().map(|e| format!("{} {} {}\n", e.text(), e.label, e.source)).collect()
}

#[test]
fn every_mention_and_nothing_else() {
    let Some(text) = article() else { return };
    let ents = Recognizer::default().extract(&text);
    let got: Vec<(&str, Label)> = ents.iter().map(|e| (e.text(), e.label)).collect();
    assert_eq!(got, EXPECTED, "got:\n{}", show(&ents));
    for e in &ents {
        assert_eq!(&text[e.span.range()], e.text());
    }
}

#[test]
fn partial_mentions_are_tied_to_full_names() {
    let Some(text) = article() else { return };
    let ents = Recognizer::default().extract(&text);
    let canonical = |surface: &str| -> Vec<Option<String>> {
        ents.iter().filter(|e| e.text() == surface).map(|e| e.canonical().map(str::to_string)).collect()
    };
    for (partial, full) in [
        ("Κιμ", "Κιμ Γιονγκ Ουν"),
        ("Πούτιν", "Βλαντίμιρ Πούτιν"),
        ("Πεσκόφ", "Ντμίτρι Πεσκόφ"),
        ("Τζο-Τσουν-ριόνγκ", "Τζο Τσουν-ριόνγκ"),
    ] {
        let c = canonical(partial);
        assert!(!c.is_empty(), "{partial} not found");
        assert!(c.iter().all(|c| c.as_deref() == Some(full)), "{partial}: {c:?}\n{}", show(&ents));
    }
}

#[test]
fn unlisted_names_are_found_by_rules() {
    let Some(text) = article() else { return };
    // No gazetteer at all: what is left is the rules' work.
    let ner = Recognizer::builder().default_gazetteers(false).build().unwrap();
    let ents = ner.extract(&text);
    for (name, label) in [
        ("Μάικλ Μάντεν", Per),
        ("Τσόε Σουν-Χούι", Per),
        ("Τζο Τσουν-ριόνγκ", Per),
        ("Stimson Center", Org),
        ("Khasan", Loc),
        ("Ντμίτρι Πεσκόφ", Per),
    ] {
        let e = ents
            .iter()
            .find(|e| e.text() == name)
            .unwrap_or_else(|| panic!("{name} not found:\n{}", show(&ents)));
        assert_eq!(e.label, label, "{name}");
        assert!(matches!(e.source, Source::Rule(_)), "{name}: {}", e.source);
    }
    for not_entity in ["Αμερικανοί", "ρωσικών", "Τρίτη", "Τρίτης"] {
        assert!(!ents.iter().any(|e| e.text().contains(not_entity)), "{not_entity}:\n{}", show(&ents));
    }
}
