"""QuoteLens as a Spark RDD.pipe() stage.

Each element of the RDD is one document as a JSON line, {"path": ..., "text": ...}; RDD.pipe()
starts one `quotelens analyze --jsonl` process per partition, writes the partition's lines to its
stdin and reads one line back per document, in the same order: the document's sidecar as compact
JSON, or {"path": ..., "error": ...} when the line could not be analysed.

The command below (QUOTELENS_COMMAND) is the one the project's tests pipe 200 generated documents
through (test/faults/scaleout.fault.ts).
"""
import json

from pyspark.sql import SparkSession

# Spark already runs one task per core, so each quotelens process uses one thread (--jobs 1).
QUOTELENS_COMMAND = "quotelens analyze --jsonl --jobs 1 --quiet"

spark = SparkSession.builder.appName("quotelens").getOrCreate()

# (path, text) pairs; json.dumps escapes line breaks, so each document is one line.
documents = spark.sparkContext.wholeTextFiles("s3a://newsroom/articles/*.txt")
lines = documents.map(lambda doc: json.dumps({"path": doc[0], "text": doc[1]}))

# quotelens exits with status 1 when a document failed; PySpark's pipe() ignores the exit status
# by default (checkCode=False), and the failed document has its error line in the output.
results = lines.pipe(QUOTELENS_COMMAND).map(json.loads)

# One output line per input line, in order and in the same partitions: zip gives each result its
# full path back (a sidecar's document.path holds the base name only).
by_path = documents.keys().zip(results)

errors = by_path.filter(lambda pr: "error" in pr[1])
sidecars = by_path.filter(lambda pr: "error" not in pr[1])

for path, error in errors.take(20):
    print(f"{path}: {error['error']}")
sidecars.map(lambda pr: json.dumps({"path": pr[0], "sidecar": pr[1]})).saveAsTextFile("s3a://newsroom/sidecars/")
