"""warta_gazetteer: an NER span that glues a country to the person a title names is split; spans lose
the whitespace the NER took along."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from warta.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(exclude=("ner", "warta_entities", "warta_times", "warta_places", "warta_quotes",
                         "warta_events", "warta_tone"))


def _gazetteer(nlp, text: str, glued: tuple[int, int, str]):
    doc = nlp.get_pipe("warta_sentences")(nlp.make_doc(text))
    doc.ents = [Span(doc, *glued)]      # what the NER sometimes outputs
    doc = nlp.get_pipe("warta_gazetteer")(doc)
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def test_title_country_name_is_split(nlp):
    ents = _gazetteer(nlp, "Presiden Turki Erdogan mengecam serangan itu.", (1, 3, "LOC"))
    assert ents == [("Turki", "LOC", "country:TUR"), ("Erdogan", "PER", "")]
    ents = _gazetteer(nlp, "Perdana Menteri Jepang Shinzo Abe tiba di Jakarta.", (2, 5, "PER"))
    assert ents[:2] == [("Jepang", "LOC", "country:JPN"), ("Shinzo Abe", "PER", "")]


def test_without_a_title_or_with_a_name_that_starts_with_a_country_nothing_changes(nlp):
    # no title before: "Paris Jackson" is a person, "Indonesia Corruption Watch" an organisation
    assert _gazetteer(nlp, "Ia bertemu Paris Jackson kemarin.", (2, 4, "PER")) == [("Paris Jackson", "PER", "")]
    assert _gazetteer(nlp, "Menurut Indonesia Corruption Watch , kasus itu besar.", (1, 4, "ORG")) == [
        ("Indonesia Corruption Watch", "ORG", "")]


def test_paragraph_break_is_cut_off_an_entity(nlp):
    """'… hengkang dari Persiba\\n\\nPelatih …': an NER span that takes the break along is trimmed."""
    text = "Abdul Rahman membuka peluang hengkang dari Persiba\n\nPelatih itu belum memberi jawaban."
    doc = nlp.get_pipe("warta_sentences")(nlp.make_doc(text))
    k = [t.i for t in doc if t.text == "Persiba"][0]
    assert doc[k + 1].is_space
    doc.ents = [Span(doc, k, k + 2, label="ORG")]
    doc = nlp.get_pipe("warta_gazetteer")(doc)
    assert ("Persiba", "ORG") in [(e.text, e.label_) for e in doc.ents]
    assert all(e.text == e.text.strip() for e in doc.ents)
