//! Terminal output that survives a reader going away.
//!
//! `println!` and `eprintln!` panic when their stream is a pipe whose reader
//! has exited (`gasbuffer data show | head -1`). Every line the command line
//! prints goes through [`write()`] instead (macros `outln!`, `out!`, `errln!`).
//! Once a write to a stream fails, later output to that stream is dropped and
//! the command carries on: its result files are still written and its exit code
//! is that of its work (`gasbuffer run ... | head -1` writes every file). A
//! failure other than a closed pipe on standard output (a full disk, say) is
//! reported once on standard error.

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Which stream to write to.
#[derive(Debug, Clone, Copy)]
pub enum Stream {
    /// Standard output (results).
    Out,
    /// Standard error (errors and warnings).
    Err,
}

/// Set once a write to standard output failed: later output is dropped.
static OUT_FAILED: AtomicBool = AtomicBool::new(false);
/// Set once a write to standard error failed: later output is dropped.
static ERR_FAILED: AtomicBool = AtomicBool::new(false);

/// Writes `args` to `stream` and flushes; never panics (see the module docs).
pub fn write(stream: Stream, args: fmt::Arguments<'_>) {
    let failed = match stream {
        Stream::Out => &OUT_FAILED,
        Stream::Err => &ERR_FAILED,
    };
    if failed.load(Ordering::Relaxed) {
        return;
    }
    let result = match stream {
        Stream::Out => {
            let mut out = io::stdout().lock();
            out.write_fmt(args).and_then(|()| out.flush())
        }
        Stream::Err => {
            let mut err = io::stderr().lock();
            err.write_fmt(args).and_then(|()| err.flush())
        }
    };
    if let Err(error) = result {
        failed.store(true, Ordering::Relaxed);
        if matches!(stream, Stream::Out) && error.kind() != io::ErrorKind::BrokenPipe {
            let _ = writeln!(
                io::stderr(),
                "warning: standard output: {error}; further output dropped"
            );
        }
    }
}

/// `println!` to standard output through [`write()`]: never panics.
macro_rules! outln {
    () => {
        $crate::out::write($crate::out::Stream::Out, format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::out::write($crate::out::Stream::Out, format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` to standard output through [`write()`]: never panics.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::out::write($crate::out::Stream::Out, format_args!($($arg)*))
    };
}

/// `eprintln!` to standard error through [`write()`]: never panics.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::out::write($crate::out::Stream::Err, format_args!("{}\n", format_args!($($arg)*)))
    };
}
