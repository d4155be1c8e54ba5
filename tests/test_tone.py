"""Tone: the news-reviewed lexicon, negation, and the gold scorer (tests/data/tone-gold.jsonl)."""
import pytest

from warta.components.tone import inset_lexicon, news_lexicon, tone_of_words
from warta.eval.tone import evaluate, load_gold, polarity, spearman, three_way
from warta.tokenizer import blank


@pytest.fixture(scope="module")
def words():
    nlp = blank()
    return lambda text: [t.lower_ for t in nlp.make_doc(text) if t.is_alpha]


def test_function_words_carry_no_tone(words):
    # InSet scores "yang" −5, "dari" −3, "tim" −4 and "presiden" +3; a plain report has no tone.
    sentence = "Presiden Joko Widodo mengatakan tim dari kementerian yang baru akan datang pada hari Jumat."
    assert tone_of_words(words(sentence), inset_lexicon()).score != 0
    assert tone_of_words(words(sentence)).score == 0


def test_disaster_reads_negative_and_victory_positive(words):
    quake = "Gempa bumi menewaskan dua orang dan melukai puluhan warga di Pidie Jaya, Aceh."
    win = "Persib meraih kemenangan dan para pemain bangga atas prestasi itu."
    assert inset_lexicon()["gempa"] > 0          # InSet has it backwards
    assert tone_of_words(words(quake)).score < 0
    assert tone_of_words(words(win)).score > 0


def test_negator_turns_polarity_only_when_asked(words):
    assert tone_of_words(words("Upaya polisi berhasil menangkap pelaku.")).score > 0
    assert tone_of_words(words("Upaya polisi tidak berhasil menangkap pelaku."), negation=True).score < 0
    assert tone_of_words(words("Upaya polisi tidak berhasil menangkap pelaku.")).score > 0   # GDELT-style count


def test_news_lexicon_has_no_closed_class_words():
    lex = news_lexicon()
    assert not {"yang", "itu", "dari", "pada", "saya", "dia", "sudah", "lebih"} & set(lex)
    assert lex["korban"] < 0 and lex["berhasil"] > 0


def test_rank_correlation_and_three_way_scores():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 2], [1, 2, 3]) == pytest.approx(0.866, abs=1e-3)
    assert polarity(0.4, 0.0, 1.0) == 0 and polarity(-0.1, 0.0, 1.0) == -1 and polarity(1.5, 0.0, 1.0) == 1
    assert three_way([1, 0, -1], [1, 0, -1]) == {"accuracy": 1.0, "macro_f1": 1.0}


def test_gold_has_two_annotators_and_scores_above_the_floor():
    rows = load_gold(split="dev")
    assert len(rows) == 40 and all("tone_b" in r for r in rows)
    from warta.eval.tone import article_scores
    out = evaluate(rows, article_scores(rows, "news", False))
    raw = evaluate(rows, article_scores(rows, "inset", False))
    assert out["spearman"] > raw["spearman"] + 0.1
    assert out["three_way"]["macro_f1"] > out["always_positive"]["macro_f1"]
