//! `newsgraph`: a thin shell that parses flags, runs the library and reports errors once.

mod cli;

use std::io;
use std::process::ExitCode;

use clap::Parser;

// Extraction allocates many small strings on every thread; mimalloc serves them faster than
// the system allocator and without contention between threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::args::Cli::parse();
    cli::signals::remove_temporary_files_on_termination();
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`newsgraph build … | head`) is not a failure.
            let broken_pipe = err
                .chain()
                .filter_map(|e| e.downcast_ref::<io::Error>())
                .any(|e| e.kind() == io::ErrorKind::BrokenPipe);
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            let chain: Vec<String> = err.chain().map(|e| e.to_string()).collect();
            // Library errors already name their file; drop causes their message repeats.
            let mut message = chain[0].clone();
            for cause in &chain[1..] {
                if !message.contains(cause.as_str()) {
                    message.push_str(": ");
                    message.push_str(cause);
                }
            }
            eprintln!("newsgraph: error: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::cli::args::Cli::command().debug_assert();
    }
}
