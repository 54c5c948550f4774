#!/usr/bin/env bash
# Runs the Spark job (spark_ner.py) on this machine with `local[2]`: two executor threads,
# each with its own Python worker and recognizer. Needs the package (`pip install ./python`),
# `pip install pyspark pyarrow pandas` and a Java runtime (Debian: default-jre-headless).
#
#   python/examples/run_spark_local.sh [INPUT [OUTPUT]]
#
# Without INPUT it makes one: MB megabytes (default 20) of news-style articles that the
# authors' own templates generate (`cargo run --example throughput -- --write-text`), one
# `{"id","text"}` line per paragraph. OUTPUT defaults to a folder in $TMPDIR. It prints the
# job's JSON summary line (rows, bytes, entities, seconds, rows/s, MB/s).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

input="${1:-}"
output="${2:-$work/entities.parquet}"
if [ -z "$input" ]; then
  (cd "$root" && cargo run --quiet --release --example throughput -- --write-text "$work/news.txt" --mb "${MB:-20}")
  python3 - "$work/news.txt" "$work/news.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, line in enumerate(l for l in src if l.strip()):
        out.write(json.dumps({"id": i, "text": line.rstrip("\n")}, ensure_ascii=False) + "\n")
PY
  input="$work/news.jsonl"
fi

# Spark on this machine alone: bound to the loopback interface.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# The driver's and the workers' Python: the one that has greek_ner installed.
export PYSPARK_PYTHON="${PYSPARK_PYTHON:-$(command -v python3)}"
export PYSPARK_DRIVER_PYTHON="$PYSPARK_PYTHON"
"$PYSPARK_PYTHON" "$here/spark_ner.py" "$input" "$output" --master "local[2]" --partitions "${PARTITIONS:-4}"
