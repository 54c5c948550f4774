"""Shared fixtures: the repository's paths, our own test sentences, the Rust CLI's output."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "article_el.txt"

# Sentences written for these tests: declined and capitalised names, astral-plane
# characters before and inside the text, NFD accents, CRLF line ends, Latin names,
# acronyms, quotes and dashes.
SENTENCES = [
    "Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε στο Βερολίνο με τον καγκελάριο της Γερμανίας.",
    "🇬🇷🇪🇺 Η ΕΥΡΩΠΑΪΚΗ ΕΠΙΤΡΟΠΗ ζήτησε από την Αθήνα νέα στοιχεία 😀 για τον προϋπολογισμό.",
    "«Δεν υπάρχει περιθώριο», δήλωσε ο Βλαντίμιρ Πούτιν 𝄞 μετά τη συνάντηση στη Μόσχα.",
    "Ο υπουργός Εξωτερικών μίλησε με τον ομόλογό του από την Άγκυρα.\r\nΤο ΝΑΤΟ και ο ΟΗΕ απάντησαν.",
    "Στη Θεσσαλονίκη ο δήμαρχος υποδέχθηκε αντιπροσωπεία της UNESCO και του Ερυθρού Σταυρού.",
    "Η Βόρεια Κορέα εκτόξευσε πύραυλο· η Ιαπωνία και η Νότια Κορέα καταδίκασαν την ενέργεια.",
    "Ο Αλέξης Τσίπρας και ο Νίκος Ανδρουλάκης επέκριναν την κυβέρνηση για την ακρίβεια.",
    "Ο Ε\u0301λληνας επίτροπος συναντήθηκε στις Βρυξε\u0301λλες με την Ουρσουλα φον ντερ Λάιεν.",
    "χωρίς ονόματα εδώ, μόνο πεζά γράμματα και αριθμοί 2024",
    "",
]


def sample_texts() -> List[str]:
    """Our sample article, whole, and our own sentences."""
    return [SAMPLE.read_text(encoding="utf-8")] + SENTENCES


@pytest.fixture(scope="session")
def recognizer():
    from greek_ner import Recognizer

    return Recognizer()


@pytest.fixture(scope="session")
def rust_entities() -> Dict[str, List[dict]]:
    """The Rust CLI's entities (`extract --jsonl`) for each of `sample_texts()`, by text."""
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.skip("cargo is not installed: the Rust CLI cannot be run")
    texts = sample_texts()
    lines = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    out = subprocess.run(
        [cargo, "run", "--quiet", "--release", "--example", "extract", "--", "--jsonl"],
        cwd=ROOT,
        input=lines.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    records = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == list(range(len(texts))), records
    return {t: r["entities"] for t, r in zip(texts, records)}
