#!/usr/bin/env python3
"""The seed's approach, for comparison: PyMOTW's SimpleMapReduce (multiprocessing.Pool.map for the map and the
reduce, a defaultdict(list) partition in the parent process) counting words under the countwords rules (words are
runs of non-white space, ASCII lower-cased, punctuation kept), printing "word count" lines, most frequent first,
ties by word.

    python3 simple_mapreduce_wordcount.py FILE [--workers N] [--expect output.txt] [--whole-files]

By default the file is cut into blocks of about 1 MiB of whole lines, streamed to Pool.map (chunksize 1), so every
worker maps: the fairest use of the seed's design. --whole-files is the seed exactly: the map input is a file name,
the mapper reads the file line by line and loops over the words (so one 43 MB file is mapped by one process).
"""
import argparse
import collections
import itertools
import multiprocessing
import sys
import time


class SimpleMapReduce:
    def __init__(self, map_func, reduce_func, num_workers=None):
        self.map_func = map_func
        self.reduce_func = reduce_func
        self.pool = multiprocessing.Pool(num_workers)

    def partition(self, mapped_values):
        partitioned_data = collections.defaultdict(list)
        for key, value in mapped_values:
            partitioned_data[key].append(value)
        return partitioned_data.items()

    def __call__(self, inputs, chunksize=1):
        map_responses = self.pool.map(self.map_func, inputs, chunksize=chunksize)
        partitioned_data = self.partition(itertools.chain(*map_responses))
        reduced_values = self.pool.map(self.reduce_func, partitioned_data)
        return reduced_values


def block_to_words(block):
    return [(word.lower(), 1) for word in block.split()]


def file_to_words(filename):
    output = []
    with open(filename, "rt", encoding="utf-8", errors="replace") as f:
        for line in f:
            for word in line.split():
                output.append((word.lower(), 1))
    return output


def count_words(item):
    word, occurrences = item
    return (word, sum(occurrences))


def blocks(path, size=1 << 20):
    with open(path, "rb") as f:
        rest = b""
        while True:
            data = f.read(size)
            if not data:
                if rest:
                    yield rest.decode("utf-8", "replace")
                return
            data = rest + data
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                rest = data
                continue
            rest = data[cut:]
            yield data[:cut].decode("utf-8", "replace")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--expect")
    parser.add_argument("--whole-files", action="store_true")
    args = parser.parse_args()
    start = time.perf_counter()
    if args.whole_files:
        mapper = SimpleMapReduce(file_to_words, count_words, args.workers)
        counts = mapper([args.path])
    else:
        mapper = SimpleMapReduce(block_to_words, count_words, args.workers)
        counts = mapper(blocks(args.path))
    counts.sort(key=lambda pair: (-pair[1], pair[0]))
    lines = [f"{word} {count}" for word, count in counts]
    sys.stdout.write("\n".join(lines) + "\n")
    print(f"python SimpleMapReduce: {time.perf_counter() - start:.2f} s", file=sys.stderr)
    if args.expect:
        with open(args.expect, encoding="utf-8") as f:
            expected = [line for line in f.read().split("\n") if line]
        if expected != lines:
            print(f"python SimpleMapReduce: output differs from {args.expect}", file=sys.stderr)
            return 1
        print(f"python SimpleMapReduce: output matches {args.expect}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
