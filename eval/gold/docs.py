"""The documents of the news gold: their ids, texts and metadata, read from ../shared.

Two corpora:
- `wikinews`: the records of ../shared/corpus/wikinews/wikinews.jsonl, text as given.
- `gum-news`: the news and interview documents of GUM (../shared/data/gum/dep/GUM_news_*,
  GUM_interview_*). A document's text is rebuilt from its CoNLL-U file: the `# text` lines of
  its sentences in order, joined by one space, except that a sentence whose comments hold a
  `# newpar` line (the start of a paragraph) is joined by a newline instead. The first
  sentence is joined to nothing. This is `gum_text()`; test_docs.py tests it.

Offsets everywhere in the gold are UTF-8 byte offsets into these texts.
"""
import glob
import hashlib
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
WIKINEWS = os.path.join(SHARED, "corpus", "wikinews", "wikinews.jsonl")
GUM_DEP = os.path.join(SHARED, "data", "gum", "dep")
GUM_SPLIT = os.path.join(SHARED, "data", "gum", "SPLIT.txt")
CORPORA = ("wikinews", "gum-news")


def gum_text(conllu):
    """The text of one GUM document (CoNLL-U source as a string), by the rule above."""
    parts = []
    newpar = False
    for line in conllu.splitlines():
        if line.startswith("# newdoc"):
            newpar = False
        elif line.strip() == "# newpar" or line.startswith("# newpar "):
            newpar = True
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
            if parts:
                parts.append("\n" if newpar else " ")
            parts.append(text)
            newpar = False
    return "".join(parts)


def gum_sentences(conllu):
    """(start, end) character ranges of the `# text` sentences in gum_text(conllu)."""
    out, pos = [], 0
    newpar = False
    for line in conllu.splitlines():
        if line.strip() == "# newpar" or line.startswith("# newpar "):
            newpar = True
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
            if out:
                pos += 1
            out.append((pos, pos + len(text)))
            pos += len(text)
            newpar = False
    return out


def gum_meta(conllu, key):
    m = re.search(r"^# meta::" + re.escape(key) + r" = (.*)$", conllu, re.M)
    return m.group(1).strip() if m else None


def load_wikinews():
    docs = []
    with open(WIKINEWS, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs.append({"id": r["id"], "corpus": "wikinews", "title": r.get("title"),
                         "date": r.get("date"), "url": r.get("url"), "text": r["text"],
                         "sentences": sentences(r["text"])})
    return docs


def load_gum():
    docs = []
    paths = sorted(glob.glob(os.path.join(GUM_DEP, "GUM_news_*.conllu"))
                   + glob.glob(os.path.join(GUM_DEP, "GUM_interview_*.conllu")))
    for path in paths:
        with open(path, encoding="utf-8") as f:
            src = f.read()
        doc_id = os.path.basename(path)[:-len(".conllu")]
        docs.append({"id": doc_id, "corpus": "gum-news", "title": gum_meta(src, "title"),
                     "date": gum_meta(src, "dateCreated"), "url": gum_meta(src, "sourceURL"),
                     "text": gum_text(src), "sentences": gum_sentences(src)})
    return docs


def load_all():
    """Every gold document, wikinews first, each corpus in its own order."""
    return load_wikinews() + load_gum()


def gum_ud_split():
    """GUM document id -> 'dev' or 'test' for the official UD partitions (others are train)."""
    split = {}
    with open(GUM_SPLIT, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            part, doc = line.split()
            split[doc] = part
    return split


_ABBREV = set("""mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr inc ltd
corp co no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd dept est approx
fig al u.s u.k u.n e.g i.e a.m p.m d.c u.s.a""".split())
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+)")


def sentences(text):
    """(start, end) character ranges of the sentences of `text`: paragraphs are split at
    newlines, then at a full stop, question or exclamation mark followed by space and an
    upper-case letter, digit or quote, unless the word before is an abbreviation or an initial."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        base, line = m.start(), m.group(0)
        start = 0
        for e in _END.finditer(line):
            end = e.end()
            rest = line[end:].lstrip()
            if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'\u201c\u2018("):
                continue
            word = re.search(r"([A-Za-z.]+)[.!?]*[\"'\u201d\u2019)\]]*$", line[start:end])
            if word and line[e.start()] == ".":
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                    continue
            seg = line[start:end]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                out.append((base + start + lead, base + end))
            start = end
        seg = line[start:]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((base + start + lead, base + start + len(seg.rstrip())))
    return out


def _rank(doc_id):
    """A fixed pseudo-random rank of a document id (sha1), for splits and samples."""
    return hashlib.sha1(doc_id.encode("utf-8")).hexdigest()


def splits(docs):
    """Document id -> 'train' | 'dev' | 'test': about 70 / 15 / 15 within each corpus.

    GUM documents in the official UD dev or test partition go to dev or test (so that a parser
    trained on GUM train never saw the text of a scored document); the rest of each part is
    filled by the sha1 rank of the ids, which fixes the split for good."""
    ud = gum_ud_split()
    out = {}
    for corpus in CORPORA:
        ids = sorted((d["id"] for d in docs if d["corpus"] == corpus), key=_rank)
        want = round(len(ids) * 0.15)
        part = {"dev": [], "test": []}
        for i in ids:
            if ud.get(i) in part:
                part[ud[i]].append(i)
        for i in ids:
            if i in ud:
                continue
            for name in ("dev", "test"):
                if len(part[name]) < want:
                    part[name].append(i)
                    break
        for name, members in part.items():
            for i in members:
                out[i] = name
        for i in ids:
            out.setdefault(i, "train")
    return out


def double_annotated(docs):
    """The tenth of the documents annotated twice, independently: the lowest sha1 ranks of
    each corpus (a tenth of each, rounded)."""
    out = []
    for corpus in CORPORA:
        ids = sorted((d["id"] for d in docs if d["corpus"] == corpus), key=lambda i: _rank("double:" + i))
        out += ids[:round(len(ids) / 10)]
    return set(out)
