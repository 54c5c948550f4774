"""The pandas helper: one row per entity, doc labelled by the Series index."""

from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")

import greek_ner  # noqa: E402

from conftest import SENTENCES  # noqa: E402


def test_a_series_becomes_a_long_frame_of_entities(recognizer):
    series = pd.Series(SENTENCES, index=[f"doc{i}" for i in range(len(SENTENCES))])
    frame = greek_ner.to_dataframe(series, recognizer=recognizer, n_threads=2)
    assert list(frame.columns) == [
        "doc", "start", "end", "byte_start", "byte_end", "label", "text",
        "id", "canonical", "kind", "source", "confidence",
    ]
    expected = [
        (f"doc{i}", e.start, e.end, e.label, e.text, e.id)
        for i, text in enumerate(SENTENCES)
        for e in recognizer.extract(text)
    ]
    got = list(frame[["doc", "start", "end", "label", "text", "id"]].itertuples(index=False, name=None))
    assert [tuple(None if pd.isna(v) else v for v in row) for row in got] == expected
    assert len(expected) >= 15
    for row in frame.itertuples():
        assert series[row.doc][row.start : row.end] == row.text
    assert frame["start"].dtype == "int64"


def test_any_iterable_and_no_entities():
    frame = greek_ner.to_dataframe(iter(["Στην Αθήνα.", "τίποτα"]))
    assert frame[["doc", "text"]].values.tolist() == [[0, "Αθήνα"]]
    empty = greek_ner.to_dataframe(["τίποτα εδώ"])
    assert len(empty) == 0 and "label" in empty.columns
