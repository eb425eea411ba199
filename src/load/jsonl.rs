//! JSONL records: `{"text": ..., "id"?, "title"?, "date"?, "url"?}`, one per line.

use serde_json::Value;

use super::ReadReport;
use crate::date::{Date, DateError};
use crate::document::Document;
use crate::error::Error;

/// One line of a JSONL input: its document, `None` for a blank line or a record skipped
/// under `skip_bad`, or the error naming the file and line. `name` is the input's name for
/// messages and `file_id` the prefix of ids for records without one.
pub(super) fn record(
    name: &str,
    file_id: &str,
    record_path: bool,
    line: &str,
    line_no: usize,
    skip_bad: bool,
    report: &mut ReadReport,
) -> Result<Option<Document>, Error> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    match parse_record(line, &format!("{file_id}:{line_no}")) {
        Ok((mut doc, bad_date)) => {
            if record_path {
                doc.path = Some(format!("{name}:{line_no}"));
            }
            if let Some(e) = bad_date {
                report.warnings.push(format!(
                    "{name}:{line_no}: \"date\": {e}; the document keeps no date"
                ));
            }
            Ok(Some(doc))
        }
        Err(_) if skip_bad => {
            report.skipped += 1;
            Ok(None)
        }
        Err(message) => Err(Error::Record {
            path: name.to_string(),
            line: line_no,
            message,
        }),
    }
}

/// Parses one record; `default_id` is used when it has no "id". A `date` that is not an
/// ISO 8601 date leaves the document without one, and comes back beside it for a warning:
/// a wrong date is no reason to lose the article.
pub fn parse_record(line: &str, default_id: &str) -> Result<(Document, Option<DateError>), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    let Value::Object(mut map) = value else {
        return Err("a record must be a JSON object".to_string());
    };
    // Fields are taken out of the record, not copied: an article's text is moved once.
    let text = match map.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return Err("\"text\" must be a string".to_string()),
        None => return Err("record has no \"text\" field".to_string()),
    };
    let mut field = |key: &str| -> Result<Option<String>, String> {
        match map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(format!("\"{key}\" must be a string")),
        }
    };
    let (date, bad_date) = match field("date")?.map(|d| d.parse::<Date>()) {
        None => (None, None),
        Some(Ok(date)) => (Some(date), None),
        Some(Err(e)) => (None, Some(e)),
    };
    let doc = Document {
        id: field("id")?.unwrap_or_else(|| default_id.to_string()),
        title: field("title")?,
        path: None,
        date,
        url: field("url")?,
        text,
    };
    Ok((doc, bad_date))
}
