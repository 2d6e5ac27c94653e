#!/usr/bin/env python3
"""Checks countwords-baseline against a reference in Python on random inputs (a manual tool, not part of CI).

    python3 bench/baselines/CountWordsBaseline/check.py BINARY [--seeds N]

Each seed makes one input: words drawn from a random vocabulary (lower and upper case, every byte value but the six
white-space bytes, lengths 1 to 3000, shared 8- and 16-byte prefixes, a byte order mark now and then), joined by runs
of the six white-space bytes. The binary runs with 1, 2 and 3 workers and with units of 1 KiB and 256 KiB (so words
cross unit boundaries and tables grow), and its output must equal the reference's byte for byte: words are maximal
runs of bytes that are not space, \\t, \\n, \\v, \\f or \\r; A-Z lower-cased; a leading UTF-8 BOM is dropped; "word count"
lines, count descending, then bytewise.
"""
import argparse
import collections
import random
import re
import subprocess
import sys
import tempfile

WHITE = [b" ", b"\t", b"\n", b"\x0b", b"\x0c", b"\r"]
WORD = re.compile(rb"[^ \t\n\x0b\x0c\r]+")


def reference(data):
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    counts = collections.Counter(WORD.findall(data.lower()))  # bytes.lower() lower-cases A-Z only
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return b"".join(word + b" " + str(n).encode() + b"\n" for word, n in ordered)


def word(rng):
    kind = rng.random()
    if kind < 0.5:
        length = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 31, 63, 64, 65, 127, 3000] if rng.random() < 0.3
                            else [1, 2, 3, 4, 5, 6, 7, 8])
        alphabet = rng.choice([b"abcdefghijklmnopqrstuvwxyz", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"aAzZ@[`{\x00\x7f\x80\xc3\xa9\xff",
                               bytes(b for b in range(256) if bytes([b]) not in WHITE)])
        return bytes(rng.choice(alphabet) for _ in range(length))
    prefix = rng.choice([b"commandm", b"abcdefghijklmnop", b"\x00" * 8, b"ZZZZZZZZZZZZ", b"x"])
    return prefix + bytes(rng.choice(b"abcXYZ\x00\x80\xff!") for _ in range(rng.randint(0, 14)))


def make_input(seed):
    rng = random.Random(seed)
    vocabulary = [word(rng) for _ in range(rng.choice([5, 50, 500, 5000, 40000]))]
    out = bytearray(b"\xef\xbb\xbf" if rng.random() < 0.2 else b"")
    for _ in range(rng.choice([0, 1, 10, 1000, 20000, 200000])):
        out += rng.choice(vocabulary)
        for _ in range(rng.choice([1, 1, 1, 2, 5])):
            out += rng.choice(WHITE)
    if out and rng.random() < 0.5:
        out = bytearray(out.rstrip(b" \t\n\x0b\x0c\r"))
    if rng.random() < 0.1:
        out = bytearray(rng.choice(vocabulary) * rng.randint(1, 3000))
    return bytes(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--seeds", type=int, default=60)
    args = parser.parse_args()
    failures = 0
    with tempfile.NamedTemporaryFile(suffix=".txt") as f:
        for seed in range(1, args.seeds + 1):
            data = make_input(seed)
            f.seek(0)
            f.truncate()
            f.write(data)
            f.flush()
            expected = reference(data)
            for workers in (1, 2, 3):
                for unit in (1, 256):
                    actual = subprocess.run([args.binary, f.name, "--workers", str(workers), "--unit", str(unit)],
                                            stdout=subprocess.PIPE, check=True).stdout
                    if actual != expected:
                        failures += 1
                        print(f"seed {seed}, {workers} workers, unit {unit} KiB: output differs", file=sys.stderr)
    print(f"{args.seeds} inputs x 6 runs: {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
