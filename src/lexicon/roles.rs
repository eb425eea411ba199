//! Role and title words: what makes "President X" a person, "X Cartel" an organization and
//! "cartel members" a group.

use super::table::rows;
use super::Lexicon;
use crate::error::Error;
use crate::relation::RelationType;
use crate::text;

/// What a role word says about the phrase around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleCategory {
    /// A title before a person's name ("President", "Secretary of State", "Sen.").
    Title,
    /// A common noun for a person's role ("drug lord", "snowboarder", "spokesperson").
    Role,
    /// A plural actor noun that makes a group without a proper name ("officials", "cartels").
    Group,
    /// The head word of an organization's name ("Administration", "Cartel", "Party").
    OrgHead,
    /// The head word of an agreement, law, event or program ("Initiative", "Olympics").
    OtherHead,
    /// The head word of a place name ("City", "River").
    LocHead,
    /// A noun that, after a demonym or country, stands for that state as an actor ("Mexican
    /// government", "U.S. officials", "Russian troops").
    State,
    /// A word that may precede a title without being part of the name ("former", "acting").
    Modifier,
}

/// A role word or phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    /// What it says.
    pub category: RoleCategory,
    /// The static relation it implies between the person and the country or organization it
    /// names ("President" → leader-of), if any.
    pub relation: Option<RelationType>,
    /// Number of tokens in the phrase.
    pub tokens: usize,
}

pub(super) fn load(lex: &mut Lexicon, data: &str, file: &str) -> Result<(), Error> {
    for row in rows(data, file)? {
        let err = |message: String| Error::Lexicon {
            file: file.to_string(),
            line: row.line,
            message,
        };
        let category = match row.get(1) {
            "title" => RoleCategory::Title,
            "role" => RoleCategory::Role,
            "group" => RoleCategory::Group,
            "org_head" => RoleCategory::OrgHead,
            "other_head" => RoleCategory::OtherHead,
            "loc_head" => RoleCategory::LocHead,
            "state" => RoleCategory::State,
            "modifier" => RoleCategory::Modifier,
            other => return Err(err(format!("unknown role category '{other}'"))),
        };
        let relation = match row.get(2) {
            "" | "-" => None,
            name => Some(name.parse::<RelationType>().map_err(err)?),
        };
        let (key, tokens) = text::phrase_key(row.get(0));
        lex.max_role_tokens = lex.max_role_tokens.max(tokens);
        lex.role_prefixes.extend(text::prefix_keys(row.get(0)));
        // A phrase may have several categories: "President" is a title, "president" a role.
        lex.roles.entry(key).or_default().push(Role {
            category,
            relation,
            tokens,
        });
    }
    Ok(())
}
