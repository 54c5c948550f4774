"""The Python recognizer: offsets, agreement with the Rust CLI, pipe, errors."""

from __future__ import annotations

import pytest

import greek_ner
from greek_ner import Entity, Recognizer

from conftest import SENTENCES, sample_texts

HEADER = "id\tlabel\tname\taliases\tkind\tflags\n"


def test_every_entity_is_its_slice_of_the_text(recognizer):
    total = 0
    for text in sample_texts():
        encoded = text.encode("utf-8")
        for e in recognizer.extract(text):
            assert text[e.start : e.end] == e.text
            assert encoded[e.byte_start : e.byte_end].decode("utf-8") == e.text
            total += 1
    assert total >= 30


def test_offsets_count_astral_plane_characters_as_one(recognizer):
    text = "😀🇬🇷 Η Αθήνα"
    (athens,) = recognizer.extract(text)
    assert (athens.start, athens.end) == (6, 11)
    assert (athens.byte_start, athens.byte_end) == (16, 26)
    assert text[athens.start : athens.end] == "Αθήνα"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Paris and London", "London"),  # ASCII: CPython stores one byte a char
        ("Café à Paris, London", "London"),  # Latin-1, one byte a char, not UTF-8
        ("Στο Λονδίνο", "Λονδίνο"),  # two bytes a char
        ("📰 Στο Λονδίνο", "Λονδίνο"),  # four bytes a char
        ("\x7f\x80\u07ff\u0800\ufffd Στο Λονδίνο", "Λονδίνο"),  # each UTF-8 length's edges
        ("\u07ff\u0800\uffff\U00010000\U0010ffff Στο Λονδίνο", "Λονδίνο"),
    ],
)
def test_offsets_whatever_way_python_stores_the_str(recognizer, text, name):
    found = [e for e in recognizer.extract(text) if e.text == name]
    assert len(found) == 1, recognizer.extract(text)
    (e,) = found
    assert (e.start, e.end) == (text.index(name), text.index(name) + len(name))
    assert (e.byte_start, e.byte_end) == (
        len(text[: e.start].encode("utf-8")),
        len(text[: e.end].encode("utf-8")),
    )
    assert recognizer._extract_batch([text, text], 2) == [recognizer.extract(text)] * 2


def _jsonl_view(e: Entity) -> dict:
    """An entity as the JSONL writes it: unknown fields left out, confidence to 3 places."""
    d = {k: v for k, v in e.to_dict().items() if v is not None}
    d["confidence"] = round(d["confidence"], 3)
    return d


def test_entities_are_those_of_the_rust_cli(recognizer, rust_entities):
    for text in sample_texts():
        assert [_jsonl_view(e) for e in recognizer.extract(text)] == rust_entities[text], text[:60]
    assert sum(map(len, rust_entities.values())) >= 30


def test_options_are_those_of_the_rust_cli_too(tmp_path):
    mine = tmp_path / "mine.tsv"
    mine.write_text(HEADER + "grner:org:test-ideas\tORG\tΙνστιτούτο Δοκιμαστικών Ιδεών\t\tthink_tank\t\n", encoding="utf-8")
    text = "Το Ινστιτούτο Δοκιμαστικών Ιδεών και ο ΣΥΡΙΖΑ σχολίασαν την έκθεση του Γιάννη Παπαδόπουλου."
    ner = Recognizer(gazetteers=[mine])
    found = {e.text: e for e in ner.extract(text)}
    assert found["Ινστιτούτο Δοκιμαστικών Ιδεών"].id == "grner:org:test-ideas"
    assert found["Ινστιτούτο Δοκιμαστικών Ιδεών"].source == "gazetteer:mine.tsv:2"
    default = {e.text: e for e in Recognizer().extract(text)}
    assert "Ινστιτούτο Δοκιμαστικών Ιδεών" not in default or default["Ινστιτούτο Δοκιμαστικών Ιδεών"].id is None
    only_mine = Recognizer(gazetteers=[str(mine)], default_gazetteers=False, gazetteer_only=True)
    assert [e.text for e in only_mine.extract(text)] == ["Ινστιτούτο Δοκιμαστικών Ιδεών"]
    lookup = Recognizer(gazetteer_only=True).extract(text)
    assert all(e.source.startswith("gazetteer:") for e in lookup)


def test_learn_iob2_adds_the_corpus_names(tmp_path):
    corpus = tmp_path / "mine.iob2"
    corpus.write_text("Ο O\nΖαχαρίας B-PER\nΚουκουλάκης I-PER\nείπε O\n. O\n", encoding="utf-8")
    ner = Recognizer(learn_iob2=[corpus], default_gazetteers=False)
    (e,) = ner.extract("Χθες ο Ζαχαρίας Κουκουλάκης απάντησε.")
    assert (e.text, e.label, e.source) == ("Ζαχαρίας Κουκουλάκης", "PER", "gazetteer:learned:mine.iob2:2")


def test_pipe_on_two_threads_gives_the_one_thread_output_in_order(recognizer):
    texts = [t for _ in range(40) for t in sample_texts()]
    texts += [s[: i * 7] for i, s in enumerate(SENTENCES * 4)]  # many lengths, empty ones
    one = [[e.to_dict() for e in ents] for ents in recognizer.pipe(texts, batch_size=37, n_threads=1)]
    two = [[e.to_dict() for e in ents] for ents in recognizer.pipe(iter(texts), batch_size=37, n_threads=2)]
    assert len(one) == len(texts)
    assert one == two
    assert one == [[e.to_dict() for e in recognizer.extract(t)] for t in texts]


def test_pipe_is_a_lazy_generator(recognizer):
    import types

    consumed = []

    def texts():
        for i, s in enumerate(SENTENCES):
            consumed.append(i)
            yield s

    gen = recognizer.pipe(texts(), batch_size=2)
    assert isinstance(gen, types.GeneratorType)
    assert consumed == []
    next(gen)
    assert consumed == [0, 1]


def test_entity_api(recognizer):
    (e,) = recognizer.extract("Στην Αθήνα.")
    d = e.to_dict()
    assert list(d) == [
        "start", "end", "byte_start", "byte_end", "text", "label",
        "id", "canonical", "kind", "source", "confidence",
    ]
    assert (d["text"], d["label"], d["canonical"], d["kind"]) == ("Αθήνα", "LOC", "Αθήνα", "city")
    assert 0 < e.confidence <= 1
    assert repr(e).startswith("Entity(text='Αθήνα', label='LOC', start=5, end=10, id=")
    assert e == recognizer.extract("Στην Αθήνα.")[0]
    assert e != recognizer.extract("Την Αθήνα.")[0]
    with pytest.raises(AttributeError):
        e.label = "PER"


@pytest.mark.parametrize(
    "call, exception, message",
    [
        (lambda ner: ner.extract(42), TypeError, "text must be str, not int"),
        (lambda ner: ner.extract(b"\xce\x91"), TypeError, "not bytes"),
        (lambda ner: ner.extract(None), TypeError, "not NoneType"),
        (lambda ner: list(ner.pipe(["Αθήνα", 3.5])), TypeError, "text 1 must be str, not float"),
        (lambda ner: list(ner.pipe("Αθήνα", batch_size=0)), ValueError, "batch_size"),
        (lambda ner: list(ner.pipe(["Αθήνα"], n_threads=0)), ValueError, "n_threads"),
        (lambda ner: ner.extract("\ud800 Αθήνα"), UnicodeEncodeError, "surrogate"),
        (lambda ner: Recognizer(gazetteers="mine.tsv"), TypeError, "not a single str or path"),
        (lambda ner: Recognizer(disable_rules="person_title"), TypeError, "not a single str"),
        (lambda ner: Recognizer(gazetteers=[1]), TypeError, "os.PathLike object, not int"),
        (lambda ner: Recognizer(unknown=True), TypeError, "unknown"),
    ],
)
def test_bad_inputs_raise(recognizer, call, exception, message):
    with pytest.raises(exception, match=message):
        call(recognizer)


@pytest.mark.parametrize(
    "body, where",
    [
        ("x1\tPERSONA\tΚάποιος\t\t\t\n", r"bad\.tsv:3: field `label`"),
        ("x1\tPER\n", r"bad\.tsv:3: "),
        ("x1\tPER\tΚάποιος\t\t\tloud\n", r"bad\.tsv:3: field `flags`"),
    ],
)
def test_a_bad_gazetteer_is_a_value_error_naming_file_and_line(tmp_path, body, where):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# comment\n" + HEADER + body, encoding="utf-8")
    with pytest.raises(ValueError, match=where):
        Recognizer(gazetteers=[bad])


def test_a_bad_corpus_is_a_value_error_naming_file_and_line(tmp_path):
    bad = tmp_path / "bad.iob2"
    bad.write_text("Ο O\n\nΑνδρέας Χ-PER\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.iob2:3"):
        Recognizer(learn_iob2=[bad])


def test_a_missing_file_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.tsv"):
        Recognizer(gazetteers=[tmp_path / "nowhere.tsv"])


def test_import_does_not_load_spacy_or_pandas():
    import subprocess
    import sys

    code = "import sys, greek_ner; print('spacy' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
    assert greek_ner.__version__


def test_offsets_after_random_text_from_every_plane(recognizer):
    import random

    rng = random.Random(16)
    planes = [(0x20, 0x7E), (0xA0, 0xFF), (0x100, 0x7FF), (0x800, 0xD7FF), (0xE000, 0xFFFD), (0x10000, 0x10FFFF)]

    def noise(n):
        return "".join(chr(rng.randint(*rng.choice(planes))) for _ in range(n))

    texts = [noise(rng.randint(0, 40)) + " Στο Λονδίνο " + noise(rng.randint(0, 40)) for _ in range(300)]
    for text, entities in zip(texts, recognizer.pipe(texts, batch_size=64, n_threads=2)):
        (e,) = [e for e in entities if e.text == "Λονδίνο"]
        assert text[e.start : e.end] == "Λονδίνο"
        assert len(text[: e.start].encode("utf-8")) == e.byte_start
        for other in entities:
            assert text[other.start : other.end] == other.text
            assert text.encode("utf-8")[other.byte_start : other.byte_end] == other.text.encode("utf-8")


def test_the_package_docstring_examples_run():
    import doctest

    failed, attempted = doctest.testmod(greek_ner)
    assert attempted >= 3 and failed == 0


@pytest.mark.parametrize("n_threads", [1, 2])
def test_the_gil_is_released_while_the_recognizer_works(recognizer, n_threads):
    # With a switch interval of 100 s, another Python thread runs only while this one
    # waits without the GIL: its ticks during the call prove the call released it.
    import sys
    import threading
    import time

    texts = sample_texts() * 300
    ticks, done = [], threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            time.sleep(0.0002)

    old = sys.getswitchinterval()
    sys.setswitchinterval(100)
    thread = threading.Thread(target=tick)
    try:
        thread.start()
        ticks.clear()
        recognizer._extract_batch(texts, n_threads)
        during = len(ticks)
    finally:
        done.set()
        thread.join()
        sys.setswitchinterval(old)
    assert during > 0


def test_a_recognizer_pickles_as_its_options(tmp_path):
    import pickle

    mine = tmp_path / "mine.tsv"
    mine.write_text(HEADER + "grner:loc:test-bay\tLOC\tΚόλπος Δοκιμών\t\tbay\t\n", encoding="utf-8")
    ner = Recognizer(gazetteers=[mine], default_gazetteers=False)
    copy = pickle.loads(pickle.dumps(ner))
    text = "Στον Κόλπο Δοκιμών και στην Αθήνα."
    assert [e.to_dict() for e in copy.extract(text)] == [e.to_dict() for e in ner.extract(text)]
    assert copy.extract(text)[0].id == "grner:loc:test-bay"
    assert pickle.loads(pickle.dumps(copy)) is copy  # one per process and options
    assert pickle.loads(pickle.dumps(Recognizer())).entry_count == Recognizer().entry_count


def test_train_save_and_load_a_model(tmp_path):
    from conftest import ROOT

    corpus = ROOT / "tests" / "data" / "learn_mini.iob2"  # the project's own test corpus
    trained = Recognizer(train_iob2=[corpus])
    assert trained.has_model and not Recognizer().has_model
    path = tmp_path / "mine.model"
    trained.save_model(path)
    loaded = Recognizer(model=path)
    assert loaded.has_model
    for text in sample_texts():
        assert [e.to_dict() for e in loaded.extract(text)] == [e.to_dict() for e in trained.extract(text)]
    with pytest.raises(ValueError, match="no model to save"):
        Recognizer().save_model(tmp_path / "none.model")
    (tmp_path / "bad.model").write_bytes(b"not a model")
    with pytest.raises(ValueError, match="bad.model"):
        Recognizer(model=tmp_path / "bad.model")



def test_patterns_veto_and_disabled_rules(tmp_path):
    patterns = tmp_path / "mine.jsonl"
    patterns.write_text(
        '{"name":"band","label":"ORG","pattern":[{"LOWER":"συγκροτημα"},{"IS_TITLE":true,"OP":"+"}],"entity":[1,2]}\n',
        encoding="utf-8",
    )
    veto = tmp_path / "veto.txt"
    veto.write_text("# names never to tag\nΛάρισα\n", encoding="utf-8")
    text = "Το ΣΥΓΚΡΟΤΗΜΑ Ξύλινα Σπαθιά έπαιξε στη Λάρισα και στην Πάτρα."
    assert "Λάρισα" in {e.text for e in Recognizer().extract(text)}
    ner = Recognizer(patterns=[patterns], veto=[veto])
    found = {e.text: e for e in ner.extract(text)}
    assert found["Ξύλινα Σπαθιά"].source == "pattern:band"
    assert found["Ξύλινα Σπαθιά"].label == "ORG"
    assert "Λάρισα" not in found and "Πάτρα" in found
    with pytest.raises(ValueError, match="no_such_rule"):
        Recognizer(disable_rules=["no_such_rule"])
    (tmp_path / "bad.jsonl").write_text('{"name":"x","label":"ORG"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:1"):
        Recognizer(patterns=[tmp_path / "bad.jsonl"])


@pytest.mark.parametrize(
    "text, rule",
    [("Ο πρόεδρος Ζαχαρίας Κουκουλάκης απάντησε.", "person_title")],
)
def test_a_disabled_rule_finds_nothing(text, rule):
    with_rule = [e for e in Recognizer().extract(text) if e.source == f"rule:{rule}"]
    assert with_rule, Recognizer().extract(text)
    without = Recognizer(disable_rules=[rule]).extract(text)
    assert not [e for e in without if e.source == f"rule:{rule}"]
