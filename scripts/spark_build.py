#!/usr/bin/env python3
"""Builds a newsgraph graph with Spark: every partition of a JSONL archive is piped through
`newsgraph build` on the executors (RDD.pipe), and the shard graphs come back to the driver
to be joined by `newsgraph merge`. The result is the graph one `newsgraph build` over the whole
archive read from standard input gives, byte for byte.

    spark-submit scripts/spark_build.py ARCHIVE.jsonl GRAPH.json [--partitions N]
        [--newsgraph PATH] [--master URL]
    python3 scripts/spark_build.py ...          # the same in local mode, with PySpark from PyPI

ARCHIVE may be any path Spark reads (hdfs://, s3a://, a local file). Records need an "id":
without one a record's id is its line number within its shard, and `merge` refuses the
repeats. `newsgraph` must be installed at PATH on every executor (default: `newsgraph` on
the PATH); the final merge runs on the driver, which needs it too.
"""
import argparse
import os
import subprocess
import sys
import tempfile

from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", help="JSONL archive, one article per line")
    parser.add_argument("output", help="graph to write (.json, .dot or .gv)")
    parser.add_argument("--partitions", type=int, default=None, help="shards (default: Spark's)")
    parser.add_argument("--newsgraph", default="newsgraph", help="path of the newsgraph binary")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    args = parser.parse_args()

    builder = SparkSession.builder.appName("newsgraph").config("spark.ui.enabled", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        records = spark.sparkContext.textFile(args.archive, minPartitions=args.partitions)
        # One `newsgraph build` per partition: its records in, its graph's JSON lines out.
        # --threads 1: Spark already runs one task per core.
        shards = records.pipe(
            f"{args.newsgraph} build --input-format jsonl --threads 1 --quiet -",
            checkCode=True,
        )
        # The shard graphs stream to the driver one partition at a time into one file of
        # graphs written one after another, which `newsgraph merge` reads as a stream.
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", suffix=".json", delete=False
        ) as stream:
            for line in shards.toLocalIterator():
                stream.write(line)
                stream.write("\n")
    finally:
        spark.stop()
    try:
        subprocess.run(
            [args.newsgraph, "merge", "--quiet", stream.name, "-o", args.output], check=True
        )
    finally:
        os.unlink(stream.name)


if __name__ == "__main__":
    sys.exit(main())
