//! Organisation rules: head nouns and suffixes (with their genitive complements), names
//! that stand alone, introducing nouns, acronyms, Latin-script brand names, web domains.

use std::sync::LazyLock;

use crate::lexicon::ADJECTIVE_ENDINGS;
use crate::text::normalize::fold;
use crate::text::tokens::{CLOSING_QUOTES, OPENING_QUOTES};
use crate::Label;

use super::candidates::{shape, Line};
use super::veto_only::GENITIVE_ARTICLES;
use super::{Cand, Rule};
use crate::lexicon::class;

/// `Υπουργείο Υγείας`, `Ευρωπαϊκή Ένωση`, `Τράπεζα της Ελλάδος`, `Stimson Center`.
pub(crate) const HEAD: Rule = Rule {
    name: "org_head_noun",
    priority: 95,
    label: Label::Org,
    confidence: 0.85,
    doc: "A Greek head noun (Υπουργείο, Τράπεζα, Επιτροπή, Πανεπιστήμιο...) with capitalised \
          adjectives before it or a genitive complement after it, which may be a place the \
          gazetteer knows (Πανεπιστήμιο Αθηνών) or, after a head not in the genitive, \
          the full name of the person it is named after (Ίδρυμα Α. Ωνάσης), and genitive complements coordinated with \
          `και`, `&` or a spaced dash (Ινστιτούτο Τεχνολογίας και Καινοτομίας, Ένωση Ηθοποιών - \
          Σκηνοθετών), or with `με` after a plural \
          genitive (Ατόμων με Αναπηρία); an institution's head alone, \
          capitalised after an article inside a sentence (του Μουσείου); an ordinal before the \
          name (3ο Γυμνάσιο, Γ’ Κλινική) and adjectives coordinated before the head (Φιλοζωική \
          και Περιβαλλοντική Ομοσπονδία); a Latin head or suffix at the end (Center, \
          Institute, Inc, Ltd), also after a Greek name (Μαραγκός Group); the lower-case `υπουργείο` before a portfolio. A name in the \
          genitive ends where a person's name in the nominative begins (της Κεντρικής \
          Τράπεζας | Λουίς Μαρέντα).",
    examples: &[
        ("Η ανακοίνωση εκδόθηκε από το Ίδρυμα Σταυρογιάννη χθες.", "Ίδρυμα Σταυρογιάννη"),
        ("Την υποτροφία έδωσε το Ίδρυμα Α. Ωνάσης στους φοιτητές.", "Ίδρυμα Α. Ωνάσης"),
        ("Τα σχέδια εκτίθενται στο Μουσείο Τσαρούχη από αύριο.", "Μουσείο Τσαρούχη"),
        ("Εκπρόσωπος της Ελληνικής Εταιρείας Ορνιθολογίας μίλησε.", "Ελληνικής Εταιρείας Ορνιθολογίας"),
        ("Το ανακοίνωσε το υπουργείο Τουρισμού σήμερα.", "υπουργείο Τουρισμού"),
        ("Τη μελέτη έκανε το Brookfield Institute με έδρα τη Βοστώνη.", "Brookfield Institute"),
        ("Τα κέρδη της ανακοίνωσε η Ζεντρόβα Financial Holdings χθες.", "Ζεντρόβα Financial Holdings"),
        ("Ο ερευνητής εργάζεται στο Πανεπιστήμιο της Μόσχας εδώ και χρόνια.", "Πανεπιστήμιο της Μόσχας"),
        (
            "Μίλησε εκπρόσωπος του Ινστιτούτου Ναυτιλίας και Εμπορίου χθες.",
            "Ινστιτούτου Ναυτιλίας και Εμπορίου",
        ),
        ("Η μελέτη του Τμήματος Γεωλογίας & Ορυκτολογίας δημοσιεύθηκε.", "Τμήματος Γεωλογίας & Ορυκτολογίας"),
        ("Τα εκθέματα του Μουσείου μεταφέρθηκαν χθες σε νέα αίθουσα.", "Μουσείου"),
        (
            "Την έρευνα χρηματοδότησε το Παρατηρητήριο Κοινωνικών Ανισοτήτων.",
            "Παρατηρητήριο Κοινωνικών Ανισοτήτων",
        ),
        ("Οι μαθητές του 3ου Γυμνασίου Καλαμάτας διακρίθηκαν.", "3ου Γυμνασίου Καλαμάτας"),
        ("Η Ένωση Γονέων Παιδιών με Αυτισμό ζήτησε συνάντηση.", "Ένωση Γονέων Παιδιών με Αυτισμό"),
        ("Συνεργάζεται με το Ινστιτούτο Τεχνολογίας Υλικών εδώ και χρόνια.", "Ινστιτούτο Τεχνολογίας Υλικών"),
        (
            "Τη μελέτη χρηματοδότησε το Κέντρο Έρευνας για τον Αυτισμό πέρσι.",
            "Κέντρο Έρευνας για τον Αυτισμό",
        ),
        ("Ο προπονητής της Χάποελ Μπεερσέβα μίλησε μετά τον αγώνα.", "Χάποελ Μπεερσέβα"),
        ("Συνεδρίασε χθες το Εκτελεστικό Συμβούλιο του ΠΣΚΑ για τον προϋπολογισμό.", "Εκτελεστικό Συμβούλιο"),
        (
            "Κοινή απόφαση εξέδωσαν τα υπουργεία Εσωτερικών και Τουρισμού χθες.",
            "υπουργεία Εσωτερικών και Τουρισμού",
        ),
        (
            "Διαμαρτυρία οργάνωσε η Ένωση Ηθοποιών - Σκηνοθετών Θεσσαλίας χθες.",
            "Ένωση Ηθοποιών - Σκηνοθετών Θεσσαλίας",
        ),
        (
            "Η ανακοίνωση της Ελληνικής Γεροντολογικής και Γηριατρικής Εταιρείας ήρθε χθες.",
            "Ελληνικής Γεροντολογικής και Γηριατρικής Εταιρείας",
        ),
    ],
    needs: class::ORG_HEAD | class::ORG_HEAD_LOWER,
    find: Some(|l, s| head(l, s.a, s.b, s.gaz)),
};

/// `WWF Ελλάς`, `Novartis Hellas`: a national branch.
pub(crate) const BRANCH: Rule = Rule {
    name: "org_national_branch",
    priority: 95,
    label: Label::Org,
    confidence: 0.85,
    doc: "An organisation the gazetteer knows, or a name in Latin letters, followed by the \
          country of its national branch (Ελλάς, Ελλάδας, Hellas, Greece, Κύπρου): the \
          branch's name is the whole, not the parent and a place.",
    examples: &[
        ("Η ανακοίνωση της Zentrova Hellas ήρθε το πρωί.", "Zentrova Hellas"),
        ("Εκπρόσωπος της Brightwell Ελλάδας δήλωσε ότι οι προσλήψεις αυξάνονται.", "Brightwell Ελλάδας"),
        ("Τις δράσεις χρηματοδοτεί το WWF Ελλάς από πέρσι.", "WWF Ελλάς"),
    ],
    needs: 0,
    find: None,
};

/// `AP Photo`, `Nature Electronics`, `ΟΤΕ Academy`: a longer name in Latin letters.
pub(crate) const LATIN_TAIL: Rule = Rule {
    name: "org_latin_tail",
    priority: 95,
    label: Label::Org,
    confidence: 0.8,
    doc: "An organisation the gazetteer knows, not a company, followed at once by \
          capitalised words in Latin letters (at most three, no given name): a longer name of \
          its own, a journal or an agency's service (Nature Electronics, AP Photo), not the \
          listed organisation and another word. After a company they are as often a \
          product (Google Translate).",
    examples: &[(
        "Η μελέτη δημοσιεύθηκε στο Acta Zentrova Geoscience τον Μάρτιο.",
        "Acta Zentrova Geoscience",
    )],
    needs: 0,
    find: None,
};

/// Longer Latin names after a listed organisation (see [`LATIN_TAIL`]).
pub(crate) fn latin_tails(
    line: &Line,
    gaz: &[super::GazSpan],
    company: impl Fn(&super::GazSpan) -> bool,
    out: &mut Vec<Cand>,
) {
    let toks = line.toks;
    let tail = |i: usize| {
        let t = &toks[i];
        t.is(shape::LATIN)
            && t.cap()
            && t.gaz == 0
            && line.plain_gap(i)
            && !t.has(class::GIVEN | class::NOT_ORG | class::FUNCTION | class::ORG_BRANCH | class::TLD)
    };
    // By the mentions, not the tokens: few lines have an organisation the gazetteer knows.
    for (k, m) in gaz.iter().enumerate() {
        if m.label != Label::Org {
            continue;
        }
        // The mention's last word, then a Latin word; a company's name before Latin words is
        // as often a product's (`Google Translate`). The last token the mention reached when
        // the stage began: the one that ends where it ends, if any does.
        let Some(p) = (m.tokens.1 as usize).checked_sub(1) else { continue };
        if p + 1 >= toks.len()
            || toks[p].e as usize != m.end
            || toks[p].gaz as usize != k + 1
            || !tail(p + 1)
            || company(m)
        {
            continue;
        }
        let mut a = p;
        while a > 0 && toks[a - 1].gaz as usize == k + 1 {
            a -= 1;
        }
        let mut e = p + 2;
        while e < toks.len() && e - p <= 3 && tail(e) {
            e += 1;
        }
        out.push(Cand { absorbs: true, ..Cand::new(a, e, &LATIN_TAIL) });
    }
}

/// `η Εθνική`, `της Πειραιώς` in a report on banks or shares.
pub(crate) const BANK: Rule = Rule {
    name: "org_bank",
    priority: 93,
    label: Label::Org,
    confidence: 0.8,
    doc: "A bank's one-word name (Εθνική, Πειραιώς, Alpha, Eurobank) after a feminine article, \
          in a line with a word of banking (τράπεζα, μετοχές, καταθέσεις, συναλλαγών).",
    examples: &[("Τις περισσότερες μετοχές διακίνησε χθες η Πειραιώς.", "Πειραιώς")],
    needs: 0,
    find: None,
};

/// `Βουλή`, `Κομισιόν`, `Eurogroup`.
pub(crate) const ALONE: Rule = Rule {
    name: "org_standalone",
    priority: 94,
    label: Label::Org,
    confidence: 0.8,
    doc: "A capitalised noun that names one organisation on its own (Βουλή, Κομισιόν, Γερουσία).",
    examples: &[("Το νομοσχέδιο ψηφίστηκε χθες στη Βουλή με ευρεία πλειοψηφία.", "Βουλή")],
    needs: class::ORG_ALONE,
    find: Some(|l, s| alone(l, s.a, s.b)),
};

/// `το πρακτορείο ειδήσεων X`, `η εταιρεία X`.
pub(crate) const INTRODUCED: Rule = Rule {
    name: "org_introduced",
    priority: 90,
    label: Label::Org,
    confidence: 0.85,
    doc: "A lower-case noun that names a kind of organisation right before the name, which \
          may stand in quotation marks: το πρακτορείο ειδήσεων X, η εταιρεία X, ο όμιλος X, η \
          εφημερίδα «X», η συλλογικότητα «X», οι εκδόσεις X, η χορωδία X. In quotation marks \
          the name is the organisation even where the gazetteer knows it as a place or a person \
          (το νοσοκομείο «Παπαδημητρίου», η εφημερίδα «Θεσσαλία»); unquoted, a given name and \
          a surname are a person (ο διοικητής του νοσοκομείου Λευτέρης Ντεμίρης). A quoted name \
          may follow the noun's genitive complements (το σωματείο εργαζομένων «Χ»), or a \
          capitalised head (το Ερευνητικό Κέντρο «Χ»: the name alone); it is the whole \
          quotation, a leading article and lower-case words included (το νοσοκομείο «Η \
          Ευαγγελίστρια»), and names listed after it are the same kind (οι εφημερίδες «Χ» και «Ψ»).",
    examples: &[
        ("Σε απεργία καλεί από αύριο το σωματείο εργαζομένων της ναυτιλιακής «Ανεμώνη».", "Ανεμώνη"),
        ("Τα ευρήματα παρουσιάζει το περιοδικό γεωλογίας «Terra Nostra» στο νέο τεύχος.", "Terra Nostra"),
        (
            "Τα σχολεία του νησιού έβαψε πέρσι η ομάδα «Χτίζοντας με τα Χέρια» εθελοντικά.",
            "Χτίζοντας με τα Χέρια",
        ),
        ("Έγραψαν οι εφημερίδες «Πρωινή Ηχώ», «Νέα Σάλπιγξ» και «Φάρος» χθες.", "Φάρος"),
        ("Μίλησαν ερευνητές από το Ερευνητικό Κέντρο «Αμάλθεια» της πόλης.", "Αμάλθεια"),
        ("Το μετέδωσε το πρακτορείο ειδήσεων Tanjug το πρωί.", "Tanjug"),
        ("Την αγόρασε η εταιρεία Βλαχοδήμος πέρσι.", "Βλαχοδήμος"),
        (
            "Αφιέρωμα στα ηφαίστεια έχει το περιοδικό «Quarterly Geoscience» αυτόν τον μήνα.",
            "Quarterly Geoscience",
        ),
        ("Το έγραψε η εφημερίδα \"Πρωινή Ηχώ\" χθες.", "Πρωινή Ηχώ"),
        ("Το άρθρο δημοσιεύθηκε στο περιοδικό «Zentrova» τον Μάρτιο.", "Zentrova"),
        ("Μέλη της συλλογικότητας «Αντηλιά» μπήκαν στο κτήριο.", "Αντηλιά"),
        ("Το βιβλίο κυκλοφορεί από τις εκδόσεις Ανεμόσκαλα.", "Ανεμόσκαλα"),
        ("Συναυλία έδωσε η χορωδία Cantilena στο θέατρο.", "Cantilena"),
        ("Νοσηλεύεται από χθες στο νοσοκομείο «Παπαδημητρίου» της πόλης.", "Παπαδημητρίου"),
        ("Το ρεπορτάζ δημοσίευσε η εφημερίδα «Θεσσαλία» το πρωί.", "Θεσσαλία"),
    ],
    needs: class::ORG_INTRO,
    find: Some(|l, s| introduced(l, s.a, s.b)),
};

/// `η Κροατία νίκησε 2-0`: the national team.
pub(crate) const NATIONAL_TEAM: Rule = Rule {
    name: "org_national_team",
    priority: 88,
    label: Label::Org,
    confidence: 0.75,
    doc: "In a sentence of a sports report (a score such as 2-1, or words such as γκολ, πέναλτι, \
          προκρίθηκε), a country or a city the gazetteer found after its article is its national \
          team or its club, unless a preposition of place comes before it (στη Ρωσία: the host; \
          but κόντρα στην Ελβετία) or it is the genitive of a capitalised name or a team's noun \
          (Μουντιάλ της Ιαπωνίας, εθνική ομάδα της Φινλανδίας); a country that heads a line-up \
          (Βραζιλία: Α, Β, Γ...); countries and cities listed without their articles after τις, \
          με, ούτε, μεταξύ or απέναντι σε, or paired by a spaced dash (τις Ισλανδία και Αρμενία, \
          Εσθονία - Σουηδία). After εναντίον or απέναντι (the team met) one sports word \
          suffices; so it does for a city with a neuter's name after a feminine article, even \
          after a preposition (μεταγραφή στην Πόρτο: the city is το Πόρτο).",
    examples: &[
        ("Η Ουκρανία νίκησε 3-1 και προκρίθηκε στον τελικό.", "Ουκρανία"),
        ("Η Λίβερπουλ έχασε 2-0 στο ματς της Κυριακής.", "Λίβερπουλ"),
        ("Το ίδιο έκανε και κόντρα στην Ουκρανία στο τελευταίο ματς.", "Ουκρανία"),
        ("Ο προπονητής ζήτησε περισσότερη ένταση απέναντι στην Ουκρανία.", "Ουκρανία"),
        ("Ουκρανία (Πετρένκο): Σβιτλίνα, Ντεμτσένκο, Χόμενκο, Λούκας, Ζάιτσεφ.", "Ουκρανία"),
        ("Στα φιλικά η ομάδα νίκησε τις Λίβερπουλ και Ουκρανία.", "Ουκρανία"),
        ("Ο Έλληνας μέσος υπέγραψε στη Λίβερπουλ μετά τη μεταγραφή του.", "Λίβερπουλ"),
    ],
    needs: 0,
    find: None,
};

/// `ΕΟΠΥΥ`, `Ε.Ε.`, `ΑΠΕ-ΜΠΕ`.
pub(crate) const ACRONYM: Rule = Rule {
    name: "org_acronym",
    priority: 70,
    label: Label::Org,
    confidence: 0.75,
    doc: "An acronym in capitals (at most six letters, or dotted, or up to nine Greek capitals \
          ending in a consonant that ends no Greek word), not a common acronym such as ΦΠΑ, \
          ΑΕΠ or DNA; with the place of its local unit when one in the genitive follows \
          (ΥΠΕ Κρήτης, Α.Τ. Πάρου).",
    examples: &[
        ("Η ανακοίνωση της ΠΟΣΚΕΑ ήρθε αργά.", "ΠΟΣΚΕΑ"),
        ("Η απόφαση της Ο.Σ.Κ.Π. δημοσιεύθηκε.", "Ο.Σ.Κ.Π."),
        ("Την κινητοποίηση κήρυξε η ΠΟΕΔΗΝΤ χθες.", "ΠΟΕΔΗΝΤ"),
        ("Η απόφαση της ΥΠΕΞ Ουκρανίας δημοσιεύθηκε χθες.", "ΥΠΕΞ Ουκρανίας"),
    ],
    needs: 0,
    find: Some(|l, s| acronym(l, s.a, s.b, false, s.gaz)),
};

/// `Volotea`, `Nintendo`.
pub(crate) const LATIN: Rule = Rule {
    name: "org_latin_brand",
    priority: 50,
    label: Label::Org,
    confidence: 0.6,
    doc: "A capitalised Latin-script name right after a feminine article (η, της, την, στην), \
          not starting with a known given name or a title (η Elizabeth is a woman), \
          with no person or place evidence: a company, brand or medium.",
    examples: &[("Νέα συσκευή θα φέρει στην αγορά η Zentrova μέσα στο φθινόπωρο.", "Zentrova")],
    needs: class::ART_FEM,
    find: Some(|l, s| if s.weak { None } else { latin(l, s.a, s.b) }),
};

/// `naftemporiki.gr`.
pub(crate) const DOMAIN: Rule = Rule {
    name: "org_web_domain",
    priority: 70,
    label: Label::Org,
    confidence: 0.8,
    doc: "A web domain (name.gr, name.com) outside an e-mail address: the medium or company.",
    examples: &[("Όπως έγραψε το paradeigma.gr χθες.", "paradeigma.gr")],
    needs: 0,
    find: None,
};

/// `το Zefyros 99,4`, `ο Αύρα FM 91,2`: a radio station before its frequency.
pub(crate) const RADIO: Rule = Rule {
    name: "org_radio_frequency",
    priority: 70,
    label: Label::Org,
    confidence: 0.8,
    doc: "A capitalised name of up to three words right before an FM frequency (87,5 to 108,0, \
          one decimal), in a line with a word of radio (FM, ραδιόφωνο, σταθμός, εκπομπή, \
          μιλώντας...): the radio station. Not a listed place or person (`η Ιταλία 101,2` is an \
          index's value), nor before a per cent or currency sign, a bracket (a change: \
          `98,4 (+1,2%)`) or a lower-case word that may be the number's unit (`95,5 ευρώ`).",
    examples: &[
        ("Το μετέδωσε χθες το Zefyros 99,4 στην εκπομπή της ημέρας.", "Zefyros"),
        ("Μιλώντας στον Αύρα FM 91,2 ο βουλευτής είπε ότι διαφωνεί.", "Αύρα FM"),
        ("Ανέβηκε πέρυσι η ακροαματικότητα του Κυματάκι 102,7 στη Λάρισα.", "Κυματάκι"),
    ],
    needs: 0,
    find: None,
};

/// Radio stations before their frequency (see [`RADIO`]), in a line with a word of radio
/// (the caller checks); `gaz` are the line's gazetteer mentions.
pub(crate) fn radio_stations(line: &Line, gaz: &[super::GazSpan], out: &mut Vec<Cand>) {
    let toks = line.toks;
    for k in 1..toks.len() {
        // The frequency: whole megahertz, then one decimal after a comma or a dot.
        if !toks[k].is(shape::DIGIT) || !line.plain_gap(k) || k + 1 >= toks.len() {
            continue;
        }
        let mhz: u32 = match line.w(k).parse() {
            Ok(n) if (87..=108).contains(&n) => n,
            _ => continue,
        };
        let decimal = line.w(k + 1);
        if !matches!(line.gap(k + 1), "," | ".")
            || decimal.len() != 1
            || !decimal.as_bytes()[0].is_ascii_digit()
        {
            continue;
        }
        if mhz == 87 && decimal < "5" || mhz == 108 && decimal != "0" {
            continue;
        }
        // No unit after it: `95,5%`, `99,5 ευρώ`, `88,6 εκατ.` are amounts; nor a bracket:
        // `98,4 (+1,2%)` is a value and its change.
        let after = line.gap_after(k + 1);
        let unit = after.trim_start().starts_with(['%', '€', '$', '('])
            || k + 2 < toks.len()
                && line.plain_gap(k + 2)
                && !toks[k + 2].cap()
                && !toks[k + 2].has(class::FUNCTION);
        if unit {
            continue;
        }
        let word = |i: usize| {
            toks[i].cap()
                && !toks[i].has(class::FUNCTION | class::NONAME)
                && (toks[i].gaz == 0 || line.plain_gap(i))
        };
        if !word(k - 1) {
            continue;
        }
        let mut a = k - 1;
        while a > 0 && k - a < 3 && line.plain_gap(a) && word(a - 1) {
            a -= 1;
        }
        if line.weak(a) && a + 1 == k && toks[a].gaz == 0 {
            // One word at the start of a sentence could be any capitalised word.
            continue;
        }
        // A listed place or person alone is an index's or a country's value (`η Ιταλία 101,2`).
        let listed = |t: &super::candidates::Tok| {
            t.gaz != 0 && matches!(gaz[t.gaz as usize - 1].label, Label::Loc | Label::Per)
        };
        if toks[a..k].iter().all(listed) {
            continue;
        }
        out.push(Cand { absorbs: true, ..Cand::new(a, k, &RADIO) });
    }
}

/// `ΔΙΟΔΟΣ: 3,150 ευρώ (+1,20%)`.
pub(crate) const QUOTE: Rule = Rule {
    name: "org_stock_quote",
    priority: 70,
    label: Label::Org,
    confidence: 0.8,
    doc: "A line of a market report that opens with a capitalised name of up to four words, \
          then a colon, a price in euros and its change in per cent (`ΝΑΜΕ: 3,150 ευρώ (+1,20%)`): \
          the listed company whose share price it gives. Without the change it is as often \
          a ticket's or a product's price (`Είσοδος: 5 ευρώ`).",
    examples: &[
        ("ΔΙΟΔΟΣ: 3,150 ευρώ (+1,20%)", "ΔΙΟΔΟΣ"),
        ("ΚΑΡΑΒΙΔΗΣ ΞΥΛΑ: 0,5120 ευρώ (-2,05%)", "ΚΑΡΑΒΙΔΗΣ ΞΥΛΑ"),
        ("Zenthor Energy: 12,40 € (-0,8%)", "Zenthor Energy"),
        ("ΔΙΟΔΟΣ: 3,150 ευρώ (αμετάβλητη)", "ΔΙΟΔΟΣ"),
    ],
    needs: 0,
    find: None,
};

/// `οι μετοχές: Ζενθάρ +12,50%, Κυματέξ +8,10%`.
pub(crate) const SHARE_CHANGE: Rule = Rule {
    name: "org_share_change",
    priority: 70,
    label: Label::Org,
    confidence: 0.8,
    doc: "In a line about shares or banks (a word such as μετοχές, τράπεζα, συναλλαγών), a \
          capitalised name of up to three words right before a signed change in per cent \
          (`Ζενθάρ +12,50%`, `της Λεπτίδης (-2,40% στα 7,10 ευρώ)`): the listed company whose \
          shares moved, whatever else its words name (a surname, a place). Not in a report \
          on the market's sector indices (δείκτες), whose names are sectors.",
    examples: &[
        (
            "Στο ταμπλό ξεχώρισαν χθες οι μετοχές: Ζενθάρ +12,50%, Κυματέξ +8,10% και Ορφανός +3,20%.",
            "Ζενθάρ",
        ),
        (
            "Στο ταμπλό ξεχώρισαν χθες οι μετοχές: Ζενθάρ +12,50%, Κυματέξ +8,10% και Ορφανός +3,20%.",
            "Ορφανός",
        ),
        ("Απώλειες είχαν χθες οι μετοχές της Λεπτίδης (-2,40% στα 7,10 ευρώ).", "Λεπτίδης"),
    ],
    needs: 0,
    find: None,
};

/// Listed companies before the change of their shares (see [`SHARE_CHANGE`]).
pub(crate) fn share_changes(line: &Line, out: &mut Vec<Cand>) {
    let toks = line.toks;
    // Most lines are no market report, and many reports give no change in per cent.
    if line.classes & class::BANK_CONTEXT == 0 || !line.text.contains('%') {
        return;
    }
    if (0..toks.len()).any(|i| line.f(i).starts_with(INDICES.as_str())) {
        return;
    }
    let word = |i: usize| toks[i].cap() && !toks[i].has(class::FUNCTION | class::NONAME);
    for (k, t) in toks.iter().enumerate() {
        if !word(k) || !signed_change(&line.text[t.e as usize..]) {
            continue;
        }
        let mut a = k;
        while a > 0 && k - a < 2 && line.plain_gap(a) && word(a - 1) {
            a -= 1;
        }
        out.push(Cand { absorbs: true, ..Cand::new(a, k + 1, &SHARE_CHANGE) });
    }
}

/// `δείκτ-`, folded: a report on sector indices.
static INDICES: LazyLock<String> = LazyLock::new(|| fold("δείκτ"));

/// True when `after` (the text after a name) opens with a signed change in per cent:
/// `+19,23%`, ` (-2,44% στα`, ` −0,5 %`.
fn signed_change(after: &str) -> bool {
    let g = after.trim_start();
    let g = g.strip_prefix('(').unwrap_or(g).trim_start();
    let Some(g) = g.strip_prefix(['+', '-', '−', '–']) else { return false };
    let g = g.trim_start();
    let number = g.bytes().take_while(|c| c.is_ascii_digit() || matches!(c, b',' | b'.')).count();
    number > 0 && g.as_bytes()[0].is_ascii_digit() && g[number..].trim_start().starts_with('%')
}

/// The company a share price line opens with (see [`QUOTE`]).
pub(crate) fn quote(line: &Line, out: &mut Vec<Cand>) {
    let toks = line.toks;
    // `memchr`: vectorised, where `str::find` reads a word at a time (every line is asked).
    let word =
        |i: usize| (toks[i].is(shape::CAP) || toks[i].is(shape::UPPER)) && !toks[i].has(class::FUNCTION);
    // The first word first: most lines begin with an article, and need no colon looked for.
    if toks.is_empty() || !word(0) {
        return;
    }
    let Some(colon) = memchr::memchr(b':', line.text.as_bytes()) else { return };
    // The name: the line's first words, capitalised, up to the colon (five are too many).
    let b = toks.iter().take(5).take_while(|t| (t.e as usize) <= colon).count();
    if b == 0 || b > 4 || !line.gap(0).trim().is_empty() || !line.gap(b).trim_start().starts_with(':') {
        return;
    }
    if !(0..b).all(word) || (1..b).any(|i| !line.plain_gap(i)) {
        return;
    }
    // The price: a number, then the currency.
    let rest = line.text[colon + 1..].trim_start();
    let digits = rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(rest.len());
    if digits == 0 || !rest[..digits].starts_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    let unit = rest[digits..].trim_start();
    let Some(unit) = unit.strip_prefix("ευρώ").or_else(|| unit.strip_prefix('€')) else { return };
    // The change: `(+1,20%)`, `(-0,8 %)`, `(αμετάβλητη)`.
    let Some(change) = unit.trim_start().strip_prefix('(') else { return };
    let pct = change.trim_start_matches(['+', '-', '−', '±']).split_once('%').map(|(n, _)| n.trim_end());
    let number = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    if pct.is_some_and(number) || change.starts_with("αμετάβλητ") {
        out.push(Cand { absorbs: true, ..Cand::new(0, b, &QUOTE) });
    }
}

/// Extends an organisation ending at token `b` over its genitive complements: capitalised
/// words and places the gazetteer knows (`Νοσοκομείο` + `Νίκαιας`), and, after
/// `της/του/των` (or `για τον`), capitalised words; a place after a particle only when the
/// name so far is a bare head (`Πανεπιστήμιο της Μόσχας`) or ends in the head of an
/// institution named after its place (`Τεχνολογικό Ινστιτούτο της Μασαχουσέτης`, but
/// `Ανώτατο Δικαστήριο` | `της Βραζιλίας`).
/// A complement that starts with another head noun is another organisation (`Τμήμα
/// Πληροφορικής` | `του Πανεπιστημίου...`), and so is an acronym after a particle: the
/// parent body a unit belongs to (`Εκτελεστικό Συμβούλιο` | `του ΠΣΚΑ`), or a place in
/// capitals (`των ΗΠΑ`); a given name starts a person.
/// Returns the new end token and whether gazetteer mentions were absorbed.
fn extend(line: &Line, a: usize, mut b: usize, gaz: &[super::GazSpan], genitive: bool) -> (usize, bool) {
    let toks = line.toks;
    let mut absorbed = false;
    let bare_head = b - a == 1;
    // An institution named after its place (class `NAME_HEAD`), its adjectives before it
    // (`Τεχνολογικό Ινστιτούτο`, `Δημόσια Κεντρική Βιβλιοθήκη`): the place after a particle
    // is the institution's, as after a bare head.
    let adjectives_head = b - a >= 2 && toks[b - 1].has(class::NAME_HEAD) && !toks[b - 1].is(shape::LATIN);
    let first = b;
    // After the lower-case `υπουργείο` the first portfolio is already a complement
    // (`υπουργείων Πολιτισμού και Παιδείας`).
    let lower_head = line.prev(a).is_some_and(|p| toks[p].has(class::ORG_HEAD_LOWER) && !toks[p].cap());
    loop {
        if b >= toks.len() {
            break;
        }
        // Complements coordinated with `και`, `&` or a spaced dash (`Ινστιτούτο Τεχνολογίας και
        // Καινοτομίας`, `Τμήμα Γεωλογίας & Ορυκτολογίας`, `Ένωση Ηθοποιών - Σκηνοθετών`):
        // both genitives, after a complement (a
        // head before `και` is a second organisation: `Τράπεζα και Ταμείο`).
        let genitive_at = |i: usize| line.genitive(i) || toks[i].has(class::PORTFOLIO);
        let coordinated =
            (b - a >= 2 || lower_head) && !toks[b - 1].has(class::ORG_HEAD) && genitive_at(b - 1) && {
                let and = toks[b].has(class::AND) && !toks[b].cap() && line.plain_gap(b);
                let j = if and { b + 1 } else { b };
                let joined =
                    if and { line.plain_gap(j) } else { line.gap(b) == " & " || line.spaced_dash(b) };
                j < toks.len()
                    && joined
                    && toks[j].cap()
                    && genitive_at(j)
                    && !toks[j].has(class::ORG_HEAD | class::GIVEN)
                    && !toks[j].is(shape::UPPER)
            };
        // `Ατόμων με Αναπηρία`, `Ασθενών με Ψωρίαση`: the persons a body is of, with what
        // they have, after a plural genitive.
        let with = b - a >= 2
            && b + 1 < toks.len()
            && line.f(b) == WITH.as_str()
            && line.plain_gap(b)
            && line.plain_gap(b + 1)
            && line.f(b - 1).ends_with(PLURAL_GENITIVE.as_str())
            && line.genitive(b - 1)
            && toks[b + 1].cap()
            && toks[b + 1].gaz == 0
            && !toks[b + 1].is(shape::UPPER)
            && !toks[b + 1].has(class::GIVEN | class::NONAME | class::ORG_HEAD);
        let mut j = b;
        if coordinated {
            j = if toks[b].has(class::AND) { b + 1 } else { b };
        } else if with {
            j = b + 1;
        } else {
            while j < toks.len()
                && j - b < 2
                && line.plain_gap(j)
                && !toks[j].cap()
                && toks[j].has(class::LINK)
                && !toks[j].has(class::AND)
            {
                j += 1;
            }
            if j >= toks.len() || !line.plain_gap(j) || !toks[j].cap() {
                break;
            }
        }
        let particle = j > b && !coordinated && !with;
        if genitive && !particle && person_starts(line, j) {
            break;
        }
        let t = &toks[j];
        // A capitalised common word in the genitive right after the name is its complement
        // (`Ινστιτούτο Τεχνολογίας`, `Ένωση Ελλήνων Χημικών`, `Ένωση Δήμων Κεντρικής
        // Μακεδονίας`, `Ιατρικός Σύλλογος Νομού Σερρών`).
        let complement = !particle && t.gaz == 0 && !t.is(shape::UPPER) && line.genitive(j);
        // A place the gazetteer knows is a complement whatever its first word
        // (`Κεντρικής` of `Ένωση Δήμων Κεντρικής Μακεδονίας`).
        let listed = (t.gaz != 0).then(|| &gaz[t.gaz as usize - 1]).filter(|g| g.start == t.s as usize);
        let place = listed.is_some_and(|g| g.label == crate::Label::Loc);
        if t.has(class::NONAME) && !t.has(class::PORTFOLIO | class::ORG_HEAD) && !complement && !place
            || t.has(class::GIVEN) && t.gaz == 0
            || particle && t.has(class::ORG_HEAD)
            || particle && t.is(shape::UPPER)
        {
            break;
        }
        let mut e = j + 1;
        if t.gaz != 0 {
            let Some(g) = listed else { break };
            while e < toks.len() && toks[e].gaz == t.gaz {
                e += 1;
            }
            // Right after the name, with no particle between: an organisation the gazetteer
            // knows is the body it belongs to (`Σύλλογος Εργαζομένων ΕΟΠΥΥ`, `Νοσηλευτικό Ίδρυμα
            // Μετοχικού Ταμείου Στρατού`), and a surname in the genitive in -ου after the
            // head names it (`Μουσείο Σικελιανού`, `Νοσοκομείο Παπαγεωργίου`; a surname in
            // -ης may be a nominative: `του Συλλόγου Γιώργος Καλαντζής` is its president), and
            // so does one in -η or -α (the genitive of -ης, -ας) after a head not in the
            // genitive (`Αρχείο Καβάφη`, `Πινακοθήκη Γκίκα`; after a genitive head it may
            // be the holder of a title before it: `του διοικητή της Τράπεζας | Στουρνάρα`).
            // The -η/-α surname and the full name only after a head named after people,
            // not in the genitive by its ending nor by its article (`του Ιδρύματος |
            // Γιώργος Παπαδόπουλος` is its president).
            let f = line.f(j);
            let namesake = !genitive
                && toks[b - 1].has(class::NAMESAKE_HEAD)
                && !line.prev(b - 1).is_some_and(|p| GENITIVE_ARTICLES.contains(&line.w(p)));
            let named_after = e == j + 1
                && !t.has(class::GIVEN)
                && toks[b - 1].has(class::ORG_HEAD)
                && !t.is(shape::LATIN)
                && (f.ends_with(GENITIVE_OU.as_str())
                    || namesake && GENITIVE_H_A.iter().any(|x| f.ends_with(x.as_str())))
                // A person's full name right after such a head is its namesake (`Μουσείο
                // Άγγελου Σικελιανού`, `Ινστιτούτο Φράνσις Κρικ`).
                || namesake && e >= j + 2 && toks[b - 1].has(class::ORG_HEAD);
            let taken = match g.label {
                crate::Label::Loc => !particle || bare_head || adjectives_head && b == first,
                crate::Label::Org => !particle,
                crate::Label::Per => !particle && named_after,
            };
            if !taken {
                break;
            }
            absorbed = true;
        } else {
            while e < toks.len()
                && toks[e].gaz == 0
                && toks[e].cap()
                && !toks[e].has(class::GIVEN)
                && matches!(line.gap(e), " " | "-")
            {
                e += 1;
            }
        }
        b = e;
    }
    (b, absorbed)
}

/// `με`, folded: `Ατόμων με Αναπηρία`.
static WITH: LazyLock<String> = LazyLock::new(|| fold("με"));

/// The plural genitive ending, folded.
static PLURAL_GENITIVE: LazyLock<String> = LazyLock::new(|| fold("ων"));

/// The masculine genitive ending, folded: a surname in it names an institution after its
/// head (`Νοσοκομείο Παπαγεωργίου`).
static GENITIVE_OU: LazyLock<String> = LazyLock::new(|| fold("ου"));

/// The genitive endings of surnames in -ης and -ας, folded (`Καβάφη`, `Γκίκα`): also
/// nominatives of feminine names, so read as a genitive only after a head not in the genitive.
static GENITIVE_H_A: LazyLock<[String; 2]> = LazyLock::new(|| [fold("η"), fold("α")]);

/// A Greek company name with a Latin suffix (`Ζεντρόβα Financial Holdings`, `Μαραγκός
/// Group`): the last word is a Latin head and the first no given name (`Μαρία Group`).
fn greek_latin_suffix(line: &Line, a: usize, b: usize) -> bool {
    let toks = line.toks;
    let last = &toks[b - 1];
    last.is(shape::LATIN)
        && last.has(class::ORG_HEAD)
        && !toks[a].is(shape::LATIN)
        && !toks[a].has(class::GIVEN)
}

/// Head noun rule (see [`HEAD`]).
pub(crate) fn head(line: &Line, a: usize, b: usize, gaz: &[super::GazSpan]) -> Option<Cand> {
    let toks = line.toks;
    let latin = toks[a].is(shape::LATIN);
    let greek_head = (a..b).find(|&k| toks[k].has(class::ORG_HEAD) && !toks[k].is(shape::LATIN));
    let latin_head = b - a >= 2
        && (latin && (a..b).any(|k| toks[k].has(class::ORG_HEAD) && toks[k].is(shape::LATIN))
            || greek_latin_suffix(line, a, b));
    // `το υπουργείο Υγείας`: the lower-case head belongs to the name.
    let lower_head = line.prev(a).filter(|&p| toks[p].has(class::ORG_HEAD_LOWER) && !toks[p].cap());
    if let Some(p) = lower_head.filter(|_| !toks[a].has(class::GIVEN)) {
        let (e, absorbed) = extend(line, a, b, gaz, line.genitive(p));
        return Some(Cand { a: p, b: e, absorbs: absorbed, ..Cand::new(a, b, &HEAD) });
    }
    if !latin_head && greek_head.is_none() {
        return None;
    }
    // A name in the genitive ends where a person's name begins: its member or head.
    let genitive = greek_head.is_some_and(|k| line.genitive(k));
    let b = match greek_head {
        Some(k) if genitive => (k + 1..b).find(|&i| person_starts(line, i)).unwrap_or(b),
        _ => b,
    };
    if let Some(k) = greek_head {
        // The words before the head are its adjectives; a given name there means a person.
        if (a..k).any(|i| toks[i].has(class::GIVEN)) {
            return None;
        }
        if k == a && b - a == 1 {
            // A head alone is a common noun (`η Επιτροπή`), unless a complement follows (or
            // it names one organisation alone: see `org_standalone`).
            let (e, absorbed) = extend(line, a, b, gaz, genitive);
            // Capitalised inside a sentence, after an article, the head names the
            // organisation the text is about (`του Μουσείου`, `στο Ταμείο`).
            let named = e == b
                && toks[a].has(class::INSTITUTION)
                && !line.weak(a)
                && !toks[a].is(shape::UPPER)
                && line.prev(a).is_some_and(|p| {
                    toks[p].has(class::ART_FEM | class::ART_NEUT | class::ART_MASC | class::ART_ACC)
                });
            return (e > b || named).then_some(Cand {
                a: ordinal(line, a),
                b: e,
                absorbs: absorbed,
                ..Cand::new(a, b, &HEAD)
            });
        }
    }
    let (e, absorbed) = extend(line, a, b, gaz, genitive);
    // Adjectives coordinated before the head: `Αθηναϊκό και Μακεδονικό Πρακτορείο`.
    let a = if greek_head.is_some_and(|k| k > a) { adjectives_before(line, a) } else { a };
    Some(Cand { a: ordinal(line, a), b: e, absorbs: absorbed, ..Cand::new(a, b, &HEAD) })
}

/// True when a person's name starts at token `i`, right after an organisation's name in
/// the genitive: a given name or an initial before a capitalised word, or two capitalised
/// Greek words in no genitive case (`της Κεντρικής Τράπεζας | Λουίς Μαρέντα`, `του
/// Ινστιτούτου Γονιδιωματικής | Ντέηβιντ Φέλσμπεργκ`): the name is then the person's title.
/// A complement of the name would be in the genitive (`Τράπεζας Πειραιώς`).
fn person_starts(line: &Line, i: usize) -> bool {
    let toks = line.toks;
    let word = |j: usize| {
        let t = &toks[j];
        t.cap()
            && !t.is(shape::UPPER)
            && !t.is(shape::LATIN)
            && !t.is(shape::DIGIT)
            && !t.has(class::ORG_HEAD | class::NONAME | class::FUNCTION)
    };
    if i + 1 >= toks.len() || !line.plain_gap(i) || !word(i) || !toks[i + 1].cap() {
        return false;
    }
    if line.initial(i) {
        return line.gap(i + 1) == ". " && word(i + 1);
    }
    line.plain_gap(i + 1)
        && word(i + 1)
        && (toks[i].has(class::GIVEN) || !line.genitive(i) && !line.genitive(i + 1))
}

/// The start of a name whose first word `a` is an adjective, taking in adjectives
/// coordinated with it by `και` or `&` (`Ελληνικής Γεροντολογικής και | Γηριατρικής
/// Εταιρείας`): capitalised words with the ending of a common adjective, no gazetteer's.
fn adjectives_before(line: &Line, a: usize) -> usize {
    let toks = line.toks;
    let adjective = |i: usize| {
        let t = &toks[i];
        t.cap()
            && t.gaz == 0
            && !t.is(shape::UPPER)
            && !t.has(class::GIVEN | class::ORG_HEAD)
            && line.common_shape(i)
    };
    if a < 2 || !adjective(a) {
        return a;
    }
    let and = toks[a - 1].has(class::AND) && !toks[a - 1].cap() && line.plain_gap(a) && line.plain_gap(a - 1);
    let p = if and {
        a - 2
    } else if line.gap(a) == " & " {
        a - 1
    } else {
        return a;
    };
    if !adjective(p) {
        return a;
    }
    let mut s = p;
    while s > 0 && line.plain_gap(s) && adjective(s - 1) {
        s -= 1;
    }
    s
}

/// The start of a name whose first word is `a`, taking in an ordinal before it that
/// numbers the school, clinic or unit (`3ο Γυμνάσιο`, `6ης Υγειονομικής Περιφέρειας`,
/// `Γ’ Κλινική`).
fn ordinal(line: &Line, a: usize) -> usize {
    if a == 0 {
        return a;
    }
    let p = a - 1;
    let w = line.w(p);
    let gap = line.gap(a);
    let numeral = line.toks[p].is(shape::DIGIT)
        && line.plain_gap(a)
        && w.len() <= 6
        && w.bytes().next().is_some_and(|c| c.is_ascii_digit())
        && ["ο", "η", "ης", "ου", "ος", "ων"]
            .iter()
            .any(|e| w.ends_with(e) && w[..w.len() - e.len()].bytes().all(|c| c.is_ascii_digit()));
    let letter = line.toks[p].is(shape::SINGLE)
        && !line.toks[p].is(shape::LATIN)
        && line.toks[p].cap()
        && matches!(gap, "’ " | "' " | "΄ " | "ʼ ");
    if numeral || letter {
        p
    } else {
        a
    }
}

/// National branches anywhere in the line (see [`BRANCH`]): a branch country right after
/// an organisation the gazetteer found, or after one capitalised word in Latin letters
/// that follows no other (`Women in Film and Television Greece` is not `Television`'s).
pub(crate) fn branches(line: &Line, gaz: &[super::GazSpan], out: &mut Vec<Cand>) {
    let toks = line.toks;
    for i in 1..toks.len() {
        // The class first: a bit test rules out nearly every token.
        if !toks[i].has(class::ORG_BRANCH) || !toks[i].cap() || !line.plain_gap(i) {
            continue;
        }
        // Inside a longer Latin name the country is one of its words (`Northern Greece
        // Underwater Explorers`, `CEPAL HELLAS FINANCIAL SERVICES`).
        if line.next(i).is_some_and(|n| toks[n].is(shape::LATIN) && toks[n].cap()) {
            continue;
        }
        let p = i - 1;
        let g = toks[p].gaz as usize;
        if g != 0 {
            let m = &gaz[g - 1];
            if m.label != Label::Org || m.end != toks[p].e as usize {
                continue;
            }
            let mut a = p;
            while a > 0 && toks[a - 1].gaz as usize == g {
                a -= 1;
            }
            out.push(Cand { absorbs: true, entry: m.entry, ..Cand::new(a, i + 1, &BRANCH) });
        } else if toks[p].is(shape::LATIN)
            && toks[p].cap()
            && !toks[p].has(class::NOT_ORG | class::FUNCTION | class::GIVEN)
            && !line.prev(p).is_some_and(|q| toks[q].is(shape::LATIN) && line.plain_gap(p))
        {
            out.push(Cand { absorbs: true, ..Cand::new(p, i + 1, &BRANCH) });
        }
    }
}

/// Standalone names (see [`ALONE`]).
pub(crate) fn alone(line: &Line, a: usize, b: usize) -> Option<Cand> {
    (b - a == 1 && line.toks[a].has(class::ORG_ALONE)).then(|| Cand::new(a, b, &ALONE))
}

/// A bank's one-word name (see [`BANK`]): token `a` alone, after a feminine article.
pub(crate) fn bank(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    // The word and the line first: most runs are no bank's (the gap before is read after).
    if b - a != 1 || !toks[a].has(class::BANK) || line.classes & class::BANK_CONTEXT == 0 {
        return None;
    }
    let p = line.prev(a)?;
    // Before a lower-case genitive it is the adjective (`της Εθνικής ομάδας`).
    let adjective = line.plain_gap(b) && !toks[b].cap() && line.genitive(b);
    let ok = toks[p].has(class::ART_FEM) && !toks[p].cap() && !adjective;
    ok.then(|| Cand::new(a, b, &BANK))
}

/// Introduced names (see [`INTRODUCED`]), also in quotation marks right after the noun
/// (`το περιοδικό «Nature»`, `η εφημερίδα "Αυριανή"`).
pub(crate) fn introduced(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let quoted =
        a > 0 && opens_quote(line.gap(a)) && line.gap_after(b - 1).trim().starts_with(CLOSING_QUOTES);
    let p = if quoted { a - 1 } else { line.prev(a)? };
    let t = &line.toks[p];
    // Unquoted, a given name and a surname are a person after the noun (`ο διοικητής του
    // νοσοκομείου Λευτέρης Ντεμίρης`).
    let person = !quoted && b - a == 2 && line.toks[a].has(class::GIVEN);
    (t.has(class::ORG_INTRO) && !t.cap() && !person).then(|| Cand::new(a, b, &INTRODUCED))
}

/// Whether the gap `gap` between two tokens is one opening quotation mark, spaces aside.
fn opens_quote(gap: &str) -> bool {
    gap.trim().strip_prefix(OPENING_QUOTES).is_some_and(str::is_empty)
}

/// Quoted names a lower-case noun of [`INTRODUCED`] introduces from a few words before,
/// with the noun's genitive complements between (`το σωματείο εργαζομένων της εταιρείας
/// «Σπάρτακος»`), and the names coordinated after it (`οι εφημερίδες «Χ», «Ψ» και «Ζ»`).
/// The whole quotation is the name, lower-case words and a leading article included (`το
/// νοσοκομείο «Η Ευαγγελίστρια»`, `η ομάδα «Χτίζοντας με τα Χέρια»`); a name the gazetteer knows
/// as an organisation inside it is left to the gazetteer. An introducing adjective takes its
/// noun first (`ο ραδιοφωνικός σταθμός «Χ»`). Every such name opens with a quotation mark:
/// the caller asks only of lines that may hold one
/// ([`crate::text::tokens::may_open_quote`]).
pub(crate) fn quoted_names(line: &Line, gaz: &[super::GazSpan], out: &mut Vec<Cand>) {
    const BETWEEN: usize = 3;
    const WORDS: usize = 8;
    let toks = line.toks;
    let opens = |q: usize| opens_quote(line.gap(q));
    let closes = |e: usize| line.gap_after(e).trim_start().starts_with(CLOSING_QUOTES);
    for i in 0..toks.len() {
        // Most words are neither (one test).
        if !toks[i].has(class::ORG_INTRO | class::ORG_HEAD) {
            continue;
        }
        // A noun that also introduces works names a programme as often (`η εκπομπή «Χ»`).
        // Or a capitalised head: the quoted name is the unit's own (`το Ερευνητικό Κέντρο
        // «Αθηνά»`, `το Ινστιτούτο Θαλάσσιας Έρευνας «Ποσειδώνια»`).
        let intro = toks[i].has(class::ORG_INTRO) && !toks[i].has(class::MISC_INTRO) && !toks[i].cap();
        let head = toks[i].has(class::ORG_HEAD) && toks[i].is(shape::CAP) && !toks[i].is(shape::LATIN);
        if !intro && !head {
            continue;
        }
        // The noun's complements: words in the genitive (`παραγωγής ηλεκτρικής ενέργειας`,
        // `της Αργεντινής`), then the opening quotation mark.
        let mut q = i + 1;
        // An adjective that introduces (`ο ραδιοφωνικός`, `ο τηλεοπτικός`) takes its noun
        // first (`σταθμός`).
        // (The endings last: the cheap tests first.)
        if intro
            && q < toks.len()
            && line.plain_gap(q)
            && !toks[q].cap()
            && !toks[q].has(class::FUNCTION)
            && ADJECTIVE_ENDINGS.all.any_ends(line.f(i))
        {
            q += 1;
        }
        while q < toks.len()
            && q - i <= BETWEEN
            && line.plain_gap(q)
            && line.genitive(q)
            && !toks[q].is(shape::UPPER)
        {
            q += 1;
        }
        // Right after an article the quotation is the complement's, not the noun's name
        // (`η ομάδα του «Χ»`: the team of X).
        if q > i + 1 && toks[q - 1].has(class::FUNCTION) {
            continue;
        }
        let mut next_in_list = false;
        loop {
            if q >= toks.len() || !next_in_list && !opens(q) {
                break;
            }
            // The quotation: closed within a few words, no clause punctuation inside.
            let mut e = q;
            while e < toks.len() && e - q < WORDS && !closes(e) {
                if e + 1 < toks.len() && line.gap(e + 1).contains([',', ';', ':', '!', '?', '(', ')', '«']) {
                    break;
                }
                e += 1;
            }
            if e >= toks.len() || e - q >= WORDS || !closes(e) {
                break;
            }
            let first = if toks[q].has(class::FUNCTION) && !toks[q].cap() { q + 1 } else { q };
            // A capital, or a name no capital marks: a number or Latin letters (`«24/7»`,
            // `«delfi.lt»`), never a Greek common word (`«μπλε»`).
            let named = first <= e && (toks[first].cap() || toks[first].is(shape::DIGIT | shape::LATIN));
            let listed =
                (q..=e).any(|k| toks[k].gaz != 0 && gaz[toks[k].gaz as usize - 1].label == Label::Org);
            if named && !listed {
                out.push(Cand { absorbs: true, ..Cand::new(q, e + 1, &INTRODUCED) });
            }
            // The next name of a list: `», «` (spaces anywhere), `» και «`.
            let after = line.gap_after(e);
            let next = e + 1;
            next_in_list = true;
            if after.chars().filter(|c| !c.is_whitespace()).eq("»,«".chars()) {
                q = next;
            } else if after.trim() == "»"
                && next + 1 < toks.len()
                && toks[next].has(class::AND)
                && !toks[next].cap()
                && opens(next + 1)
            {
                q = next + 1;
            } else {
                break;
            }
        }
    }
}

/// Acronyms (see [`ACRONYM`]).
pub(crate) fn acronym(line: &Line, a: usize, b: usize, dotted: bool, gaz: &[super::GazSpan]) -> Option<Cand> {
    let toks = line.toks;
    if dotted {
        let mut c = Cand::new(a, b, &ACRONYM);
        // The final dot belongs to the acronym, unless it also ends the sentence: at the
        // end of the line or before a capital (`των ΑΝ.ΕΛ.`, `στην Ε.Ε. Η απόφαση`), where
        // the writer drops one of the two dots.
        let after = &line.text[line.toks[b - 1].e as usize..];
        let ends_sentence = after.strip_prefix('.').is_some_and(|r| {
            let r = r.trim_start();
            r.is_empty() || r.starts_with(|c: char| c.is_uppercase() || matches!(c, '«' | '"' | '('))
        });
        if after.starts_with('.') && !ends_sentence {
            c.extra_end = 1;
        }
        let f: String = (a..b).map(|i| line.f(i)).collect();
        if line.lex.classes(&f) & class::NOT_ORG != 0 || toks[a].has(class::TITLE) {
            return None;
        }
        return Some(local_unit(line, c, gaz));
    }
    // Most capitalised words are not in capitals: answered before any gap is read.
    if !toks[a].is(shape::UPPER) {
        return None;
    }
    // One acronym, or two joined by a hyphen (`ΑΠΕ-ΜΠΕ`).
    if b - a > 2 || (b - a == 2 && line.gap(a + 1) != "-") {
        return None;
    }
    // Seven to nine Greek capitals are an acronym when they end in a consonant that ends
    // no Greek word (`ΠΡΩΣΥΝΑΤ`, `ΚΟΙΝΣΕΠ`); otherwise a word written in capitals
    // (`ΔΕΔΟΜΕΝΑ`, `ΑΚΡΙΒΩΣ`).
    let long_acronym = |i: usize| {
        !toks[i].is(shape::LATIN) && line.last_folded(i).is_some_and(|c| line.lex.foreign_finals.contains(&c))
    };
    let ok = (a..b).all(|i| {
        let t = &toks[i];
        // Most capitalised words are not in capitals: answered before the word is read.
        if !t.is(shape::UPPER) || t.has(class::NOT_ORG | class::FUNCTION | class::NONAME) {
            return false;
        }
        let w = line.w(i);
        let letters = w.chars().filter(|&c| crate::text::normalize::is_alphabetic(c)).count();
        // Greek acronyms carry no accents: `ΤΎΠΟΥ` is a word in capitals. Two Latin capitals
        // are mostly country or language codes (`FR`, `EN`).
        let accented = crate::text::normalize::accented_letters(w).any(|(_, a)| a);
        // A Greek word in capitals has a Greek ending: `ΡΟΛΟΣ`, `ΑΝΟΙΞΗ`.
        let word_ending = !t.is(shape::LATIN)
            && letters >= 5
            && ["ΟΣ", "ΗΣ", "ΑΣ", "ΟΥ", "ΩΝ", "ΕΣ", "ΟΙ", "ΣΗ", "ΞΗ", "ΨΗ"].iter().any(|e| w.ends_with(e));
        // In a line written in capitals every word is capitalised: a neighbour such as
        // `ΤΟΥ`, `ΣΤΟ` shows it.
        let caps_line = [line.prev(i), line.next(i)]
            .into_iter()
            .flatten()
            .any(|j| toks[j].is(shape::UPPER) && toks[j].has(class::FUNCTION));
        let code = t.is(shape::LATIN) && letters <= 2;
        // Letters with digits are codes, models and standards (`CET1`, `COP21`, `ΡΜ2`).
        let digits = w.bytes().any(|c| c.is_ascii_digit());
        let rejected = accented || word_ending || caps_line || code || digits;
        (letters <= 6 || letters <= 9 && long_acronym(i)) && !rejected
    });
    ok.then(|| local_unit(line, Cand::new(a, b, &ACRONYM), gaz))
}

/// An acronym followed by a place the gazetteer knows, in the genitive, names the body's
/// local unit, place included: `ΦΑΕ Αθηνών`, `ΠΕΔ Στερεάς Ελλάδας`, `Α.Τ. Πάρου`.
fn local_unit(line: &Line, c: Cand, gaz: &[super::GazSpan]) -> Cand {
    let toks = line.toks;
    let j = c.b;
    if j >= toks.len() || !matches!(line.gap(j), " " | ". ") || !line.genitive(j) || toks[j].is(shape::UPPER)
    {
        return c;
    }
    let g = toks[j].gaz;
    let place = g != 0
        && gaz.get(g as usize - 1).is_some_and(|m| m.label == Label::Loc && m.start == toks[j].s as usize);
    if !place {
        return c;
    }
    let mut e = j + 1;
    while e < toks.len() && toks[e].gaz == g {
        e += 1;
    }
    Cand { b: e, absorbs: true, extra_end: 0, ..c }
}

/// Latin-script names (see [`LATIN`]).
pub(crate) fn latin(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    if !(a..b).all(|i| toks[i].is(shape::LATIN)) {
        return None;
    }
    let (mut a, mut b) = (a, b);
    while a < b && toks[a].has(class::NOT_ORG | class::FUNCTION) {
        a += 1;
    }
    while b > a && toks[b - 1].has(class::NOT_ORG | class::FUNCTION) {
        b -= 1;
    }
    // Companies and brands are feminine in Greek (`η Nintendo`, `της Microsoft`); after other
    // words a Latin name is as often a product, a work or a person.
    let fem = line.prev(a).is_some_and(|p| toks[p].has(class::ART_FEM));
    // A known given name or a title first is a woman (`η Elizabeth`, `της Laura Smith`, `η
    // Dr Smith`), not a brand.
    let person = a < b && toks[a].has(class::GIVEN | class::TITLE);
    (a < b && fem && !person).then(|| Cand::new(a, b, &LATIN))
}

/// Web domains anywhere in the line (see [`DOMAIN`]), as (first token, last token).
pub(crate) fn domains(line: &Line, out: &mut Vec<Cand>) {
    let toks = line.toks;
    for i in 1..toks.len() {
        // The class first: a bit test rules out nearly every token.
        if !toks[i].has(class::TLD) || !toks[i - 1].is(shape::LATIN) || line.gap(i) != "." {
            continue;
        }
        if i + 1 < toks.len() && line.gap(i + 1) == "." {
            continue;
        }
        let a = i - 1;
        let before = line.gap(a);
        if before.ends_with('@') || before.ends_with('/') || before.ends_with('.') || toks[a].gaz != 0 {
            continue;
        }
        out.push(Cand::new(a, i + 1, &DOMAIN));
    }
}
