"""Input checks before the pipeline: bytes to text, HTML to text, language, size.

Every function here either returns usable text (with warnings) or raises ``InputError`` with a
one-line reason, so the CLI and the batch can report bad input without a traceback.
"""
from __future__ import annotations

import re
from functools import lru_cache

HTML_HINT = re.compile(r"^\s*(<!doctype html|<html|<head|<body)|</(p|div|span|body|html)>", re.I)
MIN_CHARS_FOR_LANGUAGE = 40


class InputError(ValueError):
    """Input that cannot be read as text (binary, invalid UTF-8). The message is one line."""


def decode(data: bytes, where: str = "input") -> str:
    """Strict UTF-8 (a BOM is dropped); binary data and invalid UTF-8 raise InputError."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{where}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})") from None


def looks_like_html(text: str) -> bool:
    return bool(HTML_HINT.search(text[:20000]))


def html_to_text(html: str) -> str:
    """Main text of an HTML page (trafilatura), or '' when it finds none."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or ""


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    # A small language set keeps the detector fast and small (all languages: 1.3 GB).
    return LanguageDetectorBuilder.from_languages(
        Language.INDONESIAN, Language.MALAY, Language.ENGLISH, Language.TAGALOG,
        Language.DUTCH, Language.ARABIC, Language.CHINESE,
    ).build()


@lru_cache(maxsize=1)
def _id_ms_markers() -> dict[str, str]:
    from warta.lang import table

    return {row[0]: row[1] for row in table("id_ms_markers.tsv")}


def detect_language(text: str) -> str:
    """BCP-47 code of the text's language from its first 1,000 characters; 'und' if unsure.

    lingua decides; when it says Malay, spelling markers (``bahwa``/``bahawa``) settle it, and
    without Malay markers the text stays Indonesian: lingua reads much Indonesian sport and
    technology news as Malay, and warta's input is Indonesian news first. 1,000 characters decide
    as 2,000 did on 1,500 IndoSum articles (all 'id') in 60 % of the time (0.66 vs 1.10 ms).
    """
    sample = text[:1000]
    if len(sample.strip()) < MIN_CHARS_FOR_LANGUAGE:
        return "und"
    lang = _detector().detect_language_of(sample)
    code = lang.iso_code_639_1.name.lower() if lang else "und"
    if code == "ms":
        markers = _id_ms_markers()
        votes = [markers.get(w) for w in re.findall(r"[a-z]+", sample.lower())]
        if votes.count("ms") <= votes.count("id"):
            code = "id"
    return code
