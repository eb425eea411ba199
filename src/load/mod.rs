//! Reading inputs: files, directories (recursively, sorted), stdin; plain text or JSONL.
//!
//! Bad input never panics: a missing path, a directory without readable files and a
//! malformed JSONL record are errors naming the file (and line); a file that is not UTF-8 is
//! decoded lossily and a binary file skipped, each with a warning for the caller to print.

mod jsonl;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

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
}

/// What reading reported besides documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadReport {
    /// Warnings to show the user, one line each, naming the file.
    pub warnings: Vec<String>,
    /// Malformed records skipped under `skip_bad`.
    pub skipped: usize,
}

const EXTENSIONS: &[&str] = &["txt", "md", "jsonl"];

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

/// Reads one input and hands each document to `emit`, in input order.
pub fn read(
    input: &Input,
    options: ReadOptions,
    report: &mut ReadReport,
    emit: &mut dyn FnMut(Document),
) -> Result<(), Error> {
    let (name, bytes, jsonl_by_extension, id) = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            ("<stdin>".to_string(), bytes, false, "stdin".to_string())
        }
        Input::File { path, id } => {
            let name = path.display().to_string();
            let bytes = fs::read(path).map_err(|e| Error::io(&name, e))?;
            let jsonl = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
            (name, bytes, jsonl, id.clone())
        }
    };
    if looks_binary(&bytes) {
        report
            .warnings
            .push(format!("{name}: skipped: looks like a binary file"));
        return Ok(());
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            report.warnings.push(format!(
                "{name}: not valid UTF-8; invalid bytes replaced with U+FFFD"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let format = options.format.unwrap_or(if jsonl_by_extension {
        InputFormat::Jsonl
    } else {
        InputFormat::Text
    });
    match format {
        InputFormat::Text => {
            emit(Document {
                id,
                path: Some(name),
                text,
                ..Document::default()
            });
            Ok(())
        }
        InputFormat::Jsonl => jsonl::read(&name, &id, &text, options.skip_bad, report, emit),
    }
}

/// A NUL byte in the first 8 KB marks a binary file, as git and ripgrep decide.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}
