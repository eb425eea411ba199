//! The streaming driver: documents are read on one thread, extracted in parallel, and handed
//! back in input order, so a run's output never depends on the number of threads.
//!
//! ```text
//! reader thread ──batches──▶ worker pool (rayon, `threads` workers) ──results──▶ caller's sink
//! ```
//!
//! Reading, extracting and merging overlap; the channels between the stages are bounded, so at
//! most a few batches of documents are in memory at once, whatever the size of the corpus. A
//! document's text is dropped as soon as the caller's sink has taken what it needs. With one
//! thread everything runs on the caller's thread, one document at a time.
//!
//! ```
//! use newsgraph::pipeline::Pipeline;
//! use newsgraph::{Extractor, KnowledgeGraph};
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("a.txt"), "Mexico accused Canada of dumping steel.").unwrap();
//! let inputs = newsgraph::load::expand(&[dir.path().to_path_buf()]).unwrap();
//! let extractor = Extractor::new();
//! let mut graph = KnowledgeGraph::new();
//! let built = Pipeline::new(2)
//!     .build(&extractor, &inputs, Default::default(), &mut graph, &|_| {})
//!     .unwrap();
//! assert_eq!(built.totals.documents, 1);
//! let graph = graph.resolve();
//! assert!(graph.node("mexico").is_some());
//! ```

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread;

use rayon::prelude::*;

use crate::document::Document;
use crate::error::Error;
use crate::extract::{Extraction, Extractor};
use crate::graph::KnowledgeGraph;
use crate::load::{Input, ReadOptions, ReadReport, Reader};

/// How far a run has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Documents handed to the sink.
    pub documents: usize,
    /// Bytes of their text.
    pub text_bytes: u64,
    /// Bytes of input read (files as stored: JSON syntax and metadata included).
    pub input_bytes: u64,
}

/// The streaming, parallel driver.
#[derive(Debug, Clone)]
pub struct Pipeline {
    threads: usize,
    batch_documents: usize,
    batch_bytes: usize,
}

/// The most extraction threads a pipeline runs: more would only add memory and contention
/// (each thread has its own stack and takes a share of the batches) on any machine this runs
/// on, and tens of thousands exhaust the system's threads.
pub const MAX_THREADS: usize = 256;

/// Batches in flight between two stages, besides the one each stage holds.
const QUEUE: usize = 2;

impl Pipeline {
    /// A driver with `threads` extraction threads; 0 means one per core; at most
    /// [`MAX_THREADS`].
    pub fn new(threads: usize) -> Pipeline {
        let threads = if threads == 0 {
            thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            threads
        }
        .min(MAX_THREADS);
        Pipeline {
            threads,
            batch_documents: 256,
            batch_bytes: 4 << 20,
        }
    }

    /// Sets the largest batch handed to the workers at once: `documents` documents or
    /// `bytes` bytes of text, whichever comes first. Memory holds a few batches.
    pub fn batch(mut self, documents: usize, bytes: usize) -> Pipeline {
        self.batch_documents = documents.max(1);
        self.batch_bytes = bytes.max(1);
        self
    }

    /// The number of extraction threads.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Reads `inputs`, runs `work` on every document on the worker threads, and hands the
    /// results to `sink` on the calling thread in input order. `progress` is called on the
    /// calling thread as results arrive. Returns the totals; reading's warnings and skipped
    /// records go to `report`.
    ///
    /// The first error, from reading or from `sink`, stops the run and is returned.
    pub fn run<T, W, S>(
        &self,
        inputs: &[Input],
        options: ReadOptions,
        report: &mut ReadReport,
        work: W,
        mut sink: S,
        progress: &dyn Fn(&Totals),
    ) -> Result<Totals, Error>
    where
        T: Send,
        W: Fn(Document) -> T + Sync,
        S: FnMut(T) -> Result<(), Error>,
    {
        if self.threads <= 1 {
            return sequential(inputs, options, report, work, sink, progress);
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads)
            .thread_name(|i| format!("newsgraph-worker-{i}"))
            .build()
            .expect("a thread pool can be built");
        let (batch_tx, batch_rx) = sync_channel::<Batch>(QUEUE);
        let (done_tx, done_rx) = sync_channel::<(Vec<T>, Totals)>(QUEUE);
        thread::scope(|scope| {
            let reader = thread::Builder::new()
                .name("newsgraph-reader".to_string())
                .spawn_scoped(scope, || {
                    let mut own = ReadReport::default();
                    let read = self.read_batches(inputs, options, &mut own, batch_tx);
                    (read, own)
                })
                .expect("the reader thread starts");
            let work = &work;
            let pool = &pool;
            thread::Builder::new()
                .name("newsgraph-extract".to_string())
                .spawn_scoped(scope, move || {
                    for batch in batch_rx {
                        let results: Vec<T> =
                            pool.install(|| batch.documents.into_par_iter().map(work).collect());
                        if done_tx.send((results, batch.totals)).is_err() {
                            break;
                        }
                    }
                })
                .expect("the extraction thread starts");
            let sunk = sink_in_order(done_rx, &mut sink, progress);
            let (read, own) = reader.join().expect("the reader thread does not panic");
            report.extend(own);
            // A sink error stops reading (its channel closes); otherwise a read error counts.
            let totals = sunk?;
            read?;
            Ok(totals)
        })
    }

    /// Extracts every document of `inputs` into `graph` (before [`KnowledgeGraph::resolve`]).
    /// Documents whose id the graph already holds are skipped and counted in the returned
    /// `skipped`, so adding the same articles twice changes nothing.
    pub fn build(
        &self,
        extractor: &Extractor,
        inputs: &[Input],
        options: ReadOptions,
        graph: &mut KnowledgeGraph,
        progress: &dyn Fn(&Totals),
    ) -> Result<BuildTotals, Error> {
        let mut report = ReadReport::default();
        let mut skipped = 0;
        let known: std::collections::BTreeSet<String> =
            graph.documents().map(|d| d.id.clone()).collect();
        let totals = self.run(
            inputs,
            options,
            &mut report,
            |doc| {
                if known.contains(&doc.id) {
                    return None;
                }
                let extraction = extractor.extract(&doc);
                Some((doc, extraction))
            },
            |found: Option<(Document, Extraction)>| {
                match found {
                    Some((doc, extraction)) => graph.add(&doc, &extraction),
                    None => skipped += 1,
                }
                Ok(())
            },
            progress,
        )?;
        Ok(BuildTotals {
            totals,
            skipped,
            report,
        })
    }

    /// The reader stage: documents in batches, sent until the inputs end or the receiver
    /// hangs up.
    fn read_batches(
        &self,
        inputs: &[Input],
        options: ReadOptions,
        report: &mut ReadReport,
        out: SyncSender<Batch>,
    ) -> Result<(), Error> {
        let mut batch = Batch::default();
        let mut done_bytes = 0;
        for input in inputs {
            let mut reader = Reader::open(input, options, report)?;
            while let Some(doc) = reader.next_document(report)? {
                batch.totals.documents += 1;
                batch.totals.text_bytes += doc.text.len() as u64;
                batch.totals.input_bytes = done_bytes + reader.bytes_read();
                batch.bytes += doc.text.len();
                batch.documents.push(doc);
                if batch.documents.len() >= self.batch_documents || batch.bytes >= self.batch_bytes
                {
                    let full = std::mem::take(&mut batch);
                    batch.totals = full.totals;
                    if out.send(full).is_err() {
                        return Ok(());
                    }
                }
            }
            done_bytes += reader.bytes_read();
        }
        batch.totals.input_bytes = done_bytes;
        let _ = out.send(batch);
        Ok(())
    }
}

/// What [`Pipeline::build`] went through.
#[derive(Debug, Clone, Default)]
pub struct BuildTotals {
    /// Documents read (skipped ones included) and bytes.
    pub totals: Totals,
    /// Documents skipped because the graph already held their id.
    pub skipped: usize,
    /// Reading's warnings and skipped malformed records.
    pub report: ReadReport,
}

/// Documents on their way to the workers, with the running totals up to the last of them.
#[derive(Default)]
struct Batch {
    documents: Vec<Document>,
    bytes: usize,
    totals: Totals,
}

fn sink_in_order<T, S>(
    results: Receiver<(Vec<T>, Totals)>,
    sink: &mut S,
    progress: &dyn Fn(&Totals),
) -> Result<Totals, Error>
where
    S: FnMut(T) -> Result<(), Error>,
{
    let mut totals = Totals::default();
    for (items, upto) in results {
        for item in items {
            sink(item)?;
        }
        totals = upto;
        progress(&totals);
    }
    Ok(totals)
}

/// One thread: read, work and sink one document at a time.
fn sequential<T, W, S>(
    inputs: &[Input],
    options: ReadOptions,
    report: &mut ReadReport,
    work: W,
    mut sink: S,
    progress: &dyn Fn(&Totals),
) -> Result<Totals, Error>
where
    W: Fn(Document) -> T,
    S: FnMut(T) -> Result<(), Error>,
{
    let mut totals = Totals::default();
    let mut done_bytes = 0;
    for input in inputs {
        let mut reader = Reader::open(input, options, report)?;
        while let Some(doc) = reader.next_document(report)? {
            totals.documents += 1;
            totals.text_bytes += doc.text.len() as u64;
            sink(work(doc))?;
            totals.input_bytes = done_bytes + reader.bytes_read();
            progress(&totals);
        }
        done_bytes += reader.bytes_read();
        totals.input_bytes = done_bytes;
    }
    Ok(totals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extractor_can_be_shared_across_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Extractor>();
        shared::<KnowledgeGraph>();
    }
}
