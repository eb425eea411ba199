#!/usr/bin/env python3
"""Builds data/lexicon/common_words.txt from UD English EWT train (CC BY-SA 4.0).

A word is "common" when, away from the start of a sentence, it is written in lowercase at
least as often as capitalized: "However", "Currently", "Decades" and "Understanding" are
common words capitalized only because they open a sentence or a heading, "Mexico" is not.
The recognizer uses the list to drop sentence-initial and heading capitals; it holds general
English only, derived from data, no names.

Also reads token-per-line NER files (CrossNER politics train and dev, MIT; Wikipedia text)
for more running text: a word's first column, blank lines between sentences.

Usage: python3 tools/build_common_words.py ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu \
    ../shared/data/crossner-politics/train.txt ../shared/data/crossner-politics/dev.txt \
    > data/lexicon/common_words.txt
"""
import sys
from collections import Counter

lower, capital = Counter(), Counter()
propn = Counter()
for path in sys.argv[1:]:
    first = True
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                first = True
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                form, upos = cols[1], cols[3]
            elif len(cols) == 2:
                form, upos = cols[0], ("PROPN" if cols[1] != "O" else "X")
            else:
                continue
            if not form[:1].isalpha():
                continue
            key = form.lower()
            if upos == "PROPN":
                propn[key] += 1
            if not first:
                if form[0].isupper():
                    capital[key] += 1
                else:
                    lower[key] += 1
            if upos != "PUNCT":
                first = False

words = sorted(
    w for w, n in lower.items()
    if n >= 2 and n >= capital[w] and propn[w] * 2 < n + capital[w]
)
print("# Common English words: written lowercase at least as often as capitalized in running text.")
print("# Derived from UD English EWT train (CC BY-SA 4.0) and CrossNER politics train/dev (MIT)")
print("# by tools/build_common_words.py.")
for w in words:
    print(w)
