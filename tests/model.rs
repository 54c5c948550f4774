//! The trained sequence model (`RecognizerBuilder::train_iob2`, `model_path`,
//! `Recognizer::save_model`): deterministic training, an exact save/load round trip, and
//! clear errors for model files that are corrupt, truncated or trained with other
//! gazetteers. The corpus (`tests/data/model_news.iob2`) is our own sentences with fictional
//! names.

use greek_ner::{Entity, Label, Recognizer};

/// Our own corpus: eight sentence templates filled in turn with fictional names of each
/// type (MISC included), 96 sentences.
fn corpus() -> String {
    std::fs::read_to_string(format!("{}/tests/data/model_news.iob2", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Without the embedded gazetteers, so that the debug-mode tests stay fast.
fn trained() -> Recognizer {
    Recognizer::builder().default_gazetteers(false).train_iob2_str("ours.iob2", corpus()).build().unwrap()
}

fn tmp(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("greek-ner-model-test-{}-{name}", std::process::id()))
}

/// What the output contract shows of each entity.
fn shown(entities: &[Entity]) -> Vec<String> {
    entities.iter().map(|e| serde_json::to_string(e).unwrap()).collect()
}

const TEXTS: &[&str] = &[
    "Ο βουλευτής Θεμιστοκλής Ραφαηλίδης επισκέφθηκε τη Λευκόνησο το πρωί.",
    "Η Ένωση Αγροτών Ορεινής ανακοίνωσε νέα μέτρα για τους κατοίκους της Ανωπόλειας.",
    "Το Φεστιβάλ Κορυφής ξεκινά την Παρασκευή στη Καστρούπολη.",
    "Εκπρόσωπος της Ομοσπονδίας Αλιέων συναντήθηκε με τον Αλέκο Βαρδάκη.",
];

#[test]
fn the_model_finds_names_in_learned_contexts_and_hides_misc() {
    let ner = trained();
    assert!(ner.has_model());
    let cases: &[(&str, &str, Option<Label>)] = &[
        // A person the corpus never names, in a context it teaches.
        (TEXTS[0], "Θεμιστοκλής Ραφαηλίδης", Some(Label::Per)),
        (TEXTS[1], "Ένωση Αγροτών Ορεινής", Some(Label::Org)),
        // MISC is learned so as not to be reported.
        (TEXTS[2], "Φεστιβάλ Κορυφής", None),
        (TEXTS[2], "Καστρούπολη", Some(Label::Loc)),
    ];
    for &(text, name, label) in cases {
        let found: Vec<(String, Label)> =
            ner.extract(text).into_iter().map(|e| (e.text().to_string(), e.label)).collect();
        let got = found.iter().find(|(t, _)| t == name).map(|(_, l)| *l);
        let src: Vec<String> = ner.extract(text).iter().map(|e| e.source.to_string()).collect();
        assert_eq!(got, label, "{name} in {text:?}: {found:?} {src:?}");
    }
    // Every entity says where it comes from; the model's own say `model:<corpus>`.
    for text in TEXTS {
        for e in ner.extract(text) {
            let s = e.source.to_string();
            assert!(s.starts_with("model:ours.iob2") || !s.starts_with("model:"), "{s}");
            assert!((0.0..=1.0).contains(&e.confidence), "{s} {}", e.confidence);
        }
    }
}

#[test]
fn training_is_deterministic_and_saved_models_reproduce_it() {
    let (a, b) = (trained(), trained());
    let (pa, pb) = (tmp("a.model"), tmp("b.model"));
    a.save_model(&pa).unwrap();
    b.save_model(&pb).unwrap();
    let bytes = std::fs::read(&pa).unwrap();
    assert_eq!(bytes, std::fs::read(&pb).unwrap(), "two trainings, two different files");
    assert_eq!(&bytes[..8], b"GRNERMDL");
    let loaded = Recognizer::builder().default_gazetteers(false).model_path(&pa).build().unwrap();
    assert!(loaded.has_model());
    for text in TEXTS {
        assert_eq!(shown(&loaded.extract(text)), shown(&a.extract(text)), "{text}");
    }
    // Saved again, the loaded model is the same file.
    loaded.save_model(&pb).unwrap();
    assert_eq!(std::fs::read(&pb).unwrap(), bytes);
    let _ = std::fs::remove_file(&pa);
    let _ = std::fs::remove_file(&pb);
}

#[test]
fn bad_model_files_are_errors_naming_file_and_field() {
    let path = tmp("good.model");
    trained().save_model(&path).unwrap();
    let good = std::fs::read(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    let load = |bytes: &[u8]| {
        Recognizer::builder().default_gazetteers(false).model_bytes("m.model", bytes.to_vec()).build()
    };
    let flipped = |at: usize| {
        let mut b = good.clone();
        b[at] ^= 0x20;
        b
    };
    let cases: &[(&str, Vec<u8>, &str)] = &[
        ("empty", Vec::new(), "magic"),
        ("not a model", "Ο O\nΑθήνα B-LOC\n".as_bytes().to_vec(), "magic"),
        ("other version", flipped(8), "version"),
        ("truncated header", good[..16].to_vec(), "fingerprint"),
        ("truncated payload", good[..good.len() - 7].to_vec(), "length"),
        ("flipped byte", flipped(good.len() / 2), "checksum"),
    ];
    for (what, bytes, field) in cases {
        let e = load(bytes).expect_err(what);
        assert_eq!((e.file(), e.field()), ("m.model", Some(*field)), "{what}: {e}");
    }
    // Trained with other gazetteers or stages: the fingerprint tells.
    let mut mine = greek_ner::Gazetteer::new("mine");
    mine.insert(greek_ner::Entry::new("x:1", Label::Loc, "Βραχόκαμπος")).unwrap();
    let others = [
        Recognizer::builder().model_bytes("m.model", good.clone()),
        Recognizer::builder().default_gazetteers(false).gazetteer(mine).model_bytes("m.model", good.clone()),
        Recognizer::builder().default_gazetteers(false).gazetteer_only().model_bytes("m.model", good.clone()),
    ];
    for b in others {
        let e = b.build().expect_err("mismatched");
        assert_eq!(e.field(), Some("fingerprint"), "{e}");
    }
    // A missing file names itself.
    let e =
        Recognizer::builder().default_gazetteers(false).model_path(tmp("missing.model")).build().unwrap_err();
    assert!(e.file().ends_with("missing.model"), "{e}");
    // Nothing to save without a model; a model cannot be combined with more learning.
    let e =
        Recognizer::builder().default_gazetteers(false).build().unwrap().save_model(tmp("none")).unwrap_err();
    assert!(e.to_string().contains("no model"), "{e}");
    let e = Recognizer::builder()
        .default_gazetteers(false)
        .model_bytes("m.model", good.clone())
        .learn_iob2_str("x.iob2", "Ο O\n")
        .build()
        .unwrap_err();
    assert_eq!(e.file(), "m.model");
}

#[test]
fn any_bytes_load_or_fail_without_panicking() {
    // The loader's fuzz target, on a fixed set of inputs: random bytes, a valid header on
    // random payloads, and every truncation of a real model's header.
    let path = tmp("fuzz.model");
    trained().save_model(&path).unwrap();
    let good = std::fs::read(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut inputs: Vec<Vec<u8>> = (0..64).map(|n| (0..n * 7).map(|_| next() as u8).collect()).collect();
    for n in 0..40 {
        let mut b = good[..36].to_vec();
        b.extend((0..n * 13).map(|_| next() as u8));
        inputs.push(b);
    }
    inputs.extend((0..60).map(|cut| good[..cut].to_vec()));
    for bytes in inputs {
        let r = Recognizer::builder().default_gazetteers(false).model_bytes("f.model", bytes).build();
        if let Err(e) = r {
            assert_eq!(e.file(), "f.model");
        }
    }
}
