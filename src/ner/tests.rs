//! Tests of the tagger as a whole: the embedded model on sentences written for the purpose,
//! the model file, and training.

use super::corpus::{self, Format, Sentence};
use super::train::{train, TrainOptions};
use super::*;
use crate::text::tokenize;
use std::path::Path;

fn names(ner: &Ner, text: &str) -> Vec<(String, EntityKind)> {
    let tokens = tokenize(text);
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    spans(&ner.tag(&words))
        .into_iter()
        .map(|(r, k)| {
            let s = &text[tokens[r.start].span.start..tokens[r.end - 1].span.end];
            (s.to_string(), k)
        })
        .collect()
}

fn expect(text: &str, want: &[(&str, EntityKind)]) {
    let got = names(Ner::embedded(), text);
    let want: Vec<(String, EntityKind)> = want.iter().map(|&(s, k)| (s.to_string(), k)).collect();
    assert_eq!(got, want, "{text}");
}

#[test]
fn embedded_model_finds_people_organizations_and_places() {
    use EntityKind::*;
    expect(
        "Ursula von der Leyen met officials of the Hungarian Socialist Party in Budapest.",
        &[
            ("Ursula von der Leyen", Per),
            ("Hungarian Socialist Party", Org),
            ("Budapest", Loc),
        ],
    );
    expect(
        "Angela Merkel visited Paris on Monday.",
        &[("Angela Merkel", Per), ("Paris", Loc)],
    );
    expect(
        "The European Union and NATO said Russia must withdraw from Ukraine.",
        &[
            ("European Union", Org),
            ("NATO", Org),
            ("Russia", Loc),
            ("Ukraine", Loc),
        ],
    );
}

#[test]
fn titles_and_demonyms_stay_outside_person_names() {
    let got = names(
        Ner::embedded(),
        "Mexican President Claudia Sheinbaum rejected the proposal.",
    );
    assert!(
        got.contains(&("Claudia Sheinbaum".to_string(), EntityKind::Per)),
        "{got:?}"
    );
}

#[test]
fn empty_and_punctuation_only_sentences() {
    let ner = Ner::embedded();
    assert!(ner.tag::<&str>(&[]).is_empty());
    assert_eq!(ner.tag(&[".", ",", "!"]), [Label::O; 3]);
}

#[test]
fn margins_go_with_the_labels() {
    let ner = Ner::embedded();
    let words = ["Angela", "Merkel", "visited", "Paris", "."];
    let tagged = ner.tag_with_margins(&words);
    let labels: Vec<Label> = tagged.iter().map(|t| t.label).collect();
    assert_eq!(labels, ner.tag(&words));
    assert!(tagged.iter().all(|t| t.margin.is_finite()));
}

#[test]
fn the_tagger_is_shared_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Ner>();
    let words = ["They", "flew", "to", "Paris", "."];
    let handles: Vec<_> = (0..2)
        .map(|_| std::thread::spawn(move || Ner::embedded().tag(&words)))
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap()[3], Label::B(EntityKind::Loc));
    }
}

#[test]
fn embedded_model_is_intact_and_current() {
    let ner = Ner::try_embedded().expect("the embedded model parses");
    assert!(ner.feature_count() > 1000);
    assert!(ner.description().contains("trained on"));
    // The model file is the canonical encoding of what it holds.
    assert_eq!(ner.to_bytes(), EMBEDDED);
}

#[test]
fn model_bytes_round_trip_through_a_file() {
    let ner = Ner::embedded();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ner.bin");
    ner.save(&path).unwrap();
    let back = Ner::load(&path).unwrap();
    assert_eq!(&back, ner);
    let words = ["Kaja", "Kallas", "spoke", "in", "Brussels", "."];
    assert_eq!(back.tag(&words), ner.tag(&words));
}

#[test]
fn a_damaged_model_is_an_error_not_a_panic() {
    let mut bytes = EMBEDDED.to_vec();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x01;
    assert!(matches!(
        Ner::from_bytes(&bytes),
        Err(ModelError::Checksum { .. })
    ));
    assert!(matches!(
        Ner::from_bytes(&EMBEDDED[..EMBEDDED.len() - 1]),
        Err(ModelError::Checksum { .. })
    ));
    assert!(matches!(
        Ner::from_bytes(b"GIF89a"),
        Err(ModelError::BadMagic)
    ));
    assert!(matches!(
        Ner::from_bytes(&EMBEDDED[..10]),
        Err(ModelError::Truncated(_))
    ));
    let missing = Ner::load(Path::new("/nonexistent/ner.bin")).unwrap_err();
    assert!(missing.to_string().starts_with("/nonexistent/ner.bin: "));
}

/// A tiny synthetic corpus: "<Name> visited <Place>" and "<Name> joined <Org> Party".
fn synthetic() -> Vec<Sentence> {
    let people = ["Anna Berg", "Tomas Kral", "Lea Moreau", "Omar Haddad"];
    let places = ["Oslo", "Lima", "Quito", "Hanoi"];
    let orgs = ["Green", "Labour", "Unity", "Reform"];
    let mut text = String::new();
    for (i, p) in people.iter().enumerate() {
        let (first, last) = p.split_once(' ').unwrap();
        text.push_str(&format!(
            "{first}\tB-person\n{last}\tI-person\nvisited\tO\n{}\tB-location\n.\tO\n\n",
            places[i]
        ));
        text.push_str(&format!(
            "{first}\tB-person\n{last}\tI-person\njoined\tO\nthe\tO\n{}\tB-politicalparty\nParty\tI-politicalparty\n.\tO\n\n",
            orgs[(i + 1) % 4]
        ));
    }
    corpus::parse(&text, Format::CrossNer, "synthetic").unwrap()
}

#[test]
fn training_is_deterministic_and_learns() {
    let data = synthetic();
    for (beam, models) in [(0, 1), (4, 1), (4, 2)] {
        let options = TrainOptions {
            epochs: 5,
            cutoff: 1,
            beam,
            models,
            description: "synthetic".to_string(),
            ..TrainOptions::default()
        };
        let mut epochs = 0;
        let a = train(&data, &options, &mut |_, _| epochs += 1);
        let b = train(&data, &options, &mut |_, _| {});
        assert_eq!(epochs, 5 * models);
        assert_eq!(a.to_bytes(), b.to_bytes(), "beam {beam}");
        assert_eq!(a.description(), "synthetic");
        let tagged = a.tag(&["Anna", "Berg", "visited", "Lima", "."]);
        assert_eq!(
            spans(&tagged),
            vec![(0..2, EntityKind::Per), (3..4, EntityKind::Loc)],
            "beam {beam}"
        );
        // Another seed shuffles differently, but the data still decides.
        let c = train(&data, &TrainOptions { seed: 9, ..options }, &mut |_, _| {});
        assert_eq!(c.tag(&["Anna", "Berg", "visited", "Lima", "."]), tagged);
    }
}

#[test]
fn unannotated_misc_is_not_an_error_in_partial_data() {
    // In Universal NER data an O may be a MISC name: training must not push MISC away there,
    // and must still learn the annotated kinds.
    let text = "1\tParis\tB-LOC\t-\t-\n2\tis\tO\t-\t-\n3\tFrench\tO\t-\t-\n\n";
    let data = corpus::parse(text, Format::Uner, "x").unwrap();
    assert!(!data[0].misc_annotated);
    let options = TrainOptions {
        epochs: 3,
        cutoff: 1,
        beam: 4,
        ..TrainOptions::default()
    };
    let ner = train(&data, &options, &mut |_, _| {});
    assert_eq!(
        ner.tag(&["Paris", "is", "French"])[0],
        Label::B(EntityKind::Loc)
    );
}
