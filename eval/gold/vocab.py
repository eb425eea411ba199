"""The vocabulary of the news gold (../shared/annotation/GUIDELINES.md)."""

ACTOR_TYPES = ("person", "organization", "country", "location", "group")

EVENTS = ("cooperates-with", "meets-with", "negotiates-with", "praises", "aids", "extradites",
          "demands", "accuses", "criticizes", "rejects", "threatens", "sanctions", "arrests",
          "prosecutes", "attacks", "bribes")
STATIC = ("member-of", "leader-of", "part-of", "relative-of", "located-in")
RELATIONS = EVENTS + STATIC
# Read in either direction: A r B is B r A.
SYMMETRIC = frozenset({"cooperates-with", "meets-with", "negotiates-with", "relative-of"})
LEVELS = ("must", "may")
