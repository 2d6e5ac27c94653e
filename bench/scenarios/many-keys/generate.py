#!/usr/bin/env python3
"""Writes the many-keys input: WORDS distinct lowercase ASCII words (default 2,000,000), each once, in random order,
10 per line (single spaces, LF line ends). Word lengths are uniform from 6 to 12 letters (mean 9), so the default
file is about 20 MB (20,000,000 bytes give or take 0.1%). Deterministic: the same SEED gives the same bytes on every
machine and Python version: every choice is drawn from random.Random(SEED).random(), the one method whose sequence
Python guarantees not to change.

    python3 bench/scenarios/many-keys/generate.py OUT [--words N] [--seed S]

Every word is distinct, so a word count must keep WORDS keys: the case where tables, not the tokenizer, decide
the time and the memory.
"""
import argparse
import random
import string


def words(count, rng):
    letters = string.ascii_lowercase
    draw = rng.random
    seen = set()
    out = []
    while len(out) < count:
        word = "".join([letters[int(draw() * 26)] for _ in range(6 + int(draw() * 7))])
        if word not in seen:
            seen.add(word)
            out.append(word)
    for i in range(len(out) - 1, 0, -1):  # Fisher-Yates
        j = int(draw() * (i + 1))
        out[i], out[j] = out[j], out[i]
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--words", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    vocabulary = words(args.words, random.Random(args.seed))
    with open(args.out, "w", encoding="ascii", newline="\n") as f:
        for i in range(0, len(vocabulary), 10):
            f.write(" ".join(vocabulary[i:i + 10]))
            f.write("\n")


if __name__ == "__main__":
    main()
