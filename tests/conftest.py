"""Shared fixtures. Tests never need ../shared unless marked ``shared`` (then they skip without it)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"


def pytest_collection_modifyitems(config, items):
    if (SHARED / "data").exists():
        return
    skip = pytest.mark.skip(reason="../shared is not present (a user's clone): shared-data test skipped")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def nlp():
    from warta.pipeline import shared_pipeline

    return shared_pipeline()


@pytest.fixture(scope="session")
def example_text() -> str:
    return (DATA / "zelenskyy-korea-utara.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_record(example_text):
    import warta

    return warta.extract(example_text, published="2024-10-14", id="zelenskyy-korea-utara")


@pytest.fixture(scope="session")
def indosum_articles() -> list[dict]:
    with open(DATA / "indosum-sample.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="session")
def indosum_records(indosum_articles):
    from warta.api import extract_articles
    from warta.record import Article

    articles = [Article(id=a["id"], text=a["text"], published=a["published"], url=a.get("url")) for a in indosum_articles]
    return list(extract_articles(articles))
