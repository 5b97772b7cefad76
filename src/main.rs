//! The `handbok` command: parses arguments, calls one library function, reports.
//! Exit codes: 0 success, 1 content errors, 2 usage or configuration errors.

/// mimalloc instead of the system allocator: a build allocates and frees millions of small
/// strings and maps (template contexts, search counts), where glibc's malloc took about a
/// tenth of the CPU time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use handbok::Format;
use handbok::Lang;
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
    /// Language of messages: sv (default) or en; also from HANDBOK_LANG.
    #[arg(long, global = true, env = "HANDBOK_LANG", default_value = "sv", value_parser = parse_lang)]
    lang: Lang,
    /// How problems are reported: text, json, github (workflow commands) or gitlab (code
    /// quality report); json and gitlab go to standard output.
    #[arg(long, global = true, default_value = "text", value_parser = parse_format)]
    format: Format,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}` is not a language; use sv or en"))
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s)
        .ok_or_else(|| format!("`{s}` is not a format; use text, json, github or gitlab"))
}

/// How the CLI reports.
#[derive(Clone, Copy)]
struct Out {
    lang: Lang,
    format: Format,
}

impl Out {
    fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        let text = handbok::render_report(diagnostics, self.format, self.lang);
        match self.format {
            Format::Text => eprint!("{text}"),
            _ => print!("{text}"),
        }
    }

    fn sv(&self) -> bool {
        self.lang == Lang::Sv
    }
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
        /// Replace the output folder even if handbok did not write it: everything in it is
        /// deleted.
        #[arg(long)]
        force: bool,
    },
    /// Build, serve on localhost, rebuild on every change and reload open pages.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The address to listen on; another interface than 127.0.0.1 must be chosen here.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// The port (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Also answer requests for this host name (besides localhost and --bind), e.g.
        /// when the preview is reached through another name; may be given more than once.
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_host: Vec<String>,
        /// Look for changes every MS milliseconds (default 1000) instead of waiting for
        /// the file system to report them: for network drives and shared folders.
        #[arg(long, value_name = "MS", num_args = 0..=1, default_missing_value = "1000",
              value_parser = clap::value_parser!(u64).range(10..=60_000))]
        poll: Option<u64>,
        /// Open the start page in the default web browser.
        #[arg(long)]
        open: bool,
    },
    /// Create a page from a page type's template (archetype), e.g. `new anvisning styrgrupp/ny.md`.
    New {
        /// The page type: sida, anvisning, handlingsplan, mote, artikel, or one in archetypes/.
        kind: String,
        /// The new file, relative to content/.
        path: String,
        /// The site folder.
        #[arg(long, short, default_value = ".")]
        root: PathBuf,
    },
    /// Run every step and check without writing anything.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// List governing documents whose review or validity date has passed or is near.
        #[arg(long)]
        review: bool,
        /// With --review: how many days ahead count as near (default: review.warn_days).
        #[arg(long, requires = "review")]
        days: Option<i64>,
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
    /// The date to compare review dates and meetings with, YYYY-MM-DD (default: today, or
    /// SOURCE_DATE_EPOCH when set).
    #[arg(long, value_parser = parse_date)]
    today: Option<chrono::NaiveDate>,
    /// Print how long each stage took.
    #[arg(long)]
    timings: bool,
    /// Treat warnings (alt texts, link texts, headings, orphans, review dates) as errors.
    #[arg(long)]
    strict: bool,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date; write YYYY-MM-DD"))
}

impl SiteArgs {
    fn options(self, output: Option<PathBuf>, review_days: Option<i64>) -> BuildOptions {
        BuildOptions {
            root: self.root,
            output,
            overrides: Overrides {
                base_url: self.base_url,
                drafts: self.drafts,
                today: self.today,
                review_days,
            },
            strict: self.strict,
            force: false,
            existing_parent: false,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Out {
        lang: cli.lang,
        format: cli.format,
    };
    let (result, done, show_review, show_timings) = match cli.command {
        Command::Build {
            site,
            output,
            force,
        } => {
            let timings = site.timings;
            let options = BuildOptions {
                force,
                ..site.options(output, None)
            };
            let out = options.output_dir();
            (handbok::build(&options), Done::Built(out), false, timings)
        }
        Command::Serve {
            site,
            bind,
            port,
            allow_host,
            poll,
            open,
        } => {
            let how = Preview {
                bind,
                port,
                allow_host,
                poll,
                open,
            };
            return serve(site, how, out);
        }
        Command::New { kind, path, root } => return new_page(&root, &kind, &path, out),
        Command::Check { site, review, days } => {
            let timings = site.timings;
            (
                handbok::check(&site.options(None, days)),
                Done::Checked,
                review,
                timings,
            )
        }
    };
    match result {
        Ok(report) => {
            out.diagnostics(&report.warnings);
            if show_review {
                print_review(&report);
            }
            if show_timings {
                for (stage, took) in &report.timings {
                    eprintln!("timing: {stage}: {:.1} ms", took.as_secs_f64() * 1000.0);
                }
            }
            if out.format == Format::Text {
                println!("{}", summary(&report, &done, out));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let diagnostics = e.diagnostics();
            out.diagnostics(&diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            if out.format == Format::Text {
                if out.sv() {
                    eprintln!("handbok: {errors} fel; webbplatsen i utdatamappen ändrades inte");
                } else {
                    eprintln!(
                        "handbok: failed with {errors} error(s); the output folder was not changed"
                    );
                }
            }
            match e {
                Error::Site(_) => ExitCode::from(1),
                Error::Config(_) | Error::Io { .. } => ExitCode::from(2),
            }
        }
    }
}

fn new_page(root: &std::path::Path, kind: &str, path: &str, out: Out) -> ExitCode {
    match handbok::new_page(root, kind, path, handbok::today_from_environment()) {
        Ok(file) => {
            println!(
                "handbok: created {}",
                file.strip_prefix(root).unwrap_or(&file).display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            out.diagnostics(&e.diagnostics());
            match e {
                Error::Site(_) => ExitCode::from(1),
                _ => ExitCode::from(2),
            }
        }
    }
}

/// How `serve` was asked to preview.
struct Preview {
    bind: String,
    port: u16,
    allow_host: Vec<String>,
    poll: Option<u64>,
    open: bool,
}

fn serve(mut site: SiteArgs, how: Preview, out: Out) -> ExitCode {
    // Served pages live at the root of localhost, whatever base_url the site has.
    site.base_url.get_or_insert_with(|| "/".to_string());
    let options = handbok::ServeOptions {
        build: site.options(None, None),
        bind: how.bind,
        port: how.port,
        allowed_hosts: how.allow_host,
        poll: how.poll.map(std::time::Duration::from_millis),
        limits: handbok::Limits::default(),
        lang: out.lang,
    };
    let log: handbok::Log = std::sync::Arc::new(|line: &str| eprintln!("{line}"));
    let ready = how.open.then(|| {
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        std::thread::spawn(move || {
            if let Ok(url) = rx.recv() {
                if let Err(e) = open::that_detached(&url) {
                    eprintln!("cannot open {url} in a browser: {e}");
                }
            }
        });
        tx
    });
    match handbok::serve(options, log, ready) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            out.diagnostics(&e.diagnostics());
            ExitCode::from(2)
        }
    }
}

fn print_review(r: &Report) {
    let today = r.today.map(|d| d.to_string()).unwrap_or_default();
    if r.review.is_empty() {
        println!("review ({today}): no document is past or near its review or validity date");
        return;
    }
    println!("review ({today}): {} date(s) past or near", r.review.len());
    for e in &r.review {
        let what = if e.field == "review_by" {
            "review by"
        } else {
            "valid until"
        };
        let when = if e.days < 0 {
            format!("{} days ago", -e.days)
        } else {
            format!("in {} days", e.days)
        };
        let owner = e.owner.as_deref().unwrap_or("no owner");
        println!(
            "  {}:{}: {what} {} ({when}): {} (owner: {owner})",
            e.file, e.line, e.date, e.title
        );
    }
}

/// What a successful command did, for the summary line.
enum Done {
    Built(PathBuf),
    Checked,
}

fn summary(r: &Report, done: &Done, out: Out) -> String {
    if out.sv() {
        let verb = match done {
            Done::Built(dir) => format!("byggd i {}", dir.display()),
            Done::Checked => "kontrollerad".to_string(),
        };
        return format!(
            "handbok: {verb}: {} sidor, {} avsnitt, {} termer, {} filer, {} {}",
            r.pages,
            r.sections,
            r.terms,
            r.files,
            r.warnings.len(),
            if r.warnings.len() == 1 {
                "varning"
            } else {
                "varningar"
            }
        );
    }
    let verb = match done {
        Done::Built(dir) => format!("built into {}", dir.display()),
        Done::Checked => "checked".to_string(),
    };
    format!(
        "handbok: {verb}: {} pages, {} sections, {} terms, {} files, {} warning(s)",
        r.pages,
        r.sections,
        r.terms,
        r.files,
        r.warnings.len()
    )
}
