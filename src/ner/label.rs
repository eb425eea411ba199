//! BIO labels over four entity kinds, the transitions BIO allows, and spans from labels.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// The kind of a named entity, as the tagger predicts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A person.
    Per,
    /// An organization: party, agency, company, parliament.
    Org,
    /// A place: country, region, city, geographic feature.
    Loc,
    /// Other names: events, elections, demonyms used as names, works.
    Misc,
}

impl EntityKind {
    /// Every kind, in label order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Per,
        EntityKind::Org,
        EntityKind::Loc,
        EntityKind::Misc,
    ];

    /// The CoNLL name: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Per => "PER",
            EntityKind::Org => "ORG",
            EntityKind::Loc => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    fn index(self) -> u8 {
        match self {
            EntityKind::Per => 0,
            EntityKind::Org => 1,
            EntityKind::Loc => 2,
            EntityKind::Misc => 3,
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One token's BIO label: outside, or the beginning or inside of an entity of some kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// Not part of a name.
    O,
    /// The first token of a name.
    B(EntityKind),
    /// A later token of a name.
    I(EntityKind),
}

/// Number of labels: O and B/I for each kind.
pub(crate) const N_LABELS: usize = 9;

impl Label {
    /// Every label, in index order.
    pub const ALL: [Label; N_LABELS] = [
        Label::O,
        Label::B(EntityKind::Per),
        Label::I(EntityKind::Per),
        Label::B(EntityKind::Org),
        Label::I(EntityKind::Org),
        Label::B(EntityKind::Loc),
        Label::I(EntityKind::Loc),
        Label::B(EntityKind::Misc),
        Label::I(EntityKind::Misc),
    ];

    /// The label's index in [`Label::ALL`] (and in every weight row).
    pub(crate) fn index(self) -> usize {
        match self {
            Label::O => 0,
            Label::B(k) => 1 + 2 * k.index() as usize,
            Label::I(k) => 2 + 2 * k.index() as usize,
        }
    }

    /// The label at `index` of [`Label::ALL`].
    pub(crate) fn from_index(index: usize) -> Label {
        Label::ALL[index]
    }

    /// The entity kind, unless the label is `O`.
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Label::O => None,
            Label::B(k) | Label::I(k) => Some(k),
        }
    }

    /// Whether this label may follow `prev` (`None` at the start of a sentence): an `I-` label
    /// continues a name of its own kind.
    pub fn may_follow(self, prev: Option<Label>) -> bool {
        match self {
            Label::I(k) => prev.and_then(Label::kind) == Some(k),
            _ => true,
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Label::O => f.write_str("O"),
            Label::B(k) => write!(f, "B-{k}"),
            Label::I(k) => write!(f, "I-{k}"),
        }
    }
}

impl FromStr for Label {
    type Err = String;

    /// Parses `O`, `B-PER`, `I-LOC`, …
    fn from_str(s: &str) -> Result<Label, String> {
        if s == "O" {
            return Ok(Label::O);
        }
        let (prefix, kind) = s
            .split_once('-')
            .ok_or_else(|| format!("not a BIO label: '{s}'"))?;
        let kind = match kind {
            "PER" => EntityKind::Per,
            "ORG" => EntityKind::Org,
            "LOC" => EntityKind::Loc,
            "MISC" => EntityKind::Misc,
            _ => return Err(format!("unknown entity kind in '{s}'")),
        };
        match prefix {
            "B" => Ok(Label::B(kind)),
            "I" => Ok(Label::I(kind)),
            _ => Err(format!("not a BIO label: '{s}'")),
        }
    }
}

/// The names a label sequence marks: token ranges and their kinds, in order. An `I-` label that
/// does not continue a name of its kind starts one (the usual CoNLL reading).
pub fn spans(labels: &[Label]) -> Vec<(Range<usize>, EntityKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, &label) in labels.iter().enumerate() {
        let continues = matches!((label, open), (Label::I(k), Some((_, o))) if k == o);
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take() {
            out.push((start..i, kind));
        }
        if let Some(kind) = label.kind() {
            open = Some((i, kind));
        }
    }
    if let Some((start, kind)) = open {
        out.push((start..labels.len(), kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_round_trip() {
        for (i, l) in Label::ALL.iter().enumerate() {
            assert_eq!(l.index(), i);
            assert_eq!(Label::from_index(i), *l);
            assert_eq!(l.to_string().parse::<Label>().unwrap(), *l);
        }
        assert!("B-FOO".parse::<Label>().is_err());
        assert!("X-PER".parse::<Label>().is_err());
    }

    #[test]
    fn spans_follow_bio_and_repair_stray_inside_labels() {
        use EntityKind::*;
        let l = [
            Label::B(Per),
            Label::I(Per),
            Label::O,
            Label::I(Loc),
            Label::B(Org),
            Label::B(Org),
            Label::I(Misc),
        ];
        assert_eq!(
            spans(&l),
            vec![
                (0..2, Per),
                (3..4, Loc),
                (4..5, Org),
                (5..6, Org),
                (6..7, Misc)
            ]
        );
        assert!(spans(&[]).is_empty());
    }

    #[test]
    fn inside_labels_continue_their_own_kind() {
        use EntityKind::*;
        assert!(Label::I(Per).may_follow(Some(Label::B(Per))));
        assert!(Label::I(Per).may_follow(Some(Label::I(Per))));
        assert!(!Label::I(Per).may_follow(Some(Label::B(Org))));
        assert!(!Label::I(Per).may_follow(None));
        assert!(Label::B(Loc).may_follow(None));
    }
}
