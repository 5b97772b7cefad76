//! The `handbok` command: parses arguments, calls one library function, reports.
//! Exit codes: 0 success, 1 content errors, 2 usage or configuration errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use handbok::{BuildOptions, Diagnostic, Error, Overrides, Report};

#[derive(Parser)]
#[command(
    name = "handbok",
    version,
    about = "Builds a handbook site from Markdown"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: public/).
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Output folder (default: ROOT/public).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Run every step and check without writing anything.
    Check {
        #[command(flatten)]
        site: SiteArgs,
    },
}

#[derive(Args)]
struct SiteArgs {
    /// The site folder, holding handbok.yaml and content/.
    #[arg(long, short, default_value = ".")]
    root: PathBuf,
    /// Override base_url from handbok.yaml (e.g. https://intranat.example.se/hallbarhet/).
    #[arg(long)]
    base_url: Option<String>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
}

impl SiteArgs {
    fn options(self, output: Option<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: self.root,
            output,
            overrides: Overrides {
                base_url: self.base_url,
                drafts: self.drafts,
            },
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (result, verb) = match cli.command {
        Command::Build { site, output } => {
            let options = site.options(output);
            let out = options.output_dir();
            (
                handbok::build(&options),
                format!("built into {}", out.display()),
            )
        }
        Command::Check { site } => (handbok::check(&site.options(None)), "checked".to_string()),
    };
    match result {
        Ok(report) => {
            print_all(&report.warnings);
            println!("{}", summary(&report, &verb));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let diagnostics = e.diagnostics();
            print_all(&diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!("handbok: failed with {errors} error(s); the output folder was not changed");
            match e {
                Error::Site(_) => ExitCode::from(1),
                Error::Config(_) | Error::Io { .. } => ExitCode::from(2),
            }
        }
    }
}

fn print_all(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{d}");
    }
}

fn summary(r: &Report, verb: &str) -> String {
    format!(
        "handbok: {verb}: {} pages, {} sections, {} terms, {} files, {} warning(s)",
        r.pages,
        r.sections,
        r.terms,
        r.files,
        r.warnings.len()
    )
}
