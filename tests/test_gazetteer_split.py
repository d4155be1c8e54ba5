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


def _retyped(nlp, text: str, name: str, occurrence: int = 0):
    """Run the gazetteer on ``text`` with ``name`` (its n-th occurrence) tagged PER, as the NER does."""
    doc = nlp.get_pipe("warta_sentences")(nlp.make_doc(text))
    starts = [t.i for t in doc if doc[t.i:t.i + len(name.split())].text == name]
    i = starts[occurrence]
    doc.ents = [Span(doc, i, i + len(name.split()), label="PER")]
    doc = nlp.get_pipe("warta_gazetteer")(doc)
    return next(e.label_ for e in doc.ents if e.start == i)


def test_a_foreign_town_tagged_person_becomes_a_place_when_the_article_names_its_country(nlp):
    # the example article's last sentence; and an IndoSum report (1513046700) listing West Bank towns
    kharkiv = ("Pada bulan April, pemantau sanksi PBB mengatakan puing-puing dari rudal yang menghantam Kharkiv "
               "pada tanggal 2 Januari berasal dari rudal balistik seri Hwasong-11 Korea Utara. Rusia terus "
               "menyerang kota-kota di Ukraina.")
    assert _retyped(nlp, kharkiv, "Kharkiv") == "LOC"
    hebron = "Kantor perwakilan itu melayani warga di seluruh wilayah Palestina, termasuk Hebron dan Ramallah."
    assert _retyped(nlp, hebron, "Hebron") == "LOC"
    # with a locative word right before it the country is not needed ("menuju Kochi", IndoSum 1498028400)
    assert _retyped(nlp, "Pesawat itu terbang dari Dammam menuju Kochi pada pukul 02.55.", "Kochi") == "LOC"


def test_a_town_name_used_as_a_person_stays_a_person(nlp):
    # the same name as a speaker, as part of a full name, or acting as a subject
    assert _retyped(nlp, "Lewis Hamilton meraih pole position di Kanada. Hamilton mengatakan ia senang.",
                    "Hamilton") == "PER"
    assert _retyped(nlp, "“Kami siap,” kata Kharkiv, warga Ukraina itu.", "Kharkiv") == "PER"
    assert _retyped(nlp, "Di Zimbabwe, sebagai hadiahnya, Epworth mendapatkan uang US$ 500.", "Epworth") == "PER"
    # without the country or a locative word there is no evidence either way: the NER's type stands
    assert _retyped(nlp, "Pesawat itu meninggalkan Sapporo dan terbang ke Tokyo.", "Sapporo") == "PER"
