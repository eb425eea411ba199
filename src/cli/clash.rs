//! Outputs that would destroy what the run reads are refused before any work: an output that
//! is one of the inputs (`extract in.jsonl -o in.jsonl`), and an `-o` that is the `--into`
//! graph, which the filtered graph would overwrite.

use std::fs;
use std::path::Path;

use anyhow::{bail, Result};

/// The identity of an existing regular file, followed through symlinks: its device and inode
/// (elsewhere, its canonical path).
fn identity(path: &Path) -> Option<String> {
    let meta = fs::metadata(path).ok().filter(|m| m.is_file())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(format!("{}:{}", meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        fs::canonicalize(path)
            .ok()
            .map(|p| p.to_string_lossy().into_owned())
    }
}

/// Fails if an output path names the same file as an input path.
pub fn outputs_are_not_inputs<'a>(
    outputs: impl IntoIterator<Item = &'a Path>,
    inputs: impl IntoIterator<Item = &'a Path> + Clone,
) -> Result<()> {
    for output in outputs {
        let Some(id) = identity(output) else {
            continue;
        };
        if let Some(input) = inputs
            .clone()
            .into_iter()
            .find(|i| identity(i).as_ref() == Some(&id))
        {
            bail!(
                "{}: is also an input ({}): writing it would destroy what is read; give another output",
                output.display(),
                input.display()
            );
        }
    }
    Ok(())
}

/// Fails if an `-o` names the `--into` graph: the graph is written back whole, then `-o`
/// would overwrite it with what the filters keep, or another format.
pub fn outputs_spare_into<'a>(
    outputs: impl IntoIterator<Item = &'a Path>,
    into: &Path,
) -> Result<()> {
    let into_id = identity(into);
    for output in outputs {
        let same = match (identity(output), &into_id) {
            (Some(a), Some(b)) => &a == b,
            _ => output == into,
        };
        if same {
            bail!(
                "{}: is the --into graph, which is written back whole: an -o there would overwrite it; leave out this -o or give another path",
                output.display()
            );
        }
    }
    Ok(())
}
