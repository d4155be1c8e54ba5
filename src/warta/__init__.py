"""warta: offline, Indonesian-first news understanding.

``warta.extract(text, published=…)`` returns a :class:`warta.record.Record`;
``warta.load()`` returns the spaCy pipeline for ``nlp.pipe`` with your own batching.
"""
import logging

__version__ = "0.1.0"
__all__ = ["extract", "extract_articles", "load", "Record", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name):  # lazy: `warta --help` and `import warta` stay fast
    if name in ("extract", "extract_articles", "load"):
        from warta import api

        return getattr(api, name)
    if name == "Record":
        from warta.record import Record

        return Record
    raise AttributeError(name)
