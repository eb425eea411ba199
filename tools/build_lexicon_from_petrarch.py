#!/usr/bin/env python3
"""Extract candidate lexicon material from the PETRARCH2 / text_to_CAMEO dictionaries.

This script is the reproducible half of the lexicon derivation. It does NOT write the
curated files in data/lexicon/ (those are reviewed by hand: PETRARCH data is dated
2014-2015 and its actor files are full of person names that must never be copied).
It writes review material to an output directory (default: build/petrarch/, ignored
by git):

  cameo_verbs.tsv        every verb lemma of CAMEO.2.0.txt with its CAMEO code and the
                         newsgraph relation that code maps to (or empty)
  cameo_patterns.tsv     verb patterns whose CAMEO code maps to a newsgraph relation,
                         rendered as "verb + pattern" phrase candidates
  countrynames.tsv       text_to_CAMEO countrynames.txt: name -> ISO3 / COW code
  country_aliases.tsv    Phoenix.Countries.actors.txt: the country-level alias block
                         only (the '+' lines right under each COUNTRY_ [ISO] header);
                         person entries further down each section are skipped
  igo_names.tsv          Phoenix.International.actors.txt: organisation-looking names
                         (names containing an organisation head word) with their codes

With --compare it also cross-checks data/lexicon/countries.tsv and triggers.tsv
against the extracted data and prints a report (ISO3 codes the CAMEO country list knows
under another name; CAMEO lemmas for a mapped relation that triggers.tsv lacks).

Usage: tools/build_lexicon_from_petrarch.py [--src DIR] [--out DIR] [--compare]
stdlib only.
"""
import argparse
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_SRC = "/work/shared/data/petrarch-dictionaries"

# CAMEO code prefix -> newsgraph relation. Longest prefix wins. Codes not listed map to
# nothing (statements, appeals to third parties, protests, investigations, ...).
CAMEO_TO_RELATION = {
    "036": "meets-with",        # express intent to meet or negotiate
    "040": "meets-with", "041": "meets-with", "042": "meets-with",
    "043": "meets-with", "044": "meets-with",
    "046": "negotiates-with",
    "051": "praises",
    "030": "cooperates-with", "031": "cooperates-with", "032": "cooperates-with",
    "050": "cooperates-with", "057": "cooperates-with",
    "060": "cooperates-with", "061": "cooperates-with", "062": "cooperates-with",
    "064": "cooperates-with",
    "063": "extradites",        # judicial cooperation; in the verb file: EXTRADITE
    "033": "aids",
    "070": "aids", "071": "aids", "072": "aids", "073": "aids", "074": "aids",
    "075": "aids",
    "10": "demands",
    "020": "demands", "021": "demands", "022": "demands", "023": "demands",
    "024": "demands", "025": "demands", "026": "demands", "027": "demands",
    "028": "demands",
    "110": "criticizes", "111": "criticizes", "114": "criticizes", "113": "criticizes",
    "112": "accuses",
    "115": "prosecutes", "116": "prosecutes",
    "12": "rejects",
    "13": "threatens",
    "161": "sanctions", "163": "sanctions", "172": "sanctions",
    "173": "arrests",
    "174": "extradites",        # expel or deport individuals
    "18": "attacks", "19": "attacks", "20": "attacks",
}


# CAMEO 173 "arrest, detain, or charge with legal action" covers two newsgraph relations.
PROSECUTION_LEMMAS = {"prosecute", "indict", "convict", "sue", "sentence", "charge", "try"}
CUSTODY_AND_PROSECUTION = {"jail", "imprison", "incarcerate"}


def relations_for(lemma, code):
    rel = relation_for(code)
    if rel == "arrests":
        if lemma in PROSECUTION_LEMMAS:
            return {"prosecutes"}
        if lemma in CUSTODY_AND_PROSECUTION:
            return {"arrests", "prosecutes"}
    return {rel} if rel else set()


def relation_for(code):
    code = code.strip()
    best = ""
    for prefix, rel in CAMEO_TO_RELATION.items():
        if code.startswith(prefix) and len(prefix) > len(best):
            best = prefix
    return CAMEO_TO_RELATION.get(best, "")


CODE_RE = re.compile(r"\[([0-9A-Za-z\-]+)(?::[0-9\-]*)?\]")


def clean_words(text):
    """'+HAND_OVER {+HANDS_OVER ...}' -> 'hand over'."""
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = text.replace("+", " ").replace("_", " ")
    return " ".join(text.split()).lower()


def parse_cameo(path):
    verbs, patterns = [], []
    block, block_code = None, None
    in_verbs = False
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.startswith("####### VERB PATTERNS"):
                in_verbs = True
                continue
            if not in_verbs:
                continue
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
            if m:
                block = m.group(1)
                block_code = m.group(2).split(":")[0]
                continue
            if block is None or not line.strip() or line.lstrip().startswith("#"):
                continue
            body, _, comment = line.partition("#")
            if line.startswith("-"):
                cm = CODE_RE.search(body)
                code = cm.group(1) if cm else block_code
                pat = CODE_RE.sub("", body[1:]).strip()
                verb = comment.strip().split(",")[0].strip().split(" ")[0] if comment.strip() else block
                patterns.append((block, verb, pat, code, lineno))
                continue
            cm = CODE_RE.search(body)
            code = cm.group(1) if cm else block_code
            lemma = clean_words(CODE_RE.sub("", body))
            if lemma:
                verbs.append((block, lemma, code, lineno))
    return verbs, patterns


def render_pattern(verb, pat):
    """'* SANCTIONS' with verb IMPOSE -> 'impose sanctions'; only simple shapes."""
    pat = pat.replace("{", "").replace("}", "")
    if not pat.startswith("*"):
        return ""
    rest = pat[1:].strip()
    if any(ch in rest for ch in "&$%^=") or not rest:
        return ""
    words = rest.replace("(", "").replace(")", "").split()
    return " ".join([verb.lower().replace("_", " ")] + [w.lower().replace("_", " ") for w in words])


def parse_countrynames(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[1] != "---":
                rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return rows


def parse_country_aliases(path):
    """Only the alias block that directly follows a 'NAME_ [ISO]' header line."""
    rows = []
    current = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.rstrip("\n")
            m = re.match(r"^([A-Z][A-Z_'\-\.]*)\s+\[([A-Z]{3})\]\s*(#.*)?$", line)
            if m:
                current = m.group(2)
                rows.append((current, clean_words(m.group(1)), "name"))
                continue
            if current and line.startswith("+"):
                alias = clean_words(line.split("#")[0])
                if alias:
                    rows.append((current, alias, "alias"))
                continue
            current = None  # blank line / anything else ends the alias block
    return rows


ORG_HEADS = ("ORGANIZATION", "ORGANISATION", "UNION", "BANK", "FUND", "AGENCY",
             "COUNCIL", "COMMISSION", "COURT", "TRIBUNAL", "ASSOCIATION", "COMMUNITY",
             "PROGRAM", "PROGRAMME", "LEAGUE", "NATIONS", "CROSS", "CRESCENT",
             "INTERNATIONAL", "WATCH", "FEDERATION", "FORUM", "COMMITTEE",
             "PARLIAMENT", "ASSEMBLY", "OFFICE", "SECRETARIAT", "PANEL", "INSTITUTE")


def parse_igos(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line[0] in "#+\t -":
                continue
            name = line.split("[")[0].split("#")[0].strip()
            codes = " ".join(re.findall(r"\[([^\]]+)\]", line))
            words = name.rstrip("_").split("_")
            if any(w in ORG_HEADS for w in words) or (len(words) == 1 and 2 <= len(words[0]) <= 8):
                rows.append((clean_words(name), codes))
    return rows


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# " + "\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def read_lexicon(path):
    out = []
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            out.append(line.rstrip("\n").split("\t"))
    return out


def compare(verbs, patterns, cnames, aliases):
    lex = os.path.join(ROOT, "data", "lexicon")
    countries = read_lexicon(os.path.join(lex, "countries.tsv"))
    forms = {}
    for r in countries:
        for f in [r[1]] + [a for a in r[2].split("|") if a]:
            forms.setdefault(fold(f), set()).add(r[0])
    print("== countrynames.txt entries whose ISO3 disagrees with countries.tsv ==")
    for name, iso, _cow in cnames:
        isos = forms.get(fold(name))
        if isos is not None and iso not in isos:
            print(f"  {name}: CAMEO {iso}, lexicon {sorted(isos)}")
    print("== countrynames.txt names not in countries.tsv (informational) ==")
    for name, iso, _cow in cnames:
        if fold(name) not in forms:
            print(f"  {name} ({iso})")
    triggers = read_lexicon(os.path.join(lex, "triggers.tsv"))
    have = {(r[0], r[2]) for r in triggers}
    print("== CAMEO verb lemmas mapped to a relation but absent from triggers.tsv ==")
    seen = set()
    for block, lemma, code, lineno in verbs:
        for rel in sorted(relations_for(lemma, code)):
            if (rel, lemma) not in have and (rel, lemma) not in seen:
                seen.add((rel, lemma))
                print(f"  {rel}\t{lemma}\t[{code}] {block} line {lineno}")


def annotate(verbs, patterns):
    """Rewrite triggers.tsv notes with a 'CAMEO nnn' tag for every trigger whose verb lemma
    (or rendered verb pattern) has a CAMEO code mapping to the same relation."""
    path = os.path.join(ROOT, "data", "lexicon", "triggers.tsv")
    codes = {}
    for _block, lemma, code, _n in verbs:
        for rel in relations_for(lemma, code):
            codes.setdefault((rel, lemma), set()).add(code)
    for _block, verb, pat, code, _n in patterns:
        phrase = render_pattern(verb, pat)
        for rel in relations_for(verb.lower(), code):
            if phrase:
                codes.setdefault((rel, phrase), set()).add(code)
    out, tagged = [], 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                out.append(line)
                continue
            f = line.split("\t")
            rel, pos, lemma = f[0], f[1], f[2]
            notes = [n for n in f[4].split("; ") if n and not n.startswith("CAMEO ")]
            found = set()
            if pos in ("verb", "phrase"):
                found = codes.get((rel, lemma), set())
            if found:
                tagged += 1
                notes.insert(0, "CAMEO " + "/".join(sorted(found)))
            f[4] = "; ".join(notes)
            out.append("\t".join(f))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")
    print(f"annotated {tagged} triggers with CAMEO codes", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default=DEFAULT_SRC)
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "petrarch"))
    ap.add_argument("--compare", action="store_true")
    ap.add_argument("--annotate", action="store_true",
                    help="tag data/lexicon/triggers.tsv notes with matching CAMEO codes")
    args = ap.parse_args()

    verbs, patterns = parse_cameo(os.path.join(args.src, "CAMEO.2.0.txt"))
    cnames = parse_countrynames(os.path.join(args.src, "countrynames.txt"))
    aliases = parse_country_aliases(os.path.join(args.src, "Phoenix.Countries.actors.txt"))
    igos = parse_igos(os.path.join(args.src, "Phoenix.International.actors.txt"))

    os.makedirs(args.out, exist_ok=True)
    write_tsv(os.path.join(args.out, "cameo_verbs.tsv"),
              ["relation", "lemma", "cameo_code", "block", "line"],
              sorted(((",".join(sorted(relations_for(l, c))), l, c, b, n) for b, l, c, n in verbs),
                     key=lambda r: (r[0], r[1], r[2])))
    prow = []
    for block, verb, pat, code, n in patterns:
        phrase = render_pattern(verb, pat)
        for rel in relations_for(verb.lower(), code):
            if phrase:
                prow.append((rel, phrase, code, block, n))
    write_tsv(os.path.join(args.out, "cameo_patterns.tsv"),
              ["relation", "phrase", "cameo_code", "block", "line"], sorted(set(prow)))
    write_tsv(os.path.join(args.out, "countrynames.tsv"), ["name", "iso3", "cow"], cnames)
    write_tsv(os.path.join(args.out, "country_aliases.tsv"), ["iso3", "form", "type"], aliases)
    write_tsv(os.path.join(args.out, "igo_names.tsv"), ["name", "codes"], igos)
    print(f"wrote {len(verbs)} verb lemmas, {len(prow)} pattern phrases, {len(cnames)} country names, "
          f"{len(aliases)} country aliases, {len(igos)} organisation names to {args.out}", file=sys.stderr)
    if args.annotate:
        annotate(verbs, patterns)
    if args.compare:
        compare(verbs, patterns, cnames, aliases)


if __name__ == "__main__":
    main()
