//! Writing a graph: one module per format, each with its own escaping, picked by one `match`.
//!
//! | format | module | read by |
//! |---|---|---|
//! | node-link JSON | [`json`] | networkx, D3, graphology |
//! | Graphviz DOT | [`dot`] | `dot`, `sfdp`, `neato` |
//! | GraphML | [`graphml`] | networkx, igraph, Gephi, yEd, graphology-graphml |
//! | GEXF 1.2 | [`gexf`] | Gephi, networkx, graphology-gexf |
//! | Cytoscape JSON | [`cyjs`] | Cytoscape.js, Cytoscape desktop |
//! | Neo4j CSV (a directory) | [`neo4j`] | `neo4j-admin database import full` |
//! | HTML page | [`html`] | any current browser, from `file://` |

pub mod cyjs;
pub mod dot;
pub mod extraction;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod neo4j;
pub mod staging;
pub mod style;
pub mod xml;

use std::io::{self, Write};
use std::path::Path;

pub use dot::Layout;

use crate::error::Error;
use crate::graph::KnowledgeGraph;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Node-link JSON (networkx, D3, graphology).
    Json,
    /// Graphviz DOT.
    Dot,
    /// GraphML (networkx, igraph, Gephi, yEd).
    GraphMl,
    /// GEXF 1.2 (Gephi).
    Gexf,
    /// Cytoscape JSON elements (Cytoscape.js, Cytoscape desktop).
    Cyjs,
    /// A self-contained interactive HTML page.
    Html,
    /// Neo4j bulk-import CSV: a directory, not a stream.
    Neo4j,
}

impl Format {
    /// Every format with its name, for `--format`; each name is also the file extension that
    /// picks it, except `neo4j`, which names a directory.
    pub const ALL: [(Format, &'static str); 7] = [
        (Format::Json, "json"),
        (Format::Dot, "dot"),
        (Format::GraphMl, "graphml"),
        (Format::Gexf, "gexf"),
        (Format::Cyjs, "cyjs"),
        (Format::Html, "html"),
        (Format::Neo4j, "neo4j"),
    ];

    /// The format named `name` ("json", "dot", "gv", "graphml", "gexf", "cyjs", "html",
    /// "neo4j").
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.to_ascii_lowercase();
        if name == "gv" {
            return Some(Format::Dot);
        }
        Format::ALL
            .into_iter()
            .find(|(_, n)| *n == name)
            .map(|(f, _)| f)
    }

    /// The format a path's extension names (a directory for Neo4j has none).
    pub fn from_path(path: &Path) -> Result<Format, Error> {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        Format::from_name(extension)
            .filter(|f| !f.is_directory())
            .ok_or_else(|| Error::UnknownFormat {
                path: path.display().to_string(),
                extension: extension.to_string(),
            })
    }

    /// Whether the format is a directory of files rather than one stream.
    pub fn is_directory(self) -> bool {
        self == Format::Neo4j
    }

    /// The format's name, as `--format` takes it.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map(|(_, n)| *n)
            .expect("every format has a name")
    }

    /// The names of every format, for messages: "json, dot, …".
    pub fn names() -> String {
        Format::ALL.map(|(_, n)| n).join(", ")
    }
}

/// Settings some formats use; the default suits every format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The Graphviz layout engine a DOT file asks for.
    pub layout: Layout,
}

/// Writes `graph` in `format`. [`Format::Neo4j`] is a directory: use [`write_file`].
pub fn write(graph: &KnowledgeGraph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    write_with(graph, format, &Options::default(), out)
}

/// Writes `graph` in `format` with `options`.
pub fn write_with(
    graph: &KnowledgeGraph,
    format: Format,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::write(graph, out),
        Format::Dot => dot::write_with(graph, options.layout, out),
        Format::GraphMl => graphml::write(graph, out),
        Format::Gexf => gexf::write(graph, out),
        Format::Cyjs => cyjs::write(graph, out),
        Format::Html => html::write(graph, out),
        Format::Neo4j => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the neo4j format is a directory of CSV files, written by write_file",
        )),
    }
}

/// Writes `graph` to `path` atomically: a temporary file beside it (beside the file a
/// symlink points to), renamed when complete, so a failure never leaves a partial file; a
/// device, a FIFO or a file descriptor is written through ([`staging`]). [`Format::Neo4j`]
/// writes a directory the same way ([`neo4j::write_dir`]).
pub fn write_file(graph: &KnowledgeGraph, format: Format, path: &Path) -> Result<(), Error> {
    write_file_with(graph, format, &Options::default(), path)
}

/// [`write_file`] with `options`.
pub fn write_file_with(
    graph: &KnowledgeGraph,
    format: Format,
    options: &Options,
    path: &Path,
) -> Result<(), Error> {
    if format.is_directory() {
        return neo4j::write_dir(graph, path);
    }
    let name = path.display().to_string();
    let mut out = staging::OutputFile::create(path).map_err(|e| Error::io(&name, e))?;
    {
        let mut w = io::BufWriter::new(out.file());
        write_with(graph, format, options, &mut w).map_err(|e| Error::io(&name, e))?;
        w.flush().map_err(|e| Error::io(&name, e))?;
    }
    out.commit().map_err(|e| Error::io(&name, e))
}

#[cfg(test)]
mod tests {
    use super::Format;
    use std::path::Path;

    #[test]
    fn formats_by_name_and_extension() {
        for (format, name) in Format::ALL {
            assert_eq!(Format::from_name(name), Some(format));
            assert_eq!(format.name(), name);
        }
        assert_eq!(Format::from_name("GV"), Some(Format::Dot));
        assert_eq!(
            Format::from_path(Path::new("a/b.graphml")).unwrap(),
            Format::GraphMl
        );
        // A directory is never told by its name.
        assert!(Format::from_path(Path::new("out.neo4j")).is_err());
        assert!(Format::from_path(Path::new("graph")).is_err());
    }
}
