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


def _spark(script, *args):
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    out = subprocess.run(
        [sys.executable, str(script), *map(str, args), "--master", "local[2]"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def _run(input_path, output_path):
    stdout = _spark(SCRIPT, input_path, output_path, "--partitions", "3")
    summary = json.loads(stdout.strip().splitlines()[-1])
    return summary, pd.read_parquet(output_path)


def _write_jsonl(path, texts):
    path.write_text(
        "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )


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
        _write_jsonl(source, texts)
    else:
        source = tmp_path / "articles.parquet"
        pd.DataFrame({"id": range(len(texts)), "text": texts}).to_parquet(source)
    summary, frame = _run(source, tmp_path / "out.parquet")
    assert summary["rows"] == len(texts)
    assert summary["entities"] == sum(len(recognizer.extract(t)) for t in texts) > 0
    _check(frame, recognizer, texts)


def test_the_cli_through_rdd_pipe_gives_the_same_entities(tmp_path, recognizer):
    """The way for clusters without the wheel (README, "More than one machine")."""
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.skip("cargo is not installed: the command-line tool cannot be built")
    subprocess.run([cargo, "build", "--quiet", "--release", "-p", "greek-ner-cli"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    tool = os.path.join(target, "release", "greek-ner")
    texts = [t for t in sample_texts() if t] * 3
    _write_jsonl(tmp_path / "articles.jsonl", texts)
    out = tmp_path / "out"
    _spark(ROOT / "python" / "examples" / "spark_rdd_pipe.py", tmp_path / "articles.jsonl", out, "--command", f"{tool} extract --jsonl")
    records = [json.loads(line) for part in sorted(out.glob("part-*")) for line in part.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == list(range(len(texts)))
    for r in records:
        expected = [{k: v for k, v in e.to_dict().items() if v is not None} for e in recognizer.extract(texts[r["id"]])]
        for e in expected:
            e["confidence"] = round(e["confidence"], 3)
        assert r["entities"] == expected
