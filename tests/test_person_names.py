"""The person-name rules after the NER (warta.components.person_names) on real news sentences.

Sentences are from IndoSum (CC BY-SA 4.0) and the NERGrit / NER-UGM dev splits (see
``docs/accuracy.md``), tokenised as the pipeline does; the NER's output is set by hand in
the ``ents`` tags, so each rule is tested on its own.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from warta.components.person_names import add_person_names, name_tables


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("id").vocab


def ents_of(doc):
    return [(e.text, e.label_) for e in doc.ents]


def make(vocab, text, tags=None):
    words = text.split()
    return Doc(vocab, words=words, ents=tags.split() if tags else None)


def test_list_keeps_names_and_drops_ordinary_and_place_words():
    given, words = name_tables()
    for name in ("siti", "budi", "muhammad", "joko", "sri", "bambang"):
        assert name in given, name
    for word in ("jaya", "indah", "kota", "bandung", "jakarta", "presiden", "menteri"):
        assert word not in words, word
    assert "saputra" in words and "saputra" not in given     # a surname, not a given name


def test_given_name_run_missed_by_the_ner_becomes_a_person(vocab):
    doc = add_person_names(make(vocab, "Suara.com - Nadine Syahria tak pernah membayangkan dirinya akan menjadi artis"))
    assert ents_of(doc) == [("Nadine Syahria", "PER")]
    doc = add_person_names(make(vocab, "Setelah Arief , Ilham Samudera menyampaikan harapannya agar warga ikut menjaga"))
    assert ("Ilham Samudera", "PER") in ents_of(doc)


def test_run_is_not_cut_out_of_a_longer_capitalised_name(vocab):
    # "I Made Dana M. Tangkas": the name starts before "Made", so "Made Dana" alone is not taken
    doc = add_person_names(make(vocab, "Ketua IOI , I Made Dana M. Tangkas mengatakan hal itu"))
    assert ents_of(doc) == []
    # a given name followed by ordinary capitalised title words is not a person
    doc = add_person_names(make(vocab, "film Poppy The Untold Story tayang pekan depan"))
    assert ents_of(doc) == []


def test_run_overlapping_an_entity_or_lower_case_is_left_alone(vocab):
    doc = add_person_names(make(vocab, "dirawat di Rumah Sakit Siti Khadijah Sidoarjo", "O O B-ORG I-ORG I-ORG I-ORG B-LOC"))
    assert ents_of(doc) == [("Rumah Sakit Siti Khadijah", "ORG"), ("Sidoarjo", "LOC")]
    doc = add_person_names(make(vocab, "nadine syahria tak pernah membayangkan"))   # NERP-style text
    assert ents_of(doc) == []


def test_person_span_grows_left_to_a_given_name(vocab):
    doc = add_person_names(make(vocab, "wartawan Timothy John Russert meninggal dunia", "O O B-PER I-PER O O"))
    assert ents_of(doc) == [("Timothy John Russert", "PER")]
    # a title before the name is not a given name
    doc = add_person_names(make(vocab, "kata Presiden Joko Widodo di Jakarta", "O O B-PER I-PER O B-LOC"))
    assert ents_of(doc) == [("Joko Widodo", "PER"), ("Jakarta", "LOC")]


def test_org_made_of_name_words_becomes_a_person_unless_the_kb_knows_it(vocab):
    doc = add_person_names(make(vocab, "kata Suryo Palih kepada wartawan", "O B-ORG I-ORG O O"))
    assert ents_of(doc) == [("Suryo Palih", "PER")]
    doc = add_person_names(make(vocab, "Kiper Lionel Messi mencetak gol", "O B-LOC I-LOC O O"))
    assert ents_of(doc) == [("Lionel Messi", "PER")]
    doc = make(vocab, "kata Suryo Palih kepada wartawan", "O B-ORG I-ORG O O")
    doc.ents = [doc.char_span(5, 16, label="ORG", kb_id="org:x")]
    assert ents_of(add_person_names(doc)) == [("Suryo Palih", "ORG")]
    doc = add_person_names(make(vocab, "nasabah Bank Mandiri mengeluh", "O B-ORG I-ORG O"))
    assert ents_of(doc) == [("Bank Mandiri", "ORG")]


def test_person_span_is_cut_at_an_unclosed_parenthesis(vocab):
    doc = add_person_names(make(vocab, "dilantik oleh Presiden Joko Widodo ( Jokowi ) di Istana",
                                "O O O B-PER I-PER I-PER I-PER O O O"))
    assert ents_of(doc) == [("Joko Widodo", "PER")]
    doc = add_person_names(make(vocab, "Susilo Bambang Yudhoyono ( SBY ) berpidato",
                                "B-PER I-PER I-PER I-PER I-PER I-PER O"))
    assert ents_of(doc) == [("Susilo Bambang Yudhoyono ( SBY )", "PER")]


def test_the_pipeline_runs_the_rules_after_the_gazetteer():
    from warta.pipeline import load

    nlp = load(exclude=["warta_entities", "warta_times", "warta_places", "warta_quotes", "warta_events",
                        "warta_tone"])
    doc = nlp("Suara.com - Nadine Syahria tak pernah membayangkan dirinya akan menjadi artis.")
    assert ("Nadine Syahria", "PER") in ents_of(doc)
    doc = nlp("Kemarin malam Presiden Joko Widodo (Jokowi) dilantik di Jakarta.")
    assert all("(" not in e.text for e in doc.ents if e.label_ == "PER")
