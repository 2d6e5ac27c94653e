#!/usr/bin/env bash
# Writes LINES lines of seeded random words (a cluster/MapReduce vocabulary) to standard output, for the cluster
# scripts when ../shared/corpus is missing. Same SEED, same text.
#   scripts/generate-text.sh SEED LINES > file
set -euo pipefail
awk -v seed="${1:?SEED}" -v lines="${2:?LINES}" 'BEGIN { srand(seed); split("map reduce silo grain cluster fault tolerance partition key value the of and a worker master split", w, " ");
    for (l = 0; l < lines; l++) { line = ""; n = int(rand() * 12); for (j = 0; j < n; j++) line = line w[int(rand() * 17) + 1] " "; print line } }'
