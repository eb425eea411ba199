//! Library errors: each names the file (and line) it is about. The binary adds context and
//! prints them once; the library never prints.

use std::io;

/// Everything the library can fail on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// An input path does not exist.
    #[error("{path}: no such file or directory")]
    Missing {
        /// The path as given.
        path: String,
    },
    /// A directory holds no file the reader accepts.
    #[error("{path}: no readable files in this directory (looked for *.txt, *.md, *.jsonl)")]
    EmptyDirectory {
        /// The directory.
        path: String,
    },
    /// A JSONL record is malformed or lacks its text.
    #[error("{path}:{line}: {message}")]
    Record {
        /// The JSONL file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A lexicon file is malformed.
    #[error("{file}:{line}: {message}")]
    Lexicon {
        /// The lexicon file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file given as a graph is not a newsgraph graph.
    #[error("{path}: not a newsgraph graph: {message}")]
    NotAGraph {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The output format cannot be told from the path.
    #[error("{path}: unknown output format '{extension}' (use .json, .dot, .gv, .graphml, .gexf, .cyjs or .html, or --format: --format neo4j for a directory)")]
    UnknownFormat {
        /// The output path.
        path: String,
        /// Its extension.
        extension: String,
    },
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<String>, source: io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
