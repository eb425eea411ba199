//! Entities and their mentions: who appears in a document.

use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// The kind of actor an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    /// A named human being.
    Person,
    /// A named organization: agency, party, company, cartel, court, outlet.
    Organization,
    /// A state as a political actor.
    Country,
    /// A city, region or other place.
    Location,
    /// A collective actor without a proper name ("cartel members", "protesters").
    Group,
    /// Agreements, laws, events, programs.
    Other,
}

impl EntityType {
    /// Every type, in a fixed order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Country,
        EntityType::Location,
        EntityType::Group,
        EntityType::Other,
    ];

    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Country => "country",
            EntityType::Location => "location",
            EntityType::Group => "group",
            EntityType::Other => "other",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown entity type '{s}' (expected one of person, organization, country, location, group, other)"))
    }
}

/// One occurrence of an entity in a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the name in the document's text (titles excluded).
    pub span: Range<usize>,
    /// Index of the sentence in the document's layout.
    pub sentence: usize,
    /// Token range of the mention in the document's layout.
    pub tokens: Range<usize>,
    /// Type of the mentioned entity.
    pub kind: EntityType,
    /// Index of the entity in the document's entity list.
    pub entity: usize,
    /// The mention is a modifier inside a larger name phrase ("Mexican" in "Mexican President
    /// Claudia Sheinbaum"): it names an entity but is not an argument of relations.
    pub nested: bool,
}

/// An entity of one document, or of the whole graph after merging.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable slug of the canonical label.
    pub id: String,
    /// Canonical label, as written in the text (accents kept).
    pub label: String,
    /// Entity type.
    pub kind: EntityType,
    /// Every surface form seen for it, canonical label included.
    pub aliases: BTreeSet<String>,
    /// Number of mentions.
    pub mentions: usize,
}
