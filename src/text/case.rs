//! The letter case a name needs in the original text: `Κρεμλίνο` needs its capital,
//! `ΝΑΤΟ` all of them, `υπουργείο Υγείας` its later words'. The lookup checks every hit
//! with it, and learning counts with it exactly the occurrences the lookup will find.

use crate::text::normalize::{is_alnum, is_letter, is_upper, separates_words};

/// What the original text's letter case must look like for a hit to count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum CaseRule {
    /// Anything (names written in lower case, or starting with a digit).
    #[default]
    Any,
    /// The first letter is a capital; or, for a name of several words whose later words are
    /// capitalised (bit `i` of the mask: word `i` starts with a capital), those later words
    /// are capitalised in the text too: `υπουργείο Υγείας` is `Υπουργείο Υγείας`.
    Initial(u32),
    /// Every letter is a capital (acronyms).
    AllCaps,
    /// Letter by letter as written, word by word (entries flagged `exact_case`; a case form's
    /// changed ending is not compared); index into `exact`.
    Exact(u32),
}

/// The letter case a name written as `name` needs in the text (never `Exact`, which only
/// the `exact_case` flag asks for). Learning uses it too, so that it counts exactly the
/// occurrences the lookup will find.
pub(crate) fn case_rule_of(name: &str) -> CaseRule {
    // One pass: how many letters, whether all are capitals, whether the first character is
    // a capital letter (called for every name of every gazetteer: no allocation).
    let (mut letters, mut all_upper) = (0usize, true);
    for c in name.chars().filter(|&c| is_letter(c)) {
        letters += 1;
        all_upper &= is_upper(c);
    }
    let first_upper = name.chars().next().is_some_and(|c| is_letter(c) && is_upper(c));
    if letters >= 2 && all_upper {
        CaseRule::AllCaps
    } else if first_upper {
        // A small first letter is allowed for a head noun (`υπουργείο Υγείας`), not for an
        // initial: `κ. Μητσοτάκης` is «Mr Mitsotakis», not the name `Κ. Μητσοτάκης`.
        let initial = words(name).next().is_some_and(|w| w.chars().filter(|&c| is_letter(c)).count() < 2);
        CaseRule::Initial(if initial { 1 } else { word_caps(name) })
    } else {
        CaseRule::Any
    }
}

/// Whether `original` has the letter case `rule` asks for (`Exact` rules need the lookup's
/// table: see the lookup's `case_ok`; here they accept anything).
pub(crate) fn case_accepts(rule: CaseRule, original: &str) -> bool {
    match rule {
        CaseRule::Any | CaseRule::Exact(_) => true,
        CaseRule::Initial(mask) => {
            first_letter_upper(original) || {
                let later = mask & !1;
                later != 0 && words_capitalised(original, later)
            }
        }
        CaseRule::AllCaps => no_small_letter(original),
    }
}

/// The first letter of `s` is a capital, decided on the first bytes when they are an ASCII
/// or basic Greek letter (nearly every hit).
fn first_letter_upper(s: &str) -> bool {
    match s.as_bytes() {
        [b'A'..=b'Z', ..] | [0xCE, 0x86 | 0x88..=0x8F | 0x91..=0xAB, ..] => true,
        [b'a'..=b'z', ..] | [0xCE, 0x90 | 0xAC..=0xBF, ..] | [0xCF, 0x80..=0x8E, ..] => false,
        _ => s.chars().find(|&c| is_letter(c)).is_some_and(is_upper),
    }
}

/// No letter of `s` is small (`s.chars().filter(is_letter).all(is_upper)`), read byte by
/// byte for ASCII and the basic Greek letters: acronym hits are checked with it, and most are
/// a few such letters.
fn no_small_letter(s: &str) -> bool {
    let mut rest = s.as_bytes();
    while let [b, tail @ ..] = rest {
        rest = match (*b, tail) {
            (b'a'..=b'z', _) => return false,
            (0..=0x7F, _) => tail,
            // U+0386, U+0388..U+038F, U+0391..U+03AB: capitals.
            (0xCE, [0x86 | 0x88..=0x8F | 0x91..=0xAB, more @ ..]) => more,
            // U+0390, U+03AC..U+03CE: small letters.
            (0xCE, [0x90 | 0xAC..=0xBF, ..]) | (0xCF, [0x80..=0x8E, ..]) => return false,
            _ => {
                let at = s.len() - rest.len();
                let c = s[at..].chars().next().expect("a char starts here");
                if is_letter(c) && !is_upper(c) {
                    return false;
                }
                &rest[c.len_utf8()..]
            }
        };
    }
    true
}

/// Splits a name into words the way folding does (spaces, hyphens and dashes separate).
pub(crate) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(separates_words).filter(|w| w.chars().any(is_alnum))
}

/// For each word of `s` (as [`words`] splits them), whether its first letter is a capital.
/// One pass over the chars, no slicing: the lookup asks this of many hits.
fn word_initials(s: &str) -> impl Iterator<Item = bool> + '_ {
    let mut chars = s.chars();
    std::iter::from_fn(move || {
        // The current word: whether it has a letter or digit (else it is no word), and the
        // case of its first letter.
        let (mut alnum, mut first_upper) = (false, None);
        loop {
            let c = chars.next();
            match c {
                Some(c) if !separates_words(c) => {
                    alnum |= is_alnum(c);
                    if first_upper.is_none() && is_letter(c) {
                        first_upper = Some(is_upper(c));
                    }
                }
                _ => {
                    if alnum {
                        return Some(first_upper == Some(true));
                    }
                    c?;
                    (alnum, first_upper) = (false, None);
                }
            }
        }
    })
}

/// Bit `i` set when word `i` (of the first 32, as [`words`] splits them) starts with a
/// capital letter.
fn word_caps(s: &str) -> u32 {
    word_initials(s).take(32).enumerate().filter(|&(_, up)| up).fold(0, |m, (i, _)| m | (1 << i))
}

/// `word_caps(s) & want == want`, reading only as far as the first word that answers.
fn words_capitalised(s: &str, mut want: u32) -> bool {
    for (i, up) in word_initials(s).take(32).enumerate() {
        if want == 0 {
            break;
        }
        if want & (1 << i) != 0 {
            if !up {
                return false;
            }
            want &= !(1 << i);
        }
    }
    want == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `no_small_letter` and `first_letter_upper` read bytes; they must agree with the plain
    /// definitions.
    #[test]
    fn byte_case_checks_match_their_definitions() {
        let first = |s: &str| s.chars().find(|&c| is_letter(c)).is_some_and(is_upper);
        let reference = |s: &str| {
            assert_eq!(first_letter_upper(s), first(s), "{s:?}");
            s.chars().filter(|&c| is_letter(c)).all(is_upper)
        };
        for s in [
            "",
            "ΚΚΕ",
            "ΚΚε",
            "ΣΥΡΙΖΑ-ΠΣ",
            "ΝΑΤΟ's",
            "ΟΗΕ.",
            "ΐ",
            "ΆΈΉΊΌΎΏ",
            "άέήίόύώ",
            "ϊϋΪΫ",
            "ΑΒΓ ϐ",
            "ΕΕ ϴ",
            "ÉCOLE",
            "École",
            "ἈΘΗΝΑ",
            "ἀΘΗΝΑ",
            "Ⅻ 12 «ΔΕΗ»",
            "ДУМА",
            "Дума",
        ] {
            assert_eq!(no_small_letter(s), reference(s), "{s:?}");
        }
        // Every char of the Greek block, alone and between capitals.
        for c in (0x370..0x400).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("Α{c}Ω"), format!("{c}α"), format!("«{c}»")] {
                assert_eq!(no_small_letter(&s), reference(&s), "{s:?}");
            }
        }
    }

    /// `word_caps` is a hand-written pass; it must agree with the plain definition.
    #[test]
    fn word_caps_matches_its_definition() {
        let reference = |s: &str| -> u32 {
            words(s)
                .take(32)
                .enumerate()
                .filter(|(_, w)| w.chars().find(|&c| is_letter(c)).is_some_and(is_upper))
                .fold(0, |m, (i, _)| m | (1 << i))
        };
        let many = "Α β ".repeat(40);
        for s in [
            "",
            "υπουργείο Υγείας",
            "Υπουργείο Υγείας",
            "τζο-Τσουν-ριόνγκ",
            " - «Νέα» Δημοκρατία 12 Αθηνών ",
            "1ο Λύκειο \u{2013} Αθήνας",
            "ΚΚΕ\u{A0}και ΣΥΡΙΖΑ",
            "a B c\tD",
            &many,
        ] {
            assert_eq!(word_caps(s), reference(s), "{s:?}");
            for want in [0, 1, 2, 3, 6, 0b1010, 1 << 31, u32::MAX] {
                assert_eq!(words_capitalised(s, want), reference(s) & want == want, "{s:?} {want:b}");
            }
        }
    }
}
