//! The look every drawing format shares (DOT, GEXF, the HTML view): a fill colour per entity type, an edge
//! colour by polarity, a line width by weight.

use crate::entity::EntityType;
use crate::graph::Edge;
use crate::relation::RelationType;

/// Fill colour of an entity type, as `#RRGGBB`.
pub fn type_color(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "#AED6F1",
        EntityType::Organization => "#F9E79F",
        EntityType::Country => "#A9DFBF",
        EntityType::Location => "#D7BDE2",
        EntityType::Group => "#F5CBA7",
        EntityType::Other => "#E5E7E9",
    }
}

/// Cooperative relations are drawn green.
pub const COOPERATIVE: &str = "#1E8449";
/// Hostile relations are drawn red.
pub const HOSTILE: &str = "#C0392B";
/// Static relations (member-of, leader-of, …) are drawn grey.
pub const STATIC: &str = "#7F8C8D";

/// Edge colour: cooperative green, hostile red, static grey.
pub fn edge_color(edge: &Edge) -> &'static str {
    relation_color(edge.relation)
}

/// An edge's colour with its confidence as opacity (`#RRGGBBAA`): a relation the model is
/// sure of is drawn solid, a doubtful one fainter (a quarter opaque at confidence 0).
pub fn edge_stroke(edge: &Edge) -> String {
    let alpha = (255.0 * (0.25 + 0.75 * edge.confidence.clamp(0.0, 1.0))).round() as u8;
    let color = edge_color(edge);
    if alpha == 255 {
        color.to_string()
    } else {
        format!("{color}{alpha:02X}")
    }
}

/// The colour of a relation's edges: cooperative green, hostile red, static grey.
pub fn relation_color(relation: RelationType) -> &'static str {
    if relation.is_static() {
        return STATIC;
    }
    match relation.polarity() {
        Some(p) if p > 0.0 => COOPERATIVE,
        _ => HOSTILE,
    }
}

/// Line width for an edge of `weight` statements: 1 for one, growing slowly, at most 6.
pub fn pen_width(weight: usize) -> f64 {
    (1.0 + (weight.max(1) as f64).ln() * 1.2).min(6.0)
}

/// The red, green and blue of a `#RRGGBB` colour.
pub fn rgb(hex: &str) -> (u8, u8, u8) {
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).expect("a #RRGGBB colour");
    (channel(1), channel(3), channel(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse() {
        assert_eq!(rgb("#1E8449"), (0x1E, 0x84, 0x49));
        for kind in EntityType::ALL {
            rgb(type_color(kind));
        }
        assert_eq!(pen_width(1), 1.0);
        assert_eq!(pen_width(10_000), 6.0);
    }
}
