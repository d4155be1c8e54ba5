"""Builds warta's spaCy ``Language('id')``: one registered component per stage, in order.

The data flow, top to bottom (each component documents what it reads and what it adds):

    tokenizer            Indonesian tokenizer: hyphenated names and reduplications stay whole,
                         enclitics exposed as ``token._.enclitic`` / ``token._.base``
    warta_sentences      quote-aware sentence boundaries with Indonesian abbreviations
    ner                  trained statistical NER (PER/ORG/LOC), when the model ships
    warta_gazetteer      entity ruler from the offline KB (countries, IGOs, institutions)
    warta_entities       clustering, coreference and linking -> ``doc._.entities``
    warta_times          time expressions -> ``doc._.times``
    warta_places         geocoded places -> ``doc._.places``
    warta_quotes         quotations with cues and speakers -> ``doc._.quotes``
    warta_events         PLOVER/CAMEO events with status -> ``doc._.events``
    warta_tone           InSet lexicon tone -> ``doc._.tone``

Every stage writes record objects (``warta.record``) with offsets into ``doc.text``, so
``record_from_doc`` only collects them.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from spacy.tokens import Doc

# Doc-level attributes every stage may read or write. Registered once, on import.
_DOC_EXTENSIONS = {
    "published": None,      # datetime.date | datetime.datetime | None: anchor for relative dates
    "title": None,
    "doc_id": None,
    "url": None,
    "entities": None,       # list[record.Entity]
    "quotes": None,         # list[record.Quote]
    "events": None,         # list[record.Event]
    "times": None,          # list[record.Time]
    "places": None,         # list[record.Place]
    "tone": None,           # record.Tone
    "warnings": None,       # list[str]
}
for _name, _default in _DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def parse_published(value) -> Optional[date]:
    """Accept a date, datetime or ISO string; return a date/datetime or raise ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value
    text = str(value).strip()
    try:
        if len(text) <= 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"published must be an ISO 8601 date or datetime, got {value!r}") from None
