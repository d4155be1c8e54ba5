"""Turn the pre-annotated pronoun candidates plus the hand decisions into tests/data/coref-gold.jsonl.

decisions.tsv: item number (document order of preannotated.jsonl) -> the antecedent's surface form
as read by a human (the nearest preceding occurrence is taken; a following one for cataphora),
or "-" when the pronoun refers to no named entity. Run from the repo root:
    python training/coref/make_gold.py
    python training/coref/make_gold.py training/coref/heldout-preannotated.jsonl \
        training/coref/heldout-decisions.tsv tests/data/coref-heldout.jsonl
"""
import json, re, sys
PRE, DEC, OUT = (sys.argv[1:4] if len(sys.argv) > 3 else
                 ('training/coref/preannotated.jsonl', 'training/coref/decisions.tsv', 'tests/data/coref-gold.jsonl'))
rows=[json.loads(l) for l in open(PRE)]
dec={}
for l in open(DEC):
    k,a=l.rstrip('\n').split('\t'); dec[int(k)]=a
# antecedent written with a left context to pick one occurrence: "left|name"
# decisions may carry a left context, 'left|name', to pick one occurrence (item 311)
k=0; out=[]; n_ref=0
for r in rows:
    t=r['text']; ms=[]
    for m in r['mentions']:
        a=dec[k]; k+=1
        ante=None
        if a!='-':
            left,_,name=a.rpartition('|')
            pat=re.compile(r'(?<!\w)'+re.escape(left)+'('+re.escape(name)+r')(?!\w)')
            hits=[h for h in pat.finditer(t) if h.end(1)<=m['start']]
            h=hits[-1] if hits else next((h for h in pat.finditer(t) if h.start(1)>=m['end']),None)
            assert h, (k-1,a)
            ante={"start":h.start(1),"end":h.end(1),"text":name}; n_ref+=1
        ms.append({"start":m['start'],"end":m['end'],"text":m['text'],"antecedent":ante})
    out.append({"id":r['id'],"published":r['published'],"text":t,"mentions":ms})
with open(OUT,'w') as f:
    for o in out: f.write(json.dumps(o,ensure_ascii=False)+'\n')
print(sum(len(o['mentions']) for o in out), 'mentions', n_ref, 'referential', len(out),'articles')
