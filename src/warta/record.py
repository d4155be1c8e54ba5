"""The article record: the one model that the CLI, API, store and Spark all serialise.

Mirrors ``article.schema.json`` (fields may be added, none renamed). Offsets are 0-based,
end-exclusive Python ``str`` indices into ``Record.text``, which is the input text unchanged.
Pipeline stages fill these objects directly (``doc._.entities``, ``doc._.quotes`` …), so the
record is assembled without translation layers.
"""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect", "partial"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EventStatus = Literal["asserted", "claimed", "possible", "negated", "denied", "planned", "failed"]
TimeKind = Literal["date", "week", "duration", "set", "time"]
PlaceFeature = Literal["country", "admin", "city", "region", "other"]

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=False)
    # Fields the schema types as non-nullable but optional: left out of the JSON when unset.
    _omit_if_none: ClassVar[frozenset[str]] = frozenset({"confidence"})

    @model_serializer(mode="wrap")
    def _drop_unset(self, handler):
        data = handler(self)
        for key in self._omit_if_none:
            if key in data and data[key] is None:
                del data[key]
        return data


class Span(_Model):
    _omit_if_none: ClassVar[frozenset[str]] = frozenset({"text"})
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: Optional[str] = None


class Entity(_Model):
    _omit_if_none: ClassVar[frozenset[str]] = frozenset({"confidence", "source"})
    id: str
    type: EntityType
    name: str
    mentions: list[Span] = Field(default_factory=list)
    wikidata: Optional[str] = None
    country: Optional[str] = None
    actor: Optional[str] = None
    role: Optional[str] = None
    confidence: Optional[float] = Field(default=None, ge=0, le=1)
    source: Optional[str] = Field(default=None, description="which stage found it: gazetteer, ner, kb")


class Quote(_Model):
    id: str
    kind: QuoteKind
    start: int
    end: int
    text: str
    cue: Optional[Span] = None
    speaker: Optional[str] = None
    speaker_mention: Optional[Span] = None
    confidence: Optional[float] = Field(default=None, ge=0, le=1)


class Actor(_Model):
    entity: Optional[str] = None
    text: str = ""
    country: Optional[str] = None
    code: Optional[str] = None
    sector: Optional[str] = None


class Event(_Model):
    id: str
    type: EventType
    mode: Optional[str] = None
    cameo: Optional[str] = None
    source: Optional[Actor] = None
    target: Optional[Actor] = None
    trigger: Span
    sentence: int
    date: Optional[str] = None
    place: Optional[str] = None
    status: EventStatus = "asserted"
    claimed_by: Optional[str] = None
    quote: Optional[str] = None
    confidence: Optional[float] = Field(default=None, ge=0, le=1)


class Time(_Model):
    id: str
    start: int
    end: int
    text: str
    value: Optional[str]
    kind: TimeKind = "date"
    precise: bool = True


class Place(_Model):
    id: str
    start: int
    end: int
    text: str
    name: str
    geonames: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None
    feature: PlaceFeature = "other"
    entity: Optional[str] = None


class Tone(_Model):
    score: float = 0.0
    positive: float = 0.0
    negative: float = 0.0
    words: int = 0


class Record(_Model):
    id: str
    lang: str
    published: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    text: str
    sentences: list[Span] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    tone: Tone = Field(default_factory=Tone)
    warnings: list[str] = Field(default_factory=list)
    producer: dict = Field(default_factory=dict)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_dict(cls, data: dict) -> "Record":
        return cls.model_validate(data)


class Article(_Model):
    """One input article, as readers (CLI, batch, API, Spark) hand it to the pipeline."""

    text: str
    id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None


class ErrorRecord(_Model):
    """What a batch stores for an input that could not be processed: nothing is lost silently."""

    id: str
    error: str
    source: Optional[str] = None
