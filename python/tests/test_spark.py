"""The Spark example job, run as a user runs it, where Java and pyspark are installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
if shutil.which("java") is None:
    pytest.skip("no Java runtime: Spark cannot start", allow_module_level=True)

from conftest import ROOT, sample_texts  # noqa: E402

SCRIPT = ROOT / "python" / "examples" / "spark_ner.py"


def _run(input_path, output_path):
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(input_path), str(output_path), "--master", "local[2]", "--partitions", "3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    return summary, pd.read_parquet(output_path)


def _check(frame, recognizer, texts):
    assert sorted(frame["id"].tolist()) == list(range(len(texts)))
    for row in frame.itertuples():
        text = texts[row.id]
        assert row.text == text
        got = [dict(e) for e in row.entities]
        assert got == [e.to_dict() for e in recognizer.extract(text)], text[:60]
        for e in got:
            assert text[e["start"] : e["end"]] == e["text"]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_the_spark_job_adds_the_entities_of_each_article(tmp_path, recognizer, fmt):
    texts = [t for t in sample_texts() if t] * 3
    if fmt == "jsonl":
        source = tmp_path / "articles.jsonl"
        source.write_text(
            "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
            encoding="utf-8",
        )
    else:
        source = tmp_path / "articles.parquet"
        pd.DataFrame({"id": range(len(texts)), "text": texts}).to_parquet(source)
    summary, frame = _run(source, tmp_path / "out.parquet")
    assert summary["rows"] == len(texts)
    assert summary["entities"] == sum(len(recognizer.extract(t)) for t in texts) > 0
    _check(frame, recognizer, texts)
