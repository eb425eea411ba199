//! Text → sentences and tokens: the layout every later stage reads.

mod fold;
mod sentences;
mod tokens;

pub use fold::{key, phrase_key, prefix_keys, slug, token_key, token_keys};
pub(crate) use sentences::is_date_word;
pub use sentences::{segment, Layout, Sentence, SentenceKind, MAX_SENTENCE_TOKENS};
pub use tokens::{tokenize, Token, TokenKind};
