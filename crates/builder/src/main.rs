//! `build-snapshot --raw DIR --out FILE [--events FILE] [--check] [--quiet]`
//!
//! Builds the snapshot from the raw provider files. Prints the report of dropped rows;
//! on a hard error prints `file:line: reason` and exits 1 without writing anything.
//! `--check` writes nothing and exits 1 when FILE differs from what the build produces.

use snapshot_builder::io::write_atomically;
use std::path::PathBuf;
use std::process::ExitCode;

struct Args {
    raw: PathBuf,
    out: PathBuf,
    events: PathBuf,
    check: bool,
    quiet: bool,
}

const USAGE: &str = "usage: build-snapshot --raw DIR --out FILE [--events FILE] [--check] [--quiet]";

fn parse_args() -> Result<Args, String> {
    let mut raw = None;
    let mut out = None;
    let mut events = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/events.csv"));
    let (mut check, mut quiet) = (false, false);
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--raw") => raw = args.next().map(PathBuf::from),
            Some("--out") => out = args.next().map(PathBuf::from),
            Some("--events") => events = args.next().map(PathBuf::from).ok_or(USAGE)?,
            Some("--check") => check = true,
            Some("--quiet") => quiet = true,
            _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
        }
    }
    Ok(Args {
        raw: raw.ok_or(USAGE)?,
        out: out.ok_or(USAGE)?,
        events,
        check,
        quiet,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let built = match snapshot_builder::build(&args.raw, &args.events) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}\nnothing was written.");
            return ExitCode::FAILURE;
        }
    };
    if !args.quiet {
        print!("{}", built.report.summary());
    }
    let size = built.text.len();
    if args.check {
        let existing = std::fs::read_to_string(&args.out).unwrap_or_default();
        if existing == built.text {
            println!(
                "{} is up to date ({size} bytes, sha256 {})",
                args.out.display(),
                built.snapshot.content_sha256
            );
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "{} differs from what the builder produces from {}: rebuild it",
            args.out.display(),
            args.raw.display()
        );
        return ExitCode::FAILURE;
    }
    if let Err(e) = write_atomically(&args.out, built.text.as_bytes()) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} ({size} bytes, sha256 {})",
        args.out.display(),
        built.snapshot.content_sha256
    );
    ExitCode::SUCCESS
}
