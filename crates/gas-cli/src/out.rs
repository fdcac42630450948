//! Terminal output that survives a reader going away.
//!
//! `println!` and `eprintln!` panic when their stream is a pipe whose reader
//! has exited (`gasbuffer data show | head -1`). Every line the command line
//! prints goes through [`write`] instead (macros `outln!`, `out!`, `errln!`):
//! on a closed pipe the process ends quietly with [`CLOSED_PIPE`], the status a
//! shell reports for a Unix tool stopped by SIGPIPE; on any other write error
//! it ends with exit code 1 (unexpected failure) after a best-effort note.

use std::fmt;
use std::io::{self, Write};

/// Exit code after a closed output pipe: 128 + SIGPIPE (13), as a shell reports
/// for a standard Unix tool stopped by one.
pub const CLOSED_PIPE: i32 = 141;

/// Which stream to write to.
#[derive(Debug, Clone, Copy)]
pub enum Stream {
    /// Standard output (results).
    Out,
    /// Standard error (errors and warnings).
    Err,
}

/// Writes `args` to `stream` and flushes; exits the process if the stream is gone.
pub fn write(stream: Stream, args: fmt::Arguments<'_>) {
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
        if error.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(CLOSED_PIPE);
        }
        if let Stream::Out = stream {
            let _ = writeln!(io::stderr(), "error: could not write the output: {error}");
        }
        std::process::exit(1);
    }
}

/// `println!` to standard output, ending quietly on a closed pipe.
macro_rules! outln {
    () => {
        $crate::out::write($crate::out::Stream::Out, format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::out::write($crate::out::Stream::Out, format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` to standard output, ending quietly on a closed pipe.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::out::write($crate::out::Stream::Out, format_args!($($arg)*))
    };
}

/// `eprintln!` to standard error, ending quietly on a closed pipe.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::out::write($crate::out::Stream::Err, format_args!("{}\n", format_args!($($arg)*)))
    };
}
