//! Reading inputs: files, directories (recursively, sorted), stdin; plain text or JSONL.
//!
//! A [`Reader`] hands out one input's documents one at a time: a text file is one document, a
//! JSONL file is read line by line through a buffer, so memory holds one record however large
//! the archive.
//!
//! Bad input never panics: a missing path, a directory without readable files and a
//! malformed JSONL record are errors naming the file (and line); a file that is not UTF-8 is
//! decoded lossily and a binary file skipped, and a record's `date` that is not an ISO 8601
//! date dropped, each with a warning for the caller to print.

mod jsonl;

use std::collections::hash_map::{Entry, HashMap};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::document::Document;
use crate::error::Error;

pub use jsonl::parse_record;

/// How an input's content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// The whole file is one article.
    Text,
    /// One JSON record per line: `{"text": ..., "id"?, "title"?, "date"?, "url"?}`.
    Jsonl,
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file, with the document id its text would get.
    File {
        /// Path to the file.
        path: PathBuf,
        /// Document id for a text file: its file name, or its path below the directory given.
        id: String,
    },
}

/// Options for reading.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Force a format; by default `.jsonl` files are JSONL and everything else (stdin too) text.
    pub format: Option<InputFormat>,
    /// Skip malformed JSONL records instead of failing.
    pub skip_bad: bool,
    /// The date of every document read as text (JSONL records give their own).
    pub date: Option<Date>,
}

/// What reading reported besides documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadReport {
    /// Warnings to show the user, one line each, naming the file.
    pub warnings: Vec<String>,
    /// Malformed records skipped under `skip_bad`.
    pub skipped: usize,
}

impl ReadReport {
    /// Adds another report's warnings and counts to this one.
    pub fn extend(&mut self, other: ReadReport) {
        self.warnings.extend(other.warnings);
        self.skipped += other.skipped;
    }
}

const EXTENSIONS: &[&str] = &["txt", "md", "jsonl"];

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How many leading bytes decide whether a file is binary.
const BINARY_PROBE: usize = 8192;

/// Expands the command line's inputs into files, directories read recursively in sorted order.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<Input>, Error> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let meta = fs::metadata(input).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::Missing {
                path: input.display().to_string(),
            },
            _ => Error::io(input.display().to_string(), e),
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files)?;
            files.sort();
            if files.is_empty() {
                return Err(Error::EmptyDirectory {
                    path: input.display().to_string(),
                });
            }
            for path in files {
                let id = path
                    .strip_prefix(input)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(Input::File { path, id });
            }
        } else {
            let id = input.file_name().map_or_else(
                || input.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            out.push(Input::File {
                path: input.clone(),
                id,
            });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(dir.display().to_string(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir.display().to_string(), e))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| Error::io(path.display().to_string(), e))?;
        if kind.is_dir() {
            walk(&path, files)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// The total size of the inputs in bytes, when every input is a file (for a progress bar).
pub fn total_bytes(inputs: &[Input]) -> Option<u64> {
    inputs
        .iter()
        .map(|input| match input {
            Input::Stdin => None,
            Input::File { path, .. } => fs::metadata(path).ok().map(|m| m.len()),
        })
        .sum()
}

/// Reads one input and hands each document to `emit`, in input order.
pub fn read(
    input: &Input,
    options: ReadOptions,
    report: &mut ReadReport,
    emit: &mut dyn FnMut(Document),
) -> Result<(), Error> {
    let mut reader = Reader::open(input, options, report)?;
    while let Some(doc) = reader.next_document(report)? {
        emit(doc);
    }
    Ok(())
}

/// The documents of one input, read one at a time.
pub struct Reader {
    /// The input's name in messages: its path, or `<stdin>`.
    name: String,
    /// Document id of a text file, and the prefix of ids for JSONL records without one.
    id: String,
    /// Whether documents record where they came from (not for standard input, where a line
    /// number says nothing once the stream is split into shards).
    record_path: bool,
    skip_bad: bool,
    /// The date of a text document.
    date: Option<Date>,
    state: State,
    /// Input bytes consumed so far.
    bytes: u64,
    /// Whether the not-UTF-8 warning was given for this input.
    warned_utf8: bool,
    /// The line of each record id read so far, to refuse one given twice.
    ids: HashMap<String, usize>,
}

enum State {
    /// A text file's one document, not yet handed out.
    Text(Option<Document>),
    /// A JSONL stream and the number of the last line read.
    Jsonl {
        lines: Box<dyn BufRead + Send>,
        line_no: usize,
    },
    /// Nothing (more) to read.
    Done,
}

impl Reader {
    /// Opens an input. A binary file gives a reader with no documents and a warning.
    pub fn open(
        input: &Input,
        options: ReadOptions,
        report: &mut ReadReport,
    ) -> Result<Reader, Error> {
        let (name, source, jsonl_by_extension, id, record_path): (
            _,
            Box<dyn Read + Send>,
            _,
            _,
            _,
        ) = match input {
            Input::Stdin => (
                "<stdin>".to_string(),
                Box::new(io::stdin()),
                false,
                "stdin".to_string(),
                false,
            ),
            Input::File { path, id } => {
                let name = path.display().to_string();
                let file = File::open(path).map_err(|e| Error::io(&name, e))?;
                let jsonl = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
                (name, Box::new(file), jsonl, id.clone(), true)
            }
        };
        let format = options.format.unwrap_or(if jsonl_by_extension {
            InputFormat::Jsonl
        } else {
            InputFormat::Text
        });
        let mut reader = Reader {
            name,
            id,
            record_path,
            skip_bad: options.skip_bad,
            date: options.date,
            state: State::Done,
            bytes: 0,
            warned_utf8: false,
            ids: HashMap::new(),
        };
        let mut source = source;
        let mut head = Vec::with_capacity(BINARY_PROBE);
        (&mut source)
            .take(BINARY_PROBE as u64)
            .read_to_end(&mut head)
            .map_err(|e| Error::io(&reader.name, e))?;
        // A byte-order mark says only that the text is UTF-8; it is no part of the text.
        if head.starts_with(BOM) {
            head.drain(..BOM.len());
            reader.bytes = BOM.len() as u64;
        }
        // Told the input is text, a NUL byte is a character of it, not a sign of a binary.
        if options.format != Some(InputFormat::Text) && looks_binary(&head) {
            report.warnings.push(format!(
                "{}: skipped: looks like a binary file",
                reader.name
            ));
            return Ok(reader);
        }
        reader.state = match format {
            InputFormat::Text => {
                let mut bytes = head;
                source
                    .read_to_end(&mut bytes)
                    .map_err(|e| Error::io(&reader.name, e))?;
                reader.bytes += bytes.len() as u64;
                let text = reader.decode(bytes, report);
                State::Text(Some(Document {
                    id: reader.id.clone(),
                    path: reader.record_path.then(|| reader.name.clone()),
                    date: reader.date,
                    text,
                    ..Document::default()
                }))
            }
            InputFormat::Jsonl => State::Jsonl {
                lines: Box::new(BufReader::with_capacity(
                    1 << 16,
                    io::Cursor::new(head).chain(source),
                )),
                line_no: 0,
            },
        };
        Ok(reader)
    }

    /// The next document, or `None` at the end of the input.
    pub fn next_document(&mut self, report: &mut ReadReport) -> Result<Option<Document>, Error> {
        match &mut self.state {
            State::Done => Ok(None),
            State::Text(doc) => {
                let doc = doc.take();
                self.state = State::Done;
                Ok(doc)
            }
            State::Jsonl { .. } => self.next_record(report),
        }
    }

    /// Input bytes consumed so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    fn next_record(&mut self, report: &mut ReadReport) -> Result<Option<Document>, Error> {
        let mut buf = Vec::new();
        loop {
            let State::Jsonl { lines, line_no } = &mut self.state else {
                return Ok(None);
            };
            buf.clear();
            let n = lines
                .read_until(b'\n', &mut buf)
                .map_err(|e| Error::io(&self.name, e))?;
            if n == 0 {
                self.state = State::Done;
                return Ok(None);
            }
            *line_no += 1;
            let line_no = *line_no;
            self.bytes += n as u64;
            let line = self.decode(std::mem::take(&mut buf), report);
            let line = line.strip_suffix('\n').unwrap_or(&line);
            let line = line.strip_suffix('\r').unwrap_or(line);
            let Some(doc) = jsonl::record(
                &self.name,
                &self.id,
                self.record_path,
                line,
                line_no,
                self.skip_bad,
                report,
            )?
            else {
                continue;
            };
            // Two records with one id would be counted as one document's twice (`merge`
            // refuses the same across graphs).
            match self.ids.entry(doc.id.clone()) {
                Entry::Vacant(slot) => {
                    slot.insert(line_no);
                    return Ok(Some(doc));
                }
                Entry::Occupied(_) if self.skip_bad => report.skipped += 1,
                Entry::Occupied(first) => {
                    return Err(Error::Record {
                        path: self.name.clone(),
                        line: line_no,
                        message: format!(
                            "id '{}' was given before, on line {}: ids must be unique (--skip-bad drops the later record)",
                            doc.id,
                            first.get()
                        ),
                    })
                }
            }
        }
    }

    /// Decodes bytes as UTF-8, lossily with one warning per input.
    fn decode(&mut self, bytes: Vec<u8>, report: &mut ReadReport) -> String {
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                if !self.warned_utf8 {
                    self.warned_utf8 = true;
                    report.warnings.push(format!(
                        "{}: not valid UTF-8; invalid bytes replaced with U+FFFD",
                        self.name
                    ));
                }
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        }
    }
}

/// A NUL byte in the first 8 KB marks a binary file, as git and ripgrep decide.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(BINARY_PROBE)].contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(path: &Path) -> (Vec<Document>, ReadReport) {
        let input = Input::File {
            path: path.to_path_buf(),
            id: "f.jsonl".to_string(),
        };
        let mut report = ReadReport::default();
        let mut docs = Vec::new();
        read(&input, ReadOptions::default(), &mut report, &mut |d| {
            docs.push(d)
        })
        .unwrap();
        (docs, report)
    }

    #[test]
    fn jsonl_is_read_record_by_record_with_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.jsonl");
        fs::write(
            &path,
            "{\"id\": \"a\", \"text\": \"One.\"}\r\n\n{\"text\": \"Two.\"}",
        )
        .unwrap();
        let (docs, report) = read_all(&path);
        assert_eq!(docs.len(), 2);
        assert_eq!((docs[0].id.as_str(), docs[0].text.as_str()), ("a", "One."));
        assert_eq!(docs[1].id, "f.jsonl:3");
        assert!(docs[1].path.as_deref().unwrap().ends_with("f.jsonl:3"));
        assert!(report.warnings.is_empty());
    }

    #[test]
    fn a_bad_date_is_a_warning_naming_file_and_line_and_the_document_keeps_no_date() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.jsonl");
        fs::write(
            &path,
            "{\"text\": \"One.\", \"date\": \"2025-03-14T09:00:00+01:00\"}\n\
             {\"text\": \"Two.\", \"date\": \"14 March\"}\n\
             {\"text\": \"Three.\", \"date\": 2025}\n",
        )
        .unwrap();
        let (docs, report) = read_all(&path);
        let dates: Vec<Option<String>> =
            docs.iter().map(|d| d.date.map(|d| d.to_string())).collect();
        assert_eq!(
            dates,
            [Some("2025-03-14".into()), None, Some("2025".into())]
        );
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
        assert!(
            report.warnings[0].ends_with("f.jsonl:2: \"date\": '14 March' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD, optionally with a time); the document keeps no date"),
            "{}",
            report.warnings[0]
        );
    }

    #[test]
    fn text_files_take_the_date_given() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "Text.").unwrap();
        let input = Input::File {
            path,
            id: "a.txt".to_string(),
        };
        let options = ReadOptions {
            date: Some("2025-03".parse().unwrap()),
            ..ReadOptions::default()
        };
        let mut docs = Vec::new();
        read(&input, options, &mut ReadReport::default(), &mut |d| {
            docs.push(d)
        })
        .unwrap();
        assert_eq!(docs[0].date.unwrap().to_string(), "2025-03");
    }

    #[test]
    fn invalid_utf8_in_a_record_warns_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.jsonl");
        fs::write(
            &path,
            b"{\"text\": \"caf\xe9\"}\n{\"text\": \"na\xefve\"}\n".as_slice(),
        )
        .unwrap();
        let (docs, report) = read_all(&path);
        assert_eq!(docs[0].text, "caf\u{fffd}");
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    }
}
