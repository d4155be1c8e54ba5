"""The places stage takes the NER's LOC spans as candidates; a lower-case span is the NER's slip
when the name, written so, is an ordinary word (lang/places_context.tsv ``lower_word`` rows and the
table's '~' words), while a lower-case country or city that is no word is still a place."""
from __future__ import annotations

from warta.components.places import find_places


def _places(text: str, loc: str) -> list[str]:
    s = text.index(loc)
    return [p.text for p in find_places(text, ents=[(s, s + len(loc), "LOC")])]


def test_lower_case_word_tagged_loc_is_no_place():
    # the example article; two IndoSum sentences (1487329233, 1518892200)
    assert _places("Korea Utara mengirimkan tentara untuk membantu Rusia di medan perang di Ukraina.", "medan") \
        == ["Korea Utara", "Rusia", "Ukraina"]
    assert _places("Muchtar menyebut penampilan gelandang serang asal Liberia itu bagus.", "serang") == ["Liberia"]
    assert _places("Kandungan vitamin C pada asam jawa juga bermanfaat.", "jawa") == []


def test_lower_case_country_or_city_tagged_loc_is_still_a_place():
    # IndoSum 1501284035 and 1504328400, written in lower case by their reporters
    assert _places("Ia diadili bersama tersangka lainnya asal vietnam, Doan Thi Huong.", "vietnam") == ["vietnam"]
    assert _places("Pertemuan yang sama dilakukan di shanghai pada 2010.", "shanghai") == ["shanghai"]
