//! How a place mention stands in its sentence: a party to the act, where it happens, or where
//! someone comes from; and the nationality of private people, which makes no party of their
//! state.

use crate::entity::{EntityType, Mention};
use crate::lexicon::Lexicon;
use crate::relate::parsed::Parse;
use crate::text::{Layout, Sentence};

use super::words::words;

/// How a place mention stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Setting {
    /// Named as itself: it may act or be acted on.
    Party,
    /// Where the act happens ("in X", "throughout X").
    Within,
    /// Where someone comes from or is near ("from X", "of X", "an X man").
    Elsewhere,
}

/// How a mention stands in its sentence: a city or region named as where someone is or comes
/// from, or modifying a noun ("attorneys general from Maine", "the energy isolation of
/// Crete", "an Ohio man"), is the setting of the act, not a party to it; a country there
/// stands for its state and people, and a capital for its government: both are parties.
pub(super) fn setting_of(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    parse: Option<&Parse>,
    m: &Mention,
    lexicon: &Lexicon,
) -> Setting {
    if m.kind != EntityType::Location
        || lexicon
            .capitals
            .contains_key(&crate::text::key(&doc[m.span.clone()]))
    {
        return Setting::Party;
    }
    if parse.is_some_and(|p| p.modifies_noun(m)) {
        return Setting::Elsewhere;
    }
    setting(doc, layout, sentence.tokens.start, m.tokens.start)
}

/// How a mention stands as a place in its sentence, for the model: "party", "within" (where
/// an act happens), "elsewhere" (where someone comes from, or a modifier of a noun).
pub(in crate::relate) fn setting_name(
    doc: &str,
    layout: &Layout,
    sentence: &Sentence,
    parse: &Parse,
    m: &Mention,
    lexicon: &Lexicon,
) -> &'static str {
    match setting_of(doc, layout, sentence, Some(parse), m, lexicon) {
        Setting::Party => "party",
        Setting::Within => "within",
        Setting::Elsewhere => "elsewhere",
    }
}

/// The setting of a place mention starting at token `at`, from the preposition before it.
/// "the province of X" is X itself: the preposition before the phrase counts.
fn setting(doc: &str, layout: &Layout, first: usize, at: usize) -> Setting {
    let word = |i: usize| layout.tokens[i].text(doc).to_lowercase();
    let preposition = |w: &str| {
        words().within_prepositions.contains(&w) || words().elsewhere_prepositions.contains(&w)
    };
    let mut i = at;
    if i >= first + 2 && word(i - 1) == "of" && words().place_nouns.contains(&word(i - 2).as_str())
    {
        // Back over "the (US) state of" to what precedes the phrase.
        i -= 2;
        for _ in 0..3 {
            if i > first && !preposition(&word(i - 1)) {
                i -= 1;
            }
        }
    }
    // "across the Middle East", "from the Balkans": the article stands between the
    // preposition and the place someone comes from or moves through. (After "in" the
    // article is left alone: "settlements in the Gaza Strip" may be what is done to it.)
    if i > first + 1
        && word(i - 1) == "the"
        && words()
            .elsewhere_prepositions
            .contains(&word(i - 2).as_str())
    {
        i -= 1;
    }
    if i <= first {
        return Setting::Party;
    }
    let before = word(i - 1);
    if words().within_prepositions.contains(&before.as_str()) {
        Setting::Within
    } else if words().elsewhere_prepositions.contains(&before.as_str()) {
        Setting::Elsewhere
    } else {
        Setting::Party
    }
}

/// Whether a country's mention is a demonym giving the nationality of private people ("a
/// Canadian tourist", "a Saudi teenager", "Mexican corn growers"): such people act and are
/// acted on for themselves, not for their state, which is no party to what they do or
/// suffer. A state's agents ("the Libyan ambassador", "Russian troops") keep the state.
pub(super) fn nationality(
    doc: &str,
    layout: &Layout,
    end: usize,
    m: &Mention,
    lexicon: &Lexicon,
) -> bool {
    if m.kind != EntityType::Country {
        return false;
    }
    // A demonym ("Canadian"), not the country's name ("Canada").
    let text = &doc[m.span.clone()];
    match lexicon.demonym(text) {
        Some(c) if crate::text::key(&lexicon.countries[c].name) != crate::text::key(text) => {}
        _ => return false,
    }
    // The noun, past at most two lower-case modifiers ("Mexican corn growers").
    for k in m.tokens.end..(m.tokens.end + 3).min(end) {
        let w = layout.tokens[k].text(doc);
        if words().private_people.contains(&w) {
            return true;
        }
        if !w.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
    }
    false
}

/// Whether a country's mention is a plural demonym ("Palestinians", "Liberians"), not its
/// name ("the Philippines").
pub(super) fn plural_demonym(text: &str, lexicon: &Lexicon) -> bool {
    text.ends_with('s')
        && lexicon
            .demonym(text)
            .is_some_and(|c| crate::text::key(&lexicon.countries[c].name) != crate::text::key(text))
}
