//! Reading the lexicon's tab-separated tables, with errors that name file and line.

use crate::error::Error;

/// One data row: its 1-based line number and its fields (missing trailing fields are empty).
pub(crate) struct Row<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Field `i`, trimmed; empty when absent.
    pub fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).map_or("", |f| f.trim())
    }

    /// Field `i` split on `|`, empty parts dropped.
    pub fn list(&self, i: usize) -> impl Iterator<Item = &'a str> {
        self.get(i)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// Data rows of a table: comments (`#`) and blank lines skipped; the first field required.
pub(crate) fn rows<'a>(text: &'a str, file: &str) -> Result<Vec<Row<'a>>, Error> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields[0].trim().is_empty() {
            return Err(Error::Lexicon {
                file: file.to_string(),
                line: n + 1,
                message: "the first column is empty".to_string(),
            });
        }
        out.push(Row {
            line: n + 1,
            fields,
        });
    }
    Ok(out)
}
