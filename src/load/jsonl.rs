//! JSONL records: `{"text": ..., "id"?, "title"?, "date"?, "url"?}`, one per line.

use serde_json::Value;

use super::ReadReport;
use crate::document::Document;
use crate::error::Error;

/// Reads the records of a JSONL file's `text`; `name` is its path for messages and `file_id`
/// the prefix of ids for records without one.
pub(super) fn read(
    name: &str,
    file_id: &str,
    text: &str,
    skip_bad: bool,
    report: &mut ReadReport,
    emit: &mut dyn FnMut(Document),
) -> Result<(), Error> {
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        match parse_record(line, &format!("{file_id}:{line_no}")) {
            Ok(mut doc) => {
                doc.path = Some(format!("{name}:{line_no}"));
                emit(doc);
            }
            Err(message) if skip_bad => {
                report.skipped += 1;
                let _ = message;
            }
            Err(message) => {
                return Err(Error::Record {
                    path: name.to_string(),
                    line: line_no,
                    message,
                })
            }
        }
    }
    Ok(())
}

/// Parses one record; `default_id` is used when it has no "id".
pub fn parse_record(line: &str, default_id: &str) -> Result<Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err("a record must be a JSON object".to_string());
    };
    let text = match map.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err("\"text\" must be a string".to_string()),
        None => return Err("record has no \"text\" field".to_string()),
    };
    let field = |key: &str| -> Result<Option<String>, String> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(format!("\"{key}\" must be a string")),
        }
    };
    Ok(Document {
        id: field("id")?.unwrap_or_else(|| default_id.to_string()),
        title: field("title")?,
        path: None,
        date: field("date")?,
        url: field("url")?,
        text,
    })
}
