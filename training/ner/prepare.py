"""Build the NER DocBins in training/ner/corpus/ (thin wrapper of `warta train ner --step prepare`).

    OMP_NUM_THREADS=1 python training/ner/prepare.py [--datasets nergrit,nerp,indolem-ui,indolem-ugm] [--fold 1]
"""
import sys

from warta.train_ner import main

if __name__ == "__main__":
    main(["--step", "prepare", *sys.argv[1:]])
