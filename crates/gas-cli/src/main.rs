//! `gasbuffer`: Europe's gas buffer, country by country and day by day.
//!
//! This binary only parses arguments and dispatches to the commands; the work
//! is done by the `gas-app` library (see its docs).

#[macro_use]
mod out;
mod commands;
mod flags;
mod print;

use clap::Parser;
use flags::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Run(args) => commands::run::run(args),
        Command::Compare(args) => commands::compare::compare(args),
        Command::Validate(args) => commands::validate::validate(args),
        Command::Data(args) => commands::data::data(args),
        Command::Backtest(args) => commands::backtest::backtest(args),
        Command::Serve(args) => commands::serve::serve(args),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            errln!("error: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
