"""The spaCy component: doc.ents, kb ids, extension attributes, nlp.pipe, earlier ents."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

import greek_ner  # noqa: E402  (registers the factory)

from conftest import SENTENCES, sample_texts  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("el")
    nlp.add_pipe("greek_ner")
    return nlp


def _spans(doc):
    return [(s.start_char, s.end_char, s.label_, s.kb_id_, s._.ner_source, s._.ner_confidence) for s in doc.ents]


def _expected(ner, text):
    return [(e.start, e.end, e.label, e.id or "", e.source, e.confidence) for e in ner.extract(text)]


def test_the_component_sets_doc_ents_to_the_recognizer_spans(nlp, recognizer):
    total = 0
    for text in sample_texts():
        doc = nlp(text)
        assert _spans(doc) == _expected(recognizer, text), text[:60]
        for span in doc.ents:
            assert span._.ner_canonical is None or isinstance(span._.ner_canonical, str)
        total += len(doc.ents)
    assert total >= 30


def test_nlp_pipe_gives_what_one_call_gives(nlp):
    texts = sample_texts() * 3
    piped = [_spans(d) for d in nlp.pipe(texts, batch_size=4)]
    assert piped == [_spans(nlp(t)) for t in texts]


def test_on_two_threads_too():
    nlp = spacy.blank("el")
    nlp.add_pipe("greek_ner", config={"n_threads": 2})
    one = spacy.blank("el")
    one.add_pipe("greek_ner")
    texts = sample_texts() * 5
    assert [_spans(d) for d in nlp.pipe(texts)] == [_spans(d) for d in one.pipe(texts)]


def test_a_mention_inside_a_token_is_widened_to_the_token(nlp, recognizer):
    # spaCy keeps `@Αθήνα` and `Βερολίνο(Γερμανία` whole; the recognizer finds the names
    # inside. Both widened mentions of the second token cover it: the first is kept.
    text = "Η @Αθήνα και το Βερολίνο(Γερμανία) απάντησαν."
    found = [(e.text, e.id) for e in recognizer.extract(text)]
    assert [t for t, _ in found] == ["Αθήνα", "Βερολίνο", "Γερμανία"]
    ents = [(s.text, s.label_, s.kb_id_) for s in nlp(text).ents]
    assert ents == [("@Αθήνα", "LOC", found[0][1]), ("Βερολίνο(Γερμανία", "LOC", found[1][1])]


def test_earlier_entities_are_kept_unless_overwrite_ents():
    text = "Ο Κυριάκος Μητσοτάκης μίλησε στη Λάρισα."
    for overwrite, expected in [
        (False, [("Κυριάκος Μητσοτάκης", "ORG"), ("Λάρισα", "LOC")]),
        (True, [("Κυριάκος Μητσοτάκης", "PER"), ("Λάρισα", "LOC")]),
    ]:
        nlp = spacy.blank("el")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "ORG", "pattern": "Κυριάκος Μητσοτάκης"}])
        nlp.add_pipe("greek_ner", config={"overwrite_ents": overwrite})
        assert [(s.text, s.label_) for s in nlp(text).ents] == expected


def test_component_options_mirror_the_recognizer(tmp_path):
    mine = tmp_path / "mine.tsv"
    mine.write_text(
        "id\tlabel\tname\taliases\tkind\tflags\ngrner:loc:test-bay\tLOC\tΚόλπος Δοκιμών\t\tbay\t\n",
        encoding="utf-8",
    )
    nlp = spacy.blank("el")
    nlp.add_pipe(
        "greek_ner",
        config={"gazetteers": [str(mine)], "default_gazetteers": False, "gazetteer_only": True},
    )
    doc = nlp("Ψαράδες στον Κόλπο Δοκιμών και στην Αθήνα.")
    assert [(s.text, s.kb_id_, s._.ner_kind) for s in doc.ents] == [("Κόλπο Δοκιμών", "grner:loc:test-bay", "bay")]


def test_a_pipeline_with_the_component_saves_and_loads(tmp_path, nlp):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    text = SENTENCES[0]
    assert _spans(loaded(text)) == _spans(nlp(text))


@pytest.mark.parametrize(
    "imports",
    ["import greek_ner\nimport spacy", "import spacy\nimport greek_ner", "import spacy"],
)
def test_add_pipe_finds_the_factory_whatever_the_import_order(imports):
    # A fresh interpreter each: `import greek_ner` before spaCy (the entry point registers
    # the factory), after it (the package registers it), or not at all (entry point).
    import subprocess
    import sys

    code = imports + (
        "\nnlp = spacy.blank('el')\nnlp.add_pipe('greek_ner')"
        "\nprint([(e.text, e.label_) for e in nlp('Ο Κυριάκος Μητσοτάκης στη Λάρισα.').ents])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[('Κυριάκος Μητσοτάκης', 'PER'), ('Λάρισα', 'LOC')]"
