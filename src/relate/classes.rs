//! Word classes the relation model reads as features (`data/lexicon/classes.tsv`): negation,
//! modals, verbs of saying, planning, demanding and denying, and the words that mark a sports,
//! court or market report. Each class is a feature; what it means for a relation is learned.

use rustc_hash::FxHashMap;

/// A named class of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Class {
    Negation,
    Modal,
    Future,
    Hedge,
    Say,
    Plan,
    Demand,
    Deny,
    Refuse,
    Try,
    Allege,
    Report,
    SportsWord,
    CourtWord,
    MarketWord,
}

impl Class {
    const ALL: [Class; 15] = [
        Class::Negation,
        Class::Modal,
        Class::Future,
        Class::Hedge,
        Class::Say,
        Class::Plan,
        Class::Demand,
        Class::Deny,
        Class::Refuse,
        Class::Try,
        Class::Allege,
        Class::Report,
        Class::SportsWord,
        Class::CourtWord,
        Class::MarketWord,
    ];

    /// The class's name in the data file.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Class::Negation => "negation",
            Class::Modal => "modal",
            Class::Future => "future",
            Class::Hedge => "hedge",
            Class::Say => "say",
            Class::Plan => "plan",
            Class::Demand => "demand",
            Class::Deny => "deny",
            Class::Refuse => "refuse",
            Class::Try => "try",
            Class::Allege => "allege",
            Class::Report => "report",
            Class::SportsWord => "sports-word",
            Class::CourtWord => "court-word",
            Class::MarketWord => "market-word",
        }
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// The classes of every listed word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Classes {
    words: FxHashMap<String, u32>,
}

const DATA: &str = include_str!("../../data/lexicon/classes.tsv");

impl Classes {
    /// The built-in classes, parsed once.
    pub(crate) fn builtin() -> &'static Classes {
        static CLASSES: std::sync::OnceLock<Classes> = std::sync::OnceLock::new();
        CLASSES.get_or_init(|| Classes::parse(DATA).expect("data/lexicon/classes.tsv is valid"))
    }

    fn parse(data: &str) -> Result<Classes, String> {
        let mut words: FxHashMap<String, u32> = FxHashMap::default();
        for (n, line) in data.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (name, list) = line
                .split_once('\t')
                .ok_or_else(|| format!("classes.tsv:{}: no tab", n + 1))?;
            let class = Class::ALL
                .into_iter()
                .find(|c| c.name() == name)
                .ok_or_else(|| format!("classes.tsv:{}: unknown class {name:?}", n + 1))?;
            for w in list.split_whitespace() {
                *words.entry(w.to_string()).or_default() |= class.bit();
            }
        }
        Ok(Classes { words })
    }

    /// Whether `word` (lower case) is in `class`.
    pub(crate) fn has(&self, class: Class, word: &str) -> bool {
        self.words.get(word).is_some_and(|b| b & class.bit() != 0)
    }

    /// The classes of `word` (lower case).
    pub(crate) fn of(&self, word: &str) -> impl Iterator<Item = Class> + '_ {
        let bits = self.words.get(word).copied().unwrap_or(0);
        Class::ALL.into_iter().filter(move |c| bits & c.bit() != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_classes_parse_and_answer() {
        let c = Classes::builtin();
        assert!(c.has(Class::Negation, "not"));
        assert!(c.has(Class::Say, "say"));
        assert!(!c.has(Class::Say, "attack"));
        assert_eq!(c.of("deny").collect::<Vec<_>>(), vec![Class::Deny]);
    }

    #[test]
    fn unknown_class_is_refused() {
        assert!(Classes::parse("nonsense\tword\n").is_err());
    }
}
