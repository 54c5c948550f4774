//! Gazetteer loading errors name the file, the line and the field at fault.

use greek_ner::{Entry, Gazetteer, Label, Recognizer};

const HEADER: &str = "id\tlabel\tname\taliases\tkind\tflags\n";

/// `t!(name, body, line, field, message part)`: loading `HEADER + body` fails there.
macro_rules! t {
    ($name:ident, $body:expr, $line:expr, $field:expr, $msg:expr) => {
        #[test]
        fn $name() {
            let text = format!("# a comment\n{HEADER}{}", $body);
            let err = Gazetteer::from_tsv("bad.tsv", &text).unwrap_err();
            assert_eq!(err.file(), "bad.tsv");
            assert_eq!(err.line(), $line, "{err}");
            assert_eq!(err.field(), $field, "{err}");
            assert!(err.to_string().contains($msg), "{err}");
        }
    };
}

t!(unknown_label, "x1\tPERSONA\tΚάποιος\t\t\t\n", Some(3), Some("label"), "unknown label");
t!(empty_name, "x1\tPER\t \t\t\t\n", Some(3), Some("name"), "empty name");
t!(empty_id, "\tPER\tΚάποιος\t\t\t\n", Some(3), Some("id"), "bad id");
t!(id_with_space, "x 1\tPER\tΚάποιος\t\t\t\n", Some(3), Some("id"), "bad id");
t!(too_few_columns, "x1\tPER\n", Some(3), None, "fields");
t!(too_many_columns, "x1\tPER\tΑ\t\t\t\textra\n", Some(3), None, "fields");
t!(unknown_flag, "x1\tPER\tΚάποιος\t\t\tloud\n", Some(3), Some("flags"), "unknown flag");
t!(
    conflicting_labels,
    "x1\tPER\tΚάποιος\t\t\t\nx2\tLOC\tΑλλού\t\t\t\nx1\tLOC\tΚάπου\t\t\t\n",
    Some(5),
    Some("label"),
    "line 3"
);

#[test]
fn missing_header() {
    let err = Gazetteer::from_tsv("nohead.tsv", "x1\tPER\tΚάποιος\n").unwrap_err();
    assert_eq!(err.line(), Some(1));
    assert!(err.to_string().contains("header"), "{err}");
}

#[test]
fn same_id_merges_aliases() {
    let g = Gazetteer::from_tsv(
        "ok.tsv",
        &format!("{HEADER}x1\tLOC\tΑ\tΒ\t\t\nx2\tLOC\tΓ\t\t\t\nx1\tLOC\tΔ\t\t\t\n"),
    )
    .unwrap();
    assert_eq!(g.len(), 2);
    let names: Vec<&str> = g.entries()[0].names().collect();
    assert_eq!(names, ["Α", "Β", "Δ"]);
}

#[test]
fn missing_file_names_the_path() {
    let err = Recognizer::builder().gazetteer_path("/nonexistent/dir/mine.tsv").build().unwrap_err();
    assert!(err.file().contains("mine.tsv"));
    assert!(err.to_string().contains("cannot read"), "{err}");
}

#[test]
fn invalid_utf8_file_names_the_line() {
    let dir = std::env::temp_dir().join(format!("greek-ner-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.tsv");
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"x1\tPER\tK\xe1\n");
    std::fs::write(&path, bytes).unwrap();
    let err = Gazetteer::from_path(&path).unwrap_err();
    assert_eq!(err.line(), Some(2));
    assert!(err.to_string().contains("UTF-8"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

// Names that fold to nothing could never match: as good as empty, and said so.
t!(invisible_name, "x1\tPER\t\u{200B}\u{301}\u{FEFF}\t\t\t\n", Some(3), Some("name"), "empty name");
t!(dash_only_name, "x1\tLOC\t – \t\t\t\n", Some(3), Some("name"), "empty name");
t!(invisible_alias, "x1\tLOC\tΑθήνα\tAthens|\u{200D}\t\t\n", Some(3), Some("aliases"), "empty alias");
t!(lower_case_label, "x1\tper\tΚάποιος\t\t\t\n", Some(3), Some("label"), "unknown label");
t!(
    error_after_good_lines,
    "x1\tPER\tΚάποιος\t\t\t\n\n# σχόλιο\nx2\tLOC\t\t\t\t\n",
    Some(6),
    Some("name"),
    "empty name"
);

#[test]
fn wrong_header() {
    for header in
        ["id\tlabel\tname\n", "id label name aliases kind flags\n", "ID\tLABEL\tNAME\tALIASES\tKIND\tFLAGS\n"]
    {
        let err = Gazetteer::from_tsv("h.tsv", &format!("# x\n{header}x1\tPER\tΑ\t\t\t\n")).unwrap_err();
        assert_eq!((err.file(), err.line()), ("h.tsv", Some(2)), "{err}");
        assert!(err.to_string().contains("header"), "{err}");
    }
}

#[test]
fn entries_built_in_code_are_checked_too() {
    use greek_ner::{Entry, Label};
    let mut g = Gazetteer::new("mine");
    let err = g.insert(Entry::new("x1", Label::Per, "  ")).unwrap_err();
    assert_eq!((err.file(), err.line(), err.field()), ("mine", None, Some("name")));
    let err = g.insert(Entry::new("x1", Label::Per, "\u{200B}")).unwrap_err();
    assert_eq!(err.field(), Some("name"), "{err}");
    let err = g.insert(Entry::new("x 1", Label::Per, "Κάποιος")).unwrap_err();
    assert_eq!(err.field(), Some("id"), "{err}");
    let err = g.insert(Entry::new("x1", Label::Per, "Κάποιος").alias("")).unwrap_err();
    assert_eq!(err.field(), Some("aliases"), "{err}");
    g.insert(Entry::new("x1", Label::Per, "Κάποιος")).unwrap();
    g.insert(Entry::new("x1", Label::Loc, "Κάπου")).unwrap();
    let err = Recognizer::builder().default_gazetteers(false).gazetteer(g).build().unwrap_err();
    assert_eq!((err.file(), err.field()), ("mine", Some("label")), "{err}");
}

#[test]
fn bom_crlf_and_nul_load_with_exact_spans() {
    let text = "\u{FEFF}id\tlabel\tname\taliases\tkind\tflags\r\nx1\tORG\tΣύλλογος Δοκιμής\t\t\t\r\nx2\tLOC\tΧω\0ριό\t\t\t\r\n";
    let g = Gazetteer::from_tsv("crlf.tsv", text).unwrap();
    assert_eq!(g.len(), 2);
    let ner = Recognizer::builder().default_gazetteers(false).gazetteer(g).build().unwrap();
    let doc = "Ο Σύλλογος Δοκιμής\r\nκαι το Χω\0ριό.";
    let ents = ner.extract(doc);
    let found: Vec<&str> = ents.iter().map(|e| &doc[e.span]).collect();
    assert_eq!(found, ["Σύλλογος Δοκιμής", "Χω\0ριό"]);
    assert_eq!(ents[0].source.to_string(), "gazetteer:crlf.tsv:2");
}

#[test]
fn conflicting_labels_in_a_file_name_the_path_and_line() {
    let dir = std::env::temp_dir().join(format!("greek-ner-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("conflict.tsv");
    std::fs::write(&path, format!("{HEADER}x1\tPER\tΚάποιος\t\t\t\nx1\tORG\tΚάποιος\t\t\t\n")).unwrap();
    let err = Recognizer::builder().default_gazetteers(false).gazetteer_path(&path).build().unwrap_err();
    assert!(err.file().ends_with("conflict.tsv"), "{err}");
    assert_eq!((err.line(), err.field()), (Some(3), Some("label")), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Garbage of every shape is an error or a gazetteer, never a panic (the fuzz target
/// `gazetteer` does this at scale; see fuzz/README.md).
#[test]
fn arbitrary_text_never_panics() {
    let pieces = [
        HEADER,
        "\t",
        "\n",
        "\r",
        "\r\n",
        "#",
        "x1",
        "PER",
        "LOC",
        "ORG",
        "Α",
        "Αθήνα",
        "|",
        ",",
        "nodecl",
        "ambiguous",
        "exact_case",
        "\u{FEFF}",
        "\u{200B}",
        "\u{301}",
        "-",
        " ",
        "\0",
        "🇬🇷",
        "Κ.Κ.Ε.",
    ];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..3000 {
        // Half of them start with a valid header, so that the entry lines get parsed.
        let mut text = if state % 2 == 0 { HEADER.to_string() } else { String::new() };
        let n = (state % 40) as usize;
        for _ in 0..n {
            // xorshift: a fixed, reproducible sequence.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        if let Ok(g) = Gazetteer::from_tsv("garbage.tsv", &text) {
            if let Ok(ner) = Recognizer::builder().default_gazetteers(false).gazetteer(g).build() {
                for e in ner.extract(&text) {
                    assert_eq!(&text[e.span.range()], e.text());
                }
            }
        }
    }
}

// The optional seventh column, `same_as`: ids of the same thing in other schemes.
const HEADER7: &str = "id\tlabel\tname\taliases\tkind\tflags\tsame_as\n";

/// `same_as_err!(name, body, message part)`: loading `HEADER7 + body` fails at line 2,
/// field `same_as`.
macro_rules! same_as_err {
    ($name:ident, $body:expr, $msg:expr) => {
        #[test]
        fn $name() {
            let err = Gazetteer::from_tsv("ids.tsv", &format!("{HEADER7}{}", $body)).unwrap_err();
            assert_eq!((err.file(), err.line(), err.field()), ("ids.tsv", Some(2), Some("same_as")), "{err}");
            assert!(err.to_string().contains($msg), "{err}");
        }
    };
}

same_as_err!(same_as_empty_id, "g:1\tLOC\tΑθήνα\t\tcity\t\tk:9||k:10\n", "bad equivalent id");
same_as_err!(same_as_trailing_bar, "g:1\tLOC\tΑθήνα\t\tcity\t\tk:9|\n", "bad equivalent id");
same_as_err!(same_as_id_with_space, "g:1\tLOC\tΑθήνα\t\tcity\t\tk 9\n", "\"k 9\"");
same_as_err!(same_as_own_id, "g:1\tLOC\tΑθήνα\t\tcity\t\tk:9|g:1\n", "own id");

#[test]
fn same_as_column() {
    // (header, body, the equivalent ids of the first entry)
    let cases: [(&str, &str, &[&str]); 5] = [
        (HEADER, "g:1\tLOC\tΑθήνα\t\tcity\t\n", &[]),
        (HEADER7, "g:1\tLOC\tΑθήνα\t\tcity\t\n", &[]),
        (HEADER7, "g:1\tLOC\tΑθήνα\t\tcity\t\t\n", &[]),
        (HEADER7, "g:1\tLOC\tΑθήνα\t\tcity\t\t k:9 | Q1524 \n", &["k:9", "Q1524"]),
        // lines of one id add up their equivalent ids, once each
        (HEADER7, "g:1\tLOC\tΑθήνα\t\tcity\t\tk:9\ng:1\tLOC\tAthens\t\t\t\tQ1524|k:9\n", &["k:9", "Q1524"]),
    ];
    for (header, body, want) in cases {
        let g = Gazetteer::from_tsv("ok.tsv", &format!("{header}{body}")).unwrap();
        let got: Vec<&str> = g.entries()[0].same_as().collect();
        assert_eq!(got, want, "{body:?}");
        assert_eq!(g.entries()[0].id(), "g:1");
    }
}

#[test]
fn same_as_needs_its_header() {
    // (header, body, line, field): a seventh field needs the seventh column; a header
    // of any other shape is refused.
    let cases = [
        (HEADER, "g:1\tLOC\tΑθήνα\t\tcity\t\tk:9\n", Some(2), None),
        ("id\tlabel\tname\taliases\tkind\tflags\tsame_as\textra\n", "", Some(1), None),
        ("id\tlabel\tname\taliases\tkind\tflags\tequivalent\n", "", Some(1), None),
        ("id\tlabel\tname\taliases\tkind\n", "", Some(1), None),
    ];
    for (header, body, line, field) in cases {
        let err = Gazetteer::from_tsv("h.tsv", &format!("{header}{body}")).unwrap_err();
        assert_eq!((err.line(), err.field()), (line, field), "{header:?}: {err}");
    }
}

#[test]
fn same_as_in_code() {
    let mut g = Gazetteer::new("code");
    g.insert(Entry::new("g:1", Label::Loc, "Αθήνα").equivalent_id("k:9")).unwrap();
    assert_eq!(g.entries()[0].same_as().collect::<Vec<_>>(), ["k:9"]);
    let err = g.insert(Entry::new("g:2", Label::Loc, "Πάτρα").equivalent_id("g:2")).unwrap_err();
    assert_eq!(err.field(), Some("same_as"), "{err}");
}
