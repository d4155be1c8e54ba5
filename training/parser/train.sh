#!/bin/sh
# Reproduce the shipped syntax model (src/warta/models/syntax). One CPU thread, bounded time:
# model-best is written at every evaluation, so a time-out still leaves the best model so far.
set -e
cd "$(dirname "$0")"
python prepare.py
OMP_NUM_THREADS=1 timeout "${TRAIN_TIME:-45m}" python -m spacy train config.cfg --output output "$@" || true
python package.py output/model-best ../../src/warta/models/syntax
