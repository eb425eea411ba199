//! The unit of input: one article, its text owned once.

use crate::date::Date;

/// One article. Every span elsewhere in the pipeline is a byte range into [`Document::text`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier: the file name for text files, the record's `id` for JSONL.
    pub id: String,
    /// Title, when the input gives one.
    pub title: Option<String>,
    /// Where the document was read from (file path, or `path:line` for JSONL).
    pub path: Option<String>,
    /// Publication date, when the input gives a valid one.
    pub date: Option<Date>,
    /// Source URL as given by the input.
    pub url: Option<String>,
    /// The article's text.
    pub text: String,
}

impl Document {
    /// A document with only an id and a text, as tests and the library example build them.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }
}
