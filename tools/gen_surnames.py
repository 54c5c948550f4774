#!/usr/bin/env python3
"""Generate gazetteers/generated/surnames.tsv, the bare surnames and «initial. surname» forms
of the persons already listed in our own gazetteers (see gazetteers/SOURCES.md).

Usage, from the repository root:

    python3 tools/gen_surnames.py [--gazetteer-dir gazetteers] [--lexicon lexicon]
                                  [--out gazetteers/generated/surnames.tsv]

Python 3.11, standard library only. Inputs are files of this repository only (no corpus, no
external source): the persons in curated/persons_gr.tsv, curated/persons_world.tsv,
curated/persons_more.tsv and generated/politicians.tsv; every other gazetteer .tsv (a surname
that is already a name there is left out); stoplist_el.txt; and the given-name lists of
the rule lexicon (lexicon/index.tsv, class GIVEN). The output is
deterministic: the same inputs give a byte-identical file.

The press names a person by the surname alone once the full name has been given («ο
Μητσοτάκης», «η Μπακογιάννη») and, in headlines and captions, by «Κ. Μητσοτάκης». The
engine inflects a full name but cannot guess that its last word alone is a name, so this file
lists these forms. Three blocks are written:

1. bare foreign surnames, `nodecl,ambiguous` (Πούτιν-like forms are common words or given
   names elsewhere often enough that they must rank below full names);
2. «initial. surname» forms of Greek-script names, under the person's own id when only one
   listed person has the form;
3. bare Greek and Cypriot surnames, `nodecl` with their genitive/accusative singular as
   aliases (written out because the automatic inflection would add the plural genitive:
   Δήμας would give Δήμων «of the municipalities»).
"""

from __future__ import annotations

import argparse
import collections
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from gen_gazetteers import HEADER, REPO_ROOT, fold, load_stoplist, slug  # noqa: E402

# ---------------------------------------------------------------------------------------
# Inputs and rules (documented in gazetteers/SOURCES.md; change both together)
# ---------------------------------------------------------------------------------------

OUTPUT_NAME = "surnames.tsv"
#: Files whose (non-`nodecl`) PER rows give Greek and Cypriot surnames.
GREEK_SOURCES = ("persons_gr.tsv", "politicians.tsv", "persons_more.tsv")
#: Ids of the MPs that only the parliament's register or ParlaMint-GR lists.
REGISTER_ID_PREFIXES = ("hellenicparliament:", "parlamint:")
#: A surname shorter than this (in letters) matches too much text to be listed alone.
MIN_SURNAME_LETTERS = 4
#: The first word of a name that is a title, not a given name: such names have no surname.
TITLES = {"αρχιεπισκοποσ", "μητροπολιτησ", "πατριαρχησ", "βασιλιασ", "βασιλισσα", "παπασ",
          "πριγκιπασ", "πριγκιπισσα", "αγιοσ", "αγια", "στρατηγοσ", "οικουμενικοσ", "λορδοσ",
          "μεγασ"}
#: Particles that belong to a foreign surname (Ντε Γκωλ, Φον ντερ Λάιεν, Μπιν Σαλμάν).
PARTICLES = {"ντε", "φαν", "φον", "ντι", "ντελ", "ντα", "λα", "λε", "ελ", "αλ", "μπιν", "τεν",
             "ντο", "ντοσ", "ντερ", "βαν"}
#: Greek surnames left out although they pass the other rules: common words or trades
#: (Μαύρος, Καφές, Γιατρός, Πολίτης), ethnic and place adjectives (Βλάχος, Γραικός), given
#: names in the genitive (Γεωργίου, Αγγέλου), and the most common Greek surnames
#: (Παπαδόπουλος, Οικονόμου), which name too many people to point at one of ours.
#: Applied to foreign surnames too.
EXCLUDED_GREEK = """
Μαύρος Μαύρου Ξανθός Μισός Μέσης Κόμπος Μούσας Σάμιος Δήμου Καφές Μακρή Μακρής Βλάχος
Βλάχου Μπέης Κλης Καδής Δελής Σπανός Τερζής Νίκας Πάνας Μπαράκ Σαλάμ Νταν Πολίτης Πολίτη
Γιατρός Δάσκαλος Ψαράς Παπάς Ράπτης Ράπτη Φούρναρης Μυλωνάς Ζωγράφος Βοσκός Μάστορας Αγρότης
Κουμπάρος Λεβέντης Κοντός Ψηλός Ξένος Ξένου Καλός Γέρος Άσπρος Κόκκινος Κόκκινου Πράσινος
Γαλανός Γαλάνη Λευκός Μαυρίδης Ρήγας Βασιλείου Κυριακού Κυριακής Αγγέλου Αποστόλου Ευαγγέλου
Παρασκευά Λαμπράκη Ανδρέου Φιλίππου Στεφάνου Σταύρου Παντελή Μαρκόπουλος Μάρκου Πέτρου
Παύλου Ζαχαρίας Σαββίδης Αλεξίου Μπάλλας Ζέρβας Τσάκος Βέγγος Μαριάς Φλέμινγκ Παπαδόπουλος
Παπαδοπούλου Οικονόμου Γεωργίου Ιωάννου Νικολάου Παπαγεωργίου Παπαδάκης Παπαδάκη Παπάδακης
Αντωνίου Χριστοδούλου Παπαθανασίου Θεοδωρόπουλος Θεοδωροπούλου Κωστόπουλος Κωστοπούλου
Νικολαΐδης Νικολαΐδη Νικολαΐδου Παπαϊωάννου Σταθόπουλος Σταθοπούλου Σταυρόπουλος
Σταυροπούλου Παπαδημητρίου Παπακωνσταντίνου Παπαθανάσης Παπαθανάση Μαρκίδης Μαρκίδη
Θεοδωράκης Θεοδωράκη Στεφανίδης Στεφανίδου Ιωαννίδης Ιωαννίδου Γεωργόπουλος Γεωργοπούλου
Κυριακίδης Κυριακίδου Δημόπουλος Πετρόπουλος Πετροπούλου Χατζής Καραγιάννης Καραγιάννη
Νικολόπουλος Νικολοπούλου Μιχαηλίδης Μιχαηλίδου Αθανασόπουλος Αθανασοπούλου Αναστασίου
Δημητρόπουλος Δημητροπούλου Παναγιωτόπουλος Παναγιωτοπούλου Αλεξανδρόπουλος Αντωνόπουλος
Αντωνοπούλου Γιαννόπουλος Γιαννοπούλου Κωνσταντινίδης Χριστοφόρου Λαζαρίδης Λαζαρίδου
Αλεξιάδης Βασιλειάδης Βασιλειάδου Γεωργακόπουλος Ζαχαρίου Κουτσούκος Μαυρίδου
Παπαναστασίου Τσακίρης Χατζηγεωργίου Ευαγγελίου Κυνικός Γραικός Αρβανίτης Θηβαίος
Πνευματικός Παρισινός Καλοκαιρινός Σπαρτινός
"""
#: Foreign surnames left out: the most common English, German, Spanish, Chinese, Korean,
#: Indian and Arabic surnames (Σμιθ, Μίλερ, Γκαρσία, Λι, Αλί), which name many people, and
#: surnames that are also common given names or words in Greek text (Μαρκ, Τίτο, Κάλας).
EXCLUDED_FOREIGN = """
Μίλερ Γουέστ Τσαρλς Γουλφ Λόρενς Κρίστι Φλέμινγκ Σμιθ Τζόνσον Γουίλιαμς Μπράουν Τζόουνς
Ντέιβις Τέιλορ Γουίλσον Μουρ Άντερσον Τόμας Γουάιτ Χάρις Μάρτιν Τόμσον Γιανγκ Κινγκ Γουόκερ
Άλεν Γουντ Γκριν Κλαρκ Λιούις Ρόμπερτς Τέρνερ Φίλιπς Πάρκερ Έβανς Έντουαρντς Κόλινς Στιούαρτ
Μόρις Ρότζερς Κουκ Μπελ Μέρφι Μπέικερ Κέλι Γκρέι Φορντ Κρουζ Γουντς Στόουν Χιλ Πάουελ Τζέιμς
Λέοναρντ Κάρι Γκόρντον Κάρτερ Σμιτ Σνάιντερ Φίσερ Βάγκνερ Μπέκερ Σουλτς Χόφμαν Κλάιν Βολφ
Νόιμαν Καν Κέπλερ Άλμπα Γιασίν Νάσερ Πολ Ντεπ Πιτ Ριβς Μαρλέι Τζον Σίλβα Μαρτίνες Φερνάντες
Ροντρίγκες Γκαρσία Λόπεζ Πέρεθ Σάντος Κόστα Χαν Λι Κιμ Παρκ Βανγκ Τσεν Ζανγκ Λίου Σινγκ Πατέλ
Άμπε Αλί Χασάν Χουσεΐν Αχμέντ Μοχάμεντ Αμπντουλάχ Μπιν Σαλμάν Κομπανί Χαντ Λέιν Νταν Γκορ
Τζόρνταν Τζάκσον Ρος Μπερκ Μίτσελ Κάμπελ Γκραντ Χέιλ Μαρκ Ματ Ρόμπερτ Τσάπμαν Τούκερ Κόνραντ
Ρόουζ Λέι Ρίτσαρντς Γουότσον Μπέργκερ Κοέν Λέβι Ζούνιορ Τζούνιορ Λάμα Τίτο Φράνκο Μπραντ
Κένι Κάλας Κατς Μέτα Άνθιμος Ιγνατίου Ομήρου
"""
#: One Greek-script word, or two joined by a hyphen (Γεροβασίλη-Ρέππα style double names).
GREEK_WORD = re.compile(r"^[\u0370-\u03ff\u1f00-\u1fff]+(-[\u0370-\u03ff\u1f00-\u1fff]+)?$")
#: Folded nominative endings of a given name in the lexicon -> other folded forms of it that
#: a surname must not equal either (Γιώργος -> Γιώργου/Γιώργο/Γιώργε, Νίκη -> Νίκης, ...).
GIVEN_NAME_FORMS = (("οσ", ["ου", "ο", "ε"]), ("ησ", ["η"]), ("ασ", ["α"]), ("α", ["ασ"]),
                    ("η", ["ησ"]), ("ο", ["ου"]), ("ι", ["ιου"]))
#: Genitive endings -> the nominative endings they may come from, to recognise a surname
#: that is the genitive of a listed given name (Γεωργίου of Γεώργιος, Ανδρέα of Ανδρέας).
GENITIVE_TO_NOMINATIVE = (("ουσ", ["οσ", "ησ"]), ("ου", ["οσ", "ησ", "ασ", "ο", ""]),
                          ("η", ["ησ"]), ("α", ["ασ"]))

COMMENTS = [
    "surnames.tsv: bare surnames of the persons in the other gazetteers (Greek and Cypriot ones"
    " with their case forms; foreign ones as written), as the press uses them alone («ο"
    " Καραμανλής», «η Μπακογιάννη»).",
    "Generated by tools/gen_surnames.py from our own lists only (curated/persons_gr.tsv,"
    " persons_world.tsv, persons_more.tsv, generated/politicians.tsv, the other gazetteers,"
    " stoplist_el.txt and the given names of lexicon/; no corpus): do not edit by"
    " hand, change the inputs or the script and regenerate.",
    "Written `nodecl` with their genitive/accusative forms as aliases (no plural genitive: Δήμας"
    " would give Δήμων «of the municipalities»).",
    "Left out: a surname that is already a name elsewhere, a stoplisted word, a given name or the"
    " genitive of one (Γεωργίου), a very common surname (Παπαδόπουλος) or one shorter than 4"
    " letters.",
    "One id per surname (it may name several people); foreign ones are `ambiguous` (ranked below"
    " full names, not matched at a sentence start).",
]
INITIALS_COMMENT = ("initial + surname («Κ. Μητσοτάκης», as headlines and captions write it):"
                    " under the person's own id when only one listed person has it")

# ---------------------------------------------------------------------------------------
# Reading the inputs
# ---------------------------------------------------------------------------------------


def gazetteer_files(gazetteer_dir: str) -> list[str]:
    """The gazetteers the output is checked against, relative to `gazetteer_dir`, in a fixed
    order (core.tsv, then curated/, then generated/, each sorted) so that the result does not
    depend on directory listing order. The output file itself is skipped: it must not hide its
    own surnames on the next run."""
    files = ["core.tsv"] if os.path.exists(os.path.join(gazetteer_dir, "core.tsv")) else []
    for sub in ("curated", "generated"):
        paths = sorted(glob.glob(os.path.join(gazetteer_dir, sub, "*.tsv")))
        files += [f"{sub}/{os.path.basename(p)}" for p in paths]
    return [f for f in files if os.path.basename(f) != OUTPUT_NAME]


def read_rows(path: str) -> list[list[str]]:
    """Data rows of a gazetteer TSV (comments, blank lines and the header skipped), each
    padded to the six columns of the format so that empty trailing columns can be indexed."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("id\t") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            rows.append(cols + [""] * (6 - len(cols)))
    return rows


def row_names(cols: list[str]) -> list[str]:
    """The name and the aliases of a row, name first."""
    return [cols[2]] + [a for a in cols[3].split("|") if a]


def lexicon_words(lexicon_dir: str, wanted_class: str) -> list[str]:
    """The words of every list of the rule lexicon (lexicon/index.tsv and its .txt files, the
    same files the Rust crate embeds) whose classes include `wanted_class`."""
    words = []
    with open(os.path.join(lexicon_dir, "index.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    for file, _forms, classes, _meaning in rows[1:]:
        if wanted_class not in classes.split("|"):
            continue
        with open(os.path.join(lexicon_dir, file), encoding="utf-8") as f:
            words += [w.strip() for w in f if w.strip() and not w.startswith("#")]
    return words


def with_case_forms(words, table, first_only: bool) -> set[str]:
    """The folded `words` with the case forms `table` gives for their endings (every matching
    ending, or only the first if `first_only`)."""
    out = set()
    for word in words:
        key = fold(word)
        out.add(key)
        for ending, forms in table:
            if key.endswith(ending):
                out.update(key[: -len(ending)] + form for form in forms)
                if first_only:
                    break
    return out


def given_name_forms(lexicon_dir: str) -> set[str]:
    """Folded given names of the rule lexicon (its lists of class GIVEN) with their main case
    forms: the rules already read these as given names, so a surname equal to one would fight
    them (Ανδρέας Ανδρέου)."""
    return with_case_forms(lexicon_words(lexicon_dir, "GIVEN"), GIVEN_NAME_FORMS, first_only=False)


#: Folded endings of a nationality noun or adjective in the lexicon -> its other folded case
#: forms (Γερμανός -> Γερμανού/Γερμανό/Γερμανοί...; Γάλλος, Ρώσος, Ιταλίδα...).
NATIONALITY_FORMS = (("οσ", ["ου", "ο", "ε", "οι", "ων", "ουσ"]), ("ησ", ["η", "εσ", "ων"]),
                     ("ασ", ["α", "εσ", "ων"]), ("α", ["ασ", "εσ", "ων"]))


def nationality_forms(lexicon_dir: str) -> set[str]:
    """Folded nationality words of the rule lexicon (class NATIONALITY) with their case forms:
    a surname equal to one (Γερμανού, of Ναταλία Γερμανού) reads far more often as «of the
    German» than as the person, so it is not listed alone."""
    return with_case_forms(lexicon_words(lexicon_dir, "NATIONALITY"), NATIONALITY_FORMS, first_only=True)


class Inputs:
    """Everything the rules look at, read once from the gazetteer directory and lexicon."""

    def __init__(self, gazetteer_dir: str, lexicon_path: str):
        #: folded name -> the ids that have it, over every other gazetteer
        self.existing: dict[str, set[str]] = collections.defaultdict(set)
        #: (id, names, file) of Greek and Cypriot persons / of foreign persons
        self.greek: list[tuple[str, list[str], str]] = []
        self.foreign: list[tuple[str, list[str], str]] = []
        for rel in gazetteer_files(gazetteer_dir):
            base = os.path.basename(rel)
            for cols in read_rows(os.path.join(gazetteer_dir, rel)):
                names = row_names(cols)
                for n in names:
                    self.existing[fold(n)].add(cols[0])
                if cols[1] != "PER":
                    continue
                nodecl = "nodecl" in cols[5]
                # persons_more.tsv marks its foreign persons `nodecl`; persons_world.tsv is
                # foreign throughout.
                if (nodecl and base == "persons_more.tsv") or base == "persons_world.tsv":
                    self.foreign.append((cols[0], names, base))
                elif not nodecl and base in GREEK_SOURCES:
                    self.greek.append((cols[0], names, base))
        self.stop = load_stoplist(os.path.join(gazetteer_dir, "stoplist_el.txt"))
        self.given = given_name_forms(lexicon_path)
        self.nationality = nationality_forms(lexicon_path)


# ---------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------


def letters(s: str) -> int:
    return sum(c.isalpha() for c in s)


def folded_set(words: str) -> set[str]:
    return {fold(w) for w in words.split()}


def first_words(persons) -> set[str]:
    """Folded first words of the multi-word names of `persons`: the given names as our lists
    write them, which a surname must not equal (Θεοδώρου is a surname, Θεόδωρος is not)."""
    return {fold(n.split()[0]) for _, names, _ in persons for n in names if len(n.split()) >= 2}


def is_given_name_genitive(surname: str, first: set[str]) -> bool:
    """Whether `surname` is the genitive of one of the given names in `first` (Γεωργίου,
    Ανδρέα, Νικολάου): Greek patronymic-like surnames that read as «of Georgios»."""
    key = fold(surname)
    for ending, nominatives in GENITIVE_TO_NOMINATIVE:
        if key.endswith(ending):
            stem = key[: -len(ending)]
            if any(stem + nom in first for nom in nominatives):
                return True
    return False


def is_plain_name_word(word: str) -> bool:
    """A capitalised, not all-caps, Greek-script word (no acronym, no Latin name)."""
    return bool(GREEK_WORD.match(word)) and word[0].isupper() and not word.isupper()


def greek_candidates(persons) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Last words of the Greek persons' names -> the ids having them, and folded surname ->
    files it comes from. Names with a title (Αρχιεπίσκοπος Ιερώνυμος), an epithet («ο
    Μακεδών»), initials, brackets or a single word have no usable surname."""
    cands: dict[str, set[str]] = collections.defaultdict(set)
    files: dict[str, set[str]] = collections.defaultdict(set)
    for pid, names, base in persons:
        for n in names:
            w = n.split()
            if len(w) < 2 or fold(w[0]) in TITLES or " ο " in n:
                continue
            if any("." in x or "΄" in x or "(" in x for x in w):
                continue
            if not is_plain_name_word(w[-1]):
                continue
            cands[w[-1]].add(pid)
            files[fold(w[-1])].add(base)
    return cands, files


def select_greek(inp: Inputs, first: set[str], seen: set[str], why: collections.Counter):
    """Greek surnames to list, in folded order. An MP known only from politicians.tsv is not
    enough: a surname of one back-bencher is more often someone else's (kept when two listed
    persons with a Wikidata or openpatata id share it; the 1,900 MPs of the parliament's
    register and ParlaMint, `REGISTER_ID_PREFIXES`, share surnames by the hundred, mostly
    back-benchers of past decades, and never make a surname count)."""
    cands, files = greek_candidates(inp.greek)
    excluded = folded_set(EXCLUDED_GREEK)
    out = []
    for s, _ in sorted(cands.items(), key=lambda x: fold(x[0])):
        k = fold(s)
        if k in seen:
            continue
        seen.add(k)
        reason = rejection(s, k, inp, excluded, first)
        if reason is None and is_given_name_genitive(s, first):
            reason = "firstname"
        if reason is None and files[k] == {"politicians.tsv"} and len(
                {p for t, ids in cands.items() if fold(t) == k for p in ids
                 if not p.startswith(REGISTER_ID_PREFIXES)}) < 2:
            reason = "mp_only_unique"
        if reason:
            why[reason] += 1
        else:
            out.append(s)
    return out


def rejection(s: str, k: str, inp: Inputs, excluded: set[str], first: set[str]) -> str | None:
    """Why surname `s` (folded `k`) is not listed, for the checks the Greek and the foreign
    blocks share; None when none of them rules it out."""
    if letters(s) < MIN_SURNAME_LETTERS:
        return "short"
    if k in inp.stop or k in excluded:
        return "stop"
    if k in inp.existing:
        return "exists"
    if k in first or k in inp.given:
        return "firstname"
    if k in inp.nationality:
        return "nationality"
    return None


def foreign_surname(name: str) -> str | None:
    """The surname of a foreign name: its last word with the particles before it (Ούρσουλα
    φον ντερ Λάιεν -> φον ντερ Λάιεν); None for a one-word name."""
    w = name.split()
    if len(w) < 2:
        return None
    i = len(w) - 1
    while i - 1 >= 1 and fold(w[i - 1]) in PARTICLES:
        i -= 1
    return " ".join(w[i:])


def select_foreign(inp: Inputs, first: set[str], seen: set[str], why: collections.Counter):
    """Foreign surnames to list, in folded order, from the main name of each foreign person
    (aliases are often partial or Latin-script). A surname already taken by the Greek block
    (`seen`) is not repeated."""
    cands: dict[str, set[str]] = collections.defaultdict(set)
    for pid, names, _ in inp.foreign:
        w = names[0].split()
        if len(w) < 2 or fold(w[0]) in TITLES or " ο " in names[0]:
            continue
        if not GREEK_WORD.match(w[-1]) or w[-1].isupper():
            continue
        s = foreign_surname(names[0])
        if s and s[0].isupper():
            cands[s].add(pid)
    excluded = folded_set(EXCLUDED_GREEK) | folded_set(EXCLUDED_FOREIGN)
    out = []
    for s, _ in sorted(cands.items(), key=lambda x: fold(x[0])):
        k = fold(s)
        if k in seen:
            continue
        seen.add(k)
        reason = rejection(s, k, inp, excluded, first)
        if reason:
            why["f_" + reason] += 1
        else:
            out.append(s)
    return out


def initial_forms(inp: Inputs) -> list[tuple[str, str | None]]:
    """«Κ. Μητσοτάκης» forms of the two-word Greek names, in folded order, with the person's
    id when only one listed person has the form (None: shared, gets a surname id). The MPs
    only the parliament's register or ParlaMint lists give none (see SOURCES.md)."""
    forms: dict[str, set[str]] = collections.defaultdict(set)
    for pid, names, _ in inp.greek:
        if pid.startswith(REGISTER_ID_PREFIXES):
            continue
        for n in names:
            w = n.split()
            if len(w) != 2 or fold(w[0]) in TITLES:
                continue
            if not GREEK_WORD.match(w[0]) or not is_plain_name_word(w[1]):
                continue
            if letters(w[1]) < MIN_SURNAME_LETTERS:
                continue
            forms[w[0][0].upper() + ". " + w[1]].add(pid)
    return [(form, sorted(ids)[0] if len(ids) == 1 else None)
            for form, ids in sorted(forms.items(), key=lambda x: fold(x[0]))
            if fold(form) not in inp.existing]


def case_forms(surname: str, inp: Inputs) -> list[str]:
    """Genitive and accusative singular of a Greek surname (Καραμανλής -> Καραμανλή,
    Βενιζέλος -> Βενιζέλου/Βενιζέλο), without the plural genitive the engine would add
    (Δήμας -> Δήμων «of the municipalities»). A form that is a name elsewhere, a stoplisted
    word or a given name is not written."""
    key = fold(surname)
    if key.endswith("οσ"):
        forms = [surname[:-2] + "ου", surname[:-1]]
    elif key.endswith("ησ") or key.endswith("ασ"):
        forms = [surname[:-1]]
    else:
        forms = []
    return [f for f in forms
            if fold(f) not in inp.existing and fold(f) not in inp.stop and fold(f) not in inp.given]


def unique_id(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... when two surnames share a slug."""
    pid, m = base, 2
    while pid in used:
        pid = f"{base}-{m}"
        m += 1
    used.add(pid)
    return pid


# ---------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------


def build_lines(inp: Inputs, why: collections.Counter) -> list[str]:
    """The output file as lines (without newlines), comments first."""
    seen: set[str] = set()
    first = first_words(inp.greek)
    greek = select_greek(inp, first, seen, why)
    # Foreign given names are only known once the foreign persons are read; the Greek block
    # is decided without them (a Greek surname may well be a foreign given name).
    first |= first_words(inp.foreign)
    foreign = select_foreign(inp, first, seen, why)
    initials = initial_forms(inp)

    # A surname that is the case form of another listed surname (Βενιζέλου of Βενιζέλος) is
    # that surname's alias, not an entry of its own.
    forms = {fold(c) for s in greek for c in case_forms(s, inp)}
    greek = [s for s in greek if fold(s) not in forms]
    foreign = [s for s in foreign if fold(s) not in forms]

    lines = ["# " + c for c in COMMENTS] + [HEADER]
    used: set[str] = set()
    for s in foreign:
        pid = unique_id("grner:per:surname:" + slug(s), used)
        lines.append(f"{pid}\tPER\t{s}\t\tsurname\tnodecl,ambiguous")
    lines.append("# " + INITIALS_COMMENT)
    for form, pid in initials:
        pid = pid or "grner:per:surname:" + slug(form)
        lines.append(f"{pid}\tPER\t{form}\t\tinitial_surname\t")
    for s in greek:
        pid = unique_id("grner:per:surname:" + slug(s), used)
        lines.append(f"{pid}\tPER\t{s}\t{'|'.join(case_forms(s, inp))}\tsurname\tnodecl")
    why["rows:foreign"] = len(foreign)
    why["rows:initial_surname"] = len(initials)
    why["rows:initial_surname_own_id"] = sum(1 for _, p in initials if p)
    why["rows:greek"] = len(greek)
    return lines


def generate(gazetteer_dir: str, lexicon_path: str, out_path: str) -> collections.Counter:
    """Writes the surname gazetteer to `out_path`; returns row counts and, per rule, how many
    candidates it left out."""
    why: collections.Counter = collections.Counter()
    lines = build_lines(Inputs(gazetteer_dir, lexicon_path), why)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(line + "\n" for line in lines))
    return why


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--gazetteer-dir", default=os.path.join(REPO_ROOT, "gazetteers"))
    p.add_argument("--lexicon", default=os.path.join(REPO_ROOT, "lexicon"))
    p.add_argument("--out", default=os.path.join(REPO_ROOT, "gazetteers", "generated", OUTPUT_NAME))
    args = p.parse_args(argv)
    stats = generate(args.gazetteer_dir, args.lexicon, args.out)
    for k in sorted(stats):
        print(f"{k}: {stats[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
