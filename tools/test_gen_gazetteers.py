"""Tests for tools/gen_gazetteers.py.

Run from the repository root:  python3 -m unittest discover -s tools -p 'test_*.py'

Most tests use the small made-up fixtures in tools/testdata/; the tests on the real raw
sources are skipped when ../shared/data is not there.
"""

from __future__ import annotations

import filecmp
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import gen_gazetteers as gen  # noqa: E402

REPO = os.path.dirname(HERE)
FIXTURE_DATA = os.path.join(HERE, "testdata", "data")
FIXTURE_STOPLIST = os.path.join(HERE, "testdata", "stoplist_el.txt")
FIXTURE_LEXICON = os.path.join(HERE, "testdata", "surnames", "lexicon")
REAL_DATA = os.path.join(REPO, "..", "shared", "data")
REAL_STOPLIST = os.path.join(REPO, "gazetteers", "stoplist_el.txt")
REAL_LEXICON = os.path.join(REPO, "lexicon")
GENERATED = os.path.join(REPO, "gazetteers", "generated")
FILES = ["countries.tsv", "gr_places.tsv", "cities.tsv", "politicians.tsv", "parties.tsv", "public_bodies.tsv"]


def read_gazetteer(path: str) -> tuple[list[str], list[list[str]]]:
    """(comment lines, data rows) of a generated TSV; asserts the header."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    assert lines[-1] == "", "file must end with a newline"
    lines = lines[:-1]
    comments = []
    i = 0
    while lines[i].startswith("#"):
        comments.append(lines[i])
        i += 1
    assert lines[i] in (gen.HEADER, gen.HEADER_SAME_AS), lines[i]
    return comments, [line.split("\t") for line in lines[i + 1:]]


def rows_by_id(rows: list[list[str]]) -> dict[str, list[str]]:
    return {r[0]: r for r in rows}


def names(row: list[str]) -> list[str]:
    return [row[2]] + ([a for a in row[3].split("|")] if row[3] else [])


# ---------------------------------------------------------------------------------------


class GenitiveToNominative(unittest.TestCase):
    # Attested names as GeoNames would give them: fold -> (surface, population, is_main).
    KNOWN = {gen.fold(s): (s, p, m) for s, p, m in [
        ("Αμύνταιο", 3000, True), ("Άγιος Δημήτριος", 2000, True), ("Άνδρος", 4000, True),
        ("Άβδηρα", 0, True), ("Αθήνα", 664046, True), ("Πάτρα", 168034, True),
        ("Πειραιάς", 163688, True), ("Μεταμόρφωση", 30000, True), ("Ναύπλιο", 14582, True),
        ("Κόρινθος", 30000, True), ("Χανιά", 50000, True), ("Οροπέδιο Λασιθίου", 0, False),
        ("Πέραμα", 25389, True), ("Σέρρα", 58287, False), ("Σέρρες", 58287, True),
        ("Θήβαι", 22000, True), ("Θήβα", 22000, False), ("Ιωάννινα", 65574, True),
        ("Ζαχάρω", 3000, True), ("Μαραθώνας", 8000, True), ("Κως", 19000, True),
    ]}

    def check(self, genitive: str, expected: str | None, known=KNOWN) -> None:
        self.assertEqual(gen.genitive_to_nominative(genitive, known), expected, genitive)

    def test_certain_feminine_rules_need_no_lookup(self):
        self.check("Έδεσσας", "Έδεσσα", known=None)
        self.check("Αγίας Παρασκευής", "Αγία Παρασκευή", known=None)
        self.check("Δυτικής Μακεδονίας", "Δυτική Μακεδονία", known=None)
        self.check("Ανατολικής Μακεδονίας και Θράκης", "Ανατολική Μακεδονία και Θράκη", known=None)
        self.check("Αγιάς", "Αγιά", known=None)

    def test_ambiguous_endings_are_resolved_by_attested_names(self):
        self.check("Αμυνταίου", "Αμύνταιο")
        self.check("Αγίου Δημητρίου", "Άγιος Δημήτριος")
        self.check("Άνδρου", "Άνδρος")
        self.check("Αβδήρων", "Άβδηρα")
        self.check("Κορινθίων", "Κόρινθος")
        self.check("Χανίων", "Χανιά")
        self.check("Ιωαννιτών", "Ιωάννινα")
        self.check("Οροπεδίου Λασιθίου", "Οροπέδιο Λασιθίου")
        self.check("Κω", "Κως")
        self.check("Ζαχάρως", "Ζαχάρω")

    def test_inhabitant_plurals_and_katharevousa(self):
        self.check("Αθηναίων", "Αθήνα")
        self.check("Πατρέων", "Πάτρα")
        self.check("Ναυπλιέων", "Ναύπλιο")
        self.check("Πειραιώς", "Πειραιάς")
        self.check("Μεταμορφώσεως", "Μεταμόρφωση")
        self.check("Περάματος", "Πέραμα")
        self.check("Μαραθώνος", "Μαραθώνας")

    def test_preferences_among_attested_candidates(self):
        self.check("Σερρών", "Σέρρες")  # the GeoNames main name over the also-listed Σέρρα
        self.check("Θηβαίων", "Θήβα")  # demotic over katharevousa Θήβαι

    def test_no_name_is_invented(self):
        self.check("Λέσβου", None)  # Λέσβος or Λέσβο? not attested: no guess
        self.check("Αθηναίων", None, known=None)
        self.check("Τρικκαίων", None)  # Τρίκαλα cannot be derived

    def test_feminine_genitive(self):
        self.assertEqual(gen.feminine_genitive("Κεντρική Μακεδονία"), "Κεντρικής Μακεδονίας")
        self.assertEqual(gen.feminine_genitive("Αττική"), "Αττικής")
        self.assertIsNone(gen.feminine_genitive("Άγιο Όρος"))


class TextHelpers(unittest.TestCase):
    def test_fold_ignores_accents_case_sigma_and_hyphen_spacing(self):
        self.assertEqual(gen.fold("ΒΟΣΝΊΑ - Ερζεγοβίνης"), gen.fold("βοσνια-ερζεγοβινησ"))
        self.assertEqual(gen.fold("Ἀθῆναι"), gen.fold("Αθήναι"))
        self.assertEqual(gen.fold("Αϊτή"), gen.fold("Αιτη"))

    def test_clean(self):
        self.assertEqual(gen.clean("Βοσνία   - Ερζεγοβίνη"), "Βοσνία-Ερζεγοβίνη")
        self.assertEqual(gen.clean("Τιμόρ  -Λέστε"), "Τιμόρ-Λέστε")
        self.assertEqual(gen.clean("Aστάνα"), "Αστάνα")  # Latin A inside a Greek word
        self.assertEqual(gen.clean("Lower Prince’s Quarter"), "Lower Prince’s Quarter")

    def test_surface_quality_prefers_accents_only_where_needed(self):
        self.assertGreater(gen.surface_quality("Αθήνα"), gen.surface_quality("Αθηνα"))
        self.assertEqual(gen.surface_quality("Τσαντ"), gen.surface_quality("Τσάντ"))
        self.assertGreater(gen.surface_quality("Φηρά"), gen.surface_quality("ΦΗΡΑ"))

    def test_transliteration_matching(self):
        self.assertTrue(gen.matches_latin("Ηράκλειο", "Irákleio"))
        self.assertTrue(gen.matches_latin("Θεσσαλονίκη", "Thessaloníki"))
        self.assertTrue(gen.matches_latin("Χαλάνδρι", "Chalándri"))
        self.assertTrue(gen.matches_latin("Σέρρες", "Sérres"))
        self.assertFalse(gen.matches_latin("Χώρα", "Chios"))
        self.assertFalse(gen.matches_latin("Σέρρα", "Sérres"))
        self.assertEqual(gen.slug("Άθως"), "athos")

    def test_person_name_helpers(self):
        self.assertEqual(gen.given_first("Δημητρίου Μισιαούλη Στέλλα"), "Στέλλα Δημητρίου Μισιαούλη")
        self.assertEqual(gen.given_first("Γεωργίου Κ. Γιώργος"), "Γιώργος Κ. Γεωργίου")
        self.assertEqual(gen.given_first("Αδάμου Αδάμος"), "Αδάμος Αδάμου")
        self.assertEqual(gen.without_initials("Θεόδωρος Γ. Πάγκαλος"), "Θεόδωρος Πάγκαλος")

    def test_drop_accusatives(self):
        def run(forms, main_latin=None):
            e = gen.Entity("x", "LOC", "city")
            for f in forms:
                e.add(f)
            is_main = (lambda n: gen.matches_latin(n.surface, main_latin)) if main_latin else None
            gen.drop_accusatives(e, is_main)
            return e.surfaces()

        self.assertEqual(run(["Λίβανο", "Λίβανος"]), ["Λίβανος"])
        self.assertEqual(run(["Λευκωσία", "Λευκωσίαν"]), ["Λευκωσία"])
        self.assertEqual(run(["Κυλλήνη", "Κυλλήνης"], "Kyllíni"), ["Κυλλήνη"])
        self.assertEqual(run(["Χορτιάτη", "Χορτιάτης"], "Chortiátis"), ["Χορτιάτης"])
        self.assertEqual(run(["Χρυσούπολη", "Χρυσούπολης"], "Chrysoúpolis"), ["Χρυσούπολη"])
        self.assertEqual(run(["Πάτρα", "Πάτρας"]), ["Πάτρα", "Πάτρας"])  # undecided: both stay

    def test_iso_code_aliases(self):
        self.assertEqual(gen.iso_code_alias("FR"), "FR")
        self.assertEqual(gen.iso_code_alias("UA"), "UA")
        for code in ["ME", "TO", "EE", "AT", "IT"]:  # Greek look-alike letters only: ΜΕ, ΤΟ, ΕΕ
            self.assertIsNone(gen.iso_code_alias(code), code)
        for code in ["GB", "TV", "PR", "MW", "AC"]:  # Latin abbreviations; reserved codes
            self.assertIsNone(gen.iso_code_alias(code), code)
        self.assertIsNone(gen.iso_code_alias("150"))

    def test_compass_katharevousa_name(self):
        self.assertEqual(gen.compass_katharevousa_name("Νότια Αφρική"), "Νότιος Αφρική")
        self.assertEqual(gen.compass_katharevousa_name("Βόρεια Ήπειρος"), "Βόρειος Ήπειρος")
        for name in ["Βόρεια Τζουμέρκα", "Νότια Προάστια", "Ανατολική Αφρική", "Νότια"]:
            self.assertIsNone(gen.compass_katharevousa_name(name), name)

    def test_katharevousa_variants(self):
        e = gen.Entity("geonames:1", "LOC", "city")
        for n in ["Λευκάδα", "Λευκάς", "Ελευθερές", "Ελευθεραί", "Ερμούπολη", "Ερμούπολις", "Νεάπολις"]:
            e.add(n)
        self.assertEqual(gen.drop_katharevousa_variants(e), 3)
        self.assertEqual(e.surfaces(), ["Λευκάδα", "Ελευθερές", "Ερμούπολη", "Νεάπολις"])  # no demotic: kept

    def test_latin_city_names(self):
        def city(gid, cc, pop, greek, en):
            e = gen.Entity(f"geonames:{gid}", "LOC", "city", pop=pop)
            e.meta.update(cc=cc, name_en=en)
            e.add(greek)
            return e
        big, small, local, word, rival = (
            city(1, "BR", 6_000_000, "Ρίο ντε Τζανέιρο", "Rio de Janeiro"),
            city(2, "US", 140_000, "Πασαντίνα", "Pasadena"),
            city(3, "GR", 600_000, "Θεσσαλονίκη", "Thessaloniki"),
            city(4, "US", 900_000, "Όστιν", "Austin"),
            city(5, "ES", 800_000, "Βαλένθια", "Valencia"))
        weak = city(6, "VE", 700_000, "Βαλένθια Βενεζουέλας", "Valencia")
        self.assertEqual(gen.add_latin_city_names([big, small, local, word, rival, weak]), 2)
        self.assertEqual(big.surfaces(), ["Ρίο ντε Τζανέιρο", "Rio de Janeiro"])
        for e in (small, local, word, weak):  # small, Greek, an English given name, less populous
            self.assertEqual(len(e.names), 1, e.surfaces())
        self.assertIn("Valencia", rival.surfaces())

    def test_country_variants(self):
        self.assertEqual(gen._country_variants("Μιανμάρ/Βιρμανία"), [("Μιανμάρ", True), ("Βιρμανία", True)])
        self.assertEqual(gen._country_variants("Νήσοι Κόκος (Κίλινγκ)"), [("Νήσοι Κόκος", False)])
        self.assertEqual(gen._country_variants("Χονγκ Κονγκ ΕΔΠ Κίνας"), [("Χονγκ Κονγκ", True)])


class Stoplist(unittest.TestCase):
    def test_real_stoplist_is_well_formed(self):
        entries = []
        with open(REAL_STOPLIST, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                self.assertEqual(line, line.strip(), f"line {n}: stray spaces")
                self.assertEqual(line, line.lower(), f"line {n}: not lower case")
                self.assertTrue(gen.is_greek(line), f"line {n}: not Greek")
                entries.append(line)
        self.assertEqual(len(entries), len(set(entries)), "duplicate entries")
        self.assertGreaterEqual(len(entries), 300)
        stop = gen.load_stoplist(REAL_STOPLIST)
        for word in ["Δευτέρα", "Κυριακή", "Αύγουστος", "Έλληνας", "Αμερικανοί", "ρωσικός",
                     "Χώρα", "Νέα", "Άγιος", "Δήμος", "Ειρήνη", "ΛΑΟΣ"]:
            self.assertIn(gen.fold(word), stop, word)


    def test_a_name_written_with_other_accents_than_the_common_word_needs_them(self):
        stop = gen.Stoplist(["σοφια", "πυργοσ"], written={"σοφια": {"σοφία"}, "πυργοσ": {"πύργος"}})
        for surface, differs in [("Σόφια", True), ("Σοφία", False), ("Πύργος", False), ("Κάιρο", False)]:
            self.assertEqual(gen.accent_differs(surface, stop), differs, surface)
        # A stoplist loaded from its file keeps the words as written.
        real = gen.load_stoplist(REAL_STOPLIST)
        self.assertTrue(gen.accent_differs("Σόφια", real))
        self.assertFalse(gen.accent_differs("Πύργος", real))


class FixtureGeneration(unittest.TestCase):
    """Generates from tools/testdata/ and checks filters, merges and the file format."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.given_names = os.path.join(cls.tmp.name, gen.GIVEN_NAMES_FILE)
        cls.stats = gen.generate(FIXTURE_DATA, cls.tmp.name, FIXTURE_STOPLIST, FIXTURE_LEXICON, cls.given_names)
        cls.files = {}
        for name in FILES:
            comments, rows = read_gazetteer(os.path.join(cls.tmp.name, name))
            cls.files[name] = (comments, rows_by_id(rows), rows)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def rows(self, name):
        return self.files[name][1]

    def test_well_formed(self):
        labels = {"countries.tsv": {"LOC"}, "cities.tsv": {"LOC"}, "gr_places.tsv": {"LOC", "ORG"},
                  "politicians.tsv": {"PER"}, "parties.tsv": {"ORG"}, "public_bodies.tsv": {"ORG"}}
        for name, (comments, by_id, rows) in self.files.items():
            self.assertIn("# generated by tools/gen_gazetteers.py; do not edit", comments)
            self.assertTrue(any("Sources:" in c for c in comments), name)
            self.assertEqual(len(by_id), len(rows), f"{name}: one line per id")
            self.assertEqual([r[0] for r in rows], sorted(r[0] for r in rows), f"{name}: sorted")
            width = len(rows[0]) if rows else 6
            self.assertIn(width, (6, 7), name)
            for r in rows:
                self.assertEqual(len(r), width, r)
                self.assertRegex(r[0], r"^\S+$")
                for other in filter(None, r[6].split("|") if width == 7 else []):
                    self.assertRegex(other, r"^\S+$")
                    self.assertNotEqual(other, r[0])
                self.assertIn(r[1], labels[name], r)
                self.assertTrue(r[2], r)
                aliases = r[3].split("|") if r[3] else []
                self.assertEqual(aliases, sorted(aliases, key=lambda a: (gen.fold(a), a)), r)
                keys = [gen.fold(n) for n in names(r)]
                self.assertEqual(len(keys), len(set(keys)), f"duplicate names in {r}")
                for flag in filter(None, r[5].split(",")):
                    self.assertIn(flag, {"nodecl", "ambiguous", "exact_case", "exact_accent"})

    def test_countries(self):
        c = self.rows("countries.tsv")
        self.assertEqual(names(c["iso3166:US"]), ["Ηνωμένες Πολιτείες", "US", "Αμερική", "Ηνωμένες Πολιτείες Αμερικής", "ΗΠΑ"])
        self.assertIn("CY", names(c["iso3166:CY"]))  # ISO codes as Latin-capital aliases
        self.assertIn("cldr:150", c)
        for skipped in ["cldr:001", "cldr:019", "iso3166:EU"]:
            self.assertNotIn(skipped, c)
        self.assertNotIn("Λευκωσία", names(c["iso3166:CY"]))  # the capital is not a country name
        self.assertEqual(names(c["iso3166:LB"]), ["Λίβανος", "LB"])  # accusative Λίβανο dropped
        self.assertEqual(names(c["iso3166:MM"]), ["Μιανμάρ", "Βιρμανία"])  # MM: Greek look-alikes
        # 'Άγιος Μαρτίνος' would name both MF and SX: neither gets it, the full form stays
        self.assertEqual(names(c["iso3166:MF"]), ["Άγιος Μαρτίνος (Γαλλικό τμήμα)", "MF"])
        self.assertEqual(c["iso3166:GE"][5], "ambiguous,nodecl")  # γεωργία stoplisted; Γεωργίας = of agriculture
        self.assertEqual(c["iso3166:GR"][4], "country")

    def test_cities_merge_altnames_under_one_id(self):
        c = self.rows("cities.tsv")
        self.assertEqual(names(c["geonames:1871859"]), ["Πιονγκγιάνγκ", "Pyongyang", "Πιονγιάνγκ"])
        self.assertEqual(names(c["geonames:264371"]), ["Αθήνα"])  # Αθηνα merged; Ἀθῆναι, Αθήναι dropped
        self.assertEqual(names(c["geonames:146268"]), ["Λευκωσία"])  # Λευκωσίαν dropped
        self.assertEqual(names(c["geonames:900009"]), ["Μενίδι", "Μενίδιον"])  # demotic derived
        self.assertEqual(names(c["geonames:900015"])[0], "Σέρρες")
        self.assertEqual(names(c["geonames:900016"]), ["Αστροχώρι"])  # Latin look-alike fixed
        self.assertEqual(names(c["geonames:900017"]), ["Τεστοχώρι"])  # 'Δήμος …', '(συνοικία)'
        self.assertIn("cldr-tz:Pacific/Testville", c)  # exemplar city without a GeoNames row
        self.assertFalse(any(r[0].startswith("cldr-tz:Etc/") for r in c.values()))
        self.assertFalse(any(r[0].startswith("cldr-tz:America/Indiana") for r in c.values()))

    def test_cities_filters(self):
        c = self.rows("cities.tsv")
        self.assertNotIn("geonames:900001", c)  # population 500 < 1000 in Greece
        self.assertNotIn("geonames:900010", c)  # population 50,000 < 100,000 abroad
        self.assertEqual(c["geonames:900008"][2], "Άβδηρα")  # population unknown (0) in Greece
        self.assertNotIn("geonames:900020", c)  # population unknown (0) abroad
        self.assertNotIn("geonames:900002", c)  # Χώρα: stoplisted, small
        self.assertEqual(c["geonames:900003"][5], "ambiguous")  # Πύργος: stoplisted, 25,000
        self.assertNotIn("geonames:900004", c)  # Μέσα (Mesa, AZ): stoplisted, abroad
        self.assertNotIn("geonames:900011", c)  # Γεωργία: a country name
        self.assertNotIn("geonames:1880252", c)  # Σιγκαπούρη: the country keeps it
        self.assertNotIn("geonames:900013", c)  # the village Αθήνα: Athens keeps the name
        self.assertNotIn("geonames:900014", c)  # Ία: two letters
        self.assertNotIn("geonames:900019", c)  # Ανατολή: strict stoplist entry, though 10,000+

    def test_gr_places(self):
        g = self.rows("gr_places.tsv")
        # the everyday genitive of the nominative is an alias of the authority
        self.assertEqual(g["kallikratis:9186:dimos"][1:5], ["ORG", "Δήμος Αθηναίων", "Δήμος Αθήνας", "municipality_authority"])
        self.assertEqual(g["kallikratis:9054:dimos"][3], "")  # Σερρών is the everyday genitive
        self.assertEqual(gen.demotic_genitive("Πειραιάς"), "Πειραιά")
        self.assertIsNone(gen.demotic_genitive("Βόλος"))
        self.assertFalse(gen._official_genitive_differs("Χανίων", "Χανιά"))  # neuter plural
        # a municipality that a Greek GeoNames city names is that city: one id, geonames,
        # with the Kallikratis code in same_as (row of cities.tsv)
        c = self.rows("cities.tsv")
        for kallikratis, geonames, name in [
            ("9186", "264371", "Αθήνα"), ("9070", "900005", "Αμύνταιο"), ("9194", "900006", "Άγιος Δημήτριος"),
            ("9268", "900007", "Άνδρος"), ("9015", "900008", "Άβδηρα"), ("9054", "900015", "Σέρρες"),
        ]:
            self.assertNotIn(f"kallikratis:{kallikratis}", g)
            self.assertEqual(c[f"geonames:{geonames}"][2], name)
            self.assertEqual(c[f"geonames:{geonames}"][6], f"kallikratis:{kallikratis}")
            self.assertIn(f"kallikratis:{kallikratis}:dimos", g)  # the authority stays
        self.assertEqual(self.stats["greek_places_one_id"], 6)
        # no city of that name: the Kallikratis id stays the only one
        self.assertEqual(g["kallikratis:9043"][2], "Έδεσσα")
        self.assertEqual(g["kallikratis:9998"][2], "Άβδηρα-Άνδρος")  # a merged municipality, each part resolved
        for no_loc in ["kallikratis:9124", "kallikratis:9990", "kallikratis:9056"]:
            self.assertNotIn(no_loc, g)  # compound, unattested, named after a person
            self.assertIn(no_loc + ":dimos", g)
        # unattested, but in the hand-checked MUNICIPALITY_NOMINATIVES table
        self.assertEqual(g["kallikratis:9261"][1:3], ["LOC", "Λέσβος"])
        self.assertEqual(g["kallikratis:name:athos"][1:5], ["LOC", "Άθως", "", "region"])
        self.assertNotIn("kallikratis:name:athos:dimos", g)
        self.assertEqual(names(g["iso3166-2:GR-C"]), ["Δυτική Μακεδονία", "Δ. Μακεδονία"])  # abbreviated form
        self.assertEqual(gen.abbreviated_name("Νότια Κορέα"), "Ν. Κορέα")
        self.assertEqual(gen.abbreviated_name("Άγιος Δημήτριος"), "Αγ. Δημήτριος")
        self.assertIsNone(gen.abbreviated_name("Κορέα"))
        self.assertEqual(names(g["iso3166-2:GR-D"]), ["Ήπειρος"])
        self.assertEqual(names(g["iso3166-2:GR-I"]), ["Αττική"])
        # the regional authority is an ORG row of its own, like «Δήμος …»
        self.assertEqual(g["iso3166-2:GR-C:perifereia"][1:5],
                         ["ORG", "Περιφέρεια Δυτικής Μακεδονίας", "", "regional_authority"])
        self.assertEqual(names(g["iso3166-2:GR-I:perifereia"]), ["Περιφέρεια Αττικής"])
        self.assertNotIn("iso3166-2:GR-69:perifereia", g)  # Άγιο Όρος is no Περιφέρεια

    def test_politicians(self):
        p = self.rows("politicians.tsv")
        # the press form of the formal given name is added (Θεόδωρος -> Θοδωρής)
        self.assertEqual(names(p["Q9000001"]), ["Θεόδωρος Τεστάκης", "Θεόδωρος Γ. Τεστάκης", "Θοδωρής Τεστάκης"])
        self.assertEqual(gen.news_given_name("Κωνσταντίνος Τεστάκης"), "Κώστας Τεστάκης")
        self.assertIsNone(gen.news_given_name("Κώστας Τεστάκης"))
        # the name without the initial would be shared by two people: given to neither
        self.assertEqual(names(p["Q9000002"]), ["Γεώργιος Δ. Παραδειγμάτου"])
        self.assertEqual(names(p["Q9000003"]), ["Γεώργιος Α. Παραδειγμάτου"])
        self.assertEqual(names(p["Q9000004"]), ["Άννα Δοκιμή-Πρότυπη"])
        # openpatata with a QID merges into the Wikidata row; given name first
        self.assertEqual(names(p["Q9000010"]), ["Γιώργος Γεωργίου", "Γιώργος Κ. Γεωργίου"])
        self.assertEqual(names(p["openpatata:georgiou-t-giorgos"]), ["Γιώργος Τ. Γεωργίου"])
        # openpatata without a QID but with the same name as a Wikidata row merges into it
        self.assertNotIn("openpatata:dokimastis-antreas", p)
        self.assertEqual(names(p["Q9000011"]), ["Αντρέας Δοκιμαστής"])
        self.assertEqual(names(p["openpatata:testou-maria"]), ["Μαρία Τέστου", "Μαρίκα Τέστου"])
        self.assertEqual({r[4] for r in p.values()}, {"mp", "minister"})  # ParlaMint ministers

    def test_register_and_parlamint_mps(self):
        p = self.rows("politicians.tsv")
        hp = "hellenicparliament:00000000-0000-0000-0000-00000000000"
        # a register MP of a Wikidata MP's name is that MP: QID first, register id beside it
        self.assertEqual(p["Q9000001"][6], hp + "1")
        self.assertNotIn(hp + "1", p)
        # ... also when the given names are variants of one name in el-name-tools
        self.assertEqual(names(p["Q9000005"]), ["Αλέξης Τεστόπουλος", "Αλέξιος Τεστόπουλος"])
        self.assertEqual(p["Q9000005"][6], hp + "6")
        # the nickname in brackets is a name; a ParlaMint speaker with the same surname,
        # father's name and given name is the same person
        self.assertEqual(names(p[hp + "2"]), ["Κωνσταντίνος Δοκιμάκης", "Κώστας Δοκιμάκης", "Ντίνος Δοκιμάκης"])
        self.assertEqual(p[hp + "2"][6], "parlamint:ΔΟΚΙΜΑΚΗΣ_ΝΙΚΟΛΑΟΥ_ΚΩΝΣΤΑΝΤΙΝΟΣ")
        # several given names: also the first one, as news writes it
        self.assertEqual(names(p[hp + "9"]), ["Αριστείδης-Νικόλαος Δοκιμόπουλος", "Αριστείδης Δοκιμόπουλος"])
        # two MPs of one name (different fathers): the name goes to neither
        self.assertNotIn(hp + "3", p)
        self.assertNotIn(hp + "4", p)
        # a name of another shape («συζ.») is left out, and so is an MP only the register
        # lists whose last parliament was before 2000 (REGISTER_MIN_TERM)
        self.assertNotIn(hp + "5", p)
        self.assertNotIn(hp + "8", p)
        self.assertEqual(self.stats["register_mps_before_min_term"], 1)
        # a speaker only ParlaMint has, spelt with the accents the other sources give
        self.assertEqual(p["parlamint:ΓΙΑΝΝΗΣ_ΤΕΣΤΑΚΗΣ"][2:5], ["Γιάννης Τεστάκης", "", "minister"])
        # left out: a surname no source spells, a forename that is no given name (genitive)
        for pid in ("ΑΓΝΩΣΤΟΠΟΥΛΟΣ_ΧΡΗΣΤΟΥ_ΠΕΤΡΟΣ", "ΑΛΕΞΙΟΥ_ΤΕΣΤΑΚΗΣ", "ΤΕΣΤΟΥΛΗ_ΑΝΔΡΕΑ_ΑΝΝΑ-ΜΑΡΙΑ"):
            self.assertNotIn(f"parlamint:{pid}", p)
        self.assertEqual(self.stats["parlamint_unspelt"], 3)

    def test_register_name_parts(self):
        # (register name, (surname, father, given, nickname) or None)
        cases = [
            ("Μητσοτάκης Κωνσταντίνου Κυριάκος", ("Μητσοτάκης", "Κωνσταντίνου", "Κυριάκος", None)),
            ("Κοζομπόλη - Αμανατίδη Γεωργίου Παναγιώτα", ("Κοζομπόλη-Αμανατίδη", "Γεωργίου", "Παναγιώτα", None)),
            ("Αλφιέρη Αντωνίου Στυλιανή (Στέλλα)", ("Αλφιέρη", "Αντωνίου", "Στυλιανή", "Στέλλα")),
            ("Δήμας Kωνσταντίνου Σταύρος", ("Δήμας", "Κωνσταντίνου", "Σταύρος", None)),  # Latin K
            ("Γραμματίδης Ιωάννη Χρήστος ή Τάκης", None),
            ("Αμμανατίδου - (Πασχαλίδου) Γεωργίου Ευαγγελία (Λίτσα)", None),
        ]
        for raw, want in cases:
            self.assertEqual(gen.register_name_parts(raw), want, raw)

    def test_accents_from_other_sources(self):
        known = gen.accented_forms(["Κυριάκος", "Μητσοτάκης", "Αγγελος", "Ράλλης", "Ραλλής", "ΣΥΡΙΖΑ"])
        self.assertEqual(gen.accent_caps("ΚΥΡΙΑΚΟΣ", known), "Κυριάκος")
        self.assertEqual(gen.accent_caps("ΚΥΡΙΑΚΟΣ-ΜΗΤΣΟΤΑΚΗΣ", known), "Κυριάκος-Μητσοτάκης")
        self.assertIsNone(gen.accent_caps("ΑΓΓΕΛΟΣ", known))  # only an unaccented spelling
        self.assertIsNone(gen.accent_caps("ΡΑΛΛΗΣ", known))  # two spellings disagree
        self.assertIsNone(gen.accent_caps("ΣΥΡΙΖΑ", known))
        # the commoner spelling wins; a word with two accents is no spelling
        known = gen.accented_forms(["Ελευθέριος", "Ελεύθεριος", "Ελευθέριος", "Ιώάννης", "Ιωάννης"])
        self.assertEqual(gen.accent_caps("ΕΛΕΥΘΕΡΙΟΣ", known), "Ελευθέριος")
        self.assertEqual(gen.accent_caps("ΙΩΑΝΝΗΣ", known), "Ιωάννης")

    def test_public_bodies(self):
        b = self.rows("public_bodies.tsv")
        # the legal name in capitals, spelt as the registry's prose spells its words; a name
        # twice in the source goes to the active body
        self.assertEqual(b["diavgeia:4"][2:5], ["Υπουργείο Τεστικής Ανάπτυξης και Δοκιμών", "", "ministry"])
        self.assertNotIn("diavgeia:3", b)
        self.assertEqual(names(b["diavgeia:5"]), ["Εθνική Αρχή Δοκιμών", "ΕΑΔ"])  # acronym in brackets
        self.assertEqual(b["diavgeia:6"][2:5], ["Πρωτοδικείο Αθηνών", "", "court"])
        self.assertEqual(b["diavgeia:10"][4], "university")
        # an acronym two bodies share goes to neither; their names stay
        self.assertEqual(names(b["diavgeia:11"]), ["Αρχή Ελέγχου των Δοκιμών"])
        self.assertEqual(names(b["diavgeia:12"]), ["Αρχή Ασφαλείας Δοκιμών"])
        # left out: a word no source spells (ΠΤΑΙΣΜΑΤΟΔΙΚΕΙΟ), an abbreviation (ΘΕΣ/ΝΙΚΗΣ),
        # a kind news does not name by its legal name (a municipal company)
        for left_out in ("diavgeia:7", "diavgeia:9", "diavgeia:8"):
            self.assertNotIn(left_out, b)
        # the 2017 registry: bodies Diavgeia lacks, of the legal forms listed, with our own ids
        self.assertEqual(b["grner:org:geniki-grammateia-dokimon"][2:5],
                         ["Γενική Γραμματεία Δοκιμών", "", "general_secretariat"])
        self.assertEqual(names(b["grner:org:ethniko-kentro-dokimon"]), ["Εθνικό Κέντρο Δοκιμών", "Ε.Κ.ΔΟ.", "ΕΚΔΟ"])
        # left out: a ministry's central service (form), a plural (a class of bodies), a
        # body Diavgeia has (Εθνική Αρχή Δοκιμών keeps its diavgeia id)
        self.assertEqual(self.stats["public_bodies_registry"], 2)
        self.assertEqual(self.stats["public_bodies_unspelt"], 2)

    def test_public_body_helpers(self):
        known = gen.accented_forms(["Υπουργείο", "Υγείας", "Κοινωνικής", "Αλληλεγγύης", "Εθνική", "Αρχή",
                                    "Εσόδων", "Εσωτερικών"])
        # (legal name, the name written, acronyms) or None
        cases = [
            ("ΥΠΟΥΡΓΕΙΟ ΥΓΕΙΑΣ & ΚΟΙΝΩΝΙΚΗΣ ΑΛΛΗΛΕΓΓΥΗΣ",
             ("Υπουργείο Υγείας και Κοινωνικής Αλληλεγγύης", [])),
            ("ΥΠΟΥΡΓΕΙΟ ΥΓΕΙΑΣ,ΕΣΩΤΕΡΙΚΩΝ", ("Υπουργείο Υγείας, Εσωτερικών", [])),
            ("ΕΘΝΙΚΗ ΑΡΧΗ ΑΠΟ ΕΣΟΔΩΝ (Ε.Α.Ε.) (ΑΡ. 4 ΤΟΥ Ν.4375/2016)", ("Εθνική Αρχή από Εσόδων", ["Ε.Α.Ε."])),
            ("ΕΘΝΙΚΗ ΑΡΧΗ (ΥΓΕΙΑΣ)", ("Εθνική Αρχή", [])),  # a word in brackets, no acronym
            ("ΥΠΟΥΡΓΕΙΟ ΥΓΕΙΑΣ 2", None),
            ("ΥΠΟΥΡΓΕΙΟ ΥΓΕΙΑΣ ΚΑΙ ΤΟΥΡΙΣΜΟΥ", None),  # Τουρισμού: not spelt by `known`
        ]
        for raw, want in cases:
            self.assertEqual(gen.public_body_name(raw, known), want, raw)
        self.assertEqual(gen.public_body_kind("ΝΠΔΔ", "ΓΕΝΙΚΟ ΝΟΣΟΚΟΜΕΙΟ ΧΑΝΙΩΝ"), "hospital")
        self.assertEqual(gen.public_body_kind("Δικαστήριο", "ΔΙΟΙΚΗΤΙΚΟ ΕΦΕΤΕΙΟ ΑΘΗΝΩΝ"), "court")
        self.assertEqual(gen.public_body_kind("Πανεπιστήμιο", "ΤΕΙ ΚΡΗΤΗΣ"), "university")
        self.assertIsNone(gen.public_body_kind("ΝΠΔΔ", "ΣΧΟΛΙΚΗ ΕΠΙΤΡΟΠΗ ΔΗΜΟΥ ΧΑΝΙΩΝ"))

    def test_given_names(self):
        with open(self.given_names, encoding="utf-8") as f:
            lines = f.read().split("\n")
        self.assertIn("# generated by tools/gen_gazetteers.py; do not edit", lines)
        self.assertTrue(any("MIT" in l and "Unlicense" not in l for l in lines if l.startswith("#")))
        # given by both lists, accented, capitalised: kept, in folded order
        self.assertEqual([l for l in lines if l and not l.startswith("#")], ["Άγγελος", "Άννα", "Πέτρος"])
        # (reason, how many) of the forms left out
        for reason, count in [
            ("one_list_only", 20),   # Γιάννης (name days only), Αγγέλλω, Λαμπρινή, ...
            ("shape", 3),            # Αγγελος, Γεροντιος: no accent
            ("already_given", 2),    # Φιλόστρατος, in the lexicon's given names
            ("lexicon_word", 2),     # Παπαδόπουλος, a word of another list
            ("stoplist", 2),         # Γεωργία
            ("place_or_org", 2),     # Αθηνά = Αθήνα once folded
            ("listed_surname", 2),   # Τεστίλιας, the surname of a person of our lists
            ("word_shape", 4),       # Τίμων (= «τιμών»), Χρυσή (an adjective)
        ]:
            self.assertEqual(self.stats[f"given_names_{reason}"], count, reason)
        self.assertEqual(gen.singular_case_forms("αυξεντιοσ"), {"αυξεντιοσ", "αυξεντιου", "αυξεντιο", "αυξεντιε"})

    def test_parlamint_parties(self):
        p = self.rows("parties.tsv")
        # the same party: its id stays, ParlaMint's beside it, its abbreviation joins
        self.assertEqual(p["Q9000100"][6], "parlamint:party.ΝΔ")
        self.assertEqual(names(p["Q9000102"]), ["Ένωση Κεντρώων", "ΕΝ.ΚΕΝ."])
        # a party no list has
        self.assertEqual(p["parlamint:party.ΤΕΣΤ"][2:5], ["Τεστική Συμπαράταξη", "ΤΕ.ΣΤ.", "party"])
        # left out: a name in lower case with a two-letter abbreviation; a party our lists hold
        self.assertNotIn("parlamint:party.ΔΚ", p)
        self.assertNotIn("parlamint:party.ΤΕΣΤΙΛΙΑΣ", p)
        self.assertEqual((self.stats["parlamint_parties_merged"], self.stats["parlamint_parties_new"]), (2, 1))

    def test_parties(self):
        p = self.rows("parties.tsv")
        self.assertEqual(names(p["Q9000100"]), ["Νέα Δημοκρατία", "Ν.Δ.", "ΝΔ"])
        self.assertEqual(p["Q9000101"][5], "exact_case")  # ΛΑΟΣ / λαός
        self.assertEqual(names(p["Q9000102"])[0], "Ένωση Κεντρώων")  # capitals variant merged (+ ParlaMint abbreviation)
        self.assertEqual(names(p["openpatata:party:akel-nd"]), ["ΑΚΕΛ – Αριστερά – Νέες Δυνάμεις", "ΑΚΕΛ", "ΑΚΕΛ–ΝΔ"])
        self.assertEqual(p["openpatata:party:diko"][5], "ambiguous,exact_case")
        # a short name that is one common word of the full name stays out (`Αλληλεγγύη`)
        self.assertEqual(names(p["openpatata:party:kinima-dokimis"]), ["Κίνημα Δοκιμής"])
        self.assertEqual(self.stats["party_short_words_dropped"], 1)
        self.assertEqual(gen.without_leading_article("Το Ποτάμι"), "Ποτάμι")
        self.assertEqual(gen.without_leading_article("Νέα Δημοκρατία"), "Νέα Δημοκρατία")

    def test_deterministic(self):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            for out in (a, b):
                gen.generate(FIXTURE_DATA, out, FIXTURE_STOPLIST, FIXTURE_LEXICON,
                             os.path.join(out, gen.GIVEN_NAMES_FILE))
            for name in FILES + [gen.GIVEN_NAMES_FILE]:
                self.assertTrue(filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False), name)
                with open(os.path.join(a, name), "rb") as f:
                    self.assertNotIn(b"\r", f.read())


@unittest.skipUnless(os.path.isdir(REAL_DATA), "../shared/data is not present")
class RealData(unittest.TestCase):
    """On the real sources: deterministic, and the committed files are up to date."""

    @classmethod
    def setUpClass(cls):
        cls.a = tempfile.TemporaryDirectory()
        cls.b = tempfile.TemporaryDirectory()
        for out in (cls.a.name, cls.b.name):
            gen.generate(REAL_DATA, out, REAL_STOPLIST, REAL_LEXICON, os.path.join(out, gen.GIVEN_NAMES_FILE))

    @classmethod
    def tearDownClass(cls):
        cls.a.cleanup()
        cls.b.cleanup()

    def test_deterministic(self):
        for name in FILES:
            self.assertTrue(filecmp.cmp(os.path.join(self.a.name, name), os.path.join(self.b.name, name), shallow=False), name)

    def test_committed_files_are_up_to_date(self):
        self.assertTrue(filecmp.cmp(os.path.join(self.a.name, gen.GIVEN_NAMES_FILE),
                                    os.path.join(REAL_LEXICON, gen.GIVEN_NAMES_FILE), shallow=False),
                        "lexicon/given_names_open.txt is stale: run python3 tools/gen_gazetteers.py")
        for name in FILES:
            committed = os.path.join(GENERATED, name)
            self.assertTrue(os.path.exists(committed), f"{committed} missing: run tools/gen_gazetteers.py")
            self.assertTrue(filecmp.cmp(os.path.join(self.a.name, name), committed, shallow=False),
                            f"{name} is stale: run python3 tools/gen_gazetteers.py")

    def test_well_formed_and_known_entries(self):
        seen_ids = {}
        for name in FILES:
            _, rows = read_gazetteer(os.path.join(self.a.name, name))
            for r in rows:
                self.assertEqual(len(r), len(rows[0]), r)
                self.assertIn(r[1], {"PER", "LOC", "ORG"})
                self.assertNotIn(r[0], seen_ids, f"{r[0]} in {name} and {seen_ids.get(r[0])}")
                seen_ids[r[0]] = name
        _, rows = read_gazetteer(os.path.join(self.a.name, "countries.tsv"))
        us = rows_by_id(rows)["iso3166:US"]
        for alias in ["ΗΠΑ", "Αμερική"]:
            self.assertIn(alias, names(us))
        _, rows = read_gazetteer(os.path.join(self.a.name, "cities.tsv"))
        self.assertEqual(set(names(rows_by_id(rows)["geonames:1871859"])), {"Πιονγκγιάνγκ", "Πιονγιάνγκ", "Pyongyang"})


if __name__ == "__main__":
    unittest.main()
