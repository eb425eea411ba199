//! English lemmatization: rules for regular inflection plus tables of irregular forms,
//! following EWT's LEMMA conventions ("me" → "I", "'s" → "be" or "'s", "n't" → "not",
//! proper nouns as written, other words lowercased).

use std::borrow::Cow;

use super::Upos;

/// The lemma of `word` tagged `upos`, as EWT writes it.
///
/// ```
/// use newsgraph::nlp::{lemma, Upos};
/// assert_eq!(lemma("killed", Upos::VERB), "kill");
/// assert_eq!(lemma("expelled", Upos::VERB), "expel");
/// assert_eq!(lemma("cancelled", Upos::VERB), "cancel");
/// assert_eq!(lemma("went", Upos::VERB), "go");
/// assert_eq!(lemma("cities", Upos::NOUN), "city");
/// assert_eq!(lemma("'s", Upos::AUX), "be");
/// assert_eq!(lemma("Mexico", Upos::PROPN), "Mexico");
/// ```
pub fn lemma(word: &str, upos: Upos) -> Cow<'_, str> {
    match upos {
        // Plural nationalities: "Palestinians" → "Palestinian".
        Upos::PROPN if word.len() > 5 && word.ends_with("ans") => {
            return Cow::Borrowed(&word[..word.len() - 1])
        }
        Upos::PROPN | Upos::NUM | Upos::PUNCT | Upos::SYM | Upos::X => return Cow::Borrowed(word),
        // Capitalized adjectives of nationality or religion keep their case ("Iraqi",
        // "Islamic"); others are lowercased, as at the start of a sentence.
        Upos::ADJ
            if word.starts_with(|c: char| c.is_uppercase())
                && word.chars().skip(1).all(char::is_lowercase)
                && ["an", "ese", "ish", "i", "ic", "ch"]
                    .iter()
                    .any(|s| word.ends_with(s)) =>
        {
            return Cow::Borrowed(word)
        }
        _ => {}
    }
    let lower: Cow<str> = if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    };
    let normalized = lower.replace('’', "'");
    if let Some(l) = closed_class(&normalized, upos) {
        return Cow::Borrowed(l);
    }
    let inflected = match upos {
        Upos::VERB | Upos::AUX => verb(&normalized),
        Upos::NOUN => noun(&normalized),
        Upos::ADJ | Upos::ADV => adjective(&normalized),
        _ => None,
    };
    match inflected {
        Some(l) => Cow::Owned(l),
        None => match lower {
            Cow::Borrowed(_) => Cow::Borrowed(word),
            Cow::Owned(s) => Cow::Owned(s),
        },
    }
}

/// Pronouns, auxiliaries, determiners and particles whose lemma is not their lowercased form.
fn closed_class(w: &str, upos: Upos) -> Option<&'static str> {
    Some(match (upos, w) {
        (Upos::PRON, "i" | "me") => "I",
        (Upos::PRON, "u") => "you",
        (Upos::AUX, "r") => "be",
        (Upos::NOUN, "pm" | "p.m." | "p.m") => "p.m.",
        (Upos::NOUN, "a.m." | "a.m" | "am") => "a.m.",
        (Upos::ADV, "better" | "best") => "well",
        (Upos::VERB, "'s") => "be",
        (Upos::NOUN | Upos::X, "etc") => "etc.",
        (Upos::PRON, "mine") => "my",
        (Upos::PRON, "him") => "he",
        (Upos::PRON, "her" | "hers") => "she",
        (Upos::PRON, "them") => "they",
        (Upos::PRON, "theirs") => "their",
        (Upos::PRON, "us") => "we",
        (Upos::PRON, "ours") => "our",
        (Upos::PRON, "yours") => "your",
        (Upos::PRON | Upos::DET, "these") => "this",
        (Upos::PRON | Upos::DET, "those") => "that",
        (Upos::DET, "an") => "a",
        (
            Upos::AUX | Upos::VERB,
            "is" | "am" | "are" | "was" | "were" | "been" | "being" | "'m",
        )
        | (Upos::AUX | Upos::VERB, "'re" | "m" | "re") => "be",
        (Upos::AUX, "'s" | "s") => "be",
        (Upos::AUX | Upos::VERB, "has" | "had" | "having" | "'ve" | "ve") => "have",
        (Upos::AUX | Upos::VERB, "does" | "did" | "doing" | "done") => "do",
        (Upos::AUX, "'ll" | "ll" | "wo") => "will",
        (Upos::AUX, "'d" | "d") => "would",
        (Upos::AUX, "ca") => "can",
        (Upos::PART, "n't" | "nt") => "not",
        (Upos::PART, "'s" | "'" | "s") => "'s",
        _ => return None,
    })
}

/// Irregular verbs: past tense and participle forms → base form.
const IRREGULAR_VERBS: &[(&str, &str)] = &[
    ("arose", "arise"),
    ("arisen", "arise"),
    ("awoke", "awake"),
    ("bore", "bear"),
    ("born", "bear"),
    ("borne", "bear"),
    ("beat", "beat"),
    ("beaten", "beat"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bent", "bend"),
    ("bet", "bet"),
    ("bid", "bid"),
    ("bit", "bite"),
    ("bitten", "bite"),
    ("bled", "bleed"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("broke", "break"),
    ("broken", "break"),
    ("bred", "breed"),
    ("brought", "bring"),
    ("built", "build"),
    ("burnt", "burn"),
    ("burst", "burst"),
    ("bought", "buy"),
    ("cast", "cast"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("came", "come"),
    ("cost", "cost"),
    ("crept", "creep"),
    ("cut", "cut"),
    ("dealt", "deal"),
    ("dug", "dig"),
    ("dove", "dive"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("dreamt", "dream"),
    ("drank", "drink"),
    ("drunk", "drink"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("ate", "eat"),
    ("eaten", "eat"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("fed", "feed"),
    ("felt", "feel"),
    ("fought", "fight"),
    ("found", "find"),
    ("fled", "flee"),
    ("flung", "fling"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("got", "get"),
    ("gotten", "get"),
    ("gave", "give"),
    ("given", "give"),
    ("went", "go"),
    ("gone", "go"),
    ("ground", "grind"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("hung", "hang"),
    ("heard", "hear"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("hit", "hit"),
    ("held", "hold"),
    ("hurt", "hurt"),
    ("kept", "keep"),
    ("knelt", "kneel"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("led", "lead"),
    ("leapt", "leap"),
    ("learnt", "learn"),
    ("left", "leave"),
    ("lent", "lend"),
    ("let", "let"),
    ("lay", "lie"),
    ("lain", "lie"),
    ("lit", "light"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("mistook", "mistake"),
    ("mistaken", "mistake"),
    ("overcame", "overcome"),
    ("overtook", "overtake"),
    ("overtaken", "overtake"),
    ("paid", "pay"),
    ("put", "put"),
    ("quit", "quit"),
    ("read", "read"),
    ("rid", "rid"),
    ("rode", "ride"),
    ("ridden", "ride"),
    ("rang", "ring"),
    ("rung", "ring"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("ran", "run"),
    ("said", "say"),
    ("saw", "see"),
    ("seen", "see"),
    ("sought", "seek"),
    ("sold", "sell"),
    ("sent", "send"),
    ("set", "set"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("shed", "shed"),
    ("shone", "shine"),
    ("shot", "shoot"),
    ("shown", "show"),
    ("shrank", "shrink"),
    ("shrunk", "shrink"),
    ("shut", "shut"),
    ("sang", "sing"),
    ("sung", "sing"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("sat", "sit"),
    ("slept", "sleep"),
    ("slid", "slide"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("sped", "speed"),
    ("spent", "spend"),
    ("spun", "spin"),
    ("spat", "spit"),
    ("split", "split"),
    ("spread", "spread"),
    ("sprang", "spring"),
    ("sprung", "spring"),
    ("stood", "stand"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stuck", "stick"),
    ("stung", "sting"),
    ("stank", "stink"),
    ("struck", "strike"),
    ("strove", "strive"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("swept", "sweep"),
    ("swam", "swim"),
    ("swum", "swim"),
    ("swung", "swing"),
    ("took", "take"),
    ("taken", "take"),
    ("taught", "teach"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("told", "tell"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("understood", "understand"),
    ("undertook", "undertake"),
    ("upset", "upset"),
    ("woke", "wake"),
    ("woken", "wake"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("wove", "weave"),
    ("woven", "weave"),
    ("wept", "weep"),
    ("won", "win"),
    ("wound", "wind"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("wrote", "write"),
    ("written", "write"),
    ("could", "could"),
    ("should", "should"),
    ("might", "might"),
    ("would", "would"),
    ("must", "must"),
    ("ought", "ought"),
    ("sprang", "spring"),
    ("misled", "mislead"),
    ("mislead", "mislead"),
    ("oversaw", "oversee"),
    ("overseen", "oversee"),
    ("foresaw", "foresee"),
    ("rebuilt", "rebuild"),
    ("outgrew", "outgrow"),
    ("underwent", "undergo"),
    ("undergone", "undergo"),
    ("withheld", "withhold"),
    ("upheld", "uphold"),
    ("beheld", "behold"),
    ("sewn", "sew"),
    ("sawn", "saw"),
    ("slain", "slay"),
    ("strewn", "strew"),
    ("stridden", "stride"),
    ("strode", "stride"),
    ("thrust", "thrust"),
    ("trod", "tread"),
    ("trodden", "tread"),
    ("wrung", "wring"),
    ("clung", "cling"),
    ("dwelt", "dwell"),
    ("fit", "fit"),
    ("forecast", "forecast"),
    ("broadcast", "broadcast"),
    ("spelt", "spell"),
    ("spoilt", "spoil"),
    ("sped", "speed"),
    ("lied", "lie"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("vying", "vie"),
];

/// Irregular plurals → singular.
const IRREGULAR_NOUNS: &[(&str, &str)] = &[
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("geese", "goose"),
    ("mice", "mouse"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("leaves", "leaf"),
    ("halves", "half"),
    ("selves", "self"),
    ("shelves", "shelf"),
    ("wolves", "wolf"),
    ("thieves", "thief"),
    ("loaves", "loaf"),
    ("calves", "calf"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("analyses", "analysis"),
    ("crises", "crisis"),
    ("theses", "thesis"),
    ("bases", "base"),
    ("diagnoses", "diagnosis"),
    ("oases", "oasis"),
    ("hypotheses", "hypothesis"),
    ("indices", "index"),
    ("appendices", "appendix"),
    ("matrices", "matrix"),
    ("vertices", "vertex"),
    ("cacti", "cactus"),
    ("fungi", "fungus"),
    ("nuclei", "nucleus"),
    ("stimuli", "stimulus"),
    ("alumni", "alumnus"),
    ("news", "news"),
    ("series", "series"),
    ("species", "species"),
    ("means", "means"),
    ("people", "people"),
    ("police", "police"),
    ("sheep", "sheep"),
    ("fish", "fish"),
    ("deer", "deer"),
    ("aircraft", "aircraft"),
    ("headquarters", "headquarters"),
    ("clothes", "clothes"),
    ("pants", "pants"),
    ("glasses", "glass"),
    ("physics", "physics"),
    ("politics", "politics"),
    ("economics", "economics"),
    ("ethics", "ethics"),
    ("statistics", "statistic"),
    ("thanks", "thanks"),
    ("goods", "good"),
    ("arms", "arm"),
    ("data", "data"),
    ("media", "media"),
    ("regards", "regards"),
    ("troops", "troops"),
    ("bacteria", "bacterium"),
    ("memoranda", "memorandum"),
    ("dice", "die"),
    ("oxen", "ox"),
    ("brethren", "brother"),
    ("lice", "louse"),
    ("potatoes", "potato"),
    ("tomatoes", "tomato"),
    ("heroes", "hero"),
    ("echoes", "echo"),
    ("vetoes", "veto"),
    ("taxes", "tax"),
    ("boxes", "box"),
    ("buses", "bus"),
    ("gases", "gas"),
    ("quizzes", "quiz"),
    ("movies", "movie"),
    ("cookies", "cookie"),
    ("pies", "pie"),
    ("ties", "tie"),
    ("lies", "lie"),
    ("dies", "die"),
    ("toes", "toe"),
    ("shoes", "shoe"),
    ("canoes", "canoe"),
    ("horses", "horse"),
    ("houses", "house"),
    ("courses", "course"),
    ("causes", "cause"),
    ("cases", "case"),
    ("purposes", "purpose"),
    ("responses", "response"),
    ("expenses", "expense"),
    ("licenses", "license"),
    ("nurses", "nurse"),
    ("phases", "phase"),
    ("phrases", "phrase"),
    ("releases", "release"),
    ("uses", "use"),
    ("excuses", "excuse"),
    ("abuses", "abuse"),
    ("databases", "database"),
    ("promises", "promise"),
    ("premises", "premise"),
    ("sources", "source"),
    ("resources", "resource"),
    ("forces", "force"),
    ("services", "service"),
    ("prices", "price"),
    ("offices", "office"),
    ("choices", "choice"),
    ("voices", "voice"),
    ("pieces", "piece"),
    ("places", "place"),
    ("changes", "change"),
    ("ranges", "range"),
    ("charges", "charge"),
    ("images", "image"),
    ("messages", "message"),
    ("pages", "page"),
    ("languages", "language"),
    ("issues", "issue"),
    ("values", "value"),
    ("rules", "rule"),
];

fn lookup(table: &[(&str, &'static str)], w: &str) -> Option<String> {
    table
        .iter()
        .find(|(form, _)| *form == w)
        .map(|(_, l)| (*l).to_owned())
}

/// Short stems that look like "make" → "mak" but take no e.
const NO_E: &[&str] = &[
    "put", "get", "set", "let", "cut", "hit", "sit", "run", "win", "beg", "fit", "rid", "nod",
    "rob", "rub", "ban", "bet", "dig", "hug", "jog", "mop", "pat", "pet", "pin", "plan", "ship",
    "shop", "skip", "slip", "step", "stop", "drop", "trip", "grab", "chat", "shut", "spot", "spit",
    "swim", "trim", "wrap", "clap", "add", "end", "help", "want", "talk", "walk", "ask", "pick",
    "kill", "call", "fill", "sell", "tell", "wish", "push", "pull", "form", "turn", "burn", "earn",
    "open", "post", "list", "test", "rest", "cost", "host", "last", "fix", "mix", "box", "edit",
    "omit", "sign", "join", "own", "sin", "bomb", "plot", "blog", "log", "tag", "hack", "pack",
    "back", "lock", "rock", "mark", "park", "park", "bank", "link", "thank", "pump", "jump",
    "dump", "miss", "kiss", "pass", "fish", "rush", "wash", "cash",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Restores what a stem lost before "-ed"/"-ing": a doubled consonant ("stopp" → "stop") or
/// a silent e ("mak" → "make", "us" → "use", "creat" → "create").
fn restore_stem(stem: &str) -> String {
    let b = stem.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && b"bdgkmnprtv".contains(&b[n - 1]) && !is_vowel(b[n - 1]) {
        // "stopp" → "stop", but "add", "odd" stay (short vowel-initial stems).
        if !(n == 3 && is_vowel(b[0])) {
            return stem[..n - 1].to_owned();
        }
    }
    // "expelled", "cancelled", "travelled": a final l doubled after a short e ("smelled",
    // "spelled" are too short to be doubled), and "controlled", "patrolled".
    if n >= 6 && stem.ends_with("ell") || stem.ends_with("troll") {
        return stem[..n - 1].to_owned();
    }
    let consonant_before = |k: usize| n > k && !is_vowel(b[n - 1 - k]);
    let ends = |suffix: &str| stem.ends_with(suffix);
    let needs_e = ends("v")
        || ends("dg")
        || ends("uir")
        || ends("iz")
        || ends("yz")
        || ends("aus")
        || ends("fus")
        || ends("eas")
        || ends("chas")
        || (ends("c") && n >= 4)
        || (ends("at") && (!ends("eat") || ends("creat")) && !ends("oat") && n >= 4)
        || ends("u")
        || ends("uot")
        || ends("ais")
        || ends("dul")
        || (ends("ur") && !ends("our"))
        || (ends("ag") && n >= 5)
        // "alleged", "reneged".
        || (ends("eg") && n >= 5)
        || (ends("ang") && n >= 5)
        || (ends("eng") && n >= 6)
        || ends("rg")
        || (ends("os") && n >= 4)
        || ((ends("rs") || ends("ns") || ends("ls")) && n >= 4)
        || (ends("l") && n >= 4 && b"bptdgkz".contains(&b[n - 2]))
        || (ends("ar") && n >= 5 && consonant_before(2))
        || ((ends("ut") || ends("um") || ends("ud") || ends("ot") || ends("is")) && n >= 5)
        || ((ends("id") || ends("ib") || ends("ir") || ends("in") || ends("ok")) && n >= 5 && consonant_before(2))
        // One syllable, consonant-vowel-consonant, single final consonant: "mak", "hop", "us".
        || ((2..=4).contains(&n)
            && !is_vowel(b[n - 1])
            && !b"wxy".contains(&b[n - 1])
            && is_vowel(b[n - 2])
            && (n == 2 || !is_vowel(b[n - 3]))
            && b.iter().filter(|&&c| is_vowel(c)).count() == 1
            && !NO_E.contains(&stem));
    if needs_e {
        format!("{stem}e")
    } else {
        stem.to_owned()
    }
}

fn verb(w: &str) -> Option<String> {
    if let Some(l) = lookup(IRREGULAR_VERBS, w) {
        return Some(l);
    }
    let n = w.len();
    let has_vowel = |s: &str| s.bytes().any(|c| is_vowel(c) || c == b'y');
    if w.ends_with("ied") {
        // "died", "tied" keep their ie; "studied" → "study".
        return Some(if n <= 5 {
            w[..n - 1].to_owned()
        } else {
            format!("{}y", &w[..n - 3])
        });
    }
    // "bring", "need": base forms that only look inflected.
    if n > 4 && w.ends_with("ing") && has_vowel(&w[..n - 3]) {
        return Some(restore_stem(&w[..n - 3]));
    }
    if w.ends_with("eed") {
        return match w {
            "agreed" | "disagreed" | "freed" | "guaranteed" | "decreed" | "refereed" => {
                Some(w[..n - 1].to_owned())
            }
            _ => None,
        };
    }
    if n > 3 && w.ends_with("ed") && has_vowel(&w[..n - 2]) {
        return Some(restore_stem(&w[..n - 2]));
    }
    plural_s(w)
}

/// "-s" forms of nouns and verbs.
fn plural_s(w: &str) -> Option<String> {
    let n = w.len();
    if n > 3 && w.ends_with("ies") {
        return Some(if n <= 4 {
            w[..n - 1].to_owned()
        } else {
            format!("{}y", &w[..n - 3])
        });
    }
    if n > 3
        && (w.ends_with("sses")
            || w.ends_with("shes")
            || w.ends_with("ches")
            || w.ends_with("xes")
            || w.ends_with("zzes")
            || w.ends_with("oes"))
    {
        return Some(w[..n - 2].to_owned());
    }
    if n > 2
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !matches!(
            w,
            "gas" | "bias" | "has" | "was" | "yes" | "this" | "its" | "always"
        )
    {
        return Some(w[..n - 1].to_owned());
    }
    None
}

fn noun(w: &str) -> Option<String> {
    lookup(IRREGULAR_NOUNS, w).or_else(|| plural_s(w))
}

/// Adjectives whose comparatives and superlatives EWT lemmatizes to them.
const GRADABLE: &[&str] = &[
    "big", "small", "large", "great", "high", "low", "late", "early", "easy", "hard", "long",
    "short", "strong", "weak", "new", "old", "young", "cheap", "fast", "slow", "close", "wide",
    "deep", "rich", "poor", "few", "fine", "nice", "safe", "clear", "simple", "busy", "happy",
    "heavy", "light", "dark", "bright", "hot", "cold", "warm", "cool", "tall", "smart", "quick",
    "near", "tough", "wise", "true", "pure", "rare", "broad", "steep", "thin", "thick", "fat",
    "sad", "mad", "wet", "dry", "lucky", "funny", "pretty", "ugly", "angry", "crazy", "healthy",
    "wealthy", "likely", "lovely", "friendly", "costly", "dirty", "hungry", "scary", "fair",
    "firm", "full", "kind", "loud", "mean", "neat", "plain", "proud", "quiet", "rough", "sharp",
    "soft", "sweet", "tight", "vast", "wild",
];

/// Comparatives and superlatives.
fn adjective(w: &str) -> Option<String> {
    let irregular = match w {
        "better" | "best" => Some("good"),
        "worse" | "worst" => Some("bad"),
        "further" | "furthest" | "farther" | "farthest" => Some("far"),
        _ => None,
    };
    if let Some(l) = irregular {
        return Some(l.to_owned());
    }
    let n = w.len();
    let stem = if w.ends_with("est") && n > 5 {
        &w[..n - 3]
    } else if w.ends_with("er") && n > 4 {
        &w[..n - 2]
    } else {
        return None;
    };
    let b = stem.as_bytes();
    let k = b.len();
    let mut candidates = vec![stem.to_owned(), format!("{stem}e")];
    if k >= 2 && b[k - 1] == b[k - 2] {
        candidates.push(stem[..k - 1].to_owned());
    }
    if stem.ends_with('i') {
        candidates.push(format!("{}y", &stem[..k - 1]));
    }
    candidates
        .into_iter()
        .find(|c| GRADABLE.contains(&c.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_verbs() {
        for (w, l) in [
            ("killed", "kill"),
            ("stopped", "stop"),
            ("making", "make"),
            ("used", "use"),
            ("created", "create"),
            ("agreed", "agree"),
            ("studied", "study"),
            ("visiting", "visit"),
            ("says", "say"),
            ("went", "go"),
            ("told", "tell"),
            ("added", "add"),
            ("called", "call"),
            ("alleged", "allege"),
            ("alleging", "allege"),
            ("reneged", "renege"),
        ] {
            assert_eq!(lemma(w, Upos::VERB), l, "{w}");
        }
        assert_eq!(lemma("'s", Upos::AUX), "be");
        assert_eq!(lemma("n't", Upos::PART), "not");
        assert_eq!(lemma("Was", Upos::AUX), "be");
    }

    #[test]
    fn nouns_pronouns_and_the_rest() {
        assert_eq!(lemma("cities", Upos::NOUN), "city");
        assert_eq!(lemma("boxes", Upos::NOUN), "box");
        assert_eq!(lemma("children", Upos::NOUN), "child");
        assert_eq!(lemma("news", Upos::NOUN), "news");
        assert_eq!(lemma("officials", Upos::NOUN), "official");
        assert_eq!(lemma("me", Upos::PRON), "I");
        assert_eq!(lemma("The", Upos::DET), "the");
        assert_eq!(lemma("U.S.", Upos::PROPN), "U.S.");
        assert_eq!(lemma("best", Upos::ADJ), "good");
        assert_eq!(lemma("bigger", Upos::ADJ), "big");
        assert_eq!(lemma("earliest", Upos::ADJ), "early");
        assert_eq!(lemma("later", Upos::ADV), "late");
        assert_eq!(lemma("other", Upos::ADJ), "other");
        assert_eq!(lemma("Iraqi", Upos::ADJ), "Iraqi");
        assert_eq!(lemma("Good", Upos::ADJ), "good");
        assert_eq!(lemma("need", Upos::VERB), "need");
        assert_eq!(lemma("bring", Upos::VERB), "bring");
        assert_eq!(lemma("gas", Upos::NOUN), "gas");
        assert!(matches!(lemma("tree", Upos::NOUN), Cow::Borrowed(_)));
    }
}
