"""warta on Spark (or any Arrow engine): ``extract_batch(pyarrow.RecordBatch) -> RecordBatch``.

``extract_batch`` is engine-independent: it takes a batch with a ``text`` column (or IndoSum
``paragraphs``) and optional ``id``, ``title``, ``published``, ``url``, ``source`` columns,
and returns one row per input row with the article columns, the full JSON ``record`` and an
``error`` (null when the article was processed). It uses the batch's own extractor
(``warta.batch.pipeline_extractor``: same checks, ``nlp.pipe`` and ``record_from_doc`` as
``warta extract``), loaded once per Python process and kept for every later batch, which on
Spark means once per Python worker (workers are reused by default).

``extract_df(df)`` applies it to a Spark DataFrame through ``mapInArrow``; ``warta spark INPUT
OUTPUT`` reads a corpus, runs ``extract_df`` and writes Parquet. Install with
``pip install 'warta[spark]'`` (pyspark + pandas<3) and a Java 17 runtime.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterator, Optional

import typer

if TYPE_CHECKING:       # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["OUTPUT_COLUMNS", "output_schema", "SPARK_SCHEMA", "extract_batch", "extract_df", "read_corpus", "run_spark", "spark_session", "spark_cli"]

OUTPUT_COLUMNS = ("id", "published", "title", "url", "source", "record", "error")
SPARK_SCHEMA = ", ".join(f"{name} string" for name in OUTPUT_COLUMNS)
INPUT_COLUMNS = ("id", "text", "title", "published", "url", "source", "paragraphs", "source_url")  # last two: IndoSum

_PROCESS = None


def _process():
    """The extractor of this process, built on first use (the model loads once)."""
    global _PROCESS
    if _PROCESS is None:
        from .batch import pipeline_extractor
        from .fastops import single_threaded_blas

        single_threaded_blas()      # Spark runs one Python worker per core
        _PROCESS = pipeline_extractor()
    return _PROCESS


def output_schema() -> "pa.Schema":
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in OUTPUT_COLUMNS])


def extract_batch(batch: "pa.RecordBatch") -> "pa.RecordBatch":
    """Articles in, records out: one output row per input row, in order."""
    import pyarrow as pa

    from .io.readers import InputError, from_row

    out: dict[str, list] = {name: [] for name in OUTPUT_COLUMNS}
    todo, items = [], []
    for i, row in enumerate(batch.to_pylist()):
        item = from_row({k: v for k, v in row.items() if v is not None}, f"row {i + 1}")
        items.append(item)
        if not isinstance(item, InputError):
            todo.append({"id": item.id, "text": item.text, "title": item.title,
                         "published": item.published, "url": item.url})
    results = iter(_process()(todo) if todo else [])
    for item in items:
        if isinstance(item, InputError):
            vals = dict(id=item.id, error=item.error)
        else:
            art_id, rec_json, err = next(results)
            vals = dict(id=art_id, published=item.published, title=item.title, url=item.url,
                        source=item.source, record=rec_json, error=err)
        for name in out:
            out[name].append(vals.get(name))
    return pa.RecordBatch.from_pydict(out, schema=output_schema())


def _map_batches(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
    for batch in batches:
        yield extract_batch(batch)


def extract_df(df: "DataFrame") -> "DataFrame":
    """A DataFrame of articles -> a DataFrame of records (``SPARK_SCHEMA``), via mapInArrow."""
    from pyspark.sql import functions as F

    cols = [c for c in INPUT_COLUMNS if c in df.columns]
    if "text" not in cols and "paragraphs" not in cols:
        raise ValueError(f"no 'text' column in {df.columns}")
    df = df.select(*[F.col(c) if c == "paragraphs" else F.col(c).cast("string").alias(c) for c in cols])
    return df.mapInArrow(_map_batches, SPARK_SCHEMA)


def spark_session(master: Optional[str] = None, app_name: str = "warta", batch_rows: int = 64) -> "SparkSession":
    """A session with the settings that work offline here (Java 17, PYSPARK_PYTHON, JVM flags).

    ``master=None`` keeps the master spark-submit configured, else uses ``local[2]``.
    """
    from pyspark.sql import SparkSession

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:     # not under spark-submit
        master = "local[2]"
    if master and master.startswith("local"):
        # local workers must run this interpreter (its venv has warta); cluster nodes bring their own
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    jvm = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
    return (builder
            .config("spark.ui.enabled", "false")
            .config("spark.driver.extraJavaOptions", jvm)
            .config("spark.executor.extraJavaOptions", jvm)
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch_rows))
            .config("spark.python.worker.reuse", "true")
            .getOrCreate())


def read_corpus(spark: "SparkSession", path: str) -> "DataFrame":
    """JSONL / IndoSum jsonl, Parquet, CSV, or a folder of .txt files as a DataFrame of articles."""
    from pyspark.sql import functions as F

    p = Path(path)
    suffixes = {f.suffix.lower() for f in p.rglob("*") if f.is_file()} if p.is_dir() else {p.suffix.lower()}
    if ".parquet" in suffixes:
        return spark.read.parquet(path)
    if suffixes & {".jsonl", ".ndjson", ".json"}:
        pattern = path if not p.is_dir() else str(p / "*.json*")
        return spark.read.json(pattern)
    if ".csv" in suffixes:
        return spark.read.option("header", True).option("multiLine", True).option("escape", '"').csv(path)
    if ".txt" in suffixes:
        pattern = path if not p.is_dir() else str(p / "**" / "*.txt")
        df = spark.read.option("wholetext", True).option("recursiveFileLookup", p.is_dir()).text(pattern)
        name = F.regexp_extract(F.input_file_name(), r"([^/]+)\.txt$", 1)
        return df.select(name.alias("id"), F.col("value").alias("text"))
    return spark.read.parquet(path)     # remote paths and extension-less folders: Parquet


def run_spark(spark: "SparkSession", input: str, output: str, partitions: Optional[int] = None) -> tuple[int, int]:
    """Read ``input``, extract, write Parquet to ``output``; returns (ok, errors)."""
    df = read_corpus(spark, input)
    if "id" in df.columns:
        df = df.dropDuplicates(["id"])      # one record per id, as `warta batch` stores them
    # enough partitions to keep every core busy (one Python worker, one model, per core)
    partitions = partitions or max(spark.sparkContext.defaultParallelism, 1)
    if df.rdd.getNumPartitions() != partitions:
        df = df.repartition(partitions)
    extract_df(df).write.mode("overwrite").parquet(output)
    res = spark.read.parquet(output)
    total = res.count()
    errors = res.filter("error IS NOT NULL").count()
    return total - errors, errors


def spark_cli(
    input: Annotated[str, typer.Argument(help="JSONL / IndoSum / Parquet / CSV file or folder, or .txt folder")],
    output: Annotated[str, typer.Argument(help="Parquet folder to write (overwritten)")],
    master: Annotated[Optional[str], typer.Option(help="Spark master (default: the one spark-submit set, else local[2])")] = None,
    partitions: Annotated[Optional[int], typer.Option(help="input partitions (default: Spark's default parallelism)")] = None,
) -> None:
    """Extract a corpus with Spark; writes id, published, title, url, source, record, error."""
    started = time.monotonic()
    spark = spark_session(master)
    try:
        ok, errors = run_spark(spark, input, output, partitions)
    finally:
        spark.stop()
    seconds = time.monotonic() - started
    typer.echo(f"ok={ok} errors={errors} in {seconds:.1f}s ({ok / seconds:.1f} articles/s) -> {output}")


if __name__ == "__main__":
    typer.run(spark_cli)
