"""Entities of JSONL articles on Spark without the Python wheel: the command-line tool
through ``RDD.pipe``.

    python spark_rdd_pipe.py INPUT.jsonl OUTPUT [--master local[2]] [--command "greek-ner extract --jsonl"]

Each partition's ``{"id","text"}`` lines go through one ``greek-ner extract --jsonl``
process on its executor, which answers line N with line N: the output (JSONL text files,
one ``{"id","entities"}`` line per article) keeps each partition's order. The command must
be on every node's PATH (``cargo install --locked --path cli``) or shipped to it.
"""

from __future__ import annotations

import argparse

from pyspark.sql import SparkSession


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--master", default=None)
    p.add_argument("--command", default="greek-ner extract --jsonl")
    args = p.parse_args()

    builder = SparkSession.builder.appName("greek-ner-pipe").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    # The input lines as they are: the tool reads the JSON itself and echoes each id.
    lines = spark.sparkContext.textFile(args.input)
    lines.pipe(args.command).saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
