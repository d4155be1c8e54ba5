#!/bin/sh
# Reproduce the shipped syntax model (src/warta/models/syntax): prepare, train (one thread,
# bounded wall clock; model-best is kept at every evaluation), ship. Same as `warta train parser`.
set -e
OMP_NUM_THREADS=1 warta train parser --step all --minutes "${TRAIN_MINUTES:-45}"
