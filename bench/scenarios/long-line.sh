#!/usr/bin/env bash
# One long line through a pipe against the same line from a file (a manual tool: never run it in CI).
#
#   bench/scenarios/long-line.sh [RUNS] [MEGABYTES] [SAMPLE_DLL]
#
# Writes a file of one line of MEGABYTES MB (default 100) of words, then times Sample.WordCount --tsv on it read from
# the file and read through a pipe (`cat f | Sample.WordCount --tsv -`), alternating the two in every round (RUNS
# rounds, default 5), and prints each one's median and the ratio piped / file. Both outputs are checked to be equal
# first. SAMPLE_DLL defaults to the Release build of src/Sample.WordCount (build it first:
# dotnet build -c Release src/Sample.WordCount). WORK is artifacts/long-line (or $LONG_LINE_WORK).
set -euo pipefail

runs="${1:-5}"
megabytes="${2:-100}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sample="${3:-$root/src/Sample.WordCount/bin/Release/net10.0/Sample.WordCount.dll}"
work="${LONG_LINE_WORK:-$root/artifacts/long-line}"
[[ "$runs" =~ ^[1-9][0-9]*$ && "$megabytes" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/scenarios/long-line.sh [RUNS] [MEGABYTES] [SAMPLE_DLL]" >&2; exit 2; }
[[ -f "$sample" ]] || { echo "long-line.sh: $sample not found (dotnet build -c Release src/Sample.WordCount)" >&2; exit 2; }
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

line="$work/line-$megabytes.txt"
if [[ ! -f "$line" ]]; then
  # Words of the sample's rules (letters), no line terminator until the very end. (`yes` ends on SIGPIPE.)
  set +o pipefail
  yes 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor' |
    head -c "$((megabytes * 1000 * 1000))" | tr '\n' ' ' >"$line.tmp"
  set -o pipefail
  printf '\n' >>"$line.tmp"
  mv "$line.tmp" "$line"
fi

dotnet "$sample" --tsv "$line" >"$work/file.tsv" 2>/dev/null
cat "$line" | dotnet "$sample" --tsv - >"$work/pipe.tsv" 2>/dev/null
cmp -s "$work/file.tsv" "$work/pipe.tsv" || { echo "long-line.sh: piped and file outputs differ" >&2; exit 1; }

now() { date +%s%N; }
file_times=()
pipe_times=()
for ((round = 0; round < runs; round++)); do
  start=$(now); dotnet "$sample" --tsv "$line" >/dev/null 2>&1; file_times+=($(( $(now) - start )))
  start=$(now); cat "$line" | dotnet "$sample" --tsv - >/dev/null 2>&1; pipe_times+=($(( $(now) - start )))
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
file_median=$(median "${file_times[@]}")
pipe_median=$(median "${pipe_times[@]}")
echo "one line of $megabytes MB, $runs alternating rounds ($(uptime | sed 's/.*load/load/'))"
awk -v f="$file_median" -v p="$pipe_median" 'BEGIN {
  printf "  from the file      %8.0f ms\n", f / 1e6
  printf "  through a pipe     %8.0f ms\n", p / 1e6
  printf "  piped / file       %8.2fx\n", p / f
}'
