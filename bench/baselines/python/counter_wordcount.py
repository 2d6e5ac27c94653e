#!/usr/bin/env python3
"""The seed's word count as one Python process would do it today: collections.Counter, no multiprocessing.

    python3 counter_wordcount.py PATH [PATH...]

Counts the words of the files (a directory is searched recursively) under the seed's rules, the rules of
src/Sample.WordCount (see its README.md and WordRules.cs):

  1. a line whose text, after leading white space, starts with ".." is skipped;
  2. every ASCII punctuation character becomes a space;
  3. the line is split at white space (str.split());
  4. each piece is lower-cased (str.lower());
  5. it is kept if str.isalpha() and it is not a stop word.

Files are read as UTF-8 (a byte order mark at the start is dropped, invalid bytes become U+FFFD) with universal
newlines, so lines end at \\n, \\r\\n or \\r, as in the sample. The output is what `Sample.WordCount --tsv` prints:
every word as "word<TAB>count", count descending, then word ascending by Unicode code point (Python's own string
order, which the sample follows too).

How it is made fast, in plain Python: lines are read in blocks of about 4 MiB (readlines with a size hint); the
skipped lines are dropped from a block by one compiled regular expression, and what is left is translated, lower-cased
and split as one string and counted by Counter.update (its counting loop is C). Lower-casing the whole block instead
of each piece is the same: lower() never makes or removes white space or punctuation, and the final-sigma rule stops
at white space. The isalpha and stop-word tests run once per distinct piece, at the end, not once per occurrence.
"""
import collections
import os
import re
import string
import sys

STOP_WORDS = frozenset("a an and are as be by for if in is it of or py rst that the to with".split())
PUNCTUATION_TO_SPACE = str.maketrans(string.punctuation, " " * len(string.punctuation))
# A whole line whose text after leading white space (not a line end) starts with "..": blocks hold "\n" line ends only.
SKIPPED_LINE = re.compile(r"^[^\S\n]*\.\.[^\n]*", re.MULTILINE)
BLOCK_CHARS = 1 << 22


def count_file(path, counts):
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        while True:
            lines = f.readlines(BLOCK_CHARS)
            if not lines:
                return
            block = "".join(lines)
            if ".." in block:
                block = SKIPPED_LINE.sub("", block)
            counts.update(block.translate(PUNCTUATION_TO_SPACE).lower().split())


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in sorted(os.walk(path)):
                for name in sorted(names):
                    yield os.path.join(folder, name)
        else:
            yield path


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    counts = collections.Counter()
    for path in files(argv):
        count_file(path, counts)
    words = [(word, n) for word, n in counts.items() if word.isalpha() and word not in STOP_WORDS]
    words.sort(key=lambda item: (-item[1], item[0]))
    out = sys.stdout.buffer
    out.write("".join([f"{word}\t{n}\n" for word, n in words]).encode("utf-8"))
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
