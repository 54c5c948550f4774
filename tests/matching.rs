//! Table-driven tests of gazetteer matching on sentences we wrote: normalisation, inflection,
//! all-caps, boundaries, overlaps and offsets. Each test builds a recognizer from a small
//! gazetteer of its own so that it does not depend on the default lists.

use std::sync::LazyLock;

use greek_ner::{Gazetteer, Label, Recognizer};

const TSV: &str = "id\tlabel\tname\taliases\tkind\tflags
iso3166:KP\tLOC\tΒόρεια Κορέα\t\tcountry\t
iso3166:RU\tLOC\tΡωσία\t\tcountry\t
iso3166:BY\tLOC\tΛευκορωσία\t\tcountry\t
iso3166:US\tLOC\tΗνωμένες Πολιτείες\tΗΠΑ\tcountry\t
geonames:1871859\tLOC\tΠιονγιάνγκ\tΠιονγκγιάνγκ\tcity\t
geonames:2013348\tLOC\tΒλαδιβοστόκ\t\tcity\t
geonames:4140963\tLOC\tΟυάσιγκτον\t\tcity\t
grner:org:kremlin\tORG\tΚρεμλίνο\t\tgovernment\t
grner:org:ec\tORG\tΕυρωπαϊκή Επιτροπή\tΚομισιόν\tintl_org\t
grner:org:nd\tORG\tΝέα Δημοκρατία\tΝΔ|Ν.Δ.\tparty\t
grner:org:kke\tORG\tΚομμουνιστικό Κόμμα Ελλάδας\tΚΚΕ\tparty\t
grner:org:nato\tORG\tΝΑΤΟ\tNATO\tintl_org\t
grner:org:boe\tORG\tΤράπεζα της Ελλάδος\t\tbank\t
grner:org:stimson\tORG\tStimson Center\t\tthink_tank\t
grner:org:mera\tORG\tΜέΡΑ25\t\tparty\texact_case
grner:per:km\tPER\tΚυριάκος Μητσοτάκης\tΜητσοτάκης|Κ. Μητσοτάκης\tpolitician\t
grner:per:at\tPER\tΑλέξης Τσίπρας\t\tpolitician\t
grner:per:dm\tPER\tΝτόρα Μπακογιάννη\t\tpolitician\t
grner:per:kju\tPER\tΚιμ Γιονγκ Ουν\t\thead_of_state\t
grner:per:putin\tPER\tΒλαντίμιρ Πούτιν\tΠούτιν\thead_of_state\t
grner:per:jo\tPER\tΤζο Τσουν-ριόνγκ\t\tofficial\t
grner:loc:tokyo\tLOC\tΤόκιο\t\tcity\tnodecl
grner:loc:chora\tLOC\tΧώρα\t\tvillage\tambiguous
grner:org:meta\tORG\tMeta\t\tcompany\texact_case
grner:per:sl\tPER\tΣτάθης Λαμπρόπουλος\tΣ. Λαμπρόπουλος\tpolitician\t
";

static NER: LazyLock<Recognizer> = LazyLock::new(|| {
    Recognizer::builder()
        .default_gazetteers(false)
        .gazetteer(Gazetteer::from_tsv("test.tsv", TSV).unwrap())
        .gazetteer_only()
        .build()
        .unwrap()
});

/// The (text, label, id) of every entity found.
fn found(text: &str) -> Vec<(String, Label, String)> {
    NER.extract(text)
        .into_iter()
        .map(|e| {
            assert_eq!(&text[e.span], e.text(), "byte span");
            (e.text().to_string(), e.label, e.id().unwrap_or("").to_string())
        })
        .collect()
}

/// `t!(name, text, [(mention, LABEL, id), ...])`: exactly these entities, in order.
macro_rules! t {
    ($name:ident, $text:expr, [$(($m:expr, $l:ident, $id:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<(String, Label, String)> = vec![$(($m.to_string(), Label::$l, $id.to_string())),*];
            assert_eq!(found($text), expected, "in {:?}", $text);
        }
    };
}

// Normalisation.
t!(plain, "Ο υπουργός ταξίδεψε στη Ρωσία.", [("Ρωσία", Loc, "iso3166:RU")]);
t!(
    all_caps_no_accents,
    "ΣΤΗ ΡΩΣΙΑ ΚΑΙ ΣΤΟ ΚΡΕΜΛΙΝΟ",
    [("ΡΩΣΙΑ", Loc, "iso3166:RU"), ("ΚΡΕΜΛΙΝΟ", Org, "grner:org:kremlin")]
);
t!(all_caps_genitive, "ΑΝΑΚΟΙΝΩΣΗ ΤΟΥ ΚΡΕΜΛΙΝΟΥ", [("ΚΡΕΜΛΙΝΟΥ", Org, "grner:org:kremlin")]);
t!(nfd_accents, "Στη Ρωσι\u{301}α σήμερα", [("Ρωσι\u{301}α", Loc, "iso3166:RU")]);
t!(
    oxia_instead_of_tonos,
    "η Ευρωπα\u{3CA}κ\u{1F75} Επιτροπ\u{1F75}",
    [("Ευρωπα\u{3CA}κ\u{1F75} Επιτροπ\u{1F75}", Org, "grner:org:ec")]
);
t!(latin_lookalike_in_greek, "Η KOMIΣIOΝ αποφάσισε", [("KOMIΣIOΝ", Org, "grner:org:ec")]);
t!(
    greek_lookalike_nato,
    "Η σύνοδος του ΝΑΤΟ και του NATO",
    [("ΝΑΤΟ", Org, "grner:org:nato"), ("NATO", Org, "grner:org:nato")]
);
t!(nbsp_inside_name, "η Βόρεια\u{A0}Κορέα", [("Βόρεια\u{A0}Κορέα", Loc, "iso3166:KP")]);
t!(zero_width_inside_name, "ο Πού\u{200B}τιν", [("Πού\u{200B}τιν", Per, "grner:per:putin")]);
t!(guillemets, "«Κρεμλίνο»", [("Κρεμλίνο", Org, "grner:org:kremlin")]);
t!(
    hyphen_variants,
    "ο Τζο-Τσουν-ριόνγκ και ο Τζο Τσουν–ριόνγκ",
    [("Τζο-Τσουν-ριόνγκ", Per, "grner:per:jo"), ("Τζο Τσουν–ριόνγκ", Per, "grner:per:jo")]
);
t!(
    spelling_variants_one_id,
    "Πιονγιάνγκ ή Πιονγκγιάνγκ",
    [("Πιονγιάνγκ", Loc, "geonames:1871859"), ("Πιονγκγιάνγκ", Loc, "geonames:1871859")]
);
t!(
    latin_name_in_greek_text,
    "ερευνητής του Stimson Center στην Ουάσιγκτον",
    [("Stimson Center", Org, "grner:org:stimson"), ("Ουάσιγκτον", Loc, "geonames:4140963")]
);

// Declension classes.
t!(neuter_o, "εκπρόσωπος του Κρεμλίνου", [("Κρεμλίνου", Org, "grner:org:kremlin")]);
t!(feminine_a_two_words, "ηγέτης της Βόρειας Κορέας", [("Βόρειας Κορέας", Loc, "iso3166:KP")]);
t!(
    feminine_h_two_words,
    "πρόεδρος της Ευρωπαϊκής Επιτροπής",
    [("Ευρωπαϊκής Επιτροπής", Org, "grner:org:ec")]
);
t!(feminine_a_party, "στελέχη της Νέας Δημοκρατίας", [("Νέας Δημοκρατίας", Org, "grner:org:nd")]);
t!(masculine_genitive, "η κυβέρνηση του Κυριάκου Μητσοτάκη", [("Κυριάκου Μητσοτάκη", Per, "grner:per:km")]);
t!(masculine_accusative, "συνάντησε τον Κυριάκο Μητσοτάκη", [("Κυριάκο Μητσοτάκη", Per, "grner:per:km")]);
t!(surname_alias_declined, "δήλωση του Μητσοτάκη", [("Μητσοτάκη", Per, "grner:per:km")]);
t!(masculine_as, "ο λόγος του Αλέξη Τσίπρα", [("Αλέξη Τσίπρα", Per, "grner:per:at")]);
t!(
    neuter_ma_with_complement,
    "του Κομμουνιστικού Κόμματος Ελλάδας",
    [("Κομμουνιστικού Κόμματος Ελλάδας", Org, "grner:org:kke")]
);
t!(plural_genitive, "των Ηνωμένων Πολιτειών", [("Ηνωμένων Πολιτειών", Loc, "iso3166:US")]);
t!(
    function_word_in_name,
    "ο διοικητής της Τράπεζας της Ελλάδος",
    [("Τράπεζας της Ελλάδος", Org, "grner:org:boe")]
);
t!(
    feminine_undeclined_surname,
    "η ομιλία της Ντόρας Μπακογιάννη",
    [("Ντόρας Μπακογιάννη", Per, "grner:per:dm")]
);
t!(
    indeclinable_foreign,
    "στο λιμάνι του Βλαδιβοστόκ, όχι από την Ουάσιγκτον",
    [("Βλαδιβοστόκ", Loc, "geonames:2013348"), ("Ουάσιγκτον", Loc, "geonames:4140963")]
);
t!(indeclinable_three_words, "τον Κιμ Γιονγκ Ουν", [("Κιμ Γιονγκ Ουν", Per, "grner:per:kju")]);
t!(nodecl_flag, "στο Τόκιο, όχι στου Τοκίου", [("Τόκιο", Loc, "grner:loc:tokyo")]);

// Boundaries and letter case.
t!(
    no_match_inside_word,
    "η Λευκορωσία και η Ρωσία",
    [("Λευκορωσία", Loc, "iso3166:BY"), ("Ρωσία", Loc, "iso3166:RU")]
);
t!(no_match_prefix_of_word, "οι Ρωσίαρχοι", []);
t!(lowercase_is_not_a_name, "η ρωσία", []);
t!(
    acronym_needs_capitals,
    "ΝΔ και Ν.Δ. όχι νδ",
    [("ΝΔ", Org, "grner:org:nd"), ("Ν.Δ.", Org, "grner:org:nd")]
);
t!(initial_form, "δήλωσε ο Κ. Μητσοτάκης", [("Κ. Μητσοτάκης", Per, "grner:per:km")]);
t!(mr_is_not_an_initial, "δήλωσε ο κ. Μητσοτάκης", [("Μητσοτάκης", Per, "grner:per:km")]);
t!(exact_case_flag, "το ΜέΡΑ25 και η μέρα25", [("ΜέΡΑ25", Org, "grner:org:mera")]);
// `exact_case` keeps the name's script too: Greek `Μετά` («after») folds like `Meta`.
t!(exact_case_keeps_the_script, "Μετά τη Meta, η ΜΕΤΑ και η Μετά", [("Meta", Org, "grner:org:meta")]);
// An acronym with full stops inside a longer one is no mention of it; a final full stop
// after a space ends the sentence, not the acronym.
t!(
    dotted_acronym_inside_a_longer_one,
    "η Ν.Δ. και η Σ.Ν.Δ. και η Ν.Δ.Ε. και η Ν.Δ.",
    [("Ν.Δ.", Org, "grner:org:nd"), ("Ν.Δ.", Org, "grner:org:nd")]
);
// Two initials written together are no acronym: the name after the second one is found.
t!(
    initials_written_together,
    "ο Α.Κ. Μητσοτάκης και ο Τ.Σ. Λαμπρόπουλος",
    [("Κ. Μητσοτάκης", Per, "grner:per:km"), ("Σ. Λαμπρόπουλος", Per, "grner:per:sl")]
);
t!(full_stop_after_a_space_is_no_part_of_the_name, "ψήφισε η Ν.Δ .", [("Ν.Δ", Org, "grner:org:nd")]);
t!(ambiguous_not_at_sentence_start, "Χώρα μας. Ήρθε από τη Χώρα.", [("Χώρα", Loc, "grner:loc:chora")]);

// Overlaps: the longest wins.
t!(longest_wins, "ο Βλαντίμιρ Πούτιν", [("Βλαντίμιρ Πούτιν", Per, "grner:per:putin")]);

#[test]
fn char_and_byte_offsets_on_multibyte_text() {
    let text = "Ένα € και «Ρωσία»: 😀 Βόρεια Κορέα.";
    let ents = NER.extract(text);
    assert_eq!(ents.len(), 2);
    for e in &ents {
        assert_eq!(&text[e.span], e.text());
        let by_chars: String = text.chars().skip(e.char_span.start).take(e.char_span.len()).collect();
        assert_eq!(by_chars, e.text());
        assert!(e.span.len() > e.char_span.len(), "Greek letters take two bytes");
    }
    assert_eq!(ents[0].char_span.start, 11);
    assert_eq!(ents[1].range_char(), 21..33);
}

#[test]
fn entities_are_sorted_and_disjoint() {
    let text = "Ρωσία, Βόρεια Κορέα, ΗΠΑ, Κρεμλίνο, ΝΑΤΟ και Ουάσιγκτον.\nΠούτιν και Κιμ Γιονγκ Ουν.";
    let ents = NER.extract(text);
    assert_eq!(ents.len(), 8);
    for w in ents.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
}

#[test]
fn canonical_and_source_name_the_entry() {
    let e = &NER.extract("του Κρεμλίνου")[0];
    assert_eq!(e.canonical(), Some("Κρεμλίνο"));
    assert_eq!(e.source.to_string(), "gazetteer:test.tsv:9");
}

#[test]
fn exact_case_allows_case_forms() {
    let tsv = "id\tlabel\tname\taliases\tkind\tflags\nx:1\tLOC\tΔυτική Τεστολάνδη\t\tregion\texact_case\n";
    let ner = Recognizer::builder()
        .default_gazetteers(false)
        .gazetteer(Gazetteer::from_tsv("t.tsv", tsv).unwrap())
        .gazetteer_only()
        .build()
        .unwrap();
    let found: Vec<String> = ner
        .extract("της Δυτικής Τεστολάνδης, όχι της δυτικής τεστολάνδης")
        .into_iter()
        .map(|e| e.text().to_string())
        .collect();
    assert_eq!(found, ["Δυτικής Τεστολάνδης"]);
}

/// A walk that follows a longer name and breaks off finds only the names that end on its
/// own path: a shorter name that merely ends where it broke off (a suffix of the path) is
/// never found with the path's span (`Δήμου Ελληνικού` is not the place `Ελληνικό`).
#[test]
fn broken_off_walk_keeps_no_suffix_name() {
    let tsv = "id\tlabel\tname\taliases\tkind\tflags
x:long\tORG\tΔήμος Ελληνικού-Αργυρούπολης\t\tmunicipality_authority\t
x:short\tLOC\tΕλληνικό\t\tplace\tambiguous
";
    let ner = Recognizer::builder()
        .default_gazetteers(false)
        .gazetteer(Gazetteer::from_tsv("suffix.tsv", tsv).unwrap())
        .gazetteer_only()
        .build()
        .unwrap();
    for (text, want) in [
        ("ο Δήμος Ελληνικού-Αργυρούπολης ανακοίνωσε", vec![("Δήμος Ελληνικού-Αργυρούπολης", "x:long")]),
        ("οι παραλίες του Ελληνικού έκλεισαν", vec![("Ελληνικού", "x:short")]),
        // Part of a longer capitalised name that no list holds: dropped, not stretched.
        ("οι παραλίες του Δήμου Ελληνικού έκλεισαν", vec![]),
    ] {
        let entities = ner.extract(text);
        let got: Vec<(&str, &str)> = entities.iter().map(|e| (&text[e.span], e.id().unwrap_or(""))).collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

// The embedded lists, all stages: MPs of the parliament's register and ParlaMint (issue 13),
// found in any case with their register id, and public bodies from Diavgeia with theirs.
static DEFAULT: LazyLock<Recognizer> = LazyLock::new(|| Recognizer::builder().build().unwrap());

/// Initials written together (`Γ.Α.`) open a person's name, never an organisation's acronym.
#[test]
fn initials_written_together_open_a_person() {
    // (sentence, the surname the person must cover)
    let cases = [
        ("Ο Γ.Α. Παπανδρέου μίλησε χθες.", "Παπανδρέου"),
        ("Ο Α.Κ. Μητσοτάκης μίλησε χθες.", "Μητσοτάκης"),
        ("Η ομιλία του Κ.Α. Καραμανλή έκλεισε το συνέδριο.", "Καραμανλή"),
        ("Δήλωση του Δ.Ν. Καραγιάννη για τον προϋπολογισμό.", "Καραγιάννη"),
    ];
    for (text, surname) in cases {
        let entities = DEFAULT.extract(text);
        let got: Vec<(&str, Label)> = entities.iter().map(|e| (&text[e.span], e.label)).collect();
        assert!(!got.iter().any(|&(_, l)| l == Label::Org), "no organisation in {text:?}: {got:?}");
        assert!(
            got.iter().any(|&(m, l)| l == Label::Per && m.ends_with(surname) && m.contains('.')),
            "a person with initials ending in {surname:?} in {text:?}: {got:?}"
        );
    }
}

#[test]
fn open_data_names_come_with_their_ids() {
    // (sentence, mention, label, id)
    let cases = [
        (
            "Την ερώτηση κατέθεσε ο βουλευτής Τάσος Πρατσόλης για τα σχολεία της περιοχής.",
            "Τάσος Πρατσόλης",
            Label::Per,
            "hellenicparliament:0c022753-eddb-4a08-998e-a52500fdb6d2",
        ),
        (
            "Στην ομιλία της Βασιλικής Κατριβάνου αναφέρθηκαν πολλοί βουλευτές.",
            "Βασιλικής Κατριβάνου",
            Label::Per,
            "hellenicparliament:160dc649-1dc9-4865-80fd-b283a4bda0e3",
        ),
        ("Το Εφετείο Πατρών ανέβαλε τη δίκη για τον Μάιο.", "Εφετείο Πατρών", Label::Org, "diavgeia:3321"),
        (
            "Με απόφαση του Πρωτοδικείου Λαμίας η υπόθεση επανέρχεται.",
            "Πρωτοδικείου Λαμίας",
            Label::Org,
            "diavgeia:3365",
        ),
    ];
    for (text, mention, label, id) in cases {
        let got: Vec<_> = DEFAULT
            .extract(text)
            .into_iter()
            .map(|e| (e.text().to_string(), e.label, e.id().map(str::to_string)))
            .collect();
        assert!(got.contains(&(mention.to_string(), label, Some(id.to_string()))), "{text:?}: {got:?}");
    }
}
