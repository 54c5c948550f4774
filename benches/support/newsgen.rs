//! Benchmark text: Greek news-style articles generated from sentence templates that the
//! greek-ner authors wrote for this purpose, filled with names from the project's own
//! gazetteers (`gazetteers/**/*.tsv`). Deterministic (fixed seed), no outside corpus.
//!
//! Shared by `benches/pipeline.rs` and `examples/throughput.rs` through `#[path]`.

#![allow(dead_code)]

use std::path::Path;

/// Sentence templates: `{P}` a person, `{L}` a place, `{O}` an organisation, `{N}` a number.
const TEMPLATES: &[&str] = &[
    "Ο {P} συναντήθηκε σήμερα στην {L} με τον {P}, σύμφωνα με ανακοίνωση του γραφείου Τύπου.",
    "Σε δηλώσεις του μετά τη συνεδρίαση, ο {P} τόνισε ότι η κυβέρνηση θα στηρίξει τα νοικοκυριά.",
    "Η {O} εξέδωσε ανακοίνωση για τις εξελίξεις στην περιοχή της {L}.",
    "Σύμφωνα με πληροφορίες, η συνάντηση θα πραγματοποιηθεί την επόμενη εβδομάδα στο {L}.",
    "«Δεν πρόκειται να κάνουμε πίσω», δήλωσε ο {P} σε συνέντευξή του στην εφημερίδα.",
    "Το ποσό των {N} εκατ. ευρώ θα διατεθεί για έργα υποδομής σε {N} δήμους της χώρας.",
    "Αντιπροσωπεία της {O} επισκέφθηκε τη {L}, όπου είχε επαφές με εκπροσώπους της τοπικής αυτοδιοίκησης.",
    "Ο υπουργός απάντησε στις επικρίσεις της αντιπολίτευσης και του {P} για τη διαχείριση της κρίσης.",
    "Οι διαπραγματεύσεις μεταξύ {L} και {L} συνεχίζονται, με τη διαμεσολάβηση της {O}.",
    "Στη συνέντευξη Τύπου παρευρέθηκαν ο {P} και η {P}, καθώς και στελέχη της {O}.",
    "Η ανεργία υποχώρησε στο {N}% τον περασμένο μήνα, σύμφωνα με τα στοιχεία της {O}.",
    "ΕΚΤΑΚΤΟ: ΣΕΙΣΜΙΚΗ ΔΟΝΗΣΗ {N} ΡΙΧΤΕΡ ΣΤΗΝ {L} — ΔΕΝ ΑΝΑΦΕΡΘΗΚΑΝ ΖΗΜΙΕΣ",
    "Ο εκπρόσωπος της {O} ανέφερε ότι η απόφαση θα ληφθεί μετά τις εκλογές.",
    "Την ανησυχία της για την κατάσταση στην {L} εξέφρασε η {O} με ανακοίνωσή της.",
    "Ο {P} επισκέφθηκε χθες το {L} και είχε συνάντηση με τον δήμαρχο και τους φορείς της πόλης.",
    "Στο επίκεντρο της συζήτησης βρέθηκαν η ακρίβεια, το ενεργειακό κόστος και η στέγαση.",
    "Κατά τη διάρκεια της ομιλίας του στη Βουλή, ο {P} αναφέρθηκε στις σχέσεις με την {L}.",
    "Η {O} και η {O} υπέγραψαν μνημόνιο συνεργασίας για την ψηφιακή μετάβαση.",
    "Με {N} ψήφους υπέρ και {N} κατά εγκρίθηκε το νομοσχέδιο του υπουργείου.",
    "Ο πρωθυπουργός {P} θα μεταβεί την Πέμπτη στις {L} για τη σύνοδο κορυφής.",
    "«Η χώρα χρειάζεται σταθερότητα», υπογράμμισε ο {P}, απαντώντας σε ερώτηση δημοσιογράφου.",
    "Οι κάτοικοι της {L} διαμαρτυρήθηκαν για τις καθυστερήσεις στα έργα αποκατάστασης.",
    "Νέα μέτρα στήριξης ανακοίνωσε η κυβέρνηση, με συνολικό κόστος {N} εκατ. ευρώ.",
    "Σύμφωνα με δημοσκόπηση της {O}, το {N}% των ερωτηθέντων θεωρεί ότι η χώρα κινείται σε λάθος κατεύθυνση.",
    "Ο {P} και ο {P} είχαν τηλεφωνική επικοινωνία για τις εξελίξεις στη {L}.",
    "Το διοικητικό συμβούλιο της {O} συνεδριάζει αύριο για να εξετάσει την πρόταση.",
    "Η πυρκαγιά στην περιοχή της {L} τέθηκε υπό έλεγχο αργά το βράδυ, ανακοίνωσε η Πυροσβεστική.",
    "Στις {N} Μαρτίου αναμένεται να ανακοινωθούν τα αποτελέσματα του διαγωνισμού.",
    "Ο {P} (πρώην στέλεχος της {O}) ανέλαβε καθήκοντα γενικού γραμματέα.",
    "Επικεφαλής της αποστολής στην {L} ορίστηκε ο {P}, όπως έγινε γνωστό από την {O}.",
    "Τη Δευτέρα ξεκινούν οι αιτήσεις για το πρόγραμμα, το οποίο αφορά περίπου {N} δικαιούχους.",
    "Η οικονομία της {L} αναπτύχθηκε κατά {N},{N}% το τρίτο τρίμηνο.",
    "Ο Γενικός Γραμματέας της {O} ζήτησε την άμεση αποκλιμάκωση της έντασης.",
    "Στο περιθώριο της συνόδου, ο {P} είχε κατ’ ιδίαν συνάντηση με την {P}.",
    "Σε κατάσταση έκτακτης ανάγκης κηρύχθηκε η {L} μετά τις σφοδρές βροχοπτώσεις.",
    "Οι εργαζόμενοι της {O} προχωρούν σε {N}ωρη στάση εργασίας την Τετάρτη.",
    "Την πρόταση της {O} για αύξηση των δαπανών απέρριψε ο {P}, κάνοντας λόγο για «λογιστικά τερτίπια».",
    "ΑΘΗΝΑ, {N} Νοεμβρίου — Ο {P} ΣΥΝΑΝΤΑ ΤΟΝ {P} ΣΤΗΝ {L}",
    "Εκπρόσωποι από {N} χώρες, μεταξύ των οποίων η {L} και η {L}, συμμετείχαν στη διάσκεψη.",
    "Όπως ανέφερε το πρακτορείο, η συμφωνία προβλέπει επενδύσεις ύψους {N} δισ. ευρώ έως το 2030.",
];

/// Names by kind, from the project's gazetteers.
pub struct Names {
    per: Vec<String>,
    loc: Vec<String>,
    org: Vec<String>,
}

impl Names {
    /// Every name and alias in `gazetteers/**/*.tsv` under `root`, by label. Files that do
    /// not parse are skipped (other engineers may be editing them).
    pub fn load(root: &Path) -> Names {
        let mut n = Names { per: Vec::new(), loc: Vec::new(), org: Vec::new() };
        for f in files(root) {
            let Ok(g) = greek_ner::Gazetteer::from_path(&f) else { continue };
            for e in g.entries() {
                let list = match e.label() {
                    greek_ner::Label::Per => &mut n.per,
                    greek_ner::Label::Loc => &mut n.loc,
                    greek_ner::Label::Org => &mut n.org,
                };
                list.extend(e.names().map(str::to_string));
            }
        }
        for (list, fallback) in
            [(&mut n.per, "Κυριάκος Μητσοτάκης"), (&mut n.loc, "Αθήνα"), (&mut n.org, "ΟΗΕ")]
        {
            if list.is_empty() {
                list.push(fallback.to_string());
            }
        }
        n
    }

    /// `LABEL<TAB>name` lines, one per name.
    pub fn tsv(&self) -> String {
        let mut out = String::new();
        for (label, list) in [("PER", &self.per), ("LOC", &self.loc), ("ORG", &self.org)] {
            for n in list {
                out.push_str(label);
                out.push('\t');
                out.push_str(n);
                out.push('\n');
            }
        }
        out
    }

    /// Number of distinct names loaded.
    pub fn len(&self) -> usize {
        self.per.len() + self.loc.len() + self.org.len()
    }
}

/// Every gazetteer TSV under `root/gazetteers`, sorted.
pub fn files(root: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    collect(&root.join("gazetteers"), &mut files);
    files.sort();
    files
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "tsv") {
            out.push(p);
        }
    }
}

/// A small deterministic generator (xorshift64*).
pub struct Gen<'n> {
    names: &'n Names,
    state: u64,
}

impl<'n> Gen<'n> {
    /// A generator with a fixed seed.
    pub fn new(names: &'n Names, seed: u64) -> Gen<'n> {
        Gen { names, state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1 }
    }

    fn next(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, v: &'a [String]) -> &'a str {
        &v[(self.next() % v.len() as u64) as usize]
    }

    /// One sentence.
    pub fn sentence(&mut self, out: &mut String) {
        let t = TEMPLATES[(self.next() % TEMPLATES.len() as u64) as usize];
        let upper = t.chars().filter(|c| c.is_alphabetic()).take(8).all(char::is_uppercase);
        let mut rest = t;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let slot = &rest[i + 1..i + 2];
            rest = &rest[i + 3..];
            let names = self.names;
            let name = match slot {
                "P" => self.pick(&names.per),
                "L" => self.pick(&names.loc),
                "O" => self.pick(&names.org),
                _ => {
                    let n = self.next() % 1000;
                    out.push_str(&n.to_string());
                    continue;
                }
            };
            if upper {
                out.push_str(&name.to_uppercase());
            } else {
                out.push_str(name);
            }
        }
        out.push_str(rest);
    }

    /// One article: a headline and a few paragraphs of a few sentences each.
    pub fn article(&mut self, out: &mut String) {
        self.sentence(out);
        out.push_str("\n\n");
        let paragraphs = 3 + self.next() % 4;
        for _ in 0..paragraphs {
            let sentences = 2 + self.next() % 4;
            for k in 0..sentences {
                if k > 0 {
                    out.push(' ');
                }
                self.sentence(out);
            }
            out.push('\n');
        }
        out.push('\n');
    }

    /// Articles until `out` holds at least `bytes` bytes; returns the article boundaries
    /// (byte offsets where each article ends).
    pub fn text(&mut self, bytes: usize, out: &mut String) -> Vec<usize> {
        let mut ends = Vec::new();
        while out.len() < bytes {
            self.article(out);
            ends.push(out.len());
        }
        ends
    }
}
