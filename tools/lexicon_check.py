#!/usr/bin/env python3
"""Validate the built-in lexicon files in data/lexicon/ (stdlib only).

Usage:
  tools/lexicon_check.py [--dir data/lexicon] [--petrarch DIR] [--fix]
  tools/lexicon_check.py --hash "Some Name"     # print the digest for FORBIDDEN

Checks (every problem is printed as `file:line: message`; exit status 1 if any):
  * format: UTF-8, LF line ends, first line is the header comment `# col1<TAB>col2...`,
    further `#` comment lines only directly below it, no blank lines, exact column
    count, no leading/trailing/double spaces, no empty items in `|` lists
  * allowed values: kinds, categories, relations, parts of speech, prepositions, ISO3
  * sorted order: rows sorted by their columns left to right, comparing accent-stripped
    case-folded text first and the raw text second (`--fix` rewrites files in order)
  * uniqueness: per-file keys (see SPECS), and no repeated form inside a row (case
    variants such as BOJ|BoJ are allowed, for case-sensitive matchers)
  * surface forms shared across countries/locations/organizations (names, aliases,
    demonyms; compared accent- and case-insensitively) must be flagged as ambiguous in
    every row that uses them: `ambiguous` (the row's name) or `ambiguous:<form>`;
    at most one row may mark a shared form `preferred:<form>`
  * countries.capitals must each name a locations.tsv row (name or alias) of the same
    country (or the country's own name for city-states)
  * FORBIDDEN: names from the seed articles must not occur anywhere in a lexicon file
    (whole words, case- and accent-insensitive). They are stored as digests so that
    this repository never spells them out; add one with --hash.
  * with --petrarch DIR (default: the shared dictionary directory when it exists):
    no lexicon surface form may equal a multi-word person entry of the PETRARCH
    actor dictionaries (a guard against copying office holders).
"""
import argparse
import hashlib
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_PETRARCH = "/work/shared/data/petrarch-dictionaries"

EVENT_RELATIONS = {
    "cooperates-with", "meets-with", "negotiates-with", "praises", "aids", "extradites",
    "demands", "accuses", "criticizes", "rejects", "threatens", "sanctions", "arrests",
    "prosecutes", "attacks", "bribes",
}
STATIC_RELATIONS = {"member-of", "leader-of", "part-of", "relative-of", "located-in"}

COUNTRY_KINDS = {"state", "observer", "disputed", "territory"}
LOCATION_KINDS = {"city", "state", "province", "region", "continent", "sea", "island"}
ORG_KINDS = {"igo", "ngo", "agency", "legislature", "court", "military", "police",
             "intelligence", "media", "company", "office"}
ROLE_CATEGORIES = {"title", "role", "group", "state", "modifier", "org_head", "other_head", "loc_head"}
ROLE_RELATIONS = {"", "leader-of", "member-of", "relative-of"}
TRIGGER_POS = {"verb", "noun", "adj", "phrase"}
TRIGGER_PATTERNS = {"-", "with", "against", "on", "to", "of", "between", "from", "for",
                    "at", "into", "over", "in", "about", "by", "upon", "toward", "as", "behind"}

# sha256(normalize(name))[:32] for every forbidden seed name (see --hash).
FORBIDDEN = {
    "bd13bdb1ec5b2c3e1a2198e061d9950f",
    "00aa47c8a6ebbddedd75ae2522724ac4",
    "a60a52382d7077712def2a69eda3ba30",
    "2ad0015941445556cf9365abf39182a8",
    "e9b71991b7f947a3467fff8aeb5f6944",
    "634396cae9be3d523a616f05543b569f",
    "34061ae2a4216de81c23da06fdf25ebf",
    "43625bdb17028a387cc60396f1c6e176",
    "60d0391feed0bbe002cf4a94ab707996",
    "de0b849b1099acf3efd06d54c62c2c08",
    "674f5bf86303e22e30c29c917fbcdf3e",
    "13a2d582f855f23da04985ef4da6422e",
    "a509cc8e47e8e6246e5c32c8a948df6e",
    "bd769d2385350526374607322c3ce198",
    "89ff63ce8df84a47a2f5cf4462219538",
    "9fc01d6f839db95a50d87e43cff003c6",
    "305400ce607875b8371c8eb35ad9130e",
    "93b63ae45ba91131e210bd4fb8dd2511",
    "53af53c11f63c1eb9835289ba7c145d5",
    "301ed192fd072a93939d29feed2c0f45",
}
FORBIDDEN_MAX_WORDS = 4

# Words that mark a PETRARCH entry as an institution rather than a person (the actor files
# give some institutions the same dated role codes as office holders).
INSTITUTION_WORDS = set("""
authority center centre studies council party ministry army navy force forces agency
bank court union league organization organisation commission committee institute
office bureau service department government assembly parliament congress senate front
movement republic state states kingdom federation association foundation corporation
company group news times post press radio television university police guard national
international democratic people peoples united islamic community cooperation
""".split())

# file -> (columns, key columns, list-valued columns)
SPECS = {
    "countries.tsv": (["iso3", "name", "aliases", "demonyms", "capitals", "kind", "flags"],
                      ["iso3"], ["aliases", "demonyms", "capitals", "flags"]),
    "locations.tsv": (["name", "aliases", "kind", "country_iso3", "flags"],
                      ["name", "kind", "country_iso3"], ["aliases", "flags"]),
    "organizations.tsv": (["name", "aliases", "kind", "country_iso3", "flags"],
                          ["name", "country_iso3"], ["aliases", "flags"]),
    "roles.tsv": (["phrase", "category", "relation", "notes"], ["phrase", "category"], []),
    "triggers.tsv": (["relation", "pos", "lemma", "pattern", "notes"],
                     ["relation", "pos", "lemma", "pattern"], []),
}
ENTITY_FILES = ("countries.tsv", "locations.tsv", "organizations.tsv")


def fold(s):
    """Accent-stripped, case-folded text (the comparison used everywhere here)."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def words(s):
    return re.sub(r"[^0-9a-z]+", " ", fold(s)).split()


def digest(name):
    return hashlib.sha256(" ".join(words(name)).encode()).hexdigest()[:32]


def sort_key(fields):
    return (tuple(fold(f) for f in fields), tuple(fields))


class Checker:
    def __init__(self, lexdir):
        self.lexdir = lexdir
        self.problems = 0
        self.rows = {}      # file -> list of (lineno, dict)
        self.headers = {}   # file -> list of comment lines

    def err(self, fname, lineno, msg):
        self.problems += 1
        print(f"{os.path.join(self.lexdir, fname)}:{lineno}: {msg}")

    # ---------------------------------------------------------------- reading
    def read(self, fname):
        cols, _keys, _lists = SPECS[fname]
        path = os.path.join(self.lexdir, fname)
        rows, header = [], []
        if not os.path.exists(path):
            self.err(fname, 0, "file missing")
            self.rows[fname], self.headers[fname] = rows, header
            return
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.err(fname, 0, f"not UTF-8: {e}")
            text = raw.decode("utf-8", "replace")
        if "\r" in text:
            self.err(fname, 0, "CR characters (use LF line ends)")
        if text and not text.endswith("\n"):
            self.err(fname, 0, "no newline at end of file")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        expected_header = "# " + "\t".join(cols)
        if not lines or lines[0] != expected_header:
            self.err(fname, 1, f"first line must be the header comment {expected_header!r}")
        seen_data = False
        for i, line in enumerate(lines, 1):
            if line.startswith("#"):
                if seen_data:
                    self.err(fname, i, "comment lines are only allowed at the top of the file")
                header.append(line)
                continue
            seen_data = True
            if not line.strip():
                self.err(fname, i, "blank line")
                continue
            fields = line.split("\t")
            if len(fields) != len(cols):
                self.err(fname, i, f"expected {len(cols)} tab-separated columns, found {len(fields)}")
                continue
            for c, v in zip(cols, fields):
                if v != v.strip() or "  " in v:
                    self.err(fname, i, f"column {c}: stray whitespace in {v!r}")
                if any(unicodedata.category(ch) == "Cc" for ch in v):
                    self.err(fname, i, f"column {c}: control character")
            row = dict(zip(cols, fields))
            row["_fields"] = fields
            for c in SPECS[fname][2]:
                items = row[c].split("|") if row[c] else []
                for it in items:
                    if it != it.strip() or not it:
                        self.err(fname, i, f"column {c}: empty or padded item in {row[c]!r}")
                row["_" + c] = [it.strip() for it in items if it.strip()]
            rows.append((i, row))
        self.rows[fname], self.headers[fname] = rows, header

    # ---------------------------------------------------------------- generic
    def check_order_and_keys(self, fname):
        _cols, keys, _ = SPECS[fname]
        rows = self.rows[fname]
        prev = None
        seen = {}
        for lineno, row in rows:
            k = sort_key(row["_fields"])
            if prev is not None and k < prev[0]:
                self.err(fname, lineno, f"not sorted: must come before line {prev[1]}")
            prev = (k, lineno)
            key = tuple(fold(row[c]) for c in keys)
            if key in seen:
                self.err(fname, lineno, f"duplicate key {'/'.join(row[c] for c in keys)!r} (line {seen[key]})")
            else:
                seen[key] = lineno

    def fix_order(self, fname):
        path = os.path.join(self.lexdir, fname)
        rows = sorted(self.rows[fname], key=lambda r: sort_key(r[1]["_fields"]))
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            for h in self.headers[fname]:
                fh.write(h + "\n")
            for _l, r in rows:
                fh.write("\t".join(r["_fields"]) + "\n")

    # ---------------------------------------------------------------- entity files
    def forms_of(self, fname, row):
        """(form, role) pairs of an entity row; role is 'name' or 'alias'."""
        out = [(row["name"], "name")]
        out += [(a, "alias") for a in row.get("_aliases", [])]
        out += [(d, "alias") for d in row.get("_demonyms", [])]
        return out

    def check_flags(self, fname, lineno, row):
        forms = {fold(f) for f, _ in self.forms_of(fname, row)}
        amb, pref = set(), set()
        for fl in row["_flags"]:
            if fl == "ambiguous":
                amb.add(fold(row["name"]))
            elif fl.startswith("ambiguous:") or fl.startswith("preferred:"):
                kind, _, form = fl.partition(":")
                if fold(form) not in forms:
                    self.err(fname, lineno, f"flag {fl!r} names a form this row does not have")
                (amb if kind == "ambiguous" else pref).add(fold(form))
            else:
                self.err(fname, lineno, f"unknown flag {fl!r} (use ambiguous, ambiguous:<form>, preferred:<form>)")
        for p in pref - amb:
            self.err(fname, lineno, f"preferred:{p} without ambiguous:{p}")
        row["_amb"], row["_pref"] = amb, pref

    def check_row_forms(self, fname, lineno, row):
        seen = {}
        for form, _role in self.forms_of(fname, row):
            k = unicodedata.normalize("NFC", form)  # case variants (BOJ|BoJ) are allowed
            if k in seen:
                self.err(fname, lineno, f"form {form!r} listed twice in the row")
            seen[k] = True
            if re.search(r"[\t|;]", form):
                self.err(fname, lineno, f"form {form!r} contains a separator")
            if "\u2019" in form or "\u2018" in form:
                self.err(fname, lineno, f"form {form!r}: use ASCII apostrophes (loader normalizes)")

    def check_entities(self):
        iso = set()
        for lineno, row in self.rows.get("countries.tsv", []):
            if not re.fullmatch(r"[A-Z]{3}", row["iso3"]):
                self.err("countries.tsv", lineno, f"bad ISO3 code {row['iso3']!r}")
            iso.add(row["iso3"])
            if row["kind"] not in COUNTRY_KINDS:
                self.err("countries.tsv", lineno, f"kind {row['kind']!r} not in {sorted(COUNTRY_KINDS)}")
        for fname, kinds in (("locations.tsv", LOCATION_KINDS), ("organizations.tsv", ORG_KINDS)):
            for lineno, row in self.rows.get(fname, []):
                if row["kind"] not in kinds:
                    self.err(fname, lineno, f"kind {row['kind']!r} not in {sorted(kinds)}")
                if row["country_iso3"] and row["country_iso3"] not in iso:
                    self.err(fname, lineno, f"country {row['country_iso3']!r} not in countries.tsv")

        users = {}  # folded form -> list of (fname, lineno, row)
        for fname in ENTITY_FILES:
            for lineno, row in self.rows.get(fname, []):
                self.check_row_forms(fname, lineno, row)
                self.check_flags(fname, lineno, row)
                for form in {fold(f) for f, _ in self.forms_of(fname, row)}:
                    users.setdefault(form, []).append((fname, lineno, row))
        for form, us in users.items():
            if len(us) < 2:
                continue
            where = ", ".join(f"{f}:{l}" for f, l, _ in us)
            for fname, lineno, row in us:
                if form not in row["_amb"]:
                    self.err(fname, lineno, f"form {form!r} is shared ({where}) but not flagged ambiguous here")
            prefs = [(f, l) for f, l, r in us if form in r["_pref"]]
            if len(prefs) > 1:
                self.err(prefs[1][0], prefs[1][1], f"form {form!r} preferred by more than one row ({where})")

        # capitals
        locs = {}
        for lineno, row in self.rows.get("locations.tsv", []):
            for f, _ in self.forms_of("locations.tsv", row):
                locs.setdefault(fold(f), set()).add(row["country_iso3"])
        for lineno, row in self.rows.get("countries.tsv", []):
            own = {fold(row["name"])} | {fold(a) for a in row["_aliases"]}
            for cap in row["_capitals"]:
                c = fold(cap)
                if c in own:
                    continue
                if c not in locs:
                    self.err("countries.tsv", lineno, f"capital {cap!r} has no locations.tsv row")
                elif row["iso3"] not in locs[c]:
                    self.err("countries.tsv", lineno, f"capital {cap!r}: locations.tsv row belongs to {sorted(locs[c])}")

    # ---------------------------------------------------------------- roles, triggers
    def check_roles(self):
        for lineno, row in self.rows.get("roles.tsv", []):
            cat, rel = row["category"], row["relation"]
            if cat not in ROLE_CATEGORIES:
                self.err("roles.tsv", lineno, f"category {cat!r} not in {sorted(ROLE_CATEGORIES)}")
            if rel not in ROLE_RELATIONS:
                self.err("roles.tsv", lineno, f"relation {rel!r} not in {sorted(ROLE_RELATIONS - {''})} or empty")
            if cat in ("org_head", "other_head", "loc_head", "modifier") and rel:
                self.err("roles.tsv", lineno, f"{cat} rows take no relation")
            if rel == "relative-of" and cat not in ("role", "title", "group", "state"):
                self.err("roles.tsv", lineno, "relative-of only on title, role and group rows")
            if cat in ("group", "state") and rel == "leader-of":
                self.err("roles.tsv", lineno, "a group noun cannot be leader-of")
            if not row["phrase"]:
                self.err("roles.tsv", lineno, "empty phrase")

    def check_triggers(self):
        for lineno, row in self.rows.get("triggers.tsv", []):
            if row["relation"] not in EVENT_RELATIONS:
                self.err("triggers.tsv", lineno, f"relation {row['relation']!r} is not an event relation")
            if row["pos"] not in TRIGGER_POS:
                self.err("triggers.tsv", lineno, f"pos {row['pos']!r} not in {sorted(TRIGGER_POS)}")
            lemma = row["lemma"]
            if not re.fullmatch(r"[a-z][a-z' \-]*[a-z]", lemma):
                self.err("triggers.tsv", lineno, f"lemma {lemma!r}: lower-case words, spaces, hyphens only")
            if row["pos"] in ("verb", "adj") and " " in lemma:
                self.err("triggers.tsv", lineno, f"multi-word {row['pos']} {lemma!r} must have pos 'phrase' (compound nouns may stay 'noun')")
            if row["pos"] == "phrase" and " " not in lemma:
                self.err("triggers.tsv", lineno, f"single-word lemma {lemma!r} with pos 'phrase'")
            if row["pattern"] not in TRIGGER_PATTERNS:
                self.err("triggers.tsv", lineno, f"pattern {row['pattern']!r} not in {sorted(TRIGGER_PATTERNS)}")

    # ---------------------------------------------------------------- names
    def check_forbidden(self):
        for fname in sorted(os.listdir(self.lexdir)):
            path = os.path.join(self.lexdir, fname)
            if not os.path.isfile(path):
                continue
            try:
                text = open(path, encoding="utf-8").read()
            except UnicodeDecodeError:
                continue
            for lineno, line in enumerate(text.split("\n"), 1):
                ws = words(line)
                for n in range(1, FORBIDDEN_MAX_WORDS + 1):
                    for i in range(len(ws) - n + 1):
                        gram = " ".join(ws[i:i + n])
                        if hashlib.sha256(gram.encode()).hexdigest()[:32] in FORBIDDEN:
                            self.problems += 1
                            print(f"{path}:{lineno}: forbidden seed-article name {gram!r}")

    def check_petrarch_people(self, pdir):
        """Person blocks: a header line plus '+' aliases, with dated role codes such as
        [AFGGOV 791227-861124] or [ELI], and no bare country code like [BIH]."""
        role = re.compile(r"\[[A-Z]{3}(GOV|ELI|OPP|LEG|JUD|MIL|PTY|REB|BUS|MED|HRI|EDU|CVL|SPY|COP|REF|LAB)[A-Z]*\s+[<>]?\d{6}|\[ELI\]|\[[A-Z]{3}ELI\]")
        bare = re.compile(r"\[[A-Z]{3}\]")
        people = set()
        for fn in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                   "Phoenix.MilNonState.actors.txt"):
            path = os.path.join(pdir, fn)
            if not os.path.exists(path):
                continue
            block, person, country = [], False, False

            def flush():
                if person and not country:
                    people.update(n for n in block
                                  if len(n.split()) >= 2 and not set(n.split()) & INSTITUTION_WORDS)

            def name_of(text):
                return " ".join(words(text.split("[")[0].split("#")[0].replace("_", " ")))
            for line in open(path, encoding="utf-8", errors="replace"):
                if line[:1].isalpha():
                    flush()
                    block, person, country = [name_of(line)], False, bool(bare.search(line))
                    if role.search(line) or "# CountryInfo" in line:
                        person = True
                elif line.startswith("+"):
                    block.append(name_of(line[1:]))
                elif role.search(line):
                    person = True
            flush()
        if not people:
            return
        for fname in ENTITY_FILES:
            for lineno, row in self.rows.get(fname, []):
                for form, _ in self.forms_of(fname, row):
                    if " ".join(words(form)) in people:
                        self.err(fname, lineno, f"form {form!r} is a person in the PETRARCH actor dictionaries")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=os.path.join(ROOT, "data", "lexicon"))
    ap.add_argument("--petrarch", default=DEFAULT_PETRARCH if os.path.isdir(DEFAULT_PETRARCH) else "")
    ap.add_argument("--fix", action="store_true", help="rewrite files with rows in sorted order")
    ap.add_argument("--hash", metavar="NAME", help="print the FORBIDDEN digest of NAME and exit")
    args = ap.parse_args()
    if args.hash:
        print(f'    "{digest(args.hash)}",')
        return 0
    ck = Checker(args.dir)
    for fname in SPECS:
        before = ck.problems
        ck.read(fname)
        if args.fix and os.path.exists(os.path.join(args.dir, fname)):
            if ck.problems > before:
                print(f"{fname}: not re-sorted because of format problems", file=sys.stderr)
            else:
                ck.fix_order(fname)
                ck.read(fname)
    for fname in SPECS:
        ck.check_order_and_keys(fname)
    ck.check_entities()
    ck.check_roles()
    ck.check_triggers()
    ck.check_forbidden()
    if args.petrarch:
        ck.check_petrarch_people(args.petrarch)
    counts = ", ".join(f"{f}: {len(ck.rows.get(f, []))}" for f in SPECS)
    if ck.problems:
        print(f"{ck.problems} problem(s) ({counts})", file=sys.stderr)
        return 1
    print(f"lexicon OK ({counts})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
