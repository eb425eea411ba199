//! Ending on SIGINT or SIGTERM: the temporary files of outputs in flight are removed first,
//! and the exit status is the shell's for a process a signal ended (130, 143).

use std::thread;

use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Watches for SIGINT and SIGTERM on a thread of its own. If the handler cannot be set up,
/// the signals keep their default action (the process ends, temporary files stay).
pub fn remove_temporary_files_on_termination() {
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    let _ = thread::Builder::new()
        .name("newsgraph-signals".to_string())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                newsgraph::export::staging::remove_all();
                std::process::exit(128 + signal);
            }
        });
}
