"""Two hand-annotated records on short Indonesian news texts, for store, query and export tests.

The annotations are what a careful reader marks (entities, a quote with its speaker, events
with their status); offsets are computed from the text, so the records pass the contract.
"""
from __future__ import annotations

from warta.record import Actor, Entity, Event, Place, Quote, Record, Span, Time

A1_TEXT = ('Rusia membantah telah menyerang Ukraina pada Senin. "Kami tidak pernah menyerang warga sipil," '
           'kata Presiden Rusia Vladimir Putin.\n\nUkraina menuduh Rusia menembakkan rudal ke Kyiv.')
A2_TEXT = ('Vladimir Putin mengatakan Rusia siap berunding dengan Ukraina. '
           '"Rusia terbuka untuk dialog dengan Ukraina," ujar Putin.')


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start=start, end=start + len(needle), text=needle)


def _all(text: str, needle: str) -> list[Span]:
    out, start = [], text.find(needle)
    while start != -1:
        out.append(Span(start=start, end=start + len(needle), text=needle))
        start = text.find(needle, start + 1)
    return out


def _sentences(text: str, ends: list[str]) -> list[Span]:
    out, start = [], 0
    for e in ends:
        end = text.index(e, start) + len(e)
        while text[start] in " \n":
            start += 1
        out.append(Span(start=start, end=end, text=text[start:end]))
        start = end
    return out


def record_a1() -> Record:
    t = A1_TEXT
    rusia = Entity(id="e1", type="LOC", name="Rusia", country="RUS", wikidata="Q159", actor="RUS",
                   mentions=[m for m in _all(t, "Rusia") if not t[m.start - 9:m.start].endswith("Presiden ")])
    ukraina = Entity(id="e2", type="LOC", name="Ukraina", country="UKR", wikidata="Q212", actor="UKR",
                     mentions=_all(t, "Ukraina"))
    putin = Entity(id="e3", type="PER", name="Vladimir Putin", country="RUS", wikidata="Q7747", actor="RUSGOV",
                   role="Presiden Rusia", mentions=[_span(t, "Vladimir Putin")])
    kyiv = Entity(id="e4", type="LOC", name="Kyiv", country="UKR", wikidata="Q1899", mentions=[_span(t, "Kyiv")])
    q = _span(t, '"Kami tidak pernah menyerang warga sipil,"')
    quote = Quote(id="q1", kind="direct", start=q.start, end=q.end, text=q.text, cue=_span(t, "kata"),
                  speaker="e3", speaker_mention=_span(t, "Vladimir Putin"))
    place = Place(id="p1", start=t.index("Kyiv"), end=t.index("Kyiv") + 4, text="Kyiv", name="Kyiv",
                  geonames=703448, lat=50.45, lon=30.52, country="UKR", feature="city", entity="e4")
    events = [
        Event(id="v1", type="ASSAULT", source=Actor(entity="e1", text="Rusia", country="RUS"),
              target=Actor(entity="e2", text="Ukraina", country="UKR"), trigger=_span(t, "menyerang"),
              sentence=0, date="2024-10-14", status="denied", claimed_by="e1"),
        Event(id="v2", type="ACCUSE", cameo="112", source=Actor(entity="e2", text="Ukraina", country="UKR"),
              target=Actor(entity="e1", text="Rusia", country="RUS"), trigger=_span(t, "menuduh"),
              sentence=2, place="p1"),
        Event(id="v3", type="ASSAULT", source=Actor(entity="e1", text="Rusia", country="RUS", sector="MIL"),
              target=Actor(entity="e2", text="Ukraina", country="UKR"), trigger=_span(t, "menembakkan"),
              sentence=2, place="p1", status="claimed", claimed_by="e2"),
    ]
    senin = _span(t, "Senin")
    return Record(id="a1", lang="id", published="2024-10-14", title="Rusia membantah serangan",
                  url="https://example.org/berita/a1", text=t,
                  sentences=_sentences(t, ["Senin.", "Putin.", "Kyiv."]),
                  entities=[rusia, ukraina, putin, kyiv], quotes=[quote], events=events,
                  times=[Time(id="t1", start=senin.start, end=senin.end, text="Senin", value="2024-10-14")],
                  places=[place])


def record_a2() -> Record:
    t = A2_TEXT
    putin = Entity(id="e1", type="PER", name="Vladimir Putin", wikidata="Q7747", country="RUS",
                   mentions=[_span(t, "Vladimir Putin"), _span(t, "Putin", 1)])
    rusia = Entity(id="e2", type="LOC", name="Rusia", wikidata="Q159", country="RUS", mentions=_all(t, "Rusia"))
    ukraina = Entity(id="e3", type="LOC", name="Ukraina", wikidata="Q212", country="UKR", mentions=_all(t, "Ukraina"))
    q = _span(t, '"Rusia terbuka untuk dialog dengan Ukraina,"')
    quote = Quote(id="q1", kind="direct", start=q.start, end=q.end, text=q.text, cue=_span(t, "ujar"),
                  speaker="e1", speaker_mention=_span(t, "Putin", 1))
    event = Event(id="v1", type="CONSULT", cameo="036", source=Actor(entity="e2", text="Rusia", country="RUS"),
                  target=Actor(entity="e3", text="Ukraina", country="UKR"), trigger=_span(t, "berunding"),
                  sentence=0, status="planned")
    return Record(id="a2", lang="id", published="2024-10-15T08:30:00+07:00", text=t,
                  sentences=_sentences(t, ["Ukraina.", "Putin."]),
                  entities=[putin, rusia, ukraina], quotes=[quote], events=[event])


def corpus_store(path):
    """A store holding a1, a2 and one error record."""
    from warta.record import ErrorRecord
    from warta.store import Store

    store = Store(path)
    store.write_chunk([(record_a1(), {"source": "contoh", "origin": "test:1"}),
                       (record_a2(), {"source": "contoh", "origin": "test:2"})],
                      [ErrorRecord(id="bad-1", error="no 'text' field", source="test:3")])
    return store
