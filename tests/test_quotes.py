"""Quotations (warta_quotes) on real text: the example article, IndoSum paragraphs, PFSA-ID."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from warta.components.quotes import extract_quotes, find_quoted_spans, load_lexicon
from warta.eval import quotes as evq
from warta.lang import table

DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = (DATA / "zelenskyy-korea-utara.txt").read_text(encoding="utf-8")


def _indosum() -> dict[str, str]:
    rows = [json.loads(line) for line in (DATA / "quotes-indosum.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["id"].split("-", 1)[1]: r["text"] for r in rows}


INDOSUM = _indosum()


def _q(text: str, entities=None):
    quotes, warnings = extract_quotes(text, entities=entities)
    return quotes, warnings


def _one(quotes, kind, starts):
    found = [q for q in quotes if q.kind == kind and q.text.startswith(starts)]
    assert len(found) == 1, [(q.kind, q.text[:40]) for q in quotes]
    return found[0]


# ---------------------------------------------------------------------------- lexicon (data)
@pytest.mark.parametrize("form", [
    "kata", "ujar", "tutur", "ungkap", "jelas", "tegas", "imbuh", "tambah", "sebut", "papar", "terang",
    "mengatakan", "menyatakan", "menegaskan", "menjelaskan", "mengungkapkan", "menyebut", "menyebutkan",
    "menuturkan", "menambahkan", "menilai", "mengklaim", "mengakui", "membantah", "menuduh", "menurut",
    "dikutip", "seperti dilansir",
])
def test_cue_lexicon_has_issue_cues(form):
    assert form in load_lexicon().cues


def test_cue_rows_are_well_formed():
    for row in table("quote_cues.tsv"):
        assert len(row) == 5, row
        assert row[2] in {"post", "pre", "both", "partial", "direct"} and row[3] in {"verb", "prep", "passive"}, row
        assert row[4] in {"speaker", "object", "only", "no"}, row


def test_other_languages_are_refused():
    with pytest.raises(ValueError):
        load_lexicon("en")


# ---------------------------------------------------------------------------- example article
def test_example_direct_quotes_and_speakers():
    quotes, warnings = _q(EXAMPLE)
    assert warnings == []
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text[:12] for q in direct] == ["“Kami meliha", "“Ini bukan l", "“Garis depan", "“Ketika kita", "“Perdamaian "]
    assert [q.speaker_mention.text for q in direct] == ["Zelenskyy", "Zelenskyy", "katanya", "katanya", "ujarnya"]
    assert [q.cue.text for q in direct] == ["kata", "kata", "katanya", "katanya", "ujarnya"]
    # marks are part of the span, as in PFSA-ID's STATEMENT annotation
    assert all(q.text[0] == "“" and q.text[-1] == "”" for q in direct)
    assert direct[0].text.endswith("Korea Utara,”")
    # no entity stage: a speaker phrase but no entity id
    assert all(q.speaker is None for q in quotes)


def test_example_partial_quotes_and_speakers():
    quotes, _ = _q(EXAMPLE)
    partial = {q.text: q for q in quotes if q.kind == "partial"}
    assert set(partial) == {"“kemungkinan besar”", "“sangat mungkin”", "“berita palsu”", "“dukungan penuh dan solidaritas”"}
    assert partial["“kemungkinan besar”"].speaker_mention.text.endswith("Kim Yong-hyun")
    assert partial["“sangat mungkin”"].speaker_mention.text == "Dia"
    assert partial["“berita palsu”"].speaker_mention.text == "Rusia"
    assert partial["“berita palsu”"].cue.text == "menyebutnya"
    assert partial["“dukungan penuh dan solidaritas”"].speaker_mention.text == "Kim"


def test_example_indirect_quotes():
    quotes, _ = _q(EXAMPLE)
    ind = [q for q in quotes if q.kind == "indirect"]
    q = _one(ind, "indirect", "Ukraina dan sekutu-sekutunya perlu")
    assert q.speaker_mention.text == "Dia" and q.cue.text == "mengatakan"
    assert q.text.endswith("perang yang lebih besar")          # the clause, without the full stop
    q = _one(ind, "indirect", "dia akan terus mencoba")
    assert q.speaker_mention.text == "Dia"
    q = _one(ind, "indirect", "puing-puing dari rudal")
    assert q.speaker_mention.text == "pemantau sanksi PBB"
    # 'bahwa' is not part of the reported clause
    q = _one(ind, "indirect", "ada “kemungkinan besar”")
    assert "bahwa" not in q.text[:6]


def test_example_through_pipeline_gives_entity_ids(nlp):
    doc = nlp(EXAMPLE)
    quotes = doc._.quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 5
    ents = {e.id: e for e in doc._.entities or []}
    if not any("Zelensk" in e.name for e in ents.values()):
        pytest.skip("entity stage without person entities")
    zel = next(e.id for e in ents.values() if "Zelensk" in e.name)
    assert {q.speaker for q in direct} == {zel}
    kim = next((e.id for e in ents.values() if e.name.endswith("Yong-hyun")), None)
    partial = {q.text: q for q in quotes if q.kind == "partial"}
    assert partial["“kemungkinan besar”"].speaker == kim
    # offsets are into the original text
    for q in quotes:
        assert EXAMPLE[q.start:q.end] == q.text
        if q.cue:
            assert EXAMPLE[q.cue.start:q.cue.end] == q.cue.text


def test_speaker_mapping_prefers_person_and_falls_back_on_salience():
    text = EXAMPLE
    start = text.index("Volodymyr Zelenskyy")
    ents = [
        {"id": "e1", "type": "PER", "name": "Volodymyr Zelenskyy", "mentions": [
            {"start": start, "end": start + len("Volodymyr Zelenskyy")},
            {"start": text.index("Zelenskyy dalam"), "end": text.index("Zelenskyy dalam") + 9}]},
        {"id": "e2", "type": "LOC", "name": "Rusia", "mentions": [
            {"start": text.index("Rusia menolak"), "end": text.index("Rusia menolak") + 5}]},
    ]
    quotes, _ = _q(text, ents)
    direct = [q for q in quotes if q.kind == "direct"]
    assert direct[0].speaker == "e1"                       # 'kata Zelenskyy' by overlap
    assert direct[2].speaker == "e1"                       # 'katanya': nearest person before it
    assert _one(quotes, "partial", "“berita palsu”").speaker == "e2"   # no person named: the country
    # 'Kim menjanjikan': Kim is not an entity here and no pronoun is involved -> stays None
    assert _one(quotes, "partial", "“dukungan penuh").speaker is None


# ---------------------------------------------------------------------------- IndoSum paragraphs
def test_postposed_cue_with_title_and_appositive_name():
    quotes, _ = _q(INDOSUM["mahasiswi-disekap-kawanan-garong-emas-batangan-mel"])
    q = _one(quotes, "direct", "“Laporan sudah masuk")
    assert q.cue.text == "ujar"
    assert q.speaker_mention.text.endswith("Iptu Andry Rodatama")


def test_enclitic_cue():
    quotes, _ = _q(INDOSUM["isco-berharap-segera-teken-kontrak-baru"])
    q = _one(quotes, "direct", "“Kami sangat dekat")
    assert q.cue.text == q.speaker_mention.text == "katanya"


def test_continuation_after_kata_dia():
    text = INDOSUM["penembakan-di-kedubes-israel-gunakan-kekebalan-dip"]
    quotes, _ = _q(text)
    first = _one(quotes, "direct", "“Israel masih")
    second = _one(quotes, "direct", "“Tidak perlu ada eskalasi")
    assert first.speaker_mention.text == second.speaker_mention.text == "dia"
    assert second.cue == first.cue


def test_preposed_cue_with_comma():
    quotes, _ = _q(INDOSUM["bitcoincoid-peroleh-pendanaan-dari-east-ventures"])
    q = _one(quotes, "direct", "“Saya melihat era")
    assert q.cue.text == "mengatakan"
    assert q.speaker_mention.text == "CEO Bitcoin.co.id Oscar Darmawan"
    quotes, _ = _q(INDOSUM["pemenang-nobel-liu-xiaobo-meninggal-dunia-kecam-ch"])
    assert _one(quotes, "direct", "“Kami sangat terganggu").speaker_mention.text == "Komite Nobel"


def test_multi_paragraph_quote_reopened_each_paragraph():
    text = INDOSUM["neymar-datang-emery-siap-hadapi-tekanan-lebih"]
    spans, warnings = find_quoted_spans(text)
    assert warnings == []
    multi = [s for s in spans if s.paragraphs == 3]
    assert len(multi) == 1 and text[multi[0].start:].startswith("“Tanpa Neymar")
    assert text[:multi[0].end].endswith("lebih baik untuk kami.”")
    quotes, _ = _q(text)
    q = _one(quotes, "direct", "“Tanpa Neymar")
    assert q.speaker_mention.text == "Emery" and q.cue.text == "ucap"      # continuation of “…,” ucap Emery.
    # '“…,” Emery menambahkan.': name before a speech verb after the quote
    q = _one(quotes, "direct", "“Saya tahu klub")
    assert q.speaker_mention.text == "Emery" and q.cue.text == "menambahkan"
    assert _one(quotes, "direct", "“Neymar bersama").speaker_mention.text == "Emery"


def test_long_multi_paragraph_quote_with_nested_single_quotes():
    text = INDOSUM["terungkap-tottenham-hotspur-nyaris-pinang-sir-alex"]
    quotes, warnings = _q(text)
    assert warnings == []
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("“Faktanya") and direct[0].text.endswith("dua tahun lainnya.”")
    assert direct[0].speaker is None and direct[0].cue is None      # no cue: no guessed speaker
    # ‘Bisakah kita bertemu?’ inside the quote is not a separate quotation
    assert not [q for q in quotes if q.kind == "partial"]


@pytest.mark.parametrize("key, starts, speaker, cue", [
    ("terangi-daerah-krisis-listrik-pln-sewa-10-kapal-pe", "daerah-daerah yang masih krisis", "Made", "Menurut"),
    ("trump-ikut-sebarkan-video-anti-islam-inggris-marah", "kelompok itu adalah", "Ia", "mengatakan"),
    ("resmi-ngetweet-kini-bisa-280-karakter", "hanya sebagian kecil", "Pihak Twitter", "mengatakan"),
    ("indonesia-dorong-upaya-reformasi-di-tubuh-pbb", "Dengan mengatasi masalah", "Menlu", "kata"),
    ("300-tki-disekap-di-riyadh", "Namun, jika ternyata", "Retno", "kata"),
    ("perwira-tinggi-tni-diprioritaskan-jaga-keamanan-kp", "juga terbuka untuk TNI", "Ruki", "menurut"),
])
def test_indirect_quotes(key, starts, speaker, cue):
    quotes, _ = _q(INDOSUM[key])
    q = _one(quotes, "indirect", starts)
    assert q.speaker_mention.text == speaker and q.cue.text == cue
    assert not q.text.endswith(".")


def test_partial_quote_in_reported_speech():
    quotes, _ = _q(INDOSUM["ribuan-fan-iringi-jenazah-dolores-the-cranberries"])
    q = _one(quotes, "partial", "“suara sebuah generasi.”")
    assert q.cue.text == "menyebut" and q.speaker_mention.text == "Ia"
    quotes, _ = _q(INDOSUM["penembakan-di-kedubes-israel-gunakan-kekebalan-dip"])
    q = _one(quotes, "partial", "“tengah mempertimbangkan permintaan”")
    assert q.speaker_mention.text == "Sumber dari pemerintahan Yordania"


def test_single_quotes_partial_and_apostrophes():
    quotes, _ = _q(INDOSUM["israel-angkat-hakim-perempuan-muslim-pertama"])
    q = _one(quotes, "partial", "‘era baru’")
    assert q.speaker_mention.text == "Aida Touma Suleiman"


def test_titles_in_quotes_are_not_speech():
    quotes, _ = _q(INDOSUM["selena-gomez-akui-sudah-dengar-isi-album-baru-tayl"])
    assert quotes == []        # ‘Reputation Secret Session’ is a name


def test_straight_quotes():
    quotes, _ = _q(INDOSUM["minta-maaf-jacob-zuma-akhirnya-mundur-dari-preside"])
    q = _one(quotes, "direct", '"Tolong, maafkan saya,"')
    assert q.speaker_mention.text == "Zuma" and q.cue.text == "kata"


def test_guillemets_give_the_same_quotes():
    text = INDOSUM["penembakan-di-kedubes-israel-gunakan-kekebalan-dip"]
    plain, _ = _q(text)
    guillemets, _ = _q(text.replace("“", "«").replace("”", "»"))
    assert [(q.kind, q.start, q.end, q.speaker_mention and q.speaker_mention.text) for q in plain] == \
        [(q.kind, q.start, q.end, q.speaker_mention and q.speaker_mention.text) for q in guillemets]


def test_unclosed_quote_is_a_warning_not_an_error():
    text = INDOSUM["isco-berharap-segera-teken-kontrak-baru"].replace("diselesaikan,”", "diselesaikan,")
    quotes, warnings = _q(text)
    assert warnings and warnings[0].startswith("quote.unclosed:")
    assert all(0 <= q.start < q.end <= len(text) for q in quotes)


def test_empty_text():
    assert _q("") == ([], [])
    assert _q("   \n\n ") == ([], [])


# ---------------------------------------------------------------------------- component
def test_component_on_blank_pipeline_without_sentences():
    import warta.components.quotes  # noqa: F401

    nlp = spacy.blank("id")
    nlp.add_pipe("warta_quotes")
    doc = nlp(INDOSUM["neymar-datang-emery-siap-hadapi-tekanan-lebih"])
    assert [q.id for q in doc._.quotes] == [f"q{i}" for i in range(1, len(doc._.quotes) + 1)]
    assert any(q.kind == "direct" and q.speaker_mention and q.speaker_mention.text == "Emery" for q in doc._.quotes)
    assert nlp.analyze_pipes()["problems"]["warta_quotes"] == []


# ---------------------------------------------------------------------------- scorer
def test_scorer_on_hand_annotated_sample():
    arts = evq.load_pfsa(DATA / "quotes-bilou-sample.txt")
    assert len(arts) == 1
    gold = arts[0]
    assert [gold.text[s:e] for s, e in gold.statements] == [
        "“Kami melihat peningkatan aliansi antara Rusia dan rezim seperti Korea Utara,”",
        "“Garis depan membutuhkan lebih banyak dukungan,”"]
    assert [[gold.text[s:e] for s, e in sp] for sp in gold.speakers] == [["Zelenskyy"], []]
    quotes, _ = extract_quotes(gold.text)
    c = evq.Counts()
    evq.score_article(gold, [q.model_dump() for q in quotes], [], c)
    res = evq.summarize(c)
    assert res["statement_overlap"]["r"] == 1.0 and res["statement_exact"]["r"] == 1.0
    # the sample leaves two quotes unannotated (as PFSA-ID does for some): precision drops
    assert res["statement_overlap"]["p"] == 0.5
    assert res["speaker"] == {"accuracy": 1.0, "correct": 1, "found": 1, "end_to_end": 1.0, "gold": 1}
    assert res["cue"]["r"] == 1.0
    # a wrong speaker is scored as wrong
    bad = [dict(q.model_dump(), speaker_mention=None) for q in quotes]
    c = evq.Counts()
    evq.score_article(gold, bad, [], c)
    assert evq.summarize(c)["speaker"]["correct"] == 0


def test_bilou_decoding_tolerates_broken_sequences():
    assert evq.bilou_spans(["B-STATEMENT", "I-STATEMENT", "O", "I-CUE", "U-PERSON"]) == [
        ("STATEMENT", 0, 2), ("CUE", 3, 4), ("PERSON", 4, 5)]


@pytest.mark.shared
@pytest.mark.slow
def test_pfsa_dev_targets(shared_dir, nlp):
    """Statement F1 (overlap) and speaker accuracy on the first 40 dev-40 articles (the full
    run is `warta eval quotes`, figures in docs/accuracy.md)."""
    arts = evq.load_pfsa(shared_dir / "data" / "pfsa-id-quotes" / "dev-40.txt")
    res = evq.evaluate(arts, nlp=nlp, limit=40)
    assert res["statement_overlap"]["f1"] >= 0.88
    assert res["statement_overlap"]["r"] >= 0.97
    assert res["speaker"]["accuracy"] >= 0.85


def test_negated_cue_is_not_a_report():
    quotes, _ = _q(INDOSUM["halimah-yacob-wanita-pertama-jadi-presiden-singapu"])
    assert not [q for q in quotes if q.text.startswith("lebih lanjut soal alasan")]


def test_fragment_after_a_non_speech_verb_is_not_a_quote_but_after_a_speech_act_it_is():
    quotes, _ = _q(INDOSUM["jatuh-helikopter-militer-meksiko-tewaskan-13-orang"])
    assert not [q for q in quotes if q.kind == "partial"]          # 'pilot mengalami "disorientasi"'
    quotes, _ = _q(INDOSUM["terpuaskan-aksi-dingin-incubus-di-jakarta"])
    q = _one(quotes, "partial", '"we want more."')
    assert q.speaker_mention.text == "Penonton"


def test_subject_stops_before_a_prepositional_phrase():
    quotes, _ = _q(INDOSUM["presiden-turki-ajak-muslim-kunjungi-dan-lindungi-y"])
    q = _one(quotes, "partial", "'salah dan bias'")
    assert q.speaker_mention.text == "Menteri Luar Negeri Israel" and q.cue.text == "mengatakan"


def _ent(eid, etype, text, *names):
    return {"id": eid, "type": etype, "name": names[0],
            "mentions": [{"start": text.index(n), "end": text.index(n) + len(n)} for n in names]}


def test_spokesperson_speaks_for_the_person_named():
    text = INDOSUM["kpk-periksa-farhat-abbas"]
    ents = [_ent("e1", "ORG", text, "KPK"), _ent("e2", "PER", text, "Febri Diansyah")]
    q = _one(_q(text, ents)[0], "direct", '"\u200eMereka akan')
    assert q.speaker == "e2" and q.speaker_mention.text == "Febri Diansyah"


def test_spokesperson_without_a_name_gives_the_organisation():
    text = INDOSUM["iran-resmi-cabut-blokir-terhadap-telegram-dan-inst"]
    ents = [_ent("e1", "ORG", text, "Kementerian Telekomunikasi Iran"), _ent("e2", "ORG", text, "AFP")]
    q = _one(_q(text, ents)[0], "direct", '"Informasi mengenai')
    assert q.speaker == "e1"
    assert q.speaker_mention.text == "juru bicara Kementerian Telekomunikasi Iran"


def test_unrecognised_person_after_an_organisation_leaves_speaker_null():
    # 'kata juru bicara militer Sudan, Santo Domic Chol.': a person is named but is no entity here
    text = INDOSUM["pewarta-lepas-as-tewas-terjebak-pertempuran-di-sud"]
    ents = [_ent("e1", "LOC", text, "Sudan")]
    q = _one(_q(text, ents)[0], "direct", '"Di lokasi pertempuran')
    assert q.speaker is None
    assert q.speaker_mention.text.endswith("Santo Domic Chol")


from hypothesis import given, settings, strategies as st  # noqa: E402

_QUOTEY = st.lists(st.sampled_from(list("“”\"‘’'«» ,.!?:\nabcKD") + [" kata ", " katanya", " Menurut ",
                                                                   " mengatakan ", " dia", " Ma’ruf"]),
                   max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_QUOTEY)
def test_any_text_gives_valid_offsets(text):
    quotes, warnings = extract_quotes(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text
        for span in (q.cue, q.speaker_mention):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text
    assert all(w.startswith("quote.") for w in warnings)


def test_unnamed_speaker_phrase_is_kept():
    quotes, _ = _q(INDOSUM["kegendutan-mariah-carey-dikabarkan-tak-sanggup-pen"])
    assert _one(quotes, "direct", "“Setiap kali Mariah").speaker_mention.text == "seorang saksi mata"
    assert _one(quotes, "direct", "“Jelas dia").speaker_mention.text == "ujarnya"


def test_enclitic_after_an_unnamed_speaker_is_not_given_to_a_named_bystander():
    text = INDOSUM["kegendutan-mariah-carey-dikabarkan-tak-sanggup-pen"]
    quotes, _ = _q(text, [_ent("e1", "PER", text, "Mariah")])
    assert _one(quotes, "direct", "“Jelas dia").speaker is None     # the witness, not Mariah


def test_capitalised_cue_after_a_quote():
    quotes, _ = _q(INDOSUM["kesampingkan-putusan-ma-pemkot-pekanbaru-tertibkan"])
    q = _one(quotes, "direct", '"Ada putusan gugatan')
    assert q.cue.text == "Kata" and q.speaker_mention.text == "Renhard"


def test_cue_with_colon_ending_the_previous_paragraph():
    quotes, _ = _q(INDOSUM["minggu-ini-touchten-akan-luncurkan-playgamecom"])
    q = _one(quotes, "direct", "“Fokus kami")
    assert q.cue.text == "menjelaskan"
    assert q.speaker_mention.text.startswith("CEO Touchten Anton Soeharyo")


def test_quote_right_after_reported_speech_belongs_to_its_speaker():
    quotes, _ = _q(INDOSUM["jadi-ayah-liam-payne-1d-tak-bisa-berkata-kata"])
    assert _one(quotes, "indirect", "ia dan Cheryl").speaker_mention.text == "Payne"
    q = _one(quotes, "direct", "“Tapi dia sudah")
    assert q.speaker_mention.text == "Payne" and q.cue.text == "mengaku"


def test_parenthetical_inside_a_title():
    text = INDOSUM["novel-baswedan-masih-perlu-operasi-tambahan"]
    q = _one(_q(text)[0], "direct", '"Terkait kondisi')
    assert q.speaker_mention.text == "Pelaksana Harian (Plh) Kepala Biro Humas KPK Yuyuk Andriati"
    ents = [_ent("e1", "PER", text, "Kepala Biro Humas KPK"), _ent("e2", "PER", text, "Yuyuk Andriati")]
    q = _one(_q(text, ents)[0], "direct", '"Terkait kondisi')
    assert q.speaker == "e2" and q.speaker_mention.text == "Yuyuk Andriati"


def test_description_after_a_cue_names_the_last_speaker_or_the_main_person():
    """'ujar sang pelatih', 'tutur pelatih berusia 60 tahun tersebut': someone already named;
    'kata seorang sumber' stays unnamed."""
    import warta

    text = ('Pelatih Persib, Mario Gomez, puas dengan hasil pertandingan. "Kami bermain sangat baik malam ini," '
            'kata pria asal Argentina itu. "Saya bangga dengan pemain," ujar sang pelatih. "Kami akan terus '
            'bekerja," tutur pelatih berusia 60 tahun tersebut. "Ini rahasia," kata seorang sumber.')
    rec = warta.extract(text, published="2017-08-01")
    names = {e.id: e.name for e in rec.entities}
    speakers = [names.get(q.speaker) for q in rec.quotes]
    assert speakers == ["Mario Gomez", "Mario Gomez", "Mario Gomez", None]


def test_title_after_a_name_belongs_to_that_speaker():
    """'ujar Antonny Liem, CEO Merah Cipta Media Group' and 'Djoko Hariyanto, Kepala Unit … menyebut':
    the title is the named person's, not a speaker of its own (IndoSum)."""
    import warta

    text = ('"Mereka punya pengalaman di bidangnya," ujar Antonny Liem, CEO Merah Cipta Media Group, sekaligus '
            'Chairman Social Media Week Jakarta.\n\nDjoko Hariyanto, Kepala Unit Pelaksana Teknis Lokawisata '
            'Baturraden menyebut dua wahana baru tersebut adalah sepeda gantung dan ayunan.')
    rec = warta.extract(text, published="2017-06-01")
    names = {e.id: e.name for e in rec.entities}
    assert [names.get(q.speaker) for q in rec.quotes] == ["Antonny Liem", "Djoko Hariyanto"]
    people = {e.name: e.role for e in rec.entities if e.type == "PER"}
    assert people["Antonny Liem"] == "CEO Merah Cipta Media Group"
    assert not any(n.startswith("CEO ") for n in people)


def test_direct_only_cue_needs_a_direct_quote():
    """'Goh melanjutkan, “…”' is speech; 'Goh melanjutkan studi' and 'Wartawan bertanya apakah …' are not."""
    import warta

    text = ('Uskup Agung Singapura William Goh meminta umat berhati-hati.\n\n'
            'Goh melanjutkan, “Orang tua disarankan melindungi anak-anak mereka dari film ini.”\n\n'
            'Goh melanjutkan studi di Roma pada 1980-an. Wartawan bertanya apakah ia setuju.')
    rec = warta.extract(text, published="2017-03-10")
    names = {e.id: e.name for e in rec.entities}
    assert [(q.kind, q.cue.text if q.cue else None, names.get(q.speaker)) for q in rec.quotes] == \
        [("direct", "melanjutkan", "William Goh")]


def test_a_description_closed_by_a_demonstrative_and_an_adverb_names_the_last_speaker(nlp):
    """IndoSum (Charles Leclerc, 2017): '…," kata pebalap Monako itu lagi.' is Leclerc speaking again,
    not the place Monako, although an adverb follows the demonstrative."""
    text = ("Pebalap Formula 2 Charles Leclerc dikabarkan akan bergabung dengan tim Sauber. \"Saat ini bukan itu "
            "tujuan utama saya,\" tutur Leclerc. \"Tujuan utama saya adalah mendapat jam terbang dengan mobil,\" "
            "kata pebalap Monako itu lagi.")
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.entities}
    quotes = [q for q in doc._.quotes if q.kind == "direct"]
    assert len(quotes) == 2
    assert [names.get(q.speaker) for q in quotes] == ["Charles Leclerc", "Charles Leclerc"]


def test_a_government_speaks_as_itself_not_as_the_country_inside_its_name(nlp):
    """"Pemerintah Irak mengatakan …": the speaker is the group entity Pemerintah Irak (IRQGOV), not
    the country Irak nested in the phrase."""
    doc = nlp("Pemerintah Irak mengatakan serangan itu gagal.")
    ents = {e.id: e for e in doc._.entities}
    quote = next(q for q in doc._.quotes if q.kind == "indirect")
    assert ents[quote.speaker].name == "Pemerintah Irak" and ents[quote.speaker].actor == "IRQGOV"


def test_a_person_described_by_origin_is_not_the_place(nlp):
    """'…,” tukas pria kelahiran Balikpapan yang kini tinggal di Bekasi.': a man born in Balikpapan, the
    person quoted before, not the city (lang/quote_speaker_words.tsv class 'person'), even with no
    demonstrative closing the description."""
    text = ("Andrew Santoso datang ke Balai Kota. “Saya tidak kenal Pak Ahok,” kata Andrew. “Saya juga bukan "
            "pemilih DKI Jakarta,” tukas pria kelahiran Balikpapan yang kini tinggal di Bekasi.")
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.entities}
    quotes = [q for q in doc._.quotes if q.kind == "direct"]
    assert [names.get(q.speaker) for q in quotes] == ["Andrew Santoso", "Andrew Santoso"]


def test_a_role_noun_after_a_name_and_comma_is_that_persons_apposition(nlp):
    """IndoSum (ocean colour, 2017): "Ahmet Cemal Saydam, peneliti dari Universitas Hacettepe di Turki
    mengatakan …": the researcher speaks, not the university (role nouns, not only titles, open an
    apposition)."""
    text = ("Warna laut berubah menjadi biru kehijauan. Ahmet Cemal Saydam, peneliti dari Universitas Hacettepe "
            "di Turki mengatakan kalau perubahan warna ini tidak perlu dikhawatirkan.")
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.entities}
    quote = next(q for q in doc._.quotes if q.kind == "indirect")
    assert names.get(quote.speaker) == "Ahmet Cemal Saydam"
