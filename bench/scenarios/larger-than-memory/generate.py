#!/usr/bin/env python3
"""Writes the larger-than-memory word-count input: WORDS distinct words (default 20,000,000), ten a line (single
spaces, LF line ends). Word i, for i = 1 .. WORDS, is the base-26 digits of i * 2654435761 mod 2^40 written with a-z,
least significant first: an odd multiplier, so every word is distinct, and the file is the same on every machine
(196 MB for the default).

    python3 bench/scenarios/larger-than-memory/generate.py OUT [--words N]

Every word occurs once, so a word count keeps WORDS keys: about 2.8 GB in tables without a memory budget.
"""
import argparse

LETTERS = b"abcdefghijklmnopqrstuvwxyz"


def word(i):
    x = (i * 2654435761) % (1 << 40)
    out = bytearray()
    while True:
        x, digit = divmod(x, 26)
        out.append(LETTERS[digit])
        if x == 0:
            return bytes(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--words", type=int, default=20_000_000)
    args = parser.parse_args()
    with open(args.out, "wb") as out:
        line = []
        for i in range(1, args.words + 1):
            line.append(word(i))
            if len(line) == 10:
                out.write(b" ".join(line) + b"\n")
                line = []
        if line:
            out.write(b" ".join(line) + b"\n")


if __name__ == "__main__":
    main()
