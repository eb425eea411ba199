//! Built-in world knowledge and user lexicons: names of countries, places and organizations,
//! demonyms, role words, common words and relation triggers.
//!
//! Everything here is general knowledge loaded from the tab-separated files in
//! `data/lexicon/` (embedded in the binary). Users extend it with `--lexicon FILE`.

mod names;
mod roles;
mod state_bodies;
mod table;
mod triggers;
pub mod user;

// Lookups hash short strings several times per token: FxHash is several times faster than
// SipHash, and the keys are the lexicon's own or one document's words.
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

pub use names::{Alias, FormFlags, NameEntry, NameIndex, NameSource};
pub use roles::{Role, RoleCategory};
pub use state_bodies::state_body;
pub use triggers::{plural, verb_forms, Form, Trigger, TriggerPos, Triggers};
pub use user::UserLexicon;

use crate::error::Error;
use crate::text;

/// A country as the gazetteer knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166 alpha-3 code.
    pub iso3: String,
    /// Canonical English name.
    pub name: String,
}

/// All lexical knowledge the extractor uses.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Countries, indexed by [`NameEntry::country`].
    pub countries: Vec<Country>,
    /// Names of countries, places and organizations, by folded token key.
    pub names: NameIndex,
    /// Demonyms ("Mexican", "Americans") → country index.
    pub demonyms: FxHashMap<String, usize>,
    /// Role and title words by folded phrase; a phrase may have several categories.
    pub roles: FxHashMap<String, Vec<Role>>,
    /// Longest role phrase, in tokens.
    pub max_role_tokens: usize,
    /// Every proper token prefix of a role phrase ("secretary of" of "secretary of state").
    pub role_prefixes: FxHashSet<String>,
    /// Common English words (lowercase): capitals on them say nothing at a sentence start.
    pub common_words: FxHashSet<String>,
    /// Relation triggers.
    pub triggers: Triggers,
    /// Capitals by folded name → country index: used as actors they stand for the country.
    pub capitals: FxHashMap<String, usize>,
    /// Folded names the user suppressed: never entities.
    pub suppressed: FxHashSet<String>,
    /// Folded names and aliases of news organizations (organizations.tsv kind `media`).
    pub media: FxHashSet<String>,
}

const COUNTRIES: &str = include_str!("../../data/lexicon/countries.tsv");
const LOCATIONS: &str = include_str!("../../data/lexicon/locations.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/lexicon/organizations.tsv");
const ROLES: &str = include_str!("../../data/lexicon/roles.tsv");
const TRIGGERS: &str = include_str!("../../data/lexicon/triggers.tsv");
const COMMON_WORDS: &str = include_str!("../../data/lexicon/common_words.txt");

impl Lexicon {
    /// The built-in lexicon, parsed once.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Lexicon::parse_builtin().expect("the embedded lexicon is checked by tests")
        })
    }

    fn parse_builtin() -> Result<Lexicon, Error> {
        let mut lexicon = Lexicon {
            countries: Vec::new(),
            names: NameIndex::default(),
            demonyms: FxHashMap::default(),
            roles: FxHashMap::default(),
            max_role_tokens: 1,
            role_prefixes: FxHashSet::default(),
            common_words: COMMON_WORDS
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .map(str::to_string)
                .collect(),
            triggers: Triggers::default(),
            capitals: FxHashMap::default(),
            suppressed: FxHashSet::default(),
            media: FxHashSet::default(),
        };
        names::load_countries(&mut lexicon, COUNTRIES, "countries.tsv")?;
        names::load_places(&mut lexicon, LOCATIONS, "locations.tsv")?;
        names::load_organizations(&mut lexicon, ORGANIZATIONS, "organizations.tsv")?;
        roles::load(&mut lexicon, ROLES, "roles.tsv")?;
        lexicon.triggers = triggers::load(TRIGGERS, "triggers.tsv")?;
        Ok(lexicon)
    }

    /// The built-in lexicon extended by a user lexicon.
    pub fn with_user(user: &UserLexicon) -> Lexicon {
        let mut lexicon = Lexicon::builtin().clone();
        user.apply(&mut lexicon);
        lexicon
    }

    /// The country a demonym or country name points to ("Mexican" → Mexico).
    pub fn demonym(&self, word: &str) -> Option<usize> {
        self.demonyms.get(&text::key(word)).copied()
    }

    /// The role of `key` (a folded phrase) in `category`, if it has one.
    pub fn role(&self, key: &str, category: RoleCategory) -> Option<&Role> {
        self.roles.get(key)?.iter().find(|r| r.category == category)
    }

    /// Whether `key` (a folded phrase) is any kind of role or head word.
    pub fn is_role_word(&self, key: &str) -> bool {
        self.roles.contains_key(key)
    }

    /// Whether `word` is a common English word (case-folded).
    pub fn is_common(&self, word: &str) -> bool {
        self.is_common_key(&text::key(word))
    }

    /// [`Lexicon::is_common`] for a word's matching key.
    pub fn is_common_key(&self, key: &str) -> bool {
        // A plural of a common noun is common too ("Readers", "Decades").
        self.common_words.contains(key)
            || key
                .strip_suffix('s')
                .is_some_and(|stem| stem.len() > 2 && self.common_words.contains(stem))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses() {
        let lex = Lexicon::parse_builtin().unwrap();
        assert!(lex.countries.len() >= 5);
        assert!(lex.demonym("Mexican").is_some());
        assert!(lex.is_common("However"));
        assert!(!lex.is_common("Mexico"));
    }
}
