"""Offline knowledge base: countries, organisations, actors and places, as data in ``kb/data``."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

KB_DATA = Path(str(resources.files(__name__))) / "data"
