"""Reading corpora (JSONL, IndoSum, Parquet, CSV, .txt folders) and writing records."""
from .readers import InputArticle, InputError, content_hash, count_inputs, read_inputs
from .writers import write_jsonl, write_parquet

__all__ = ["InputArticle", "InputError", "content_hash", "count_inputs", "read_inputs",
           "write_jsonl", "write_parquet"]
