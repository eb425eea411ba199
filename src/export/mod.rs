//! Writing a graph: one module per format, each with its own escaping, picked by one `match`.

pub mod dot;
pub mod extraction;
pub mod json;

use std::io::{self, Write};
use std::path::Path;

use crate::error::Error;
use crate::graph::KnowledgeGraph;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Node-link JSON (networkx, D3, graphology).
    Json,
    /// Graphviz DOT.
    Dot,
}

impl Format {
    /// Every format with its name, for `--format`.
    pub const ALL: [(Format, &'static str); 2] = [(Format::Json, "json"), (Format::Dot, "dot")];

    /// The format named `name` ("json", "dot", "gv").
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "dot" | "gv" => Some(Format::Dot),
            _ => None,
        }
    }

    /// The format a path's extension names.
    pub fn from_path(path: &Path) -> Result<Format, Error> {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        Format::from_name(extension).ok_or_else(|| Error::UnknownFormat {
            path: path.display().to_string(),
            extension: extension.to_string(),
        })
    }
}

/// Writes `graph` in `format`.
pub fn write(graph: &KnowledgeGraph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => json::write(graph, out),
        Format::Dot => dot::write(graph, out),
    }
}

/// Writes `graph` to `path` atomically: a temporary file beside it, renamed when complete,
/// so a failure never leaves a partial file.
pub fn write_file(graph: &KnowledgeGraph, format: Format, path: &Path) -> Result<(), Error> {
    let name = path.display().to_string();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(&name, e))?;
    {
        let mut w = io::BufWriter::new(tmp.as_file_mut());
        write(graph, format, &mut w).map_err(|e| Error::io(&name, e))?;
        w.flush().map_err(|e| Error::io(&name, e))?;
    }
    tmp.persist(path).map_err(|e| Error::io(&name, e.error))?;
    Ok(())
}
