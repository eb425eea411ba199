//! Relations: the typed, directed statements that become the graph's edges.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// The relation vocabulary, with CAMEO codes and Goldstein polarity for event relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelationType {
    /// Cooperate, collaborate, ally, sign or hold an agreement with (symmetric).
    CooperatesWith,
    /// Meet, hold talks, visit, host (symmetric).
    MeetsWith,
    /// Negotiate (symmetric).
    NegotiatesWith,
    /// Praise, thank, commend, endorse.
    Praises,
    /// Provide aid, funds, equipment.
    Aids,
    /// Extradite or hand over a person to another state.
    Extradites,
    /// Demand, urge, press.
    Demands,
    /// Accuse, blame, allege wrongdoing.
    Accuses,
    /// Criticize, condemn, denounce.
    Criticizes,
    /// Reject, refuse, deny, refute.
    Rejects,
    /// Threaten, warn of action against.
    Threatens,
    /// Sanction, impose tariffs, cut ties.
    Sanctions,
    /// Arrest, detain, capture.
    Arrests,
    /// Charge in court, indict, convict, sentence, jail.
    Prosecutes,
    /// Attack, strike, bomb, kill.
    Attacks,
    /// Bribe, pay off.
    Bribes,
    /// Belongs to a party, organization, government.
    MemberOf,
    /// Is president, head, leader, chief of.
    LeaderOf,
    /// An agency or unit of a state or organization.
    PartOf,
    /// Son, daughter, wife, brother of.
    RelativeOf,
    /// A place or organization located in a place.
    LocatedIn,
}

impl RelationType {
    /// Every relation type, in the vocabulary's order.
    pub const ALL: [RelationType; 21] = [
        RelationType::CooperatesWith,
        RelationType::MeetsWith,
        RelationType::NegotiatesWith,
        RelationType::Praises,
        RelationType::Aids,
        RelationType::Extradites,
        RelationType::Demands,
        RelationType::Accuses,
        RelationType::Criticizes,
        RelationType::Rejects,
        RelationType::Threatens,
        RelationType::Sanctions,
        RelationType::Arrests,
        RelationType::Prosecutes,
        RelationType::Attacks,
        RelationType::Bribes,
        RelationType::MemberOf,
        RelationType::LeaderOf,
        RelationType::PartOf,
        RelationType::RelativeOf,
        RelationType::LocatedIn,
    ];

    /// The hyphenated name used in every output format.
    pub fn as_str(self) -> &'static str {
        self.info().0
    }

    /// CAMEO event code; `None` for static relations and bribes.
    pub fn cameo(self) -> Option<&'static str> {
        self.info().1
    }

    /// Goldstein-scale polarity (−10 hostile … +10 cooperative); `None` where CAMEO has none.
    pub fn polarity(self) -> Option<f64> {
        self.info().2
    }

    /// Symmetric relations are stored once, with endpoints in id order.
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            RelationType::CooperatesWith | RelationType::MeetsWith | RelationType::NegotiatesWith
        )
    }

    /// Static relations describe what an actor is, not an event.
    pub fn is_static(self) -> bool {
        matches!(
            self,
            RelationType::MemberOf
                | RelationType::LeaderOf
                | RelationType::PartOf
                | RelationType::RelativeOf
                | RelationType::LocatedIn
        )
    }

    fn info(self) -> (&'static str, Option<&'static str>, Option<f64>) {
        use RelationType::*;
        match self {
            CooperatesWith => ("cooperates-with", Some("06"), Some(6.0)),
            MeetsWith => ("meets-with", Some("04"), Some(1.0)),
            NegotiatesWith => ("negotiates-with", Some("046"), Some(7.0)),
            Praises => ("praises", Some("051"), Some(3.4)),
            Aids => ("aids", Some("07"), Some(7.0)),
            Extradites => ("extradites", Some("063"), Some(7.4)),
            Demands => ("demands", Some("10"), Some(-5.0)),
            Accuses => ("accuses", Some("112"), Some(-2.0)),
            Criticizes => ("criticizes", Some("111"), Some(-2.0)),
            Rejects => ("rejects", Some("12"), Some(-4.0)),
            Threatens => ("threatens", Some("13"), Some(-6.0)),
            Sanctions => ("sanctions", Some("163"), Some(-8.0)),
            Arrests => ("arrests", Some("173"), Some(-5.0)),
            Prosecutes => ("prosecutes", Some("173"), Some(-5.0)),
            Attacks => ("attacks", Some("19"), Some(-10.0)),
            Bribes => ("bribes", None, None),
            MemberOf => ("member-of", None, None),
            LeaderOf => ("leader-of", None, None),
            PartOf => ("part-of", None, None),
            RelativeOf => ("relative-of", None, None),
            LocatedIn => ("located-in", None, None),
        }
    }
}

impl fmt::Display for RelationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RelationType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RelationType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown relation '{s}'"))
    }
}

/// One statement of a relation in one sentence of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Index of the source entity in the document's entity list.
    pub source: usize,
    /// Index of the target entity in the document's entity list.
    pub target: usize,
    /// Relation type.
    pub kind: RelationType,
    /// True when the sentence states that the relation does not hold.
    pub negated: bool,
    /// Byte range of the sentence that states it.
    pub sentence: Range<usize>,
    /// Byte range of the trigger word or phrase.
    pub trigger: Range<usize>,
    /// The model's probability that the sentence states this relation (calibrated on the
    /// annotated dev documents).
    pub confidence: f32,
    /// What proposed and decided it: the rule (or "model") and the strongest features.
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in RelationType::ALL {
            assert_eq!(t.as_str().parse::<RelationType>().unwrap(), t);
            assert_eq!(
                t.is_static(),
                t.cameo().is_none() && t != RelationType::Bribes
            );
        }
    }
}
