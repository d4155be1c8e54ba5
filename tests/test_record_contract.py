"""The record contract (schema, offsets, ids, references) on real articles and generated text."""
from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.check_record import SCHEMA, problems

VALIDATOR = jsonschema.Draft202012Validator(json.load(open(SCHEMA)))


def assert_valid(record) -> dict:
    data = json.loads(record.to_json())
    assert problems(data, VALIDATOR) == []
    return data


def test_example_article_passes_contract(example_record):
    data = assert_valid(example_record)
    assert data["lang"] == "id"
    assert data["published"] == "2024-10-14"
    assert data["producer"]["name"] == "warta"


def test_example_article_gazetteer_entities(example_record):
    by_name = {e.name: e for e in example_record.entities}
    expected = {"Ukraina": ("UKR", "Q212"), "Rusia": ("RUS", "Q159"), "Korea Utara": ("PRK", "Q423"),
                "Korea Selatan": ("KOR", "Q884"), "Amerika Serikat": ("USA", "Q30"), "Jerman": ("DEU", "Q183")}
    for name, (iso3, qid) in expected.items():
        assert name in by_name, f"{name} missing from {sorted(by_name)}"
        assert (by_name[name].country, by_name[name].wikidata) == (iso3, qid)
    un = [e for e in example_record.entities if e.wikidata == "Q1065"]
    assert un and any(m.text == "PBB" for m in un[0].mentions)
    usa = by_name["Amerika Serikat"]
    assert {"AS", "Amerika Serikat"} <= {m.text for m in usa.mentions}


def test_every_indosum_sample_article_gives_a_valid_record(indosum_records):
    assert len(indosum_records) == 60
    for record in indosum_records:
        assert not hasattr(record, "error"), record
        data = assert_valid(record)
        assert data["sentences"], data["id"]
        assert data["lang"] == "id", (data["id"], data["lang"])


def test_sentences_cover_the_text_in_order(indosum_records):
    for record in indosum_records:
        ends = [s.end for s in record.sentences]
        starts = [s.start for s in record.sentences]
        assert starts == sorted(starts) and all(a <= b for a, b in zip(ends, starts[1:]))
        covered = sum(s.end - s.start for s in record.sentences)
        assert covered >= 0.9 * len(record.text.strip())


def test_tone_counts_words(example_record):
    tone = example_record.tone
    assert tone.words > 300
    assert tone.negative > 0 and tone.positive > 0
    assert tone.score == pytest.approx(tone.positive - tone.negative, abs=1e-3)


text_chars = st.characters(blacklist_categories=("Cs",), min_codepoint=9)
pieces = st.sampled_from(["Presiden", "Joko Widodo", "“Kami", "siap,”", "kata", "dia.", "PBB", "AS", "\n",
                          "  ", "Jl.", "Sudirman", "katanya", "Rusia", "Korea Utara", "(14/10)", "-nya", "é", "👍",
                          "\t", "Senin", "\"", "'", "…", "Yong-hyun", "\r\n"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(pieces, st.text(text_chars, max_size=12)), max_size=40).map(" ".join))
def test_offsets_point_into_the_original_text(nlp, text):
    import warta

    record = warta.extract(text, published="2024-10-14")
    assert record.text == text
    assert_valid(record)
