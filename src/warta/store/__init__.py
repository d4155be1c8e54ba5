"""Embedded DuckDB corpus store; tables derived from ``warta.record`` (see ``schema.py``)."""
from .duck import Store

__all__ = ["Store"]
