#!/usr/bin/env python3
"""Writes reproducible word-count input for the memory and core-usage benchmarks.

  generate.py one FILE SIZE_MIB [DISTINCT]        one file of SIZE_MIB MiB
  generate.py many DIR COUNT SIZE_KIB [DISTINCT]  COUNT files of SIZE_KIB KiB each

The text is lines of 8 to 15 words drawn from DISTINCT (default 100,000) synthetic all-letter words
(Zipf-like: a few are frequent, most are rare), separated by spaces and punctuation, with LF line ends.
A 16 MiB block is generated once and repeated, so a 1 GiB file takes seconds; every word of the vocabulary
occurs in each block, so the distinct word count does not grow with the size.
"""
import os
import random
import sys

LETTERS = "abcdefghijklmnopqrstuvwxyz"
STOP = {"a", "an", "and", "are", "as", "be", "by", "for", "if", "in", "is", "it", "of", "or", "py", "rst",
        "that", "the", "to", "with"}


def vocabulary(distinct, rng):
    words, seen = [], set()
    while len(words) < distinct:
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 12)))
        if word not in seen and word not in STOP:
            seen.add(word)
            words.append(word)
    return words


def block(size, distinct, seed=1):
    rng = random.Random(seed)
    words = vocabulary(distinct, rng)
    cumulative, total = [], 0.0
    for rank in range(distinct):
        total += 1.0 / (rank + 1)
        cumulative.append(total)
    out, length, cursor = [], 0, 0
    while length < size:
        count = rng.randint(8, 15)
        line = rng.choices(words, cum_weights=cumulative, k=count)
        # Make sure every word occurs in the block: walk the vocabulary with one word per line.
        line[0] = words[cursor % distinct]
        cursor += 1
        text = " ".join(line) + (", " if cursor % 3 == 0 else ". ") + "\n"
        out.append(text)
        length += len(text)
    data = "".join(out).encode("ascii")
    return data[: data.rfind(b"\n", 0, size) + 1] if len(data) > size else data


def write(path, size, distinct):
    chunk = block(min(size, 16 << 20), distinct)
    with open(path, "wb") as f:
        written = 0
        while written + len(chunk) <= size:
            f.write(chunk)
            written += len(chunk)
        rest = chunk[: chunk.rfind(b"\n", 0, size - written) + 1]
        f.write(rest)


def main(argv):
    if len(argv) >= 3 and argv[0] == "one":
        write(argv[1], int(argv[2]) << 20, int(argv[3]) if len(argv) > 3 else 100_000)
    elif len(argv) >= 4 and argv[0] == "many":
        os.makedirs(argv[1], exist_ok=True)
        distinct = int(argv[4]) if len(argv) > 4 else 100_000
        chunk = block(int(argv[3]) << 10, distinct)
        for i in range(int(argv[2])):
            with open(os.path.join(argv[1], f"part-{i:04d}.txt"), "wb") as f:
                f.write(chunk)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
