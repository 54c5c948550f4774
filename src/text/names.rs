//! The words of a name compared across case forms: the stem of a folded word (its
//! inflectional ending cut), which the document pass links partial mentions by, and
//! whether a mention's words can name a person whose full name is known, which decides
//! whether a mention keeps that person's id.

use std::sync::LazyLock;

use super::normalize::{fold, is_alnum};

/// A folded ending that inflection adds or changes (see [`ENDINGS`]).
struct Ending {
    /// Its last (up to) eight bytes as [`tail`] reads them, and the mask of those bytes.
    tail: u64,
    mask: u64,
    text: String,
}

/// The last eight bytes of `b` as a big-endian number (the last byte lowest; fewer for a
/// shorter `b`, the missing high bytes 0).
#[inline]
fn tail(b: &[u8]) -> u64 {
    match b.len() {
        n @ 8.. => u64::from_be_bytes(b[n - 8..].try_into().expect("eight bytes")),
        _ => b.iter().fold(0, |t, &x| t << 8 | x as u64),
    }
}

/// Folded endings that inflection adds or changes, longest first (see `gazetteer::inflect`).
/// Grouped by their last byte (the first test of each word), longest first within a group;
/// a word's last eight bytes are compared with an ending's in one test.
static ENDINGS: LazyLock<Vec<Vec<Ending>>> = LazyLock::new(|| {
    let mut by_last: Vec<Vec<Ending>> = (0..256).map(|_| Vec::new()).collect();
    for e in ["ματος", "ματων", "ους", "ου", "ος", "ης", "ας", "ες", "ων", "οι", "ο", "ε", "η", "α", "ι"]
    {
        let text = fold(e);
        let b = text.as_bytes();
        let mask = if b.len() >= 8 { u64::MAX } else { (1 << (8 * b.len())) - 1 };
        by_last[*b.last().expect("an ending") as usize].push(Ending { tail: tail(b), mask, text });
    }
    by_last
});

/// A folded word without its inflectional ending, as long as three letters remain
/// (`μητσοτακη` and `μητσοτακης` share `μητσοτακ`).
pub(crate) fn stem(w: &str) -> &str {
    &w[..stem_len(w.as_bytes())]
}

/// The length of [`stem`] of the folded word `w` (UTF-8).
pub(crate) fn stem_len(w: &[u8]) -> usize {
    // At least three characters: twelve bytes always are; fewer are counted.
    let three = |r: &[u8]| r.len() >= 12 || super::span::char_count(r) >= 3;
    let Some(&last) = w.last() else { return 0 };
    let t = tail(w);
    let cut = ENDINGS[last as usize]
        .iter()
        .find(|e| {
            let n = e.text.len();
            w.len() >= n
                && t & e.mask == e.tail
                && (n <= 8 || w.ends_with(e.text.as_bytes()))
                && three(&w[..w.len() - n])
        })
        .map_or(0, |e| e.text.len());
    w.len() - cut
}

/// The words of a name: its runs of letters and digits.
fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !is_alnum(c)).filter(|w| !w.is_empty())
}

/// Whether a word (as written) is in Latin script: folding maps look-alike letters across
/// scripts, so the script is read before it.
fn latin(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// Whether `mention` can name the person whose full name is `name`: each of its words is
/// a word of `name` in some case form (`Μητσοτάκη` of `Κυριάκος Μητσοτάκης`; stems equal,
/// or one the start of the other: `Άδωνι`, `Άδωνις`; or a spelling of it: `Άγγελα`,
/// `Άνγκελα`), or the initial of one (`Κ.`). A
/// word in another script than the name's is not compared (a Latin alias of a Greek
/// name). `Άλαν ΜακΓκρέγκορ` does not name `Κόνορ ΜακΓκρέγκορ`: the given names differ.
pub fn agrees(mention: &str, name: &str) -> bool {
    let name_latin = words(name).next().is_some_and(latin);
    let folded: Vec<String> = words(name).map(fold).collect();
    let stems: Vec<&str> = folded.iter().map(|w| stem(w)).collect();
    words(mention).filter(|w| latin(w) == name_latin).all(|w| {
        let w = fold(w);
        if w.chars().count() == 1 {
            return stems.iter().any(|s| s.starts_with(w.as_str()));
        }
        let m = stem(&w);
        folded.iter().zip(&stems).any(|(full, s)| {
            (*s == m || s.starts_with(m) || m.starts_with(s) || variant(s, m))
                && (full == &w || foreign_es(full) == foreign_es(&w))
        })
    })
}

/// Whether the folded word ends in `-ες`: a name in `-ες` is a foreign surname that does
/// not decline (`Φερνάντες`, `Μάρκες`), never a case form of a name in `-ο` or `-ος`
/// (`Φερνάντο`, `Μάρκος`), which share its stem.
fn foreign_es(w: &str) -> bool {
    static ES: LazyLock<String> = LazyLock::new(|| fold("ες"));
    w.ends_with(ES.as_str())
}

/// Two stems that are spellings of one name: the same first letter, four letters or more,
/// at most two edits apart (`αγγελ`, `ανγκελ`; `αριαν`, `αριεν`). Different names differ
/// more (`γιανν`, `γιωργ`).
fn variant(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() < 4 || b.len() < 4 || a[0] != b[0] || a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let next = (diag + usize::from(x != y)).min(row[j] + 1).min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] <= 2
}

#[cfg(test)]
mod tests {
    use super::{agrees, stem_len};
    use crate::text::normalize::fold;

    /// `stem_len` cuts the first ending (longest first) that the word ends with and that
    /// leaves three letters, as a plain reading of the rule does: words of every length
    /// around the endings' and the eight bytes' bounds.
    #[test]
    fn stems_cut_the_longest_ending_that_leaves_three_letters() {
        let endings =
            ["ματος", "ματων", "ους", "ου", "ος", "ης", "ας", "ες", "ων", "οι", "ο", "ε", "η", "α", "ι"];
        let endings: Vec<String> = endings.iter().map(|e| fold(e)).collect();
        let plain = |w: &str| {
            let e = endings
                .iter()
                .find(|e| w.ends_with(e.as_str()) && w[..w.len() - e.len()].chars().count() >= 3);
            w.len() - e.map_or(0, |e| e.len())
        };
        let mut words = vec![String::new()];
        for stem in ["", "μ", "μα", "ματ", "σωμ", "μητσοτακ", "κωνσταντινουπολ", "abc", "ab"]
        {
            for e in endings.iter().map(String::as_str).chain(["", "ς", "ξ", "ατος", "τος", "x"]) {
                words.push(format!("{stem}{e}"));
                words.push(fold(&format!("{stem}{e}")));
            }
        }
        for w in &words {
            assert_eq!(stem_len(w.as_bytes()), plain(w), "{w:?}");
        }
    }

    #[test]
    fn a_mention_agrees_with_a_name_when_its_words_are_the_names() {
        for (mention, name, want) in [
            ("Μητσοτάκη", "Κυριάκος Μητσοτάκης", true),
            ("Κυριάκο Μητσοτάκη", "Κυριάκος Μητσοτάκης", true),
            ("Κ. Μητσοτάκης", "Κυριάκος Μητσοτάκης", true),
            ("ΜΗΤΣΟΤΑΚΗΣ", "Κυριάκος Μητσοτάκης", true),
            ("Άδωνι Γεωργιάδη", "Άδωνις Γεωργιάδης", true),
            ("Conor McGregor", "Κόνορ ΜακΓκρέγκορ", true),
            ("Άλαν ΜακΓκρέγκορ", "Κόνορ ΜακΓκρέγκορ", false),
            ("Κρεγκ Μπέλαμι", "Ντάνιελ Κρεγκ", false),
            ("Ν. Μητσοτάκης", "Κυριάκος Μητσοτάκης", false),
            ("Γιάννης Μητσοτάκης", "Κυριάκος Μητσοτάκης", false),
            ("Άγγελα Μέρκελ", "Άνγκελα Μέρκελ", true),
            ("Γιάννης Παπαδόπουλος", "Γιώργος Παπαδόπουλος", false),
            ("Ζανέτ Τσίπρα", "Αλέξης Τσίπρας", false),
            ("Διονύση Χατζηδάκη", "Χατζηδάκης", false),
            ("Φερνάντο", "Μπρούνο Φερνάντες", false),
            ("Μάρκος Ορεστίου", "Ράφα Μάρκες", false),
            ("Φερνάντες", "Μπρούνο Φερνάντες", true),
            ("Μάρκο Ορεστίου", "Μάρκος Ορεστίου", true),
        ] {
            assert_eq!(agrees(mention, name), want, "{mention} / {name}");
        }
    }
}
