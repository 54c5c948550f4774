//! Properties that hold for any input: no panic, spans on char boundaries that slice to the
//! entity text, entities sorted and disjoint, char spans consistent with byte spans, and
//! `Worker::entities` giving the same entities as `extract`.

use greek_ner::Recognizer;
use proptest::prelude::*;

fn check(text: &str) {
    let ner = Recognizer::default();
    let ents = ner.extract(text);
    let mut last_end = 0;
    for e in &ents {
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert!(e.span.start < e.span.end, "empty entity {e:?}");
        assert_eq!(&text[e.span], e.text());
        assert!(e.span.start >= last_end, "overlap or unsorted: {ents:?}");
        last_end = e.span.end;
        assert_eq!(text[..e.span.start].chars().count(), e.char_span.start);
        assert_eq!(e.text().chars().count(), e.char_span.len());
    }
    // The borrowed entities are the same entities.
    let mut worker = ner.worker();
    let borrowed: Vec<_> = worker.entities(text).map(|e| e.to_entity()).collect();
    assert_eq!(borrowed, ents);
}

/// Strings made of the pieces that stress the matcher: Greek names, accents, combining
/// marks, look-alikes, hyphens, spaces of every kind, controls and emoji.
fn greekish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Ρωσία",
        "ΡΩΣΙΑΣ",
        "Βόρειας",
        " Κορέας",
        "Κρεμλίνου",
        "Πούτιν",
        "Κιμ",
        " Γιονγκ",
        " Ουν",
        "ΗΠΑ",
        "Ν.Δ.",
        "\u{301}",
        "\u{308}",
        "\u{200B}",
        "\u{200D}",
        "\u{FEFF}",
        "\u{202E}",
        "\u{A0}",
        "-",
        "–",
        " ",
        "\n",
        "\r\n",
        "«",
        "»",
        ".",
        ",",
        "K",
        "O",
        "α",
        "ς",
        "😀",
        "🇬🇷",
        "\0",
        "Λευκο",
        "Stimson Center",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(s in "\\PC{0,200}") {
        check(&s);
    }

    #[test]
    fn greek_pieces(s in greekish()) {
        check(&s);
    }
}
