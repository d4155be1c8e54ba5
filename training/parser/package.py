"""Copy a trained pipeline into the package, keeping only what run time needs."""
import shutil
import sys
from pathlib import Path

import spacy

src, dst = Path(sys.argv[1]), Path(sys.argv[2])
nlp = spacy.load(src)
nlp.meta.update({"name": "syntax", "version": "0.1.0",
                 "description": "warta Indonesian UPOS tagger + dependency parser (UD GSD legacy v2.0 + CSUI)",
                 "license": "CC BY-SA 4.0 (training data)"})
if dst.exists():
    shutil.rmtree(dst)
nlp.to_disk(dst, exclude=["vocab.lookups"])
print("wrote", dst, sum(f.stat().st_size for f in dst.rglob("*") if f.is_file()) // 1024, "KiB")
