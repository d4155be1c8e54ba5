"""Tokenizer and sentence segmentation on Indonesian text."""
from __future__ import annotations

import pytest

from warta.tokenizer import blank, split_enclitic


@pytest.fixture(scope="module")
def tok():
    return blank()


@pytest.mark.parametrize("word", ["Yong-hyun", "Hwasong-11", "orang-orang", "sekutu-sekutunya", "e-KTP", "14-10-2024", "Jl.", "Jend.", "Pol.", "dr.", "No."])
def test_words_stay_whole(tok, word):
    doc = tok(f"Kata {word} ada di sini")
    assert word in [t.text for t in doc]


@pytest.mark.parametrize("word,base,enclitic", [
    ("katanya", "kata", "nya"), ("ujarnya", "ujar", "nya"), ("negaranya", "negara", "nya"),
    ("sekutu-sekutunya", "sekutu-sekutu", "nya"), ("pergilah", "pergi", "lah"), ("apakah", "apa", "kah"),
    ("hanya", "hanya", None), ("telah", "telah", None), ("masalah", "masalah", None), ("punya", "punya", None),
])
def test_enclitics_exposed(tok, word, base, enclitic):
    assert split_enclitic(word) == (base, enclitic)
    token = tok(word)[0]
    assert (token._.base, token._.enclitic) == (base, enclitic)


def _sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


@pytest.fixture(scope="module")
def seg():
    from warta.pipeline import load

    return load(exclude=("ner", "warta_gazetteer", "warta_entities", "warta_times", "warta_places",
                         "warta_quotes", "warta_events", "warta_tone"))


def test_quote_stays_with_its_cue(seg):
    text = "“Kami melihat peningkatan aliansi,” kata Zelenskyy dalam pidatonya. “Ini bukan lagi transfer senjata.” Dia pergi."
    assert _sents(seg, text) == [
        "“Kami melihat peningkatan aliansi,” kata Zelenskyy dalam pidatonya.",
        "“Ini bukan lagi transfer senjata.”",
        "Dia pergi.",
    ]


def test_question_inside_quote_followed_by_cue(seg):
    assert len(_sents(seg, "“Apa benar begitu?” tanya wartawan itu. Ia diam.")) == 2


def test_abbreviations_do_not_end_sentences(seg):
    text = "Kantornya di Jl. Sudirman No. 5, Jakarta. Jend. Pol. Tito hadir bersama dr. Budi dan H. Ahmad."
    assert _sents(seg, text) == ["Kantornya di Jl. Sudirman No. 5, Jakarta.", "Jend. Pol. Tito hadir bersama dr. Budi dan H. Ahmad."]


def test_straight_quotes_and_line_breaks(seg):
    text = 'Judul Berita\nJAKARTA - "Tidak hanya tarif. Semua harus diatur," ucap Zulkifli. Ia pulang.'
    assert _sents(seg, text) == ["Judul Berita", 'JAKARTA - "Tidak hanya tarif.', 'Semua harus diatur," ucap Zulkifli.', "Ia pulang."]


def test_sentence_f1_beats_sentencizer_on_ud_sample(data_dir):
    """The UD sample shipped in tests/data: warta's segmenter must beat spaCy's sentencizer."""
    from warta.eval.sentences import conllu_sentences, documents, score, segmenters

    docs = documents(conllu_sentences(data_dir / "ud-sentences-sample.conllu"))
    results = {name: score(nlp, docs) for name, nlp in segmenters().items()}
    assert results["warta_sentences"].f1 > results["spaCy sentencizer"].f1
    assert results["warta_sentences"].f1 > 0.95


def test_pruned_exceptions_tokenize_like_spacys_full_set(data_dir):
    """warta drops spaCy's ~15.6k hyphenated-word exceptions (its hyphen infix is gone, so they
    change nothing) to load in milliseconds; tokens must equal the full set's on real news."""
    import json

    from spacy.lang.id import Indonesian
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from warta.tokenizer import _keep_hyphens, abbreviation_exceptions, tokenizer_rules

    d = Indonesian.Defaults
    full_rules = dict(d.tokenizer_exceptions)
    full_rules.update(abbreviation_exceptions())
    full = Tokenizer(Indonesian().vocab, rules=full_rules,
                     prefix_search=compile_prefix_regex(d.prefixes).search,
                     suffix_search=compile_suffix_regex(d.suffixes).search,
                     infix_finditer=compile_infix_regex(_keep_hyphens(d.infixes)).finditer,
                     token_match=d.token_match, url_match=d.url_match)
    ours = blank()
    assert len(tokenizer_rules()) < len(full_rules) / 20
    texts = [json.loads(line)["text"] for line in open(data_dir / "indosum-sample.jsonl", encoding="utf-8")]
    texts.append("Anak-anak dan ibu-ibu di Jl. Jend. Sudirman, dll. menonton Hwasong-11 :) pukul 09.00 WIB.")
    for text in texts:
        assert [(t.text, t.whitespace_) for t in full(text)] == [(t.text, t.whitespace_) for t in ours(text)]
