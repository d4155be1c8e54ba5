"""Generate the regular morphological forms the trigger lexicon lacks (issue 9), as data:
``src/warta/lang/event_trigger_forms.tsv``.

For every single-word form of ``lang/event_triggers.tsv`` the regular Indonesian derivations are built
from its root (meN- active <-> di- passive, peN-an nominal, with -kan / -i kept), following the
standard meN- allomorphy (mem- before b/f/p/v with p dropped, men- before c/d/j/t/z with t dropped,
meny- for s, meng- before vowels, g, h, k with k dropped, me- before l/m/n/r/w/y). Because the root of
a meN- word is ambiguous (menilai: nilai or *tilai), a generated form is kept only if it is a real word:
it must occur at least ``--min-count`` times in the IndoSum articles (``../shared/data/indosum``). A form
already in the lexicon (any row, any voice) is never added again, so a derived form cannot change the
type of a word that has one. The output rows keep the type, mode, CAMEO code and object constraint of
the row they derive from. Reviewed by hand after generation (forms listed in ``--drop`` are removed).

    python training/events/morph_forms.py            # writes src/warta/lang/event_trigger_forms.tsv (passive forms)
    python training/events/morph_forms.py --voices passive,nominal   # issue 11: + reviewed peN-an nominals
    python training/events/morph_forms.py --voices active,passive,nominal --out /tmp/all.tsv   # every candidate
"""
import argparse
import glob
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANG = ROOT / "src" / "warta" / "lang"
SUFFIXES = ("kan", "i", "")
WITH_AN = False   # --with-an: also root + -an nominals (issue 11: tried, lowered the read set; not shipped)
# generated forms judged wrong or too ambiguous on review (issue 9): another word (penemuan = discovery,
# dialah), another type (penuntutan), a status cue (diduga), or mostly non-events in news ("saat dihubungi",
# "dibahas" topics, "didorong oleh")
REVIEWED_DROP = ("penemuan,dialah,penuntutan,disebutnya,disebutkan,dianggap,diduga,penyebutan,penilaian,"
                 "pengamanan,didorong,dihubungi,peminjaman,dibahas,pembahasan,didiskusikan,"
                 # issue 11, peN-an review: another sense in news (penawaran harga, pendanaan = budget, penguasaan
                 # lahan, perebutan kekuasaan, pengadilan = court, pelanggaran = violation, penyesalan = regret),
                 # or no PLOVER act (pengampunan, penghinaan, pelecehan); mengamankan = also "secure an event"
                 "penawaran,pendanaan,penguasaan,perebutan,pengadilan,pelanggaran,penyesalan,pengampunan,"
                 "penghinaan,pelecehan,mengamankan,"
                 # issue 11, -an review: another sense (selamatan, hubungan, temuan, bahasan, janjian, sebutan,
                 # anggapan, dugaan = status cue, pertanyaan, persoalan, peringatan = commemoration too, hukuman =
                 # a sentence, tangkapan = a catch, tahanan = detainee, tindakan, dudukan, rebutan, bubaran,
                 # batasan, pukulan = economic blow too, tabrakan = collision, tawaran = price offer too)
                 "selamatan,hubungan,temuan,bahasan,janjian,sebutan,anggapan,dugaan,pertanyaan,persoalan,"
                 "peringatan,hukuman,tangkapan,tahanan,tindakan,dudukan,rebutan,bubaran,batasan,pukulan,"
                 "tabrakan,tawaran,saluran,lepasan,ujian,ledakan")


def roots_of_men(w: str) -> list[tuple[str, str]]:
    """(root, suffix) candidates of a meN- verb."""
    out = []
    for suf in SUFFIXES:
        if suf and not w.endswith(suf):
            continue
        stem = w[: len(w) - len(suf)] if suf else w
        cands = []
        if stem.startswith("memper"):
            cands.append("per" + stem[6:])
        if stem.startswith("meng"):
            r = stem[4:]
            cands += [r] + (["k" + r] if r[:1] in "aeiou" else [])
        elif stem.startswith("meny"):
            cands.append("s" + stem[4:])
        elif stem.startswith("mem"):
            r = stem[3:]
            cands += [r] if r[:1] in "bfpv" else (["p" + r] if r[:1] in "aeiou" else [])
        elif stem.startswith("men"):
            r = stem[3:]
            cands += [r] if r[:1] in "cdjtzs" else (["t" + r] if r[:1] in "aeiou" else [])
        elif stem.startswith("me"):
            r = stem[2:]
            cands += [r] if r[:1] in "lmnrwy" else []
        out += [(c, suf) for c in cands if len(c) >= 3]
    return out


def men_prefix(root: str) -> str:
    """The meN- form of a root (without suffix)."""
    c = root[:1]
    if root.startswith("per"):
        return "mem" + root
    if c in "bfv":
        return "mem" + root
    if c == "p":
        return "mem" + root[1:]
    if c in "cdjz":
        return "men" + root
    if c == "t":
        return "men" + root[1:]
    if c == "s":
        return "meny" + root[1:]
    if c == "k":
        return "meng" + root[1:]
    if c in "aeioughr" and c not in "r":
        return "meng" + root
    return "me" + root


def derive(form: str, voice: str) -> list[tuple[str, str]]:
    """(form, voice) derivations of one single-word lexicon form."""
    out = []
    if voice == "active" and form.startswith("me"):
        for root, suf in roots_of_men(form):
            out.append(("di" + root + suf, "passive"))
            men = men_prefix(root)
            out.append(("pe" + men[2:] + "an", "nominal"))
            if WITH_AN:
                out.append((root + "an", "nominal"))   # issue 11: the -an result noun (serangan, tuduhan, kecaman)
    elif voice == "passive" and form.startswith("di") and len(form) > 5:
        body = form[2:]
        for suf in SUFFIXES:
            if suf and not body.endswith(suf):
                continue
            root = body[: len(body) - len(suf)] if suf else body
            if len(root) < 3:
                continue
            men = men_prefix(root)
            out.append((men + suf, "active"))
            out.append(("pe" + men[2:] + "an", "nominal"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--indosum", default=str(ROOT.parent / "shared" / "data" / "indosum"))
    ap.add_argument("--drop", default=REVIEWED_DROP, help="comma-separated generated forms to leave out (reviewed)")
    ap.add_argument("--voices", default="passive",
                    help="voices to add (issue 9 ships passive only: active and peN-an additions lowered the check set)")
    ap.add_argument("--out", default=str(LANG / "event_trigger_forms.tsv"))
    ap.add_argument("--with-an", action="store_true", help="also propose root + -an nominals (issue 11, not shipped)")
    args = ap.parse_args()
    global WITH_AN
    WITH_AN = args.with_an
    counts = Counter()
    word = re.compile(r"[a-z]+")
    for f in sorted(glob.glob(f"{args.indosum}/*.jsonl")):
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            for para in d["paragraphs"]:
                for sent in para:
                    counts.update(word.findall(" ".join(sent).lower()))
    lines = [l.rstrip("\n") for l in open(LANG / "event_triggers.tsv", encoding="utf-8")]
    rows = [l.split("\t") for l in lines if l.strip() and not l.startswith("#")][1:]
    known = set()
    for cols in rows:
        for cell in cols[3:6]:
            known |= {f.strip().lower() for f in cell.split("|") if f.strip() and f.strip() != "-"}
    drop = {w.strip() for w in args.drop.split(",") if w.strip()}
    voices = set(args.voices.split(","))
    out_rows, added = [], set()
    for cols in rows:
        typ, mode, cameo, active, passive, nominal, requires, gloss = cols
        new = {"active": [], "passive": [], "nominal": []}
        for voice, cell in (("active", active), ("passive", passive)):
            for f in cell.split("|"):
                f = f.strip().lower()
                if not f or f == "-" or " " in f:
                    continue
                for g, v in derive(f, voice):
                    if v not in voices:
                        continue
                    if g in known or g in added or g in drop or counts[g] < args.min_count:
                        continue
                    new[v].append(g)
                    added.add(g)
        if any(new.values()):
            out_rows.append([typ, mode, cameo] + ["|".join(new[v]) or "-" for v in ("active", "passive", "nominal")]
                            + [requires, f"{gloss} (derived forms)"])
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# warta event trigger lexicon, regular derived forms (generated by training/events/morph_forms.py\n"
                 f"# --voices {args.voices} from lang/event_triggers.tsv: the {args.voices} forms of each root, kept only when the word occurs\n"
                 f"# >= {args.min_count} times in IndoSum (Kurniawan & Louvan 2018, CC BY-SA 4.0); hand-reviewed). Same columns\n"
                 "# as event_triggers.tsv; read after it, so a form listed there always wins. Licence: CC BY-SA 4.0.\n")
        fh.write("type\tmode\tcameo\tactive\tpassive\tnominal\trequires\tgloss\n")
        for r in out_rows:
            fh.write("\t".join(r) + "\n")
    print(len(added), "forms in", len(out_rows), "rows ->", args.out)


if __name__ == "__main__":
    main()
