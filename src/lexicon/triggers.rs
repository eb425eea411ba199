//! Relation triggers: lemmas per relation type, inflected into every surface form.

use rustc_hash::FxHashMap;

use super::table::rows;
use crate::error::Error;
use crate::relation::RelationType;

/// Part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerPos {
    /// "accuse", "hand over".
    Verb,
    /// "extradition", "threat".
    Noun,
    /// "grateful".
    Adj,
}

/// One trigger lemma.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// The relation it signals.
    pub relation: RelationType,
    /// Verb, noun or adjective.
    pub pos: TriggerPos,
    /// Lemma words ("hand", "over").
    pub words: Vec<String>,
    /// The preposition that introduces the target, if the trigger takes one.
    pub preposition: Option<String>,
    /// The actor after the preposition is the source, not the target ("accept bribes from
    /// X": X bribes the subject).
    pub reverse: bool,
    /// The act is stated only as an intention: "will release X" is an intent to cooperate
    /// (CAMEO 0353), "released X" a concession outside the vocabulary (CAMEO 0841).
    pub intended_only: bool,
}

/// How a surface form relates to its lemma.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The lemma itself ("accuse", "threat").
    Base,
    /// Third person singular present ("accuses").
    Present,
    /// Past tense or participle ("accused").
    Past,
    /// Gerund or present participle ("accusing").
    Gerund,
    /// A noun plural ("threats").
    Plural,
}

/// All triggers, indexed by the surface form of their first word.
#[derive(Debug, Clone, Default)]
pub struct Triggers {
    /// The lemmas.
    pub list: Vec<Trigger>,
    /// Lowercase first-word form → (trigger index, form).
    pub by_form: FxHashMap<String, Vec<(usize, Form)>>,
}

impl Triggers {
    /// Adds a trigger and indexes its forms.
    pub fn add(&mut self, trigger: Trigger) {
        let id = self.list.len();
        let first = trigger.words[0].clone();
        let forms: Vec<(String, Form)> = match trigger.pos {
            TriggerPos::Verb => verb_forms(&first),
            TriggerPos::Noun => vec![(plural(&first), Form::Plural), (first.clone(), Form::Base)],
            TriggerPos::Adj => vec![(first.clone(), Form::Base)],
        };
        self.list.push(trigger);
        for (form, kind) in forms {
            let entry = self.by_form.entry(form).or_default();
            if !entry.iter().any(|&(t, _)| t == id) {
                entry.push((id, kind));
            }
        }
    }

    /// Triggers whose first word can be `word` (any case).
    pub fn candidates(&self, word: &str) -> &[(usize, Form)] {
        self.by_form
            .get(&word.to_lowercase())
            .map_or(&[], Vec::as_slice)
    }
}

pub(super) fn load(data: &str, file: &str) -> Result<Triggers, Error> {
    let mut triggers = Triggers::default();
    for row in rows(data, file)? {
        let err = |message: String| Error::Lexicon {
            file: file.to_string(),
            line: row.line,
            message,
        };
        let relation: RelationType = row.get(0).parse().map_err(err)?;
        let pos = parse_pos(row.get(1)).map_err(err)?;
        let mut trigger = make(relation, pos, row.get(2), row.get(3)).map_err(err)?;
        trigger.reverse = row.get(4).starts_with("reverse");
        trigger.intended_only = row.get(4).starts_with("only intended");
        triggers.add(trigger);
    }
    Ok(triggers)
}

/// Parses a part-of-speech name of the trigger table.
pub(crate) fn parse_pos(name: &str) -> Result<TriggerPos, String> {
    match name {
        "verb" | "phrase" => Ok(TriggerPos::Verb),
        "noun" => Ok(TriggerPos::Noun),
        "adj" => Ok(TriggerPos::Adj),
        other => Err(format!(
            "unknown part of speech '{other}' (expected verb, noun, adj or phrase)"
        )),
    }
}

/// Builds a trigger from its table fields.
pub(crate) fn make(
    relation: RelationType,
    pos: TriggerPos,
    lemma: &str,
    pattern: &str,
) -> Result<Trigger, String> {
    let words: Vec<String> = lemma.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Err("empty trigger lemma".to_string());
    }
    let preposition = match pattern.trim() {
        "" | "-" => None,
        p => Some(p.to_lowercase()),
    };
    Ok(Trigger {
        relation,
        pos,
        words,
        preposition,
        reverse: false,
        intended_only: false,
    })
}

/// Irregular verbs: lemma, past tense, past participle.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("be", "was", "been"),
    ("beat", "beat", "beaten"),
    ("bring", "brought", "brought"),
    ("buy", "bought", "bought"),
    ("catch", "caught", "caught"),
    ("cut", "cut", "cut"),
    ("do", "did", "done"),
    ("drive", "drove", "driven"),
    ("fight", "fought", "fought"),
    ("forbid", "forbade", "forbidden"),
    ("forgive", "forgave", "forgiven"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("hang", "hanged", "hung"),
    ("have", "had", "had"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("make", "made", "made"),
    ("meet", "met", "met"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shoot", "shot", "shot"),
    ("shut", "shut", "shut"),
    ("slay", "slew", "slain"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("strike", "struck", "struck"),
    ("swear", "swore", "sworn"),
    ("take", "took", "taken"),
    ("tell", "told", "told"),
    ("throw", "threw", "thrown"),
    ("upbraid", "upbraided", "upbraided"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("write", "wrote", "written"),
    ("win", "won", "won"),
    ("sink", "sank", "sunk"),
    ("blow", "blew", "blown"),
    ("freeze", "froze", "frozen"),
    ("bid", "bid", "bid"),
    ("broadcast", "broadcast", "broadcast"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("build", "built", "built"),
    ("deal", "dealt", "dealt"),
    ("feel", "felt", "felt"),
    ("find", "found", "found"),
    ("get", "got", "gotten"),
    ("know", "knew", "known"),
    ("lose", "lost", "lost"),
    ("mean", "meant", "meant"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("show", "showed", "shown"),
    ("sign", "signed", "signed"),
    ("teach", "taught", "taught"),
    ("think", "thought", "thought"),
    ("wage", "waged", "waged"),
    ("oversee", "oversaw", "overseen"),
    ("foresee", "foresaw", "foreseen"),
];

/// Multi-syllable verbs stressed on the last syllable: their final consonant doubles.
const DOUBLING: &[&str] = &[
    "commit", "admit", "submit", "permit", "omit", "compel", "expel", "propel", "refer", "prefer",
    "transfer", "confer", "control", "patrol", "regret", "occur", "deter", "abet", "acquit",
    "rebel", "repel", "equip", "outbid", "kidnap", "handicap", "worship", "embed", "forbid",
];

fn is_vowel(c: char) -> bool {
    "aeiou".contains(c)
}

/// Whether the final consonant doubles before -ed and -ing ("ban" → "banned").
fn doubles(verb: &str) -> bool {
    if DOUBLING.contains(&verb) {
        return true;
    }
    let c: Vec<char> = verb.chars().collect();
    let n = c.len();
    if n < 3 {
        return false;
    }
    let vowels = c.iter().filter(|&&x| is_vowel(x)).count();
    vowels == 1
        && !is_vowel(c[n - 1])
        && !"wxy".contains(c[n - 1])
        && is_vowel(c[n - 2])
        && !is_vowel(c[n - 3])
}

/// Every surface form of a verb lemma, with its kind.
pub fn verb_forms(verb: &str) -> Vec<(String, Form)> {
    let mut out = vec![(verb.to_string(), Form::Base)];
    let ends = |s: &str| verb.ends_with(s);
    let stem_y = verb.len() > 1 && ends("y") && !is_vowel(verb.chars().rev().nth(1).unwrap_or('a'));
    let present = if stem_y {
        format!("{}ies", &verb[..verb.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"].iter().any(|s| ends(s)) {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    };
    out.push((present, Form::Present));
    if let Some(&(_, past, participle)) = IRREGULAR.iter().find(|(l, _, _)| *l == verb) {
        out.push((past.to_string(), Form::Past));
        out.push((participle.to_string(), Form::Past));
    } else {
        let past = if stem_y {
            format!("{}ied", &verb[..verb.len() - 1])
        } else if ends("e") {
            format!("{verb}d")
        } else if doubles(verb) {
            format!("{verb}{}ed", verb.chars().last().unwrap_or('d'))
        } else {
            format!("{verb}ed")
        };
        out.push((past, Form::Past));
    }
    let gerund = if ends("ie") {
        format!("{}ying", &verb[..verb.len() - 2])
    } else if ends("e") && !ends("ee") && !ends("ye") && !ends("oe") && verb.len() > 2 {
        format!("{}ing", &verb[..verb.len() - 1])
    } else if doubles(verb) {
        format!("{verb}{}ing", verb.chars().last().unwrap_or('g'))
    } else {
        format!("{verb}ing")
    };
    out.push((gerund, Form::Gerund));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// The plural of a noun.
pub fn plural(noun: &str) -> String {
    let ends = |s: &str| noun.ends_with(s);
    if ends("y") && noun.len() > 1 && !is_vowel(noun.chars().rev().nth(1).unwrap_or('a')) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|s| ends(s)) {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(verb: &str) -> Vec<String> {
        verb_forms(verb).into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn regular_verbs_inflect() {
        assert_eq!(
            forms("accuse"),
            ["accuse", "accuses", "accused", "accusing"]
        );
        assert_eq!(
            forms("reject"),
            ["reject", "rejects", "rejected", "rejecting"]
        );
        assert_eq!(forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(forms("ban"), ["ban", "bans", "banned", "banning"]);
        assert_eq!(
            forms("transfer"),
            ["transfer", "transfers", "transferred", "transferring"]
        );
        assert_eq!(forms("visit"), ["visit", "visits", "visited", "visiting"]);
        assert_eq!(
            forms("pressure"),
            ["pressure", "pressures", "pressured", "pressuring"]
        );
        assert_eq!(
            forms("attach"),
            ["attach", "attaches", "attached", "attaching"]
        );
    }

    #[test]
    fn irregular_verbs_inflect() {
        assert_eq!(forms("meet"), ["meet", "meets", "met", "meeting"]);
        assert_eq!(forms("strike"), ["strike", "strikes", "struck", "striking"]);
        assert_eq!(
            forms("withdraw"),
            [
                "withdraw",
                "withdraws",
                "withdrew",
                "withdrawn",
                "withdrawing"
            ]
        );
    }

    #[test]
    fn nouns_pluralize() {
        assert_eq!(plural("threat"), "threats");
        assert_eq!(plural("ally"), "allies");
        assert_eq!(plural("tax"), "taxes");
    }
}
