//! User data outranks the built-ins: token patterns, a user's gazetteer entries, the veto
//! list, rules switched off, and the explain trail that says who made and removed what.
//! Every sentence is our own.

use greek_ner::{Entry, Gazetteer, Label, Recognizer, Stage};

/// A recognizer with these patterns (JSONL) only: no gazetteer, no rule, no document pass,
/// so that what is found is what the patterns find.
fn patterns_only(jsonl: &str) -> Recognizer {
    Recognizer::builder()
        .default_gazetteers(false)
        .gazetteer_only()
        .patterns_str("test.jsonl", jsonl)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// `text` and `label` of every entity, in order.
fn found(ner: &Recognizer, text: &str) -> Vec<(String, Label, String)> {
    ner.extract(text).iter().map(|e| (e.text().to_string(), e.label, e.source.to_string())).collect()
}

const BAND: &str = r#"{"name":"band","label":"ORG","pattern":[{"LOWER":"συγκροτημα"},{"IS_TITLE":true,"OP":"+"}],"entity":[1,2]}"#;

#[test]
fn lower_matches_any_case_and_accent() {
    let ner = patterns_only(BAND);
    for text in [
        "Το Συγκρότημα Νυχτερινά Φανάρια έπαιξε.",
        "ΤΟ ΣΥΓΚΡΟΤΗΜΑ Νυχτερινά Φανάρια έπαιξε.",
        "Το συγκρότημα Νυχτερινά Φανάρια έπαιξε.",
        "Το συγκροτημα Νυχτερινά Φανάρια έπαιξε.",
    ] {
        assert_eq!(
            found(&ner, text),
            [("Νυχτερινά Φανάρια".to_string(), Label::Org, "pattern:band".to_string())],
            "{text}"
        );
    }
    // `IS_TITLE` is not all capitals, and `LOWER` is one whole token.
    assert!(found(&ner, "Το συγκρότημα ΝΥΧΤΕΡΙΝΑ έπαιξε.").is_empty());
    assert!(found(&ner, "Τα συγκροτήματα Νυχτερινά Φανάρια έπαιξαν.").is_empty());
}

#[test]
fn operators() {
    // (pattern, text, entity text or "" for none)
    let cases: &[(&str, &str, &str)] = &[
        // `?`: once or not at all.
        (
            r#"[{"LOWER":"ο"},{"LOWER":"κυριος","OP":"?"},{"IS_TITLE":true}],"entity":[2,3]"#,
            "Μίλησε ο κύριος Πάπιας χθες.",
            "Πάπιας",
        ),
        (
            r#"[{"LOWER":"ο"},{"LOWER":"κυριος","OP":"?"},{"IS_TITLE":true}],"entity":[2,3]"#,
            "Μίλησε ο Πάπιας χθες.",
            "Πάπιας",
        ),
        // `+`: one or more, as many as there are.
        (
            r#"[{"LOWER":"ομιλος"},{"IS_TITLE":true,"OP":"+"}]"#,
            "Ο όμιλος Άλφα Βήτα Γάμμα.",
            "όμιλος Άλφα Βήτα Γάμμα",
        ),
        (r#"[{"LOWER":"ομιλος"},{"IS_TITLE":true,"OP":"+"}]"#, "Ο όμιλος πάντα.", ""),
        // `*`: any number, none included.
        (
            r#"[{"LOWER":"ομιλος"},{"IS_TITLE":true,"OP":"*"},{"IS_DIGIT":true}]"#,
            "Ο όμιλος 21 έκλεισε.",
            "όμιλος 21",
        ),
        (
            r#"[{"LOWER":"ομιλος"},{"IS_TITLE":true,"OP":"*"},{"IS_DIGIT":true}]"#,
            "Ο όμιλος Δέλτα Ζήτα 21 έκλεισε.",
            "όμιλος Δέλτα Ζήτα 21",
        ),
        // `!`: one token that does not match.
        (
            r#"[{"LOWER":"ομιλος"},{"LOWER":"του","OP":"!"},{"IS_TITLE":true,"OP":"*"}],"entity":[1,3]"#,
            "Ο όμιλος Άλφα Βήτα απάντησε.",
            "Άλφα Βήτα",
        ),
        (
            r#"[{"LOWER":"ομιλος"},{"LOWER":"του","OP":"!"},{"IS_TITLE":true,"OP":"*"}],"entity":[1,3]"#,
            "Ο όμιλος του Άλφα απάντησε.",
            "",
        ),
        // `!` needs a token: none at the end of the line.
        (r#"[{"LOWER":"ομιλος"},{"LOWER":"του","OP":"!"}]"#, "Ο όμιλος", ""),
        // An entity of optional elements that matched nothing is no entity.
        (
            r#"[{"LOWER":"ομιλος"},{"IS_TITLE":true,"OP":"?"},{"IS_DIGIT":true}],"entity":[1,2]"#,
            "Ο όμιλος 21 έκλεισε.",
            "",
        ),
    ];
    check_cases(cases);
}

/// Each (pattern, text, entity text or "" for none): an ORG pattern alone finds exactly that.
fn check_cases(cases: &[(&str, &str, &str)]) {
    for &(pattern, text, want) in cases {
        let ner = patterns_only(&format!(r#"{{"name":"p","label":"ORG","pattern":{pattern}}}"#));
        let got: Vec<String> = found(&ner, text).into_iter().map(|f| f.0).collect();
        let want: Vec<String> = if want.is_empty() { vec![] } else { vec![want.to_string()] };
        assert_eq!(got, want, "{pattern} on {text:?}");
    }
}

#[test]
fn token_attributes() {
    // (pattern, text, entity text or "" for none)
    let cases: &[(&str, &str, &str)] = &[
        // `TEXT` is exact.
        (r#"[{"TEXT":"Μπλε"},{"TEXT":"Λύκοι"}]"#, "Οι Μπλε Λύκοι νίκησαν.", "Μπλε Λύκοι"),
        (r#"[{"TEXT":"Μπλε"},{"TEXT":"Λύκοι"}]"#, "Οι ΜΠΛΕ ΛΥΚΟΙ νίκησαν.", ""),
        // `REGEX` searches the token as written.
        (r#"[{"REGEX":"^[A-Z]{2}[0-9]{2}$"}]"#, "Η XK22 ανακοίνωσε.", "XK22"),
        (r#"[{"REGEX":"^[A-Z]{2}[0-9]{2}$"}]"#, "Η xk22 ανακοίνωσε.", ""),
        // `IN`: folded forms.
        (
            r#"[{"IN":["ιδρυμα","ομιλος"]},{"IS_TITLE":true,"OP":"+"}]"#,
            "Το ΙΔΡΥΜΑ Λάμπρου Κάππα.",
            "ΙΔΡΥΜΑ Λάμπρου Κάππα",
        ),
        (r#"[{"IN":["ιδρυμα","ομιλος"]},{"IS_TITLE":true,"OP":"+"}]"#, "Ο Όμιλος Λάμπρου.", "Όμιλος Λάμπρου"),
        // `IS_UPPER`, `IS_LATIN`, `IS_PUNCT`.
        (
            r#"[{"IS_UPPER":true,"IS_LATIN":true},{"IS_PUNCT":true},{"IS_UPPER":true}]"#,
            "Η ABC & ΔΕΗ έκλεισε.",
            "ABC & ΔΕΗ",
        ),
        (
            r#"[{"IS_UPPER":true,"IS_LATIN":true},{"IS_PUNCT":true},{"IS_UPPER":true}]"#,
            "Η Abc & ΔΕΗ έκλεισε.",
            "",
        ),
        // `LEXICON`: a class of the rules' lexicon, also with the rules off.
        (
            r#"[{"LEXICON":"TITLE"},{"IS_TITLE":true,"OP":"+"}],"entity":[1,2]"#,
            "Μίλησε ο βουλευτής Λάμπρος Κοτρώνης.",
            "Λάμπρος Κοτρώνης",
        ),
        (
            r#"[{"LEXICON":"TITLE"},{"IS_TITLE":true,"OP":"+"}],"entity":[1,2]"#,
            "Μίλησε ο Λάμπρος Κοτρώνης.",
            "",
        ),
    ];
    check_cases(cases);
}

#[test]
fn ent_type_reads_the_mentions_of_the_earlier_stages() {
    let mut g = Gazetteer::new("places");
    g.insert(Entry::new("test:loc:kalamaki", Label::Loc, "Καλαμάκι")).unwrap();
    let pattern = r#"{"name":"municipality","label":"ORG","pattern":[{"LOWER":"δημος"},{"ENT_TYPE":"LOC","OP":"+"}],"id":"test:org:dimos","canonical":"Δήμος Καλαμακίου"}"#;
    let ner = Recognizer::builder()
        .default_gazetteers(false)
        .gazetteer_only()
        .gazetteer(g)
        .patterns_str("test.jsonl", pattern)
        .build()
        .unwrap();
    let ents = ner.extract("Ο Δήμος Καλαμάκι απάντησε. Στο Καλαμάκι βρέχει.");
    let got: Vec<_> = ents.iter().map(|e| (e.text(), e.label, e.id())).collect();
    assert_eq!(
        got,
        [
            ("Δήμος Καλαμάκι", Label::Org, Some("test:org:dimos")),
            ("Καλαμάκι", Label::Loc, Some("test:loc:kalamaki"))
        ]
    );
    assert_eq!(ents[0].canonical(), Some("Δήμος Καλαμακίου"));
    // No place there, no match.
    assert!(ner.extract("Ο Δήμος Πάνω απάντησε.").is_empty());
}

/// A sentence where the built-in rules find a person from a title.
const TITLED: &str = "Ο βουλευτής Λάμπρος Κοτρώνης δήλωσε στη Βουλή ότι θα ψηφίσει.";

#[test]
fn a_pattern_beats_a_built_in_rule_on_the_same_span_unless_its_priority_is_lower() {
    let builtin = Recognizer::default();
    let rule = builtin
        .extract(TITLED)
        .into_iter()
        .find(|e| e.text() == "Λάμπρος Κοτρώνης")
        .expect("a rule finds it");
    assert!(rule.source.to_string().starts_with("rule:"), "{rule:?}");
    let pattern = |priority: &str| {
        format!(
            r#"{{"name":"firm","label":"ORG","pattern":[{{"TEXT":"Λάμπρος"}},{{"TEXT":"Κοτρώνης"}}]{priority}}}"#
        )
    };
    let ner = Recognizer::builder().patterns_str("test.jsonl", pattern("")).build().unwrap();
    let e = ner.extract(TITLED).into_iter().find(|e| e.text() == "Λάμπρος Κοτρώνης").unwrap();
    assert_eq!((e.label, e.source.to_string()), (Label::Org, "pattern:firm".to_string()));
    // The document pass does not relabel it either, though a rule calls the name a person.
    let e = ner.extract(&format!("{TITLED} Ο Λάμπρος Κοτρώνης είπε ότι θα απαντήσει.")).remove(0);
    assert_eq!(e.label, Label::Org);
    // With a priority below the rule's, the rule keeps its span.
    let ner = Recognizer::builder().patterns_str("test.jsonl", pattern(r#","priority":1"#)).build().unwrap();
    let e = ner.extract(TITLED).into_iter().find(|e| e.text() == "Λάμπρος Κοτρώνης").unwrap();
    assert_eq!(e.source, rule.source);
    // and explain says the pattern's match gave way to it.
    let by = format!("{}(pattern:firm)", rule.source);
    assert!(ner.explain(TITLED).dropped.iter().any(|d| d.text == "Λάμπρος Κοτρώνης" && d.by == by));
}

/// `Κυβέρνηση` is a capitalised common word to the built-in lexicon.
const GOVERNMENT: &str = "Πηγές της Κυβέρνησης ανέφεραν ότι η σύσκεψη τελείωσε.";

fn government(context_checks: bool) -> Gazetteer {
    let mut g = Gazetteer::new("mine");
    g.insert(Entry::new("test:org:government", Label::Org, "Κυβέρνηση")).unwrap();
    g.context_checks(context_checks)
}

#[test]
fn a_user_entry_for_a_built_in_vetoed_word_is_found_with_every_stage_on() {
    let ner = Recognizer::builder().gazetteer(government(false)).build().unwrap();
    let ents = ner.extract(GOVERNMENT);
    let e = ents.iter().find(|e| e.text() == "Κυβέρνησης").expect("the user's entry is found");
    assert_eq!((e.label, e.id()), (Label::Org, Some("test:org:government")));
    // Checked in context as the embedded gazetteers are, the built-in list vetoes it, and
    // explain says so.
    let checked = Recognizer::builder().gazetteer(government(true)).build().unwrap();
    assert!(!checked.extract(GOVERNMENT).iter().any(|e| e.text() == "Κυβέρνησης"));
    let x = checked.explain(GOVERNMENT);
    let d = x.dropped.iter().find(|d| d.text == "Κυβέρνησης").expect("dropped");
    assert_eq!(d.by, "rule:veto_capitalised_common");
    assert_eq!((d.char_span.start, d.char_span.end), (10, 20));
    // Switched off, the veto lets it through.
    let off = Recognizer::builder()
        .gazetteer(government(true))
        .disable_rule("veto_capitalised_common")
        .build()
        .unwrap();
    assert!(off.extract(GOVERNMENT).iter().any(|e| e.text() == "Κυβέρνησης"));
}

#[test]
fn a_name_the_users_corpus_annotates_is_not_vetoed_as_a_common_word() {
    let corpus = "Πηγές O\nτης O\nΚυβέρνησης B-ORG\nείπαν O\n\nΗ O\nΚυβέρνηση B-ORG\nαπάντησε O\n";
    // With the user's entry, and learned alone.
    let with_entry = Recognizer::builder()
        .gazetteer(government(false))
        .learn_iob2_str("mine.iob2", corpus)
        .build()
        .unwrap();
    let learned = Recognizer::builder().learn_iob2_str("mine.iob2", corpus).build().unwrap();
    for ner in [with_entry, learned] {
        assert!(ner.extract(GOVERNMENT).iter().any(|e| e.text() == "Κυβέρνησης" && e.label == Label::Org));
    }
    assert!(!Recognizer::default().extract(GOVERNMENT).iter().any(|e| e.text() == "Κυβέρνησης"));
}

#[test]
fn the_veto_list_removes_names_for_a_label_or_for_all() {
    let text = "Η Αθήνα και η Λάρισα απάντησαν.";
    let base = Recognizer::default();
    let names = |ner: &Recognizer| ner.extract(text).iter().map(|e| e.text().to_string()).collect::<Vec<_>>();
    assert_eq!(names(&base), ["Αθήνα", "Λάρισα"]);
    // (veto list, names left)
    let cases: &[(&str, &[&str])] = &[
        ("# a comment\nαθηνα\n", &["Λάρισα"]),
        ("ΑΘΗΝΑ\tLOC\n", &["Λάρισα"]),
        ("Αθήνα\tPER\n", &["Αθήνα", "Λάρισα"]),
        ("Αθήνα\tPER\nΛάρισα\n", &["Αθήνα"]),
        ("Αθήνα Λάρισα\n", &["Αθήνα", "Λάρισα"]),
    ];
    for (list, want) in cases {
        let ner = Recognizer::builder().veto_str("veto.tsv", *list).build().unwrap();
        assert_eq!(names(&ner), *want, "{list:?}");
    }
    // Even the user's own pattern gives way, and explain names the line.
    let ner = Recognizer::builder()
        .patterns_str("p.jsonl", r#"{"name":"city","label":"ORG","pattern":[{"LOWER":"αθηνα"}]}"#)
        .veto_str("veto.tsv", "\nΑθήνα\tORG\n")
        .build()
        .unwrap();
    let x = ner.explain(text);
    assert_eq!(x.entities.iter().map(|e| e.entity.text()).collect::<Vec<_>>(), ["Λάρισα"]);
    assert!(x.dropped.iter().any(|d| d.text == "Αθήνα" && d.by == "veto:veto.tsv:2"), "{:?}", x.dropped);
}

#[test]
fn disable_rule_switches_a_rule_off_and_knows_the_names() {
    let on = Recognizer::default();
    assert!(on.extract(TITLED).iter().any(|e| e.text() == "Λάμπρος Κοτρώνης"));
    let source = on.extract(TITLED).into_iter().find(|e| e.text() == "Λάμπρος Κοτρώνης").unwrap().source;
    let name = source.to_string().strip_prefix("rule:").unwrap().to_string();
    let off = Recognizer::builder().disable_rule(&name).build().unwrap();
    assert!(!off
        .extract(TITLED)
        .iter()
        .any(|e| e.text() == "Λάμπρος Κοτρώνης" && e.source.to_string() == format!("rule:{name}")));
    let err = Recognizer::builder().disable_rule("person_tittle").build().unwrap_err().to_string();
    assert!(
        err.contains("person_tittle")
            && err.contains("person_title")
            && err.contains("veto_capitalised_common"),
        "{err}"
    );
}

#[test]
fn explain_gives_each_entity_its_trail_and_the_dropped_spans() {
    let ner = Recognizer::builder()
        .patterns_str(
            "test.jsonl",
            r#"{"name":"firm","label":"ORG","pattern":[{"TEXT":"Λάμπρος"},{"TEXT":"Κοτρώνης"}]}"#,
        )
        .build()
        .unwrap();
    let x = ner.explain(TITLED);
    // The same entities as `extract`.
    let plain = ner.extract(TITLED);
    assert_eq!(x.entities.iter().map(|e| &e.entity).collect::<Vec<_>>(), plain.iter().collect::<Vec<_>>());
    let firm = x.entities.iter().find(|e| e.entity.text() == "Λάμπρος Κοτρώνης").unwrap();
    assert_eq!(firm.trail, ["pattern:firm"]);
    let parliament = x.entities.iter().find(|e| e.entity.text() == "Βουλή").unwrap();
    assert!(parliament.trail[0].starts_with("gazetteer:"), "{:?}", parliament.trail);
    // The rule's person gave way to the pattern.
    let d = x.dropped.iter().find(|d| d.text == "Λάμπρος Κοτρώνης").expect("the rule's mention, dropped");
    assert_eq!(d.by, "pattern:firm");
    // Serialized as the contract says.
    let json = serde_json::to_value(d).unwrap();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(keys, ["by", "end", "start", "text"]);
}

#[test]
fn explain_names_overlaps_and_the_document_pass() {
    let mut g = Gazetteer::new("mine");
    g.insert(Entry::new("test:per:rodopoulos", Label::Per, "Ερμογένης Ροδόπουλος")).unwrap();
    g.insert(Entry::new("test:loc:kampos", Label::Loc, "Ροδόπουλος Κάμπος")).unwrap();
    let ner = Recognizer::builder().default_gazetteers(false).gazetteer(g).build().unwrap();
    let x = ner.explain("Ο Ερμογένης Ροδόπουλος Κάμπος μίλησε. Ο Ροδόπουλος έφυγε.");
    let full = x.entities.iter().find(|e| e.entity.text() == "Ερμογένης Ροδόπουλος").unwrap();
    assert_eq!(full.trail, ["gazetteer:mine:0"]);
    // Of two names that overlap, the longer won.
    assert!(
        x.dropped.iter().any(|d| d.text == "Ροδόπουλος Κάμπος" && d.by == "overlap:gazetteer:mine:0"),
        "{:?}",
        x.dropped
    );
    let part =
        x.entities.iter().find(|e| e.entity.text() == "Ροδόπουλος").expect("linked by the document pass");
    assert_eq!(part.trail.last().map(String::as_str), Some("document:alias"), "{:?}", part.trail);
}

#[test]
fn bad_pattern_files_name_file_line_and_field() {
    // (line 2 of the file, field, part of the message)
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("not json", None, "not valid JSON"),
        (r#"{"label":"ORG","pattern":[{"LOWER":"α"}]}"#, Some("name"), "missing"),
        (r#"{"name":"x","label":"MISC","pattern":[{"LOWER":"α"}]}"#, Some("label"), "MISC"),
        (r#"{"name":"x","label":"ORG","pattern":[]}"#, Some("pattern"), "empty"),
        (r#"{"name":"x","label":"ORG","pattern":[{"LOWR":"α"}]}"#, Some("pattern"), "LOWR"),
        (r#"{"name":"x","label":"ORG","pattern":[{"LOWER":"α","OP":"{2}"}]}"#, Some("pattern"), "{2}"),
        (r#"{"name":"x","label":"ORG","pattern":[{"REGEX":"("}]}"#, Some("pattern"), "REGEX"),
        (r#"{"name":"x","label":"ORG","pattern":[{"LEXICON":"NOPE"}]}"#, Some("pattern"), "NOPE"),
        (r#"{"name":"x","label":"ORG","pattern":[{"ENT_TYPE":"GPE"}]}"#, Some("pattern"), "GPE"),
        (r#"{"name":"x","label":"ORG","pattern":[{"LOWER":"α","OP":"*"}]}"#, Some("pattern"), "no token"),
        (r#"{"name":"x","label":"ORG","pattern":[{"LOWER":"α"}],"entity":[1,1]}"#, Some("entity"), "[1, 1)"),
        (r#"{"name":"x","label":"ORG","pattern":[{"LOWER":"α"}],"entity":[0,2]}"#, Some("entity"), "[0, 2)"),
        (r#"{"name":"x","label":"ORG","pattern":[{"LOWER":"α"}],"id":"a"}"#, Some("canonical"), "canonical"),
        (
            r#"{"name":"x","label":"ORG","pattern":[{"LOWER":"α"}],"priority":"high"}"#,
            Some("priority"),
            "integer",
        ),
        (r#"{"name":"x","label":"ORG","pattern":[{"LOWER":"α"}],"colour":1}"#, None, "colour"),
        (r#"{"name":"first","label":"ORG","pattern":[{"LOWER":"α"}]}"#, Some("name"), "line 1"),
    ];
    for (line, field, msg) in cases {
        let text =
            format!("{{\"name\":\"first\",\"label\":\"ORG\",\"pattern\":[{{\"LOWER\":\"β\"}}]}}\n{line}\n");
        let err = Recognizer::builder().patterns_str("bad.jsonl", text).build().unwrap_err();
        assert_eq!((err.file(), err.line(), err.field()), ("bad.jsonl", Some(2), *field), "{line}: {err}");
        assert!(err.to_string().contains(msg), "{line}: {err}");
        assert!(err.to_string().starts_with("bad.jsonl:2"), "{err}");
    }
    let err = Recognizer::builder().patterns_path("/no/such/patterns.jsonl").build().unwrap_err();
    assert_eq!(err.file(), "/no/such/patterns.jsonl");
    // Veto lists too.
    let err = Recognizer::builder().veto_str("veto.tsv", "Αθήνα\tCITY\n").build().unwrap_err();
    assert_eq!((err.file(), err.line(), err.field()), ("veto.tsv", Some(1), Some("label")));
}

#[test]
fn patterns_cost_little_on_long_lines() {
    // A `*` over every token of a long line, from every token: each walk stops at 64 tokens.
    let ner = patterns_only(r#"{"name":"p","label":"ORG","pattern":[{"OP":"*"},{"LOWER":"τελος"}]}"#);
    let line = "λέξη ".repeat(20_000) + "τέλος";
    let start = std::time::Instant::now();
    let ents = ner.extract(&line);
    assert_eq!(ents.len(), 1);
    assert_eq!(ents[0].text().split(' ').count(), 64);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn stages_off_do_not_hide_patterns() {
    let ner =
        Recognizer::builder().stage(Stage::Document, false).patterns_str("test.jsonl", BAND).build().unwrap();
    assert!(found(&ner, "Το συγκρότημα Νυχτερινά Φανάρια έπαιξε.").iter().any(|f| f.2 == "pattern:band"));
}

#[test]
fn a_trained_model_keeps_the_users_names() {
    // A corpus of our own where `Φεστιβάλ Κορυφής` is always MISC: the model learns to hide it.
    let mut corpus = String::new();
    for (i, day) in ["Παρασκευή", "Κυριακή", "Τρίτη", "Πέμπτη"].iter().cycle().take(24).enumerate()
    {
        let who = ["Αλέκος Βαρδάκης", "Σπύρος Κολοβός", "Ηλίας Μπαζίνας"][i % 3];
        corpus.push_str("Το O\nΦεστιβάλ B-MISC\nΚορυφής I-MISC\nξεκινά O\nτην O\n");
        corpus.push_str(&format!("{day} O\nείπε O\nο O\n"));
        let mut words = who.split(' ');
        corpus.push_str(&format!(
            "{} B-PER\n{} I-PER\n. O\n\n",
            words.next().unwrap(),
            words.next().unwrap()
        ));
    }
    let text = "Το Φεστιβάλ Κορυφής ξεκινά την Τετάρτη.";
    let festival = |checks: bool| {
        let mut g = Gazetteer::new("mine");
        g.insert(Entry::new("test:org:festival", Label::Org, "Φεστιβάλ Κορυφής")).unwrap();
        let ner = Recognizer::builder()
            .default_gazetteers(false)
            .gazetteer(g.context_checks(checks))
            .train_iob2_str("ours.iob2", corpus.clone())
            .build()
            .unwrap();
        assert!(ner.has_model());
        ner.extract(text)
            .into_iter()
            .find(|e| e.text() == "Φεστιβάλ Κορυφής")
            .map(|e| (e.label, e.source.to_string()))
    };
    // Checked like an embedded list, the entry gives way to what the corpus taught (the
    // adaptation's verdict, the model); the user's own does not.
    assert_eq!(festival(true), None);
    assert_eq!(festival(false), Some((Label::Org, "gazetteer:mine:0".to_string())));
}
