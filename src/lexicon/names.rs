//! The name index: countries, capitals, places and organizations by folded token sequence.

use rustc_hash::{FxHashMap, FxHashSet};

use super::table::{rows, Row};
use super::{Country, Lexicon};
use crate::entity::EntityType;
use crate::error::Error;
use crate::text;

/// Where a name comes from; decides how the recognizer may use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameSource {
    /// A country's name or alias.
    Country,
    /// A capital: a place, or its country when used as an actor ("Washington believes").
    Capital,
    /// A seat of government standing for its country ("the Kremlin", "the White House").
    Office,
    /// Any other place.
    Place,
    /// An organization.
    Organization,
    /// A user lexicon entry.
    User,
}

/// One named thing the lexicon knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEntry {
    /// Canonical label.
    pub label: String,
    /// Entity type.
    pub kind: EntityType,
    /// The country it belongs to or stands for, as an index into [`Lexicon::countries`].
    pub country: Option<usize>,
    /// Where the name comes from.
    pub source: NameSource,
    /// The name is also a common word or another thing's name: match only with support.
    pub ambiguous: bool,
}

/// A lookup key's candidate: the entry, and the exact spelling required for acronyms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// Index into [`NameIndex::entries`].
    pub entry: usize,
    /// For all-capital aliases ("US", "WHO"), the text must match exactly (periods aside).
    pub exact: Option<String>,
}

/// Names by folded token sequence.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    /// All entries.
    pub entries: Vec<NameEntry>,
    /// Token-key phrase ("united states", "us") → candidates.
    pub by_key: FxHashMap<String, Vec<Alias>>,
    /// Longest alias, in tokens.
    pub max_tokens: usize,
    /// Every key that some longer key continues with more words ("united" for "united
    /// states"): a lookup growing a phrase word by word stops when its key is not here.
    prefixes: FxHashSet<String>,
}

impl NameIndex {
    /// Adds an entry with its aliases (the label is an alias too). Returns its index.
    pub fn add(&mut self, entry: NameEntry, aliases: &[&str]) -> usize {
        let id = self.entries.len();
        let label = entry.label.clone();
        self.entries.push(entry);
        for alias in std::iter::once(label.as_str()).chain(aliases.iter().copied()) {
            self.add_alias(id, alias);
        }
        id
    }

    /// Adds one more spelling for entry `id`.
    pub fn add_alias(&mut self, id: usize, alias: &str) {
        let alias = alias.strip_prefix("the ").unwrap_or(alias);
        let (key, n) = text::phrase_key(alias);
        if key.is_empty() {
            return;
        }
        let letters: String = alias.chars().filter(|c| c.is_alphanumeric()).collect();
        let exact = (letters.chars().all(|c| !c.is_lowercase()) && letters.chars().count() <= 5)
            .then(|| letters.clone());
        add_prefixes(&mut self.prefixes, &key);
        let list = self.by_key.entry(key).or_default();
        if !list.iter().any(|a| a.entry == id) {
            list.push(Alias { entry: id, exact });
        }
        self.max_tokens = self.max_tokens.max(n);
    }

    /// Whether some key continues `key` with more words.
    pub fn extends(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    /// Candidates for a token-key phrase whose surface text is `surface`.
    pub fn lookup<'a>(&'a self, key: &str, surface: &str) -> impl Iterator<Item = usize> + 'a {
        let aliases = self.by_key.get(key).map_or(&[][..], Vec::as_slice);
        // Most phrases are no name: look at the surface only for those that are.
        let (letters, capitalized) = if aliases.is_empty() {
            (String::new(), false)
        } else {
            (
                surface.chars().filter(|c| c.is_alphanumeric()).collect(),
                surface
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
            )
        };
        aliases
            .iter()
            .filter(move |a| match &a.exact {
                Some(exact) => *exact == letters,
                None => capitalized,
            })
            .map(|a| a.entry)
    }
}

/// Adds every proper prefix of `key` that ends before a space ("united" for "united states").
pub(super) fn add_prefixes(prefixes: &mut FxHashSet<String>, key: &str) {
    for (i, c) in key.char_indices() {
        if c == ' ' && !prefixes.contains(&key[..i]) {
            prefixes.insert(key[..i].to_string());
        }
    }
}

fn flagged(row: &Row, column: usize) -> bool {
    row.list(column).any(|f| f == "ambiguous")
}

pub(super) fn load_countries(lex: &mut Lexicon, data: &str, file: &str) -> Result<(), Error> {
    for row in rows(data, file)? {
        let country = lex.countries.len();
        let name = row.get(1);
        if name.is_empty() {
            return Err(Error::Lexicon {
                file: file.to_string(),
                line: row.line,
                message: "a country needs a name in column 2".to_string(),
            });
        }
        lex.countries.push(Country {
            iso3: row.get(0).to_string(),
            name: name.to_string(),
        });
        let aliases: Vec<&str> = row.list(2).collect();
        lex.names.add(
            NameEntry {
                label: name.to_string(),
                kind: EntityType::Country,
                country: Some(country),
                source: NameSource::Country,
                ambiguous: flagged(&row, 6),
            },
            &aliases,
        );
        lex.demonyms.insert(text::key(name), country);
        for alias in &aliases {
            lex.demonyms.insert(text::key(alias), country);
        }
        for demonym in row.list(3) {
            lex.demonyms.insert(text::key(demonym), country);
        }
        for capital in row.list(4) {
            lex.names.add(
                NameEntry {
                    label: capital.to_string(),
                    kind: EntityType::Location,
                    country: Some(country),
                    source: NameSource::Capital,
                    ambiguous: false,
                },
                &[],
            );
        }
    }
    Ok(())
}

pub(super) fn load_places(lex: &mut Lexicon, data: &str, file: &str) -> Result<(), Error> {
    for row in rows(data, file)? {
        let country = country_of(lex, &row, 3, file)?;
        let aliases: Vec<&str> = row.list(1).collect();
        lex.names.add(
            NameEntry {
                label: row.get(0).to_string(),
                kind: EntityType::Location,
                country,
                source: NameSource::Place,
                ambiguous: flagged(&row, 4),
            },
            &aliases,
        );
    }
    Ok(())
}

pub(super) fn load_organizations(lex: &mut Lexicon, data: &str, file: &str) -> Result<(), Error> {
    for row in rows(data, file)? {
        let country = country_of(lex, &row, 3, file)?;
        let office = row.get(2) == "office";
        let aliases: Vec<&str> = row.list(1).collect();
        lex.names.add(
            NameEntry {
                label: row.get(0).to_string(),
                kind: if office {
                    EntityType::Country
                } else {
                    EntityType::Organization
                },
                country,
                source: if office {
                    NameSource::Office
                } else {
                    NameSource::Organization
                },
                ambiguous: flagged(&row, 4),
            },
            &aliases,
        );
    }
    Ok(())
}

fn country_of(lex: &Lexicon, row: &Row, column: usize, file: &str) -> Result<Option<usize>, Error> {
    let iso3 = row.get(column);
    if iso3.is_empty() {
        return Ok(None);
    }
    match lex.countries.iter().position(|c| c.iso3 == iso3) {
        Some(i) => Ok(Some(i)),
        None => Err(Error::Lexicon {
            file: file.to_string(),
            line: row.line,
            message: format!("unknown country code '{iso3}'"),
        }),
    }
}
