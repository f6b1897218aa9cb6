#!/usr/bin/env python3
"""Run the Spark job of contrib/spark/summarize_audit.py over the raw audit
log fixtures, every case in one Spark session (one JVM start, not thirty).

    spark-submit --master 'local[2]' scripts/spark_fixture_cases.py FIXTURES OUT

For each case folder of FIXTURES (but those listed in FIXTURES/spark-skip.txt)
it writes OUT/<case>/<agent>.json and OUT/<case>.warnings.json (file names
relative to the case), through the same functions as `spark-submit
summarize_audit.py <case> --out DIR`.
"""

import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.join(ROOT, "contrib", "spark"))

import json  # noqa: E402

import summarize_audit  # noqa: E402


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 64
    fixtures, out = (os.path.abspath(path) for path in sys.argv[1:])
    skip = set()
    with open(os.path.join(fixtures, "spark-skip.txt"), encoding="utf-8") as stream:
        skip = {line.split("\t")[0] for line in stream if line.strip()}
    cases = sorted(name for name in os.listdir(fixtures)
                   if os.path.isdir(os.path.join(fixtures, name)) and name not in skip)

    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.appName("dossier summarize audit: fixtures")
             .config("spark.log.level", "WARN").getOrCreate())
    try:
        for case in cases:
            folder = os.path.join(fixtures, case)
            # A case with fields.yaml reads its logs through that mapping (--fields).
            fields = os.path.join(folder, "fields.yaml")
            mapping = summarize_audit.load_fields(fields) if os.path.exists(fields) else {}
            summarize_audit.PATHS = summarize_audit.read_paths(mapping)
            result = summarize_audit.summarize_spark(spark, [folder])
            summarize_audit.write_output(result.summaries(), os.path.join(out, case))
            with open(os.path.join(out, case + ".warnings.json"), "w", encoding="utf-8") as stream:
                json.dump(result.warnings_json(folder), stream, indent=2, sort_keys=True, ensure_ascii=False)
            print(f"spark: {case}: {len(result.tallies)} agents", file=sys.stderr)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
