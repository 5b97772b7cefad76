//! The `handbok` command: parses arguments, calls one library function, reports.
//! Exit codes: 0 success, 1 content errors, 2 usage or configuration errors.
//!
//! Every text it prints comes from the message catalogue (`handbok::messages`) in the chosen
//! language, the help included: the language is known before the arguments are parsed
//! (`--lang`, else `HANDBOK_LANG`, else Swedish).

/// mimalloc instead of the system allocator: a build allocates and frees millions of small
/// strings and maps (template contexts, search counts), where glibc's malloc took about a
/// tenth of the CPU time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use handbok::messages::{self as msg, Message, Text};
use handbok::{text, BuildOptions, Diagnostic, Error, Format, Lang, Overrides, Report, Style};

#[derive(Parser)]
#[command(
    name = "handbok",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[arg(long, global = true, default_value = "text", hide_default_value = true)]
    format: String,
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    #[arg(long, short, global = true)]
    verbose: bool,
    #[arg(long, short, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    #[arg(long, short = 'V', action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Subcommand)]
enum Command {
    Build {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long, default_value = "127.0.0.1", hide_default_value = true)]
        bind: String,
        #[arg(long, default_value_t = 1111, hide_default_value = true)]
        port: u16,
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_host: Vec<String>,
        #[arg(long, value_name = "MS", num_args = 0..=1, default_missing_value = "1000",
              value_parser = clap::value_parser!(u64).range(10..=60_000))]
        poll: Option<u64>,
        #[arg(long)]
        open: bool,
    },
    New {
        kind: String,
        path: String,
        #[arg(long, short)]
        root: Option<PathBuf>,
    },
    Check {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long)]
        review: bool,
        #[arg(long, requires = "review")]
        days: Option<i64>,
    },
    Init {
        dir: Option<PathBuf>,
    },
    Completions {
        shell: clap_complete::Shell,
    },
}

#[derive(Args)]
struct SiteArgs {
    #[arg(long, short)]
    root: Option<PathBuf>,
    #[arg(long)]
    base_url: Option<String>,
    #[arg(long)]
    drafts: bool,
    #[arg(long)]
    today: Option<String>,
    #[arg(long)]
    timings: bool,
    #[arg(long)]
    strict: bool,
}

/// Where an argument is: at the top (and global), in every site command, or in one command.
#[derive(PartialEq)]
enum In {
    Top,
    Site,
    Sub(&'static str),
}

/// Each argument's help text and, where it takes one, the name of its value (`<MAPP>`).
const ARGS: &[(In, &str, &Message, Option<&Message>)] = &[
    (In::Top, "lang", &msg::HELP_LANG, Some(&msg::VALUE_LANG)),
    (In::Top, "format", &msg::HELP_FORMAT, None),
    (In::Top, "quiet", &msg::HELP_QUIET, None),
    (In::Top, "verbose", &msg::HELP_VERBOSE, None),
    (In::Top, "help", &msg::HELP_HELP, None),
    (In::Top, "version", &msg::HELP_VERSION, None),
    (In::Site, "root", &msg::HELP_ROOT, Some(&msg::VALUE_DIR)),
    (
        In::Site,
        "base_url",
        &msg::HELP_BASE_URL,
        Some(&msg::VALUE_URL),
    ),
    (In::Site, "drafts", &msg::HELP_DRAFTS, None),
    (In::Site, "today", &msg::HELP_TODAY, Some(&msg::VALUE_DATE)),
    (In::Site, "timings", &msg::HELP_TIMINGS, None),
    (In::Site, "strict", &msg::HELP_STRICT, None),
    (
        In::Sub("build"),
        "output",
        &msg::HELP_OUTPUT,
        Some(&msg::VALUE_DIR),
    ),
    (In::Sub("build"), "force", &msg::HELP_FORCE, None),
    (
        In::Sub("serve"),
        "bind",
        &msg::HELP_BIND,
        Some(&msg::VALUE_ADDRESS),
    ),
    (In::Sub("serve"), "port", &msg::HELP_PORT, None),
    (
        In::Sub("serve"),
        "allow_host",
        &msg::HELP_ALLOW_HOST,
        Some(&msg::VALUE_NAME),
    ),
    (In::Sub("serve"), "poll", &msg::HELP_POLL, None),
    (In::Sub("serve"), "open", &msg::HELP_OPEN, None),
    (
        In::Sub("new"),
        "kind",
        &msg::HELP_KIND,
        Some(&msg::VALUE_TYPE),
    ),
    (
        In::Sub("new"),
        "path",
        &msg::HELP_PATH,
        Some(&msg::VALUE_PATH),
    ),
    (
        In::Sub("new"),
        "root",
        &msg::HELP_ROOT,
        Some(&msg::VALUE_DIR),
    ),
    (In::Sub("check"), "review", &msg::HELP_REVIEW, None),
    (
        In::Sub("check"),
        "days",
        &msg::HELP_DAYS,
        Some(&msg::VALUE_DAYS),
    ),
    (
        In::Sub("init"),
        "dir",
        &msg::HELP_INIT_DIR,
        Some(&msg::VALUE_DIR),
    ),
    (
        In::Sub("completions"),
        "shell",
        &msg::HELP_SHELL,
        Some(&msg::VALUE_SHELL),
    ),
];

const SUBCOMMANDS: &[(&str, &Message)] = &[
    ("build", &msg::HELP_BUILD),
    ("serve", &msg::HELP_SERVE),
    ("new", &msg::HELP_NEW),
    ("check", &msg::HELP_CHECK),
    ("init", &msg::HELP_INIT),
    ("completions", &msg::HELP_COMPLETIONS),
];

/// The command line's definition with every help text in `lang`.
fn command(lang: Lang) -> clap::Command {
    let say = |m: &'static Message| Text::from(m).render(lang);
    let template = |c: &clap::Command| {
        let mut t = format!(
            "{{about-with-newline}}\n{}: {{usage}}\n",
            say(&msg::HELP_USAGE)
        );
        if c.has_subcommands() {
            t.push_str(&format!(
                "\n{}:\n{{subcommands}}\n",
                say(&msg::HELP_COMMANDS)
            ));
        }
        if c.get_positionals().next().is_some() {
            t.push_str(&format!(
                "\n{}:\n{{positionals}}\n",
                say(&msg::HELP_ARGUMENTS)
            ));
        }
        t.push_str(&format!("\n{}:\n{{options}}\n", say(&msg::HELP_OPTIONS)));
        t
    };
    let pick = |m: &'static Message| match lang {
        Lang::En => m.en,
        Lang::Sv => m.sv,
    };
    // Every argument of `place` gets its help and its value's name in `lang`.
    let describe = |mut c: clap::Command, place: &In| {
        for (_, name, help, value) in ARGS.iter().filter(|(p, ..)| p == place) {
            c = c.mut_arg(*name, |a| {
                let a = a.help(pick(help));
                match value {
                    Some(v) => a.value_name(pick(v)),
                    None => a,
                }
            });
        }
        c
    };
    let mut cli = describe(Cli::command().about(say(&msg::HELP_ABOUT)), &In::Top);
    for (sub, about) in SUBCOMMANDS {
        cli = cli.mut_subcommand(*sub, |mut c| {
            c = describe(c.about(say(about)), &In::Sub(sub));
            if c.get_arguments().any(|a| a.get_id() == "strict") {
                c = describe(c, &In::Site);
            }
            let t = template(&c);
            c.help_template(t)
        });
    }
    let t = template(&cli);
    cli = cli.help_template(t);
    // Usage lines can only be rendered from the built command.
    cli.build();
    let u = usage(&mut cli, lang);
    cli = cli.override_usage(u);
    for (sub, _) in SUBCOMMANDS {
        let u = cli.find_subcommand_mut(sub).map(|c| usage(c, lang));
        if let Some(u) = u {
            cli = cli.mut_subcommand(*sub, |c| c.override_usage(u));
        }
    }
    cli
}

/// The usage line with its placeholders in `lang`: `handbok build [FLAGGOR]`.
fn usage(c: &mut clap::Command, lang: Lang) -> String {
    let rendered = c.render_usage().to_string();
    let line = rendered.trim_start_matches("Usage:").trim();
    match lang {
        Lang::En => line.to_string(),
        Lang::Sv => line
            .replace("[OPTIONS]", "[FLAGGOR]")
            .replace("<COMMAND>", "<KOMMANDO>")
            .replace("[COMMAND]", "[KOMMANDO]"),
    }
}

/// The language asked for before the arguments are parsed: `--lang X` or `--lang=X`, else
/// a non-empty `HANDBOK_LANG`, else Swedish. An unknown value is reported after parsing.
fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut from_args = None;
    // Arguments that are not Unicode (a Latin-1 folder name) cannot be a language.
    let mut it = args.iter().map(|a| a.to_str().unwrap_or_default());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            from_args = it.next().map(str::to_string);
        } else if let Some(v) = a.strip_prefix("--lang=") {
            from_args = Some(v.to_string());
        }
    }
    from_args
        .or_else(env_lang)
        .and_then(|s| Lang::parse(&s))
        .unwrap_or_default()
}

/// `HANDBOK_LANG`, when set to something (empty counts as unset).
fn env_lang() -> Option<String> {
    std::env::var("HANDBOK_LANG")
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// How the CLI reports.
#[derive(Clone, Copy)]
struct Out {
    lang: Lang,
    format: Format,
    quiet: bool,
    verbose: bool,
    /// Colour on standard error: a terminal, and not `NO_COLOR`.
    colour: bool,
}

impl Out {
    fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        let shown: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| !self.quiet || d.is_error())
            .cloned()
            .collect();
        let style = Style {
            colour: self.colour && self.format == Format::Text,
            codes: self.verbose,
        };
        let text = handbok::render_report(&shown, self.format, self.lang, style);
        match self.format {
            Format::Text => anstream::eprint!("{text}"),
            _ => print!("{text}"),
        }
    }

    /// A text for the terminal: values from files (titles, owners, paths) escaped.
    fn say(&self, t: impl Into<Text>) -> String {
        t.into().render_for_terminal(self.lang)
    }

    /// A line for people (summaries, notes): not with `--quiet` or a machine format.
    fn chatty(&self) -> bool {
        !self.quiet && self.format == Format::Text
    }

    fn usage_error(&self, d: Diagnostic) -> ExitCode {
        self.diagnostics(&[d]);
        ExitCode::from(2)
    }
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = early_lang(&args);
    let matches = match command(lang).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return command_line_error(e, lang),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return command_line_error(e, lang),
    };
    let colour = anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never;
    let mut out = Out {
        lang,
        format: Format::Text,
        quiet: cli.quiet,
        verbose: cli.verbose,
        colour,
    };
    let asked = cli.lang.clone().or_else(env_lang);
    if let Some(asked) = asked {
        match Lang::parse(&asked) {
            Some(l) => out.lang = l,
            None => {
                return out.usage_error(
                    Diagnostic::error(text!(msg::NOT_A_LANGUAGE, asked))
                        .with_hint(&msg::HINT_SEE_HELP),
                )
            }
        }
    }
    out.format = match Format::parse(&cli.format) {
        Some(f) => f,
        None => {
            return out.usage_error(
                Diagnostic::error(text!(msg::NOT_A_FORMAT, cli.format))
                    .with_hint(&msg::HINT_SEE_HELP),
            )
        }
    };
    match cli.command {
        Command::Build {
            site,
            output,
            force,
        } => site_command(site, out, Job::Build { output, force }),
        Command::Check { site, review, days } => {
            site_command(site, out, Job::Check { review, days })
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
            site_command(site, out, Job::Serve(how))
        }
        Command::New { kind, path, root } => {
            let root = match root.map_or_else(discover_root, Ok) {
                Ok(root) => root,
                Err(d) => return out.usage_error(d),
            };
            new_page(&root, &kind, &path, out)
        }
        Command::Init { dir } => init(dir.unwrap_or_else(|| PathBuf::from(".")), out),
        Command::Completions { shell } => {
            let mut cmd = command(out.lang);
            clap_complete::generate(shell, &mut cmd, "handbok", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

/// A parse error or `--help`/`--version`, in the chosen language. Exit code 2 for errors.
fn command_line_error(e: clap::Error, lang: Lang) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        // `handbok` alone: the help, as clap prints it, and the usage error's exit code.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    let context = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let suggestion =
        context(ContextKind::SuggestedArg).or_else(|| context(ContextKind::SuggestedSubcommand));
    let invalid = context(ContextKind::InvalidArg).unwrap_or_default();
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    // clap's own wording is English: only the names and values it found are taken over.
    let message = match e.kind() {
        ErrorKind::UnknownArgument if invalid.starts_with('-') => text!(msg::UNKNOWN_FLAG, invalid),
        ErrorKind::UnknownArgument => text!(msg::UNKNOWN_ARGUMENT, invalid),
        ErrorKind::InvalidSubcommand => text!(
            msg::UNKNOWN_COMMAND,
            context(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument if !invalid.is_empty() => {
            text!(msg::MISSING_ARGUMENT, invalid)
        }
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => {
            Text::from(&msg::MISSING_COMMAND)
        }
        ErrorKind::InvalidValue => match context(ContextKind::ValidValue) {
            Some(valid) => text!(msg::BAD_VALUE_CHOICES, value, invalid, valid),
            None => text!(msg::BAD_VALUE, value, invalid),
        },
        ErrorKind::ValueValidation => text!(msg::BAD_VALUE, value, invalid),
        ErrorKind::ArgumentConflict => text!(
            msg::ARGUMENTS_CONFLICT,
            invalid,
            context(ContextKind::PriorArg).unwrap_or_default()
        ),
        _ if !invalid.is_empty() => text!(msg::BAD_ARGUMENT, invalid),
        _ => Text::from(&msg::BAD_COMMAND_LINE),
    };
    let hint = match suggestion {
        Some(s) => text!(msg::HINT_COMMAND_DID_YOU_MEAN, s),
        None => Text::from(&msg::HINT_SEE_HELP),
    };
    let colour = anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never;
    let style = Style {
        colour,
        codes: false,
    };
    anstream::eprint!(
        "{}",
        handbok::render_report(
            &[Diagnostic::error(message).with_hint(hint)],
            Format::Text,
            lang,
            style
        )
    );
    ExitCode::from(2)
}

/// The site folder when none is given: here or the nearest folder above with handbok.yaml.
fn discover_root() -> Result<PathBuf, Diagnostic> {
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    handbok::find_root(&here).ok_or_else(|| {
        Diagnostic::error(text!(msg::NO_SITE_HERE, ".")).with_hint(&msg::HINT_NO_SITE_HERE)
    })
}

/// What a site command does once its folder and options are known.
enum Job {
    Build {
        output: Option<PathBuf>,
        force: bool,
    },
    Check {
        review: bool,
        days: Option<i64>,
    },
    Serve(Preview),
}

fn site_command(site: SiteArgs, out: Out, job: Job) -> ExitCode {
    let root = match site.root.clone().map_or_else(discover_root, Ok) {
        Ok(root) => root,
        Err(d) => return out.usage_error(d),
    };
    if out.verbose && out.format == Format::Text {
        eprintln!("{}", out.say(text!(msg::SITE_FOUND, root.display())));
    }
    let today = match site.today.as_deref().map(parse_date) {
        Some(Ok(d)) => Some(d),
        Some(Err(bad)) => {
            return out.usage_error(
                Diagnostic::error(text!(msg::NOT_A_DATE, bad)).with_hint(&msg::HINT_SEE_HELP),
            )
        }
        None => None,
    };
    let timings = site.timings;
    let options = |output: Option<PathBuf>, review_days: Option<i64>| BuildOptions {
        root: root.clone(),
        output,
        overrides: Overrides {
            base_url: site.base_url.clone(),
            drafts: site.drafts,
            today,
            review_days,
        },
        strict: site.strict,
        force: false,
        existing_parent: false,
        progress: None,
    };
    let started = Instant::now();
    let (result, done, show_review) = match job {
        Job::Serve(how) => return serve(options(None, None), how, out),
        Job::Build { output, force } => {
            let o = BuildOptions {
                force,
                ..options(output, None)
            };
            let dir = o.output_dir();
            (
                with_progress(o, out, handbok::build),
                Done::Built(dir),
                false,
            )
        }
        Job::Check { review, days } => (
            with_progress(options(None, days), out, handbok::check),
            Done::Checked,
            review,
        ),
    };
    let took = started.elapsed();
    match result {
        Ok(report) => {
            out.diagnostics(&report.warnings);
            if show_review {
                print_review(&report, out);
            }
            if timings && !out.quiet {
                for (stage, took) in &report.timings {
                    let ms = format!("{:.1}", took.as_secs_f64() * 1000.0);
                    let ms = match out.lang {
                        Lang::Sv => ms.replace('.', ","),
                        Lang::En => ms,
                    };
                    eprintln!("{}", out.say(text!(msg::TIMING, out.say(*stage), ms)));
                }
            }
            if out.chatty() {
                println!("{}", summary(&report, &done, took, out));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let diagnostics = e.diagnostics();
            out.diagnostics(&diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            if out.chatty() {
                eprintln!("{}", out.say(text!(msg::SUMMARY_FAILED, errors)));
            }
            match e {
                Error::Site(_) => ExitCode::from(1),
                Error::Config(_) | Error::Io { .. } => ExitCode::from(2),
            }
        }
    }
}

/// Runs `job` with a progress line while it takes long (see [`Spinner`]).
fn with_progress(
    mut options: BuildOptions,
    out: Out,
    job: fn(&BuildOptions) -> handbok::Result<Report>,
) -> handbok::Result<Report> {
    let spinner = Spinner::start(out);
    options.progress = spinner.as_ref().map(Spinner::listener);
    job(&options)
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| s.to_string())
}

/// A progress line on a terminal for a build that takes longer than a second: the stage it
/// is in and the time so far. Nothing when standard error is not a terminal, with
/// `--quiet` or a machine format.
struct Spinner {
    stage: std::sync::Arc<std::sync::Mutex<&'static Message>>,
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Spinner {
    fn start(out: Out) -> Option<Spinner> {
        if !out.chatty() || !std::io::stderr().is_terminal() {
            return None;
        }
        let stage = std::sync::Arc::new(std::sync::Mutex::new(&msg::STAGE_CONFIGURATION));
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let shown = stage.clone();
        let thread = std::thread::spawn(move || {
            // Quick builds show nothing.
            if stopped.recv_timeout(Duration::from_secs(1)).is_ok() {
                return;
            }
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            loop {
                let now = shown
                    .lock()
                    .map(|m| *m)
                    .unwrap_or(&msg::STAGE_CONFIGURATION);
                bar.set_message(
                    text!(msg::PROGRESS_BUILDING, Text::from(now).render(out.lang))
                        .render(out.lang),
                );
                bar.tick();
                if stopped.recv_timeout(Duration::from_millis(100)).is_ok() {
                    break;
                }
            }
            bar.finish_and_clear();
        });
        Some(Spinner {
            stage,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    fn listener(&self) -> handbok::Progress {
        let stage = self.stage.clone();
        handbok::Progress(std::sync::Arc::new(move |m| {
            if let Ok(mut s) = stage.lock() {
                *s = m;
            }
        }))
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn new_page(root: &Path, kind: &str, path: &str, out: Out) -> ExitCode {
    match handbok::new_page(root, kind, path, handbok::today_from_environment()) {
        Ok(file) => {
            if out.chatty() {
                let shown = file
                    .strip_prefix(root)
                    .unwrap_or(&file)
                    .display()
                    .to_string();
                println!("{}", out.say(text!(msg::CREATED, shown)));
            }
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

fn init(dir: PathBuf, out: Out) -> ExitCode {
    match handbok::init_site(&dir) {
        Ok(files) => {
            if out.chatty() {
                println!(
                    "{}",
                    out.say(text!(msg::INIT_CREATED, dir.display(), files.len()))
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            out.diagnostics(&e.diagnostics());
            ExitCode::from(2)
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

fn serve(mut build: BuildOptions, how: Preview, out: Out) -> ExitCode {
    // Served pages live at the root of localhost, whatever base_url the site has.
    build
        .overrides
        .base_url
        .get_or_insert_with(|| "/".to_string());
    let options = handbok::ServeOptions {
        build,
        bind: how.bind,
        port: how.port,
        allowed_hosts: how.allow_host,
        poll: how.poll.map(Duration::from_millis),
        limits: handbok::Limits::default(),
        lang: out.lang,
    };
    let quiet = out.quiet;
    let log: handbok::Log = std::sync::Arc::new(move |line: &str| {
        if !quiet {
            eprintln!("{line}")
        }
    });
    let ready = how.open.then(|| {
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        std::thread::spawn(move || {
            if let Ok(url) = rx.recv() {
                if let Err(e) = open::that_detached(&url) {
                    eprintln!("{}", out.say(text!(msg::CANNOT_OPEN_BROWSER, url, e)));
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

fn print_review(r: &Report, out: Out) {
    let today = r.today.map(|d| d.to_string()).unwrap_or_default();
    if r.review.is_empty() {
        println!("{}", out.say(text!(msg::REVIEW_NONE, today)));
        return;
    }
    println!(
        "{}",
        out.say(text!(msg::REVIEW_COUNT, today, r.review.len()))
    );
    for e in &r.review {
        let what = if e.field == "review_by" {
            out.say(&msg::REVIEW_BY)
        } else {
            out.say(&msg::VALID_UNTIL)
        };
        let when = if e.days < 0 {
            out.say(text!(msg::DAYS_AGO, -e.days))
        } else {
            out.say(text!(msg::IN_DAYS, e.days))
        };
        let owner = e
            .owner
            .clone()
            .unwrap_or_else(|| out.say(&msg::REVIEW_NO_OWNER));
        println!(
            "{}",
            out.say(text!(
                msg::REVIEW_LINE,
                e.file,
                e.line,
                what,
                e.date,
                when,
                e.title,
                owner
            ))
        );
    }
}

/// What a successful command did, for the summary line.
enum Done {
    Built(PathBuf),
    Checked,
}

/// `0,4 s` / `0.4 s`: seconds with one decimal in the language's way.
fn seconds(took: Duration, lang: Lang) -> String {
    let s = format!("{:.1} s", took.as_secs_f64());
    match lang {
        Lang::Sv => s.replace('.', ","),
        Lang::En => s,
    }
}

fn summary(r: &Report, done: &Done, took: Duration, out: Out) -> String {
    let warnings = match r.warnings.len() {
        1 => out.say(&msg::ONE_WARNING),
        n => out.say(text!(msg::WARNINGS, n)),
    };
    let time = seconds(took, out.lang);
    let t = match done {
        Done::Built(dir) => text!(
            msg::SUMMARY_BUILT,
            dir.display(),
            time,
            r.pages,
            r.sections,
            r.terms,
            r.files,
            warnings
        ),
        Done::Checked => text!(
            msg::SUMMARY_CHECKED,
            time,
            r.pages,
            r.sections,
            r.terms,
            r.files,
            warnings
        ),
    };
    out.say(t)
}
