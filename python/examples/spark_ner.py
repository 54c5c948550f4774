"""Adds an ``entities`` column to a table of Greek articles with Spark, and writes Parquet.

    python spark_ner.py INPUT OUTPUT [--master local[2]] [--format jsonl|parquet]
                        [--text-column text] [--partitions N]
                        [--gazetteer PATH]... [--gazetteer-only]

INPUT is JSONL (one ``{"id": ..., "text": ...}`` object per line; ``*.jsonl``/``*.json``,
or ``--format jsonl``) or Parquet (a file or folder). OUTPUT is a Parquet folder with
every input column plus ``entities``: an array of structs with the fields of the JSONL
output (``start``/``end`` are ``str`` indices of the text).

Each executor's Python worker builds one recognizer, on its first batch, and keeps it
for the tasks that follow (``greek_ner.shared_recognizer``: the package's, not this
script's, so it is not shipped with each task). The executors need the ``greek_ner``
wheel installed, and the files of ``--gazetteer`` at the same path. On a cluster without
the wheel, see "More than one machine" in the README: the JSONL CLI with ``RDD.pipe``.

At the end the job prints one JSON line: rows, bytes of text, entities and seconds.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Iterator, List

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

ENTITY = T.StructType(
    [
        T.StructField("start", T.LongType(), False),
        T.StructField("end", T.LongType(), False),
        T.StructField("byte_start", T.LongType(), False),
        T.StructField("byte_end", T.LongType(), False),
        T.StructField("text", T.StringType(), False),
        T.StructField("label", T.StringType(), False),
        T.StructField("id", T.StringType(), True),
        T.StructField("canonical", T.StringType(), True),
        T.StructField("kind", T.StringType(), True),
        T.StructField("source", T.StringType(), False),
        T.StructField("confidence", T.DoubleType(), False),
    ]
)


def entities_of(options: dict, text_column: str):
    """The ``mapInPandas`` function: each pandas batch gets an ``entities`` column."""

    def add_entities(batches: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:  # noqa: F821
        import greek_ner

        ner = greek_ner.shared_recognizer(**options)
        for batch in batches:
            texts: List[str] = batch[text_column].fillna("").tolist()
            batch["entities"] = [[e.to_dict() for e in ents] for ents in ner.pipe(texts, batch_size=512)]
            yield batch

    return add_entities


def read(spark: SparkSession, path: str, fmt: str) -> DataFrame:
    if fmt == "auto":
        fmt = "jsonl" if path.endswith((".jsonl", ".json", ".jsonl.gz", ".json.gz")) else "parquet"
    return spark.read.json(path) if fmt == "jsonl" else spark.read.parquet(path)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--master", default=None, help="e.g. local[2]; default: what spark-submit gives")
    p.add_argument("--format", default="auto", choices=["auto", "jsonl", "parquet"])
    p.add_argument("--text-column", default="text")
    p.add_argument("--partitions", type=int, default=None, help="repartition the input first")
    p.add_argument("--gazetteer", action="append", default=[], help="a gazetteer TSV (repeatable)")
    p.add_argument("--gazetteer-only", action="store_true")
    args = p.parse_args()

    builder = SparkSession.builder.appName("greek-ner").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")

    articles = read(spark, args.input, args.format)
    if args.partitions:
        articles = articles.repartition(args.partitions)
    options = {"gazetteers": args.gazetteer, "gazetteer_only": args.gazetteer_only}
    schema = T.StructType(articles.schema.fields + [T.StructField("entities", T.ArrayType(ENTITY), False)])

    t = time.perf_counter()
    out = articles.mapInPandas(entities_of(options, args.text_column), schema)
    out.write.mode("overwrite").parquet(args.output)
    seconds = time.perf_counter() - t

    written = spark.read.parquet(args.output)
    stats = written.select(
        F.count(F.lit(1)).alias("rows"),
        F.sum(F.octet_length(F.col(args.text_column))).alias("bytes"),
        F.sum(F.size("entities")).alias("entities"),
    ).first()
    rows, nbytes, entities = stats["rows"], stats["bytes"] or 0, stats["entities"] or 0
    print(
        json.dumps(
            {
                "rows": rows,
                "bytes": nbytes,
                "entities": entities,
                "seconds": round(seconds, 2),
                "rows_per_s": round(rows / seconds, 1),
                "mb_per_s": round(nbytes / seconds / 1e6, 2),
                "partitions": articles.rdd.getNumPartitions(),
                "master": spark.sparkContext.master,
            }
        )
    )
    spark.stop()


if __name__ == "__main__":
    main()
