//! Gazetteer loading errors name the file, the line and the field at fault.

use greek_ner::{Gazetteer, Recognizer};

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
