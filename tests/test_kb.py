"""The offline actor KB: aliases, dated roles, office holders, the text scanner, the builder."""
from __future__ import annotations

import csv
from datetime import date

import pytest

from warta.kb.build import SOURCES, build
from warta.kb.normalize import alias_key, is_acronym, variant_key
from warta.kb.store import KB


@pytest.fixture(scope="module")
def kb() -> KB:
    return KB.load()


def one(kb: KB, name: str, type_: str | None = None) -> dict:
    ids = kb.lookup(name, type_)
    assert len(ids) == 1, (name, [kb.get(i)["name"] for i in ids])
    return kb.get(ids[0])


@pytest.mark.parametrize("alias,iso3,qid", [
    ("Korut", "PRK", "Q423"), ("Korea Selatan", "KOR", "Q884"), ("AS", "USA", "Q30"),
    ("Amerika Serikat", "USA", "Q30"), ("Tiongkok", "CHN", "Q148"), ("Rusia", "RUS", "Q159"),
    ("Ukraina", "UKR", "Q212"), ("Jerman", "DEU", "Q183"), ("Negeri Jiran", "MYS", None),
])
def test_country_aliases(kb, alias, iso3, qid):
    ent = one(kb, alias, "LOC")
    assert ent["country"] == iso3 and ent["actor"] == iso3
    if qid:
        assert ent["wikidata"] == qid


@pytest.mark.parametrize("alias,qid,actor", [
    ("PBB", "Q1065", "IGOUNO"), ("Perserikatan Bangsa-Bangsa", "Q1065", "IGOUNO"),
    ("NATO", "Q7184", "IGOWSTNAT"), ("Uni Eropa", "Q458", "IGOEUREEC"), ("ASEAN", "Q7768", "IGOSEAASN"),
])
def test_igos(kb, alias, qid, actor):
    ent = one(kb, alias, "ORG")
    assert ent["wikidata"] == qid and ent["actor"] == actor


@pytest.mark.parametrize("alias,actor", [("KPK", "IDNGOV"), ("DPR", "IDNLEG"), ("Polri", "IDNCOP"),
                                         ("TNI", "IDNMIL"), ("Kejaksaan Agung", "IDNJUD"), ("BIN", "IDNSPY")])
def test_indonesian_institutions(kb, alias, actor):
    ent = one(kb, alias, "ORG")
    assert ent["country"] == "IDN" and ent["actor"] == actor


def test_people_have_qids_and_aliases(kb):
    z = one(kb, "Zelensky", "PER")
    assert z["wikidata"] == "Q3874799" and z["country"] == "UKR"
    assert one(kb, "Volodymyr Zelenskiy", "PER") is z
    assert one(kb, "Jokowi", "PER")["name"] == "Joko Widodo"
    assert one(kb, "Kim Jong-un", "PER")["wikidata"] == "Q56226"
    assert one(kb, "Kim Jong Un", "PER") is not one(kb, "Kim Yong-hyun", "PER")


def test_roles_are_dated(kb):
    biden = kb.lookup("Joe Biden", "PER")[0]
    in_office = kb.role_at(biden, date(2024, 10, 14))
    assert (in_office.actor, in_office.role, in_office.current) == ("USAGOV", "Presiden Amerika Serikat", True)
    former = kb.role_at(biden, "2026-01-01")
    assert former.actor == "USAELI" and former.role == "mantan Presiden Amerika Serikat" and not former.current
    prabowo = kb.lookup("Prabowo Subianto", "PER")[0]
    assert kb.role_at(prabowo, "2021-03-01").role == "Menteri Pertahanan"
    assert kb.role_at(prabowo, "2025-03-01").role == "Presiden Indonesia"


def test_office_holder_on_a_date(kb):
    assert kb.get(kb.holder("Presiden Ukraina", "2024-10-14"))["wikidata"] == "Q3874799"
    assert kb.get(kb.holder("Presiden Indonesia", "2017-06-01"))["name"] == "Joko Widodo"
    assert kb.get(kb.holder("Presiden Amerika Serikat", "2018-01-01"))["name"] == "Donald Trump"
    assert kb.holder("Presiden Atlantis", "2018-01-01") is None


def test_scan_is_word_bounded_and_case_aware(kb):
    text = "AS dan Korut bertemu; mereka as usual. Kim Jong Un tiba di Pyongyang. KPKnya bukan KPK."
    found = [(text[s:e], kb.get(i)["name"]) for s, e, i in kb.scan(text)]
    assert ("AS", "Amerika Serikat") in found
    assert ("Kim Jong Un", "Kim Jong Un") in found
    assert not any(surface == "as" for surface, _ in found)
    assert [s for s, _ in found].count("KPK") == 1      # not inside "KPKnya"


def test_normalisation():
    assert alias_key("Kim Jong-un") == alias_key("Kim Jong Un") == "kim jong un"
    assert alias_key("Ma'ruf Amin") == alias_key("Maruf Amin")
    assert variant_key("Zelenskyy") == variant_key("Zelensky") == variant_key("Zelenskiy")
    assert variant_key("Kim") != variant_key("Yong")
    assert is_acronym("PBB") and is_acronym("G20") and not is_acronym("Rusia")


def test_hand_written_leaders_are_well_formed():
    with open(SOURCES / "leaders_hand.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert len(rows) > 150
    for r in rows:
        start = date.fromisoformat(r["start"])
        if r["end"]:
            assert date.fromisoformat(r["end"]) >= start, r
        if r["country"]:
            assert r["actor"].startswith(r["country"]), r
        assert r["role"], r


def test_builder_works_without_shared(tmp_path):
    payload = build(None, tmp_path)
    assert (tmp_path / "kb.msgpack").exists()
    kb = KB(payload)
    assert kb.get(kb.lookup("Jokowi", "PER")[0])["country"] == "IDN"
    assert kb.get(kb.lookup("PBB", "ORG")[0])["wikidata"] == "Q1065"


def test_shipped_kb_loads_and_scans_text():
    """The shipped KB file loads on its own and its name automaton finds names in running text
    (load time is measured by bench/bench_entities.py, not asserted here)."""
    import srsly

    from warta.kb.store import KB_FILE

    kb = KB(srsly.read_msgpack(KB_FILE))
    kb.automaton()
    found = {kb.get(idx)["name"]: kb.get(idx).get("wikidata")
             for _s, _e, idx in kb.scan("Sekjen PBB bertemu Presiden Joko Widodo di Jakarta.")}
    assert found["Joko Widodo"] == "Q3318231" and "Jakarta" in found
