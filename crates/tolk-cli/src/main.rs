use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tolk_cli::Cli::parse();
    match tolk_cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if tolk_cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: {err:#}");
            }
            ExitCode::from(2)
        }
    }
}
