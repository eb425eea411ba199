//! User lexicons (`--lexicon FILE`): an analyst adds entities and aliases, renames what the
//! extractor finds, suppresses false entities and adds relation triggers.
//!
//! The file is JSON:
//!
//! ```json
//! {
//!   "entities": [{"name": "Ana Pérez", "type": "person", "aliases": ["Pérez"]},
//!                {"name": "Blue Cartel", "type": "organization", "country": "MEX"}],
//!   "rename": {"AMLO": "Andrés Manuel López Obrador"},
//!   "suppress": ["Chief Editor"],
//!   "triggers": [{"relation": "accuses", "pos": "verb", "lemma": "finger"}]
//! }
//! ```
//!
//! Every key is optional. Errors name the file, line and column.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::names::{NameEntry, NameSource};
use super::triggers::{make, parse_pos, Trigger};
use super::Lexicon;
use crate::entity::EntityType;
use crate::error::Error;
use crate::relation::RelationType;
use crate::text;

/// A parsed user lexicon.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserLexicon {
    /// Entities to know, with their aliases.
    #[serde(default)]
    pub entities: Vec<UserEntity>,
    /// Surface form → canonical name: the form becomes an alias of that name.
    #[serde(default)]
    pub rename: BTreeMap<String, String>,
    /// Names that are never entities.
    #[serde(default)]
    pub suppress: Vec<String>,
    /// Extra relation triggers.
    #[serde(default)]
    pub triggers: Vec<UserTrigger>,
    #[serde(skip)]
    parsed_triggers: Vec<Trigger>,
}

/// An entity of a user lexicon.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserEntity {
    /// Canonical name.
    pub name: String,
    /// One of person, organization, country, location, group, other.
    #[serde(rename = "type", deserialize_with = "entity_type")]
    pub kind: EntityType,
    /// Other spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166 alpha-3 code of the country it belongs to.
    #[serde(default)]
    pub country: Option<String>,
}

/// A relation trigger of a user lexicon.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserTrigger {
    /// Relation name, e.g. "accuses".
    pub relation: String,
    /// verb, noun or adj.
    #[serde(default = "verb")]
    pub pos: String,
    /// Lemma, possibly several words ("hand over").
    pub lemma: String,
    /// Preposition introducing the target ("with", "against").
    #[serde(default)]
    pub preposition: Option<String>,
}

fn verb() -> String {
    "verb".to_string()
}

fn entity_type<'de, D: serde::Deserializer<'de>>(d: D) -> Result<EntityType, D::Error> {
    let s = String::deserialize(d)?;
    s.parse().map_err(serde::de::Error::custom)
}

impl UserLexicon {
    /// Reads and checks a user lexicon file.
    pub fn load(path: &Path) -> Result<UserLexicon, Error> {
        let name = path.display().to_string();
        let data = std::fs::read_to_string(path).map_err(|e| Error::io(&name, e))?;
        UserLexicon::parse(&data, &name)
    }

    /// Parses a user lexicon; `file` names it in errors.
    pub fn parse(data: &str, file: &str) -> Result<UserLexicon, Error> {
        let mut lexicon: UserLexicon = serde_json::from_str(data).map_err(|e| Error::Lexicon {
            file: file.to_string(),
            line: e.line(),
            message: format!("{} (column {})", strip_position(&e.to_string()), e.column()),
        })?;
        for (i, t) in lexicon.triggers.iter().enumerate() {
            let line = line_of(data, "\"triggers\"", i, "\"lemma\"");
            let err = |message: String| Error::Lexicon {
                file: file.to_string(),
                line,
                message,
            };
            let relation: RelationType = t.relation.parse().map_err(err)?;
            let pos = parse_pos(&t.pos).map_err(err)?;
            let trigger = make(
                relation,
                pos,
                &t.lemma,
                t.preposition.as_deref().unwrap_or(""),
            )
            .map_err(err)?;
            lexicon.parsed_triggers.push(trigger);
        }
        let builtin = Lexicon::builtin();
        for (i, e) in lexicon.entities.iter().enumerate() {
            if let Some(code) = &e.country {
                if !builtin.countries.iter().any(|c| &c.iso3 == code) {
                    return Err(Error::Lexicon {
                        file: file.to_string(),
                        line: line_of(data, "\"entities\"", i, "\"name\""),
                        message: format!("unknown country code '{code}'"),
                    });
                }
            }
        }
        Ok(lexicon)
    }

    /// Adds this lexicon's knowledge to `lexicon`.
    pub fn apply(&self, lexicon: &mut Lexicon) {
        for e in &self.entities {
            let country = e
                .country
                .as_ref()
                .and_then(|code| lexicon.countries.iter().position(|c| &c.iso3 == code));
            let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
            lexicon.names.add(
                NameEntry {
                    label: e.name.clone(),
                    kind: e.kind,
                    country,
                    source: NameSource::User,
                },
                &aliases,
            );
        }
        for (from, to) in &self.rename {
            let target = lexicon
                .names
                .entries
                .iter()
                .position(|n| n.source == NameSource::User && &n.label == to);
            match target {
                Some(id) => lexicon.names.add_alias(id, from),
                None => {
                    lexicon.names.add(
                        NameEntry {
                            label: to.clone(),
                            kind: EntityType::Person,
                            country: None,
                            source: NameSource::User,
                        },
                        &[from.as_str()],
                    );
                }
            }
        }
        for name in &self.suppress {
            lexicon.suppressed.insert(text::key(name));
        }
        for t in &self.parsed_triggers {
            lexicon.triggers.add(t.clone());
        }
    }
}

/// serde_json appends " at line L column C"; the error already names both.
fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// Best-effort line of the `index`-th object carrying `field` after `section` in `data`.
fn line_of(data: &str, section: &str, index: usize, field: &str) -> usize {
    let start = data.find(section).unwrap_or(0);
    let mut offset = start;
    for _ in 0..=index {
        match data[offset..].find(field) {
            Some(n) => offset += n + 1,
            None => break,
        }
    }
    data[..offset.min(data.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_lexicon() {
        let data = r#"{"entities": [{"name": "Blue Cartel", "type": "organization", "aliases": ["the Blues"]}],
            "rename": {"AMLO": "Andrés Manuel López Obrador"}, "suppress": ["Chief Editor"],
            "triggers": [{"relation": "accuses", "lemma": "finger"}]}"#;
        let user = UserLexicon::parse(data, "lex.json").unwrap();
        let lex = Lexicon::with_user(&user);
        assert!(lex.suppressed.contains("chief editor"));
        assert!(!lex.triggers.candidates("fingered").is_empty());
        assert!(lex
            .names
            .lookup("the blues", &["the", "Blues"])
            .next()
            .is_some());
        assert!(lex.names.lookup("amlo", &["AMLO"]).next().is_some());
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad_type = "{\"entities\": [\n {\"name\": \"X\", \"type\": \"planet\"}]}";
        let err = UserLexicon::parse(bad_type, "lex.json")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("lex.json:2: unknown entity type 'planet'"),
            "{err}"
        );
        let bad_relation = "{\"triggers\": [\n{\"relation\": \"likes\",\n \"lemma\": \"like\"}]}";
        let err = UserLexicon::parse(bad_relation, "lex.json")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("lex.json:3: unknown relation 'likes'"),
            "{err}"
        );
        let bad_json = "{\n\"entities\": [}";
        let err = UserLexicon::parse(bad_json, "lex.json")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("lex.json:2:"), "{err}");
        let unknown_key = "{\"entity\": []}";
        let err = UserLexicon::parse(unknown_key, "lex.json")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field"), "{err}");
    }
}
