"""The Python API: ``warta.extract`` for one article, ``extract_articles`` for a stream.

Both go through the same steps as the CLI, the batch and Spark: check the input
(``textprep``), run the pipeline (``pipeline``), collect the record (``record_from_doc``).
Texts longer than ``MAX_CHUNK`` characters are processed paragraph-aligned chunk by chunk and
merged, so memory stays bounded on very long inputs.
"""
from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language

from warta import pipeline as P
from warta.record import Article, ErrorRecord, Record
from warta.textprep import InputError, detect_language, html_to_text, looks_like_html

MAX_CHUNK = 100_000
REFERENCE_FIELDS = {  # record list -> fields holding ids of other objects
    "quotes": (("speaker", "e"),),
    "places": (("entity", "e"),),
    "events": (("claimed_by", "e"), ("place", "p"), ("quote", "q"), ("source.entity", "e"), ("target.entity", "e")),
}
ID_PREFIX = {"entities": "e", "quotes": "q", "events": "v", "times": "t", "places": "p"}


def load() -> Language:
    """A fresh warta pipeline, for ``nlp.pipe`` with your own batching (see ``prepare_doc``)."""
    return P.load()


def extract(text: str, published=None, title: Optional[str] = None, id: Optional[str] = None,
            url: Optional[str] = None) -> Record:
    """One article in, one :class:`Record` out. Raises ``InputError`` / ``ValueError`` on bad input."""
    P.parse_published(published)  # a bad date is the caller's error here, not a warning
    published = published.isoformat() if hasattr(published, "isoformat") else published
    article = Article(text=text, published=published, title=title, id=id, url=url)
    result = next(extract_articles([article]))
    if isinstance(result, ErrorRecord):
        raise InputError(result.error)
    return result


def _prepare(article: Article) -> tuple[str, list[str], Optional[str]]:
    """(text, warnings, published) after HTML extraction and checks."""
    warnings: list[str] = []
    text = article.text
    if looks_like_html(text):
        try:
            extracted = html_to_text(text)
        except Exception as err:  # a broken page is bad input, not a crash
            raise InputError(f"HTML input could not be reduced to text: {type(err).__name__}") from None
        warnings.append("input looked like HTML: main text extracted with trafilatura; offsets refer to the extracted text")
        text = extracted
    published = article.published
    try:
        P.parse_published(published)
    except ValueError as err:
        warnings.append(f"{err}: ignored")
        published = None
    return text, warnings, published


def extract_articles(articles: Iterable[Union[Article, dict]], nlp: Optional[Language] = None,
                     batch_size: int = 32) -> Iterator[Union[Record, ErrorRecord]]:
    """Yield one Record (or ErrorRecord) per input article, in input order."""
    nlp = nlp or P.shared_pipeline()
    iterator = iter(articles)
    while True:
        group = list(islice(iterator, batch_size))
        if not group:
            return
        yield from _extract_group(nlp, group)


#: Docs per nlp.pipe batch: the NER's matrices stay in cache (16 ran ~8 % faster than 32 or 64).
PIPE_BATCH = 16


def _extract_group(nlp: Language, group: list) -> list[Union[Record, ErrorRecord]]:
    results: list = [None] * len(group)
    small: list[tuple[int, object, str, list[str]]] = []
    for i, item in enumerate(group):
        try:
            article = item if isinstance(item, Article) else Article.model_validate(item)
        except Exception as err:  # a malformed row must not stop a batch
            ident = item.get("id") if isinstance(item, dict) else None
            results[i] = ErrorRecord(id=str(ident or f"row-{i}"), error=f"invalid article: {str(err).splitlines()[0]}")
            continue
        try:
            text, warnings, published = _prepare(article)
        except InputError as err:
            results[i] = ErrorRecord(id=article.id or P.content_id(article.text), error=str(err))
            continue
        meta = dict(published=published, title=article.title, doc_id=article.id or P.content_id(text), url=article.url)
        lang = detect_language(text)
        if lang not in ("id", "und"):
            warnings.append(f"text looks like '{lang}', not Indonesian: results may be poor")
        if not text.strip():
            warnings.append("empty text: nothing to extract")
            doc = P.prepare_doc(nlp, text, **meta)
            results[i] = P.record_from_doc(doc, lang="und", warnings=warnings)
        elif len(text) > MAX_CHUNK:
            results[i] = _extract_long(nlp, text, meta, lang, warnings)
        else:
            small.append((i, P.prepare_doc(nlp, text, **meta), lang, warnings))
    docs = nlp.pipe((doc for _, doc, _, _ in small), batch_size=PIPE_BATCH)
    for (i, _, lang, warnings), doc in zip(small, docs):
        results[i] = P.record_from_doc(doc, lang=lang, warnings=warnings)
    return results


def chunk_bounds(text: str, size: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``size`` chars, at paragraph, line or space breaks."""
    bounds, start, n = [], 0, len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, start + size // 2, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        bounds.append((start, end))
        start = end
    return bounds


def _extract_long(nlp: Language, text: str, meta: dict, lang: str, warnings: list[str]) -> Record:
    bounds = chunk_bounds(text)
    warnings = warnings + [f"long text ({len(text)} chars) processed in {len(bounds)} chunks: entities are not clustered across chunks"]
    parts = []
    chunk_docs = nlp.pipe((P.prepare_doc(nlp, text[s:e], **meta) for s, e in bounds), batch_size=2)
    for (start, end), doc in zip(bounds, chunk_docs):
        part = P.record_from_doc(doc, lang=lang).to_dict()
        del part["text"]   # the full text is stored once, in the merged record
        parts.append((start, part))
    merged = {"sentences": [], **{k: [] for k in ID_PREFIX}}
    tone_words = tone_pos = tone_neg = 0.0
    for offset, part in parts:
        mapping = {}
        for kind, prefix in ID_PREFIX.items():
            for obj in part[kind]:
                new_id = f"{prefix}{len(merged[kind]) + 1}"
                mapping[(prefix, obj["id"])] = new_id
                obj["id"] = new_id
                merged[kind].append(obj)
        for kind, fields in REFERENCE_FIELDS.items():
            for obj in part[kind]:
                for path, prefix in fields:
                    holder, key = obj, path
                    if "." in path:
                        outer, key = path.split(".")
                        holder = obj.get(outer) or {}
                    if holder.get(key) is not None:
                        holder[key] = mapping.get((prefix, holder[key]))
        _shift(part, offset)
        merged["sentences"].extend(part["sentences"])
        tone = part["tone"]
        tone_words += tone["words"]
        tone_pos += tone["positive"] * tone["words"]
        tone_neg += tone["negative"] * tone["words"]
    record = Record.model_validate({**parts[0][1], **merged, "text": text, "warnings": warnings})
    if tone_words:
        p, q = tone_pos / tone_words, tone_neg / tone_words
        record.tone.positive, record.tone.negative, record.tone.score, record.tone.words = round(p, 3), round(q, 3), round(p - q, 3), int(tone_words)
    return record


def _shift(obj, offset: int) -> None:
    """Add ``offset`` to every start/end pair in a nested record dict (in place)."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            obj["start"] += offset
            obj["end"] += offset
        for key, value in obj.items():
            if key != "text":
                _shift(value, offset)
    elif isinstance(obj, list):
        for value in obj:
            _shift(value, offset)
