//! The trained model on sentences written for the purpose (invented people, real places):
//! what it must decide whatever it was retrained on, and the confidence and reason every
//! relation carries.

use crate::extract::Extraction;
use crate::{Document, Extractor};

fn extract(text: &str, min_confidence: Option<f32>) -> Extraction {
    Extractor::new()
        .with_min_confidence(min_confidence)
        .extract(&Document::new("t", text))
}

/// (source label, relation, target label) of every asserted relation.
fn triples(ex: &Extraction) -> Vec<(String, String, String)> {
    ex.relations
        .iter()
        .filter(|r| !r.negated)
        .map(|r| {
            (
                ex.entities[r.source].label.clone(),
                r.kind.to_string(),
                ex.entities[r.target].label.clone(),
            )
        })
        .collect()
}

fn states(text: &str, source: &str, relation: &str, target: &str) -> bool {
    let ex = extract(text, None);
    let found = triples(&ex);
    let symmetric = [
        "cooperates-with",
        "meets-with",
        "negotiates-with",
        "relative-of",
    ];
    found.iter().any(|(s, r, t)| {
        r == relation
            && (s == source && t == target
                || symmetric.contains(&relation) && s == target && t == source)
    })
}

#[test]
fn titles_appositions_and_places_give_static_relations() {
    for (text, s, r, t) in [
        (
            "Ana Vidal, a spokeswoman for Acme Corporation, declined to comment.",
            "Ana Vidal",
            "member-of",
            "Acme Corporation",
        ),
        (
            "Chilean President Ana Vidal spoke on Monday.",
            "Ana Vidal",
            "leader-of",
            "Chile",
        ),
        (
            "The fire started in Springfield, Missouri on Monday.",
            "Springfield",
            "located-in",
            "Missouri",
        ),
    ] {
        assert!(
            states(text, s, r, t),
            "{text}: {:?}",
            triples(&extract(text, None))
        );
    }
}

#[test]
fn acts_between_actors_give_events() {
    for (text, s, r, t) in [
        ("Peru accused Chile of spying.", "Peru", "accuses", "Chile"),
        (
            "Police arrested Tom Reyes in Lima on Monday.",
            "police",
            "arrests",
            "Tom Reyes",
        ),
    ] {
        assert!(
            states(text, s, r, t),
            "{text}: {:?}",
            triples(&extract(text, None))
        );
    }
}

#[test]
fn every_relation_has_a_confidence_and_a_reason() {
    let text = "Peru accused Chile of spying. Chilean President Ana Vidal met Peruvian officials \
                in Lima. Police arrested Tom Reyes in Springfield, Missouri.";
    let ex = extract(text, None);
    assert!(!ex.relations.is_empty());
    for r in &ex.relations {
        assert!(r.confidence > 0.0 && r.confidence <= 1.0, "{r:?}");
        assert!(r.reason.starts_with("rule "), "{r:?}");
        assert!(!r.reason.contains("bias"), "{r:?}");
    }
}

#[test]
fn min_confidence_trades_precision_for_recall() {
    let text = "Peru accused Chile of spying. Chilean President Ana Vidal met Peruvian officials \
                in Lima. Police arrested Tom Reyes in Springfield, Missouri.";
    let default = extract(text, None).relations.len();
    let all = extract(text, Some(0.0)).relations;
    let none = extract(text, Some(1.0)).relations;
    assert!(all.len() >= default, "{} < {default}", all.len());
    assert!(none.iter().all(|r| r.confidence >= 1.0), "{none:?}");
    // What a low threshold adds, a higher one keeps only where it is confident enough.
    let half = extract(text, Some(0.5)).relations;
    assert!(half.iter().all(|r| r.confidence >= 0.5));
    assert!(half.len() <= all.len());
}
