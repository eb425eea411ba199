//! The head words that name a state's own bodies, read by recognition and resolution alike.

/// Head words of a state's own bodies: with a country prefix they are part of that state
/// ("U.S. Department of Justice"), where a party or a cartel is not ("Hungarian Socialist
/// Party").
const STATE_BODY_HEADS: &[&str] = &[
    "department",
    "ministry",
    "agency",
    "administration",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "guard",
    "court",
    "bureau",
    "office",
    "service",
    "services",
    "commission",
    "parliament",
    "senate",
    "congress",
    "embassy",
    "government",
    "cabinet",
    "authority",
    "directorate",
    "secretariat",
    "military",
    "intelligence",
    "corps",
    "command",
    "council",
    "assembly",
    "treasury",
    "customs",
    "prosecutor",
    "judiciary",
    "legislature",
    "presidency",
];

/// Whether an organization's name is that of a state body: its head word (the last word,
/// or the word before "of") is one of [`STATE_BODY_HEADS`].
pub fn state_body(name: &str) -> bool {
    let key = crate::text::key(name);
    let words: Vec<&str> = key.split(' ').collect();
    let head = match words.iter().position(|w| *w == "of") {
        Some(k) if k > 0 => words[k - 1],
        _ => words.last().copied().unwrap_or(""),
    };
    STATE_BODY_HEADS.contains(&head)
}
