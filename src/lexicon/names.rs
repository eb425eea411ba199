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
}

/// A lookup key's candidate: the entry, and how the text must be written to match it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// Index into [`NameIndex::entries`].
    pub entry: usize,
    /// For all-capital aliases ("US", "WHO"), the text must match exactly (periods aside).
    pub exact: Option<String>,
    /// Per token: whether the alias capitalizes it; the text must too ("the States").
    pub capitals: Vec<bool>,
    /// The form is also a common word, a person's name or another entry's name: it needs
    /// support from context.
    pub ambiguous: bool,
    /// Among entries sharing an ambiguous form, the default reading.
    pub preferred: bool,
}

/// Names by folded token sequence.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    /// All entries.
    pub entries: Vec<NameEntry>,
    /// Token-key phrase ("united states", "us") → candidates, preferred first.
    pub by_key: FxHashMap<String, Vec<Alias>>,
    /// Longest alias, in tokens.
    pub max_tokens: usize,
    /// Every proper token prefix of an alias key, so matching stops as soon as no alias can
    /// continue.
    pub prefixes: FxHashSet<String>,
}

/// How a form of a lexicon row is flagged.
#[derive(Debug, Clone, Copy, Default)]
pub struct FormFlags {
    /// Needs context.
    pub ambiguous: bool,
    /// Default reading of a shared form.
    pub preferred: bool,
}

impl NameIndex {
    /// Adds an entry with its aliases (the label is an alias too). Returns its index.
    pub fn add(&mut self, entry: NameEntry, aliases: &[&str]) -> usize {
        self.add_flagged(entry, aliases, &|_| FormFlags::default())
    }

    /// Adds an entry with its aliases, each flagged by `flags`.
    pub fn add_flagged(
        &mut self,
        entry: NameEntry,
        aliases: &[&str],
        flags: &dyn Fn(&str) -> FormFlags,
    ) -> usize {
        let id = self.entries.len();
        let label = entry.label.clone();
        self.entries.push(entry);
        for alias in std::iter::once(label.as_str()).chain(aliases.iter().copied()) {
            self.add_alias_flagged(id, alias, flags(alias));
        }
        id
    }

    /// Adds one more spelling for entry `id`.
    pub fn add_alias(&mut self, id: usize, alias: &str) {
        self.add_alias_flagged(id, alias, FormFlags::default());
    }

    fn add_alias_flagged(&mut self, id: usize, alias: &str, flags: FormFlags) {
        let (key, n) = text::phrase_key(alias);
        if key.is_empty() {
            return;
        }
        let letters: String = alias.chars().filter(|c| c.is_alphanumeric()).collect();
        let exact = (letters.chars().all(|c| !c.is_lowercase()) && letters.chars().count() <= 5)
            .then(|| letters.clone());
        let capitals = text::tokenize(alias)
            .iter()
            .map(|t| {
                let w = t.text(alias);
                // An article is capitalized or not by its position: "The Hague", "the Hague".
                !w.eq_ignore_ascii_case("the") && w.chars().next().is_some_and(char::is_uppercase)
            })
            .collect();
        self.prefixes.extend(text::prefix_keys(alias));
        let list = self.by_key.entry(key).or_default();
        if list.iter().any(|a| a.entry == id) {
            return;
        }
        list.push(Alias {
            entry: id,
            exact,
            capitals,
            ambiguous: flags.ambiguous,
            preferred: flags.preferred,
        });
        // Preferred readings first; otherwise the order of loading (countries first).
        list.sort_by_key(|a| !a.preferred);
        self.max_tokens = self.max_tokens.max(n);
    }

    /// Whether some alias key starts with the token-key phrase `key` and is longer.
    pub fn may_continue(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    /// Candidates for a token-key phrase whose tokens in the text are `surface`.
    pub fn lookup<'a>(
        &'a self,
        key: &str,
        surface: &'a [&'a str],
    ) -> impl Iterator<Item = &'a Alias> + 'a {
        // The letters are needed only for exact (acronym) aliases: computed at most once.
        let letters = std::cell::OnceCell::new();
        let letters_of = move || -> String {
            surface
                .iter()
                .flat_map(|w| w.chars())
                .filter(|c| c.is_alphanumeric())
                .collect()
        };
        self.by_key
            .get(key)
            .into_iter()
            .flatten()
            .filter(move |a| match &a.exact {
                Some(exact) => *exact == *letters.get_or_init(letters_of),
                None => {
                    a.capitals.len() == surface.len()
                        && a.capitals.iter().zip(surface).all(|(&cap, w)| {
                            !cap || w
                                .chars()
                                .next()
                                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                        })
                }
            })
    }
}

/// Parses a `flags` column: `ambiguous` (the row's name), `ambiguous:FORM`, `preferred:FORM`.
fn form_flags(row: &Row, column: usize, name: &str) -> impl Fn(&str) -> FormFlags {
    let mut ambiguous: Vec<String> = Vec::new();
    let mut preferred: Vec<String> = Vec::new();
    for flag in row.list(column) {
        match flag.split_once(':') {
            Some(("ambiguous", form)) => ambiguous.push(form.to_string()),
            Some(("preferred", form)) => preferred.push(form.to_string()),
            _ if flag == "ambiguous" => ambiguous.push(name.to_string()),
            // A bare "preferred" makes the row the default reading of all its shared forms.
            _ if flag == "preferred" => preferred.push("*".to_string()),
            _ => {}
        }
    }
    move |form: &str| FormFlags {
        ambiguous: ambiguous.iter().any(|f| f == form),
        preferred: preferred.iter().any(|f| f == form || f == "*"),
    }
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
        let flags = form_flags(&row, 6, name);
        lex.names.add_flagged(
            NameEntry {
                label: name.to_string(),
                kind: EntityType::Country,
                country: Some(country),
                source: NameSource::Country,
            },
            &aliases,
            &flags,
        );
        lex.demonyms.insert(text::key(name), country);
        for alias in &aliases {
            lex.demonyms.insert(text::key(alias), country);
        }
        for demonym in row.list(3) {
            // An ambiguous demonym ("Polish", "Georgian") is not a country on its own.
            if !flags(demonym).ambiguous {
                lex.demonyms.insert(text::key(demonym), country);
            }
        }
        for capital in row.list(4) {
            lex.capitals.insert(text::phrase_key(capital).0, country);
            lex.names.add(
                NameEntry {
                    label: capital.to_string(),
                    kind: EntityType::Location,
                    country: Some(country),
                    source: NameSource::Capital,
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
        lex.names.add_flagged(
            NameEntry {
                label: row.get(0).to_string(),
                kind: EntityType::Location,
                country,
                source: NameSource::Place,
            },
            &aliases,
            &form_flags(&row, 4, row.get(0)),
        );
    }
    Ok(())
}

pub(super) fn load_organizations(lex: &mut Lexicon, data: &str, file: &str) -> Result<(), Error> {
    for row in rows(data, file)? {
        let country = country_of(lex, &row, 3, file)?;
        let office = row.get(2) == "office";
        let aliases: Vec<&str> = row.list(1).collect();
        if row.get(2) == "media" {
            lex.media.insert(text::key(row.get(0)));
            lex.media.extend(aliases.iter().map(|a| text::key(a)));
        }
        lex.names.add_flagged(
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
            },
            &aliases,
            &form_flags(&row, 4, row.get(0)),
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
