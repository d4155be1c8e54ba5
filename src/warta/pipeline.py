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


# --------------------------------------------------------------------------------------------
# Building the pipeline
# --------------------------------------------------------------------------------------------
import hashlib
import importlib
import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from warta import record as R
from warta.fastops import fast_vectors, load_model, use_fast_ops
from warta.tokenizer import blank, doc_text

log = logging.getLogger(__name__)

MODELS_DIR = Path(__file__).with_name("models")
NER_MODEL = MODELS_DIR / "ner"

# (factory name, module that registers it), in pipeline order after the NER.
STAGES: tuple[tuple[str, str], ...] = (
    ("warta_gazetteer", "warta.components.gazetteer"),
    ("warta_entities", "warta.components.entities"),
    ("warta_times", "warta.components.times"),
    ("warta_places", "warta.components.places"),
    ("warta_quotes", "warta.components.quotes"),
    ("warta_events", "warta.components.events"),
    ("warta_tone", "warta.components.tone"),
)


def _stage_available(factory: str, module: str) -> bool:
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name != module:
            raise
        return False
    return Language.has_factory(factory)


def _add_trained(nlp: Language, model_dir: Path, exclude: set[str]) -> list[str]:
    """Source the components of a trained pipeline shipped in ``models/`` into ``nlp``."""
    if not (model_dir / "meta.json").exists():
        return []
    trained = load_model(model_dir)
    if trained.vocab.vectors.shape[0] and not nlp.vocab.vectors.shape[0]:
        nlp.vocab.vectors = fast_vectors(trained.vocab.vectors)   # a model trained with vectors reads them
    added = []
    for name in trained.pipe_names:
        if name in exclude or name in nlp.pipe_names:
            continue
        nlp.add_pipe(name, source=trained)
        added.append(name)
    return added


def load(exclude: tuple[str, ...] | list[str] = ()) -> Language:
    """Build warta's pipeline: ``nlp.pipe(docs)`` on it yields fully annotated Docs.

    ``exclude`` drops stages by name (e.g. ``("ner",)`` for gazetteer-only entities).
    """
    import warta.components.sentences  # noqa: F401  registers warta_sentences

    skip = set(exclude)
    nlp = blank()
    nlp.add_pipe("warta_sentences")
    _add_trained(nlp, NER_MODEL, skip)
    for factory, module in STAGES:
        if factory not in skip and _stage_available(factory, module):
            nlp.add_pipe(factory)
    nlp.meta["name"] = "warta"
    return use_fast_ops(nlp)


@lru_cache(maxsize=2)
def shared_pipeline(exclude: tuple[str, ...] = ()) -> Language:
    """One pipeline per process, for ``warta.extract`` and batch workers."""
    return load(exclude)


def prepare_doc(nlp: Language, text: str, published=None, title=None, doc_id=None, url=None) -> Doc:
    """Tokenise ``text`` and attach the article's metadata, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        # Doc.text re-joins every token on each access; stages read this copy (times.doc_text)
        doc.user_data[("warta", "text", len(doc))] = text
    doc._.published = parse_published(published)
    doc._.title = title
    doc._.doc_id = doc_id
    doc._.url = url
    doc._.warnings = []
    return doc


def content_id(text: str) -> str:
    """A stable id for an article without one: the first 16 hex digits of its SHA-1."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _trimmed_sentences(doc: Doc) -> list[R.Span]:
    out = []
    text = doc_text(doc)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(R.Span(start=start, end=end, text=text[start:end]))
    return out


def entities_from_ents(doc: Doc) -> list[R.Entity]:
    """Entities straight from ``doc.ents``, grouped by KB key or surface form.

    Used only when no ``warta_entities`` stage ran (clustering and coreference live there).
    """
    from warta.components.gazetteer import gazetteer_entry

    groups: dict[str, R.Entity] = {}
    for ent in doc.ents:
        entry = gazetteer_entry(ent.kb_id_) if ent.kb_id_ else None
        key = ent.kb_id_ or f"{ent.label_}:{ent.text.lower()}"
        label = ent.label_ if ent.label_ in ("PER", "ORG", "LOC", "MISC") else "MISC"
        if key not in groups:
            groups[key] = R.Entity(
                id=f"e{len(groups) + 1}", type=label, name=entry["name"] if entry else ent.text,
                wikidata=entry.get("wikidata") if entry else None,
                country=entry.get("country") if entry else None,
                actor=entry.get("actor") if entry else None,
                source="gazetteer" if entry else "ner",
            )
        groups[key].mentions.append(R.Span(start=ent.start_char, end=ent.end_char, text=ent.text))
    return list(groups.values())


@lru_cache(maxsize=1)
def producer() -> dict:
    from warta import __version__

    models = {}
    for name in ("ner", "syntax"):
        meta = MODELS_DIR / name / "meta.json"
        if meta.exists():
            import json

            m = json.loads(meta.read_text(encoding="utf-8"))
            models[name] = f"{m.get('name', name)}-{m.get('version', '?')}"
    return {"name": "warta", "version": __version__, "spacy": spacy.__version__, "models": models}


def record_from_doc(doc: Doc, lang: str = "id", warnings: list[str] | None = None) -> R.Record:
    """Collect what the stages wrote on ``doc`` into one :class:`warta.record.Record`."""
    entities = doc._.entities if doc._.entities is not None else entities_from_ents(doc)
    published = doc._.published
    times = doc._.times or []
    unanchored = sum(1 for t in times if t.value is None)
    if published is None and unanchored:
        # without a publication date "kemarin" or "Minggu malam" cannot be placed: say so, do not guess
        warnings = list(warnings or []) + [
            f"time.no_published: {unanchored} relative time expression(s) left without a value, and events "
            f"are dated only by explicit dates; pass published= (CLI: --published YYYY-MM-DD)"]
    return R.Record(
        id=doc._.doc_id or content_id(doc_text(doc)),
        lang=lang,
        published=published.isoformat() if published else None,
        title=doc._.title,
        url=doc._.url,
        text=doc_text(doc),
        sentences=_trimmed_sentences(doc),
        entities=entities,
        quotes=doc._.quotes or [],
        events=doc._.events or [],
        times=times,
        places=doc._.places or [],
        tone=doc._.tone or R.Tone(),
        warnings=list(warnings or []) + list(doc._.warnings or []),
        producer=producer(),
    )
