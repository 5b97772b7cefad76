//! `handbok.yaml`: the raw serde form (unknown keys rejected) and the validated [`Config`].

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Diagnostic, Error, IoAction, Result};
use crate::messages::{self as msg, Text};
use crate::slug::slugify;
use crate::text;

/// The front matter keys handbok knows (taxonomy names from the config come on top). Kept
/// here because the configuration checks that no taxonomy takes one of these names.
pub const FRONT_MATTER_FIELDS: &[&str] = &[
    "title",
    "description",
    "date",
    "updated",
    "draft",
    "search",
    "weight",
    "slug",
    "aliases",
    "template",
    "extra",
    "document",
    "action_plan",
    "meeting",
];

mod checks;
pub mod forge;

/// The configuration file's name, at the site root.
pub const CONFIG_FILE: &str = "handbok.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    taxonomies: Vec<RawTaxonomy>,
    #[serde(default)]
    markdown: MarkdownConfig,
    #[serde(default)]
    glossary: Option<GlossaryConfig>,
    #[serde(default)]
    document_types: Option<Vec<String>>,
    #[serde(default)]
    review: ReviewConfig,
    #[serde(default)]
    action_plans: ActionPlansConfig,
    #[serde(default)]
    accessibility: Option<AccessibilityConfig>,
    #[serde(default)]
    edit_url: Option<String>,
    /// Page dates, authors and histories from git (default true).
    #[serde(default = "yes")]
    git: bool,
    #[serde(default)]
    repository: Option<RawRepository>,
    #[serde(default)]
    history: HistoryConfig,
    #[serde(default)]
    extra: Option<serde_norway::Value>,
}

fn yes() -> bool {
    true
}

/// `repository:` as written: the forge project the site's sources live in.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRepository {
    url: String,
    #[serde(default)]
    branch: Option<String>,
    #[serde(default)]
    forge: Option<forge::Forge>,
}

/// `history:`: what the pages show of the git history.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct HistoryConfig {
    /// Show who made each change (false: dates and messages only, for privacy).
    pub authors: bool,
    /// How many changes the page "Senaste ändringar" and its feed list.
    pub recent: usize,
}

impl Default for HistoryConfig {
    fn default() -> Self {
        Self {
            authors: true,
            recent: 30,
        }
    }
}

/// The accessibility statement (tillgänglighetsredogörelse) required by lag (2018:1937),
/// with the parts of Digg's model statement.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AccessibilityConfig {
    /// The public body (offentlig aktör); blank until the site's owner fills it in, and
    /// `handbok check` warns while it is.
    #[serde(default)]
    pub organisation: Option<String>,
    /// The digital service; the site's title by default.
    #[serde(default)]
    pub service: Option<String>,
    /// Conformance: `full` (helt förenlig), `partial` (delvis förenlig) or `none` (inte förenlig).
    pub status: Conformance,
    /// Known content that is not accessible, and why.
    #[serde(default)]
    pub shortcomings: Vec<Shortcoming>,
    /// Content exempted as a disproportionate burden (12 §), with the reasons.
    #[serde(default)]
    pub disproportionate_burden: Vec<String>,
    /// Content outside the law's scope (9 §).
    #[serde(default)]
    pub out_of_scope: Vec<String>,
    /// When and how conformance was assessed.
    pub assessment: Assessment,
    /// When the statement was last updated (YYYY-MM-DD).
    pub updated: String,
    /// How readers report problems; without it, `handbok check` warns.
    #[serde(default)]
    pub contact: Option<Contact>,
    /// Digg's reporting form.
    #[serde(default = "default_report_url")]
    pub report_url: String,
    /// Site path of the statement page.
    #[serde(default = "default_statement_path")]
    pub path: String,
    /// Lines of `organisation:` and `contact:` in handbok.yaml, for the warnings while they
    /// are blank.
    #[serde(skip)]
    pub lines: AccessibilityLines,
}

/// Where the values the site's owner must fill in stand in handbok.yaml.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AccessibilityLines {
    pub organisation: usize,
    pub contact: usize,
}

impl AccessibilityConfig {
    /// Warnings for what the law requires and the configuration leaves blank: who is
    /// responsible for the site, and how readers report problems.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if self.organisation.is_none() {
            out.push(
                Diagnostic::warning(&msg::A11Y_NO_ORGANISATION)
                    .in_file(CONFIG_FILE)
                    .at_line(self.lines.organisation)
                    .with_hint(&msg::HINT_A11Y_ORGANISATION),
            );
        }
        if self.contact.is_none() {
            out.push(
                Diagnostic::warning(&msg::A11Y_NO_CONTACT)
                    .in_file(CONFIG_FILE)
                    .at_line(self.lines.contact)
                    .with_hint(&msg::HINT_A11Y_CONTACT),
            );
        }
        out
    }
}

/// `None` for a value that is absent or only white space; the trimmed value otherwise.
fn filled(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn default_report_url() -> String {
    "https://www.digg.se/tdosanmalan".to_string()
}

fn default_statement_path() -> String {
    "tillganglighetsredogorelse".to_string()
}

#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Conformance {
    Full,
    Partial,
    None,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Shortcoming {
    pub issue: String,
    pub reason: String,
    /// WCAG success criteria concerned, e.g. `1.4.3`.
    #[serde(default)]
    pub criteria: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub date: String,
    pub method: String,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// The document types a `document: type:` may name, unless the config lists its own.
pub const DEFAULT_DOCUMENT_TYPES: &[&str] = &[
    "uppdragsbeskrivning",
    "anvisning",
    "strategi",
    "handlingsplan",
    "remissvar",
    "tjänsteskrivelse",
    "artikel",
    "policy",
    "riktlinje",
    "rutin",
    "program",
    "plan",
    "reglemente",
];

/// Review dates of governing documents: the report and its page.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct ReviewConfig {
    /// Site path of the page "Dokument att se över".
    pub path: String,
    /// Documents due within this many days are listed as due soon.
    pub warn_days: i64,
    /// Whether a passed review or validity date is a `warning` or an `error`.
    pub past_due: PastDue,
}

impl Default for ReviewConfig {
    fn default() -> Self {
        Self {
            path: "dokument-att-se-over".to_string(),
            warn_days: 60,
            past_due: PastDue::Warning,
        }
    }
}

/// How a passed review date is reported.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum PastDue {
    Warning,
    Error,
}

/// Where the focus-area matrix and its pages go.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct ActionPlansConfig {
    /// Site path of the matrix page; focus-area pages and `aktiviteter.csv` go below it.
    pub path: String,
}

impl Default for ActionPlansConfig {
    fn default() -> Self {
        Self {
            path: "fokusomraden".to_string(),
        }
    }
}

/// Where the glossary's data and page are.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct GlossaryConfig {
    /// The data file, relative to the site root (e.g. `ordlista.yaml`).
    pub file: String,
    /// The content page that presents the glossary (e.g. `ordlista.md`); marked terms link there.
    pub page: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    name: String,
    #[serde(default)]
    singular: Option<String>,
    #[serde(default)]
    plural: Option<String>,
}

/// Markdown options a site may change.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Typographic quotes and dashes (`"a"` → `”a”`, `--` → `–`).
    #[serde(default)]
    pub smart_punctuation: bool,
    /// What happens to HTML written in the Markdown (`raw_html: sanitize` by default).
    #[serde(default)]
    pub raw_html: RawHtml,
    /// Soft hyphens in the long words of headings; set from `language:` (Swedish only).
    #[serde(skip)]
    pub soft_hyphens: bool,
}

/// How raw HTML in Markdown (HTML blocks, inline tags, heading attributes) is treated.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Passed through as written: only for sites whose every editor is trusted.
    Allow,
    /// Cleaned: scripts, event handlers, styles, unsafe URLs and unknown elements are
    /// removed (with a warning naming file and line); tables, details, abbr and the like stay.
    #[default]
    Sanitize,
    /// An error (file, line, hint): the content must be written in Markdown.
    Deny,
}

/// A taxonomy declared in the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxonomyConfig {
    /// The key used in front matter, e.g. `fokusomrade`.
    pub name: String,
    /// The URL segment of the taxonomy, the slug of `name`.
    pub slug: String,
    pub singular: String,
    pub plural: String,
}

/// The validated site configuration, with command-line overrides applied.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site root (folder holding `handbok.yaml`).
    pub root: PathBuf,
    pub title: String,
    pub description: Option<String>,
    /// Absolute URL or site-root path of the published site, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url`, starting and ending with `/` (e.g. `/hallbarhet/`).
    pub base_path: String,
    /// Where `base_url` was chosen, for messages about it.
    pub base_url_from: Setting,
    pub language: String,
    /// The line of `language:` in handbok.yaml, for messages about it.
    pub language_line: Option<usize>,
    pub theme: String,
    pub taxonomies: Vec<TaxonomyConfig>,
    pub markdown: MarkdownConfig,
    pub glossary: Option<GlossaryConfig>,
    pub document_types: Vec<String>,
    pub review: ReviewConfig,
    pub action_plans: ActionPlansConfig,
    pub accessibility: Option<AccessibilityConfig>,
    /// Where an editor changes a page: an http(s) URL in which `{path}` stands for the
    /// content file's path relative to `content/` (`edit_url:`).
    pub edit_url: Option<String>,
    /// Read dates, authors and histories from git (`git:`).
    pub git: bool,
    /// The forge project, for edit, history and commit links (`repository:`).
    pub repository: Option<forge::Repository>,
    pub history: HistoryConfig,
    /// The date builds compare review dates and meetings with (`--today`, else
    /// `SOURCE_DATE_EPOCH`, else the system date).
    pub today: chrono::NaiveDate,
    pub extra: serde_json::Value,
    /// Include pages marked `draft: true`.
    pub drafts: bool,
}

/// Where a value of the configuration was chosen, for messages that point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Not set: the default.
    Default,
    /// On this line of handbok.yaml.
    Line(usize),
    /// On the command line (`--base-url`).
    CommandLine,
}

/// Overrides given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub base_url: Option<String>,
    pub drafts: bool,
    /// The date to compare review dates and meetings with.
    pub today: Option<chrono::NaiveDate>,
    /// Overrides `review: warn_days`.
    pub review_days: Option<i64>,
}

/// Today's date: from `SOURCE_DATE_EPOCH` (seconds, for reproducible builds) when set,
/// else from the system clock (local time).
pub fn today_from_environment() -> chrono::NaiveDate {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map_or_else(|| chrono::Local::now().date_naive(), |dt| dt.date_naive())
}

fn validate_accessibility(
    text: &str,
    a: Option<AccessibilityConfig>,
) -> Result<Option<AccessibilityConfig>> {
    let Some(mut a) = a else { return Ok(None) };
    // Blank values are placeholders for the site's owner: treat them as missing.
    a.organisation = filled(a.organisation.take());
    a.contact = a.contact.take().and_then(|c| {
        let c = Contact {
            email: filled(c.email),
            phone: filled(c.phone),
            url: filled(c.url),
        };
        (c.email.is_some() || c.phone.is_some() || c.url.is_some()).then_some(c)
    });
    a.lines = AccessibilityLines {
        organisation: nested_key_line(text, "accessibility", "organisation"),
        contact: nested_key_line(text, "accessibility", "contact"),
    };
    for (key, date) in [("date", &a.assessment.date), ("updated", &a.updated)] {
        if crate::dates::parse_date(date).is_none() {
            return Err(config_error(
                Diagnostic::error(text!(msg::A11Y_NOT_A_DATE, key, date))
                    .in_file(CONFIG_FILE)
                    .at_line(find_line(text, &format!("{key}:")).unwrap_or(1))
                    .with_hint(&msg::HINT_DATE_FORMAT),
            ));
        }
    }
    let urls = [
        ("url", a.contact.as_ref().and_then(|c| c.url.as_deref())),
        ("report_url", Some(a.report_url.as_str())),
    ];
    for (key, url) in urls {
        let Some(url) = url else { continue };
        if !is_web_address(url) {
            return Err(config_error(
                Diagnostic::error(text!(msg::A11Y_NOT_A_WEB_ADDRESS, key, url))
                    .in_file(CONFIG_FILE)
                    .at_line(nested_key_line(text, "accessibility", key))
                    .with_hint(&msg::HINT_WEB_ADDRESS),
            ));
        }
    }
    if let Some(email) = a.contact.as_ref().and_then(|c| c.email.as_deref()) {
        if let Some(problem) = checks::email_problem(email) {
            return Err(config_error(
                Diagnostic::error(text!(problem, email.escape_debug()))
                    .in_file(CONFIG_FILE)
                    .at_line(nested_key_line(text, "accessibility", "email"))
                    .with_hint(&msg::HINT_A11Y_EMAIL),
            ));
        }
    }
    a.path = site_path(text, "accessibility", &a.path)?;
    Ok(Some(a))
}

/// An `http(s)` URL or a path on the same server: never a script (`javascript:`) or `data:`.
fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    let has_web_scheme = lower.starts_with("https://") || lower.starts_with("http://");
    let is_path = lower.starts_with('/') && !lower.starts_with("//");
    (has_web_scheme || is_path) && !url.chars().any(char::is_control)
}

fn validate_review(text: &str, mut review: ReviewConfig) -> Result<ReviewConfig> {
    review.path = site_path(text, "review", &review.path)?;
    if review.warn_days < 0 {
        return Err(config_error(
            Diagnostic::error(&msg::WARN_DAYS_NEGATIVE)
                .in_file(CONFIG_FILE)
                .at_line(find_line(text, "warn_days").unwrap_or(1))
                .with_hint(&msg::HINT_WARN_DAYS),
        ));
    }
    Ok(review)
}

/// A configured site path: slug segments, normalised to `a/b/`.
fn site_path(text: &str, key: &str, path: &str) -> Result<String> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() || segments.iter().any(|s| slugify(s) != *s) {
        return Err(config_error(
            Diagnostic::error(text!(msg::SITE_PATH_NOT_SLUGS, key, path))
                .in_file(CONFIG_FILE)
                .at_line(key_line(text, key).unwrap_or(1))
                .with_hint(&msg::HINT_SITE_PATH),
        ));
    }
    Ok(format!("{}/", segments.join("/")))
}

impl Config {
    /// Reads and validates `handbok.yaml` in `root`.
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Config> {
        let path = root.join(CONFIG_FILE);
        crate::inside::Inside::site(root)
            .check_file(&path, Path::new(CONFIG_FILE))
            .map_err(config_error)?;
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(config_error(
                    Diagnostic::error(text!(msg::CONFIG_MISSING, root.display()))
                        .with_hint(&msg::HINT_CONFIG_MISSING),
                ))
            }
            Err(e) => return Err(Error::io(IoAction::Read, &path, e)),
        };
        Self::parse(root, &text, overrides)
    }

    /// Validates configuration text (the content of `handbok.yaml`).
    pub fn parse(root: &Path, text: &str, overrides: &Overrides) -> Result<Config> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawConfig =
            crate::yaml::from_str(text, 0).map_err(|d| config_error(d.in_file(CONFIG_FILE)))?;
        let label = match overrides.base_url {
            Some(_) => "--base-url",
            None => "base_url",
        };
        let base_url = normalise_base_url(
            label,
            overrides.base_url.as_deref().or(raw.base_url.as_deref()),
        )
        .map_err(|message| {
            let d = match overrides.base_url {
                Some(_) => Diagnostic::error(message),
                None => Diagnostic::error(message)
                    .in_file(CONFIG_FILE)
                    .at_line(key_line(text, "base_url").unwrap_or(1)),
            };
            config_error(d.with_hint(&msg::HINT_BASE_URL))
        })?;
        let base_path = base_path_of(&base_url);
        validate_sources(text, &raw)?;
        let taxonomies = validate_taxonomies(text, raw.taxonomies)?;
        let extra = match raw.extra {
            Some(v) => serde_json::to_value(v).map_err(|e| {
                config_error(
                    Diagnostic::error(text!(msg::EXTRA_UNUSABLE, e))
                        .in_file(CONFIG_FILE)
                        .at_line(key_line(text, "extra").unwrap_or(1))
                        .with_hint(&msg::HINT_CONFIG_EXTRA),
                )
            })?,
            None => serde_json::Value::Object(Default::default()),
        };
        let language = raw.language.unwrap_or_else(|| "sv".to_string());
        let markdown = MarkdownConfig {
            soft_hyphens: is_swedish(&language),
            ..raw.markdown
        };
        let base_url_from = match (&overrides.base_url, key_line(text, "base_url")) {
            (Some(_), _) => Setting::CommandLine,
            (None, Some(line)) => Setting::Line(line),
            (None, None) => Setting::Default,
        };
        Ok(Config {
            root: root.to_path_buf(),
            title: raw.title,
            description: raw.description,
            base_url,
            base_path,
            base_url_from,
            language_line: key_line(text, "language"),
            language,
            theme: raw.theme.unwrap_or_else(|| "default".to_string()),
            taxonomies,
            markdown,
            glossary: raw.glossary,
            document_types: raw.document_types.unwrap_or_else(|| {
                DEFAULT_DOCUMENT_TYPES
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            }),
            review: validate_review(
                text,
                ReviewConfig {
                    warn_days: overrides.review_days.unwrap_or(raw.review.warn_days),
                    ..raw.review
                },
            )?,
            accessibility: validate_accessibility(text, raw.accessibility)?,
            edit_url: validate_edit_url(text, raw.edit_url)?,
            git: raw.git,
            repository: validate_repository(text, raw.repository)?,
            history: raw.history,
            action_plans: ActionPlansConfig {
                path: site_path(text, "action_plans", &raw.action_plans.path)?,
            },
            today: overrides.today.unwrap_or_else(today_from_environment),
            extra,
            drafts: overrides.drafts,
        })
    }

    /// The edit link of the content file at `rel` (relative to `content/`, percent-encoded
    /// by the caller, so that `#` or `%` in a file name cannot cut the link), when
    /// `edit_url:` is set.
    pub fn edit_link(&self, rel: &str) -> Option<String> {
        let pattern = self.edit_url.as_deref()?;
        (!rel.is_empty()).then(|| pattern.replace(checks::EDIT_URL_PLACEHOLDER, rel))
    }

    pub fn taxonomy(&self, name: &str) -> Option<&TaxonomyConfig> {
        self.taxonomies.iter().find(|t| t.name == name)
    }

    /// Whether `base_url` is an absolute http(s) URL rather than a path on the server.
    pub fn absolute_base_url(&self) -> bool {
        self.base_url.starts_with("https://") || self.base_url.starts_with("http://")
    }

    /// The absolute URL (or site-root path) of a site-relative path like `natverk/`.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}

/// The values that name files the build reads: `theme:` (a folder name), the glossary
/// file (a path inside the site) and `language:` (it names the theme's strings file).
fn validate_sources(text: &str, raw: &RawConfig) -> Result<()> {
    let at = |line: usize, message: Text, hint: &'static msg::Message| {
        config_error(
            Diagnostic::error(message)
                .in_file(CONFIG_FILE)
                .at_line(line)
                .with_hint(hint),
        )
    };
    if let Some(theme) = &raw.theme {
        checks::theme_name(theme).map_err(|m| {
            let line = key_line(text, "theme").unwrap_or(1);
            at(line, m, &msg::HINT_THEME_NAME)
        })?;
    }
    if let Some(g) = &raw.glossary {
        checks::site_file("glossary: file", &g.file).map_err(|m| {
            let line = nested_key_line(text, "glossary", "file");
            at(line, m, &msg::HINT_GLOSSARY_FILE)
        })?;
    }
    if let Some(language) = &raw.language {
        checks::language(language).map_err(|m| {
            let line = key_line(text, "language").unwrap_or(1);
            at(line, m, &msg::HINT_LANGUAGE_TAG)
        })?;
    }
    Ok(())
}

/// `repository:`: an http(s) project address (trailing `/` and `.git` dropped), a branch
/// name (default `main`), the forge (guessed from the address when left out).
fn validate_repository(
    text: &str,
    raw: Option<RawRepository>,
) -> Result<Option<forge::Repository>> {
    use forge::{Forge, Repository};
    let Some(raw) = raw else { return Ok(None) };
    let url = raw.url.trim();
    let url = url.trim_end_matches('/');
    let url = url.strip_suffix(".git").unwrap_or(url).to_string();
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let bad_url = match host {
        None => true,
        Some(rest) => {
            rest.is_empty()
                || rest.starts_with('/')
                || url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
    };
    if bad_url {
        return Err(config_error(
            Diagnostic::error(text!(msg::REPOSITORY_URL, raw.url))
                .in_file(CONFIG_FILE)
                .at_line(nested_key_line(text, "repository", "url"))
                .with_hint(&msg::HINT_REPOSITORY_URL),
        ));
    }
    let branch = raw
        .branch
        .map_or_else(|| "main".to_string(), |b| b.trim().to_string());
    let bad_branch = branch.is_empty()
        || branch.contains("..")
        || branch.starts_with(['-', '/'])
        || branch
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "~^:?*[\\".contains(c));
    if bad_branch {
        return Err(config_error(
            Diagnostic::error(text!(msg::REPOSITORY_BRANCH, branch))
                .in_file(CONFIG_FILE)
                .at_line(nested_key_line(text, "repository", "branch"))
                .with_hint(&msg::HINT_REPOSITORY_BRANCH),
        ));
    }
    Ok(Some(Repository {
        forge: raw.forge.unwrap_or_else(|| Forge::guess(&url)),
        url,
        branch,
    }))
}

/// `edit_url:`, blank meaning unset: an http(s) URL holding `{path}`.
fn validate_edit_url(text: &str, value: Option<String>) -> Result<Option<String>> {
    let Some(url) = value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    else {
        return Ok(None);
    };
    match checks::edit_url_problem(&url) {
        None => Ok(Some(url)),
        Some(problem) => Err(config_error(
            Diagnostic::error(text!(problem, url.escape_debug()))
                .in_file(CONFIG_FILE)
                .at_line(key_line(text, "edit_url").unwrap_or(1))
                .with_hint(&msg::HINT_EDIT_URL),
        )),
    }
}

fn config_error(d: Diagnostic) -> Error {
    Error::Config(Box::new(d))
}

fn validate_taxonomies(text: &str, raw: Vec<RawTaxonomy>) -> Result<Vec<TaxonomyConfig>> {
    let mut out: Vec<TaxonomyConfig> = Vec::new();
    for t in raw {
        let line = find_line(text, &format!("name: {}", t.name)).unwrap_or(1);
        let slug = slugify(&t.name);
        let reserved = FRONT_MATTER_FIELDS;
        let problem = if slug.is_empty() {
            Some(&msg::TAXONOMY_NO_LETTERS)
        } else if reserved.contains(&t.name.as_str()) {
            Some(&msg::TAXONOMY_IS_A_FIELD)
        } else if out.iter().any(|o| o.slug == slug || o.name == t.name) {
            Some(&msg::TAXONOMY_TWICE)
        } else {
            None
        };
        if let Some(message) = problem {
            return Err(config_error(
                Diagnostic::error(text!(message, t.name))
                    .in_file(CONFIG_FILE)
                    .at_line(line)
                    .with_hint(&msg::HINT_TAXONOMY_NAME),
            ));
        }
        let singular = t.singular.unwrap_or_else(|| t.name.clone());
        let plural = t.plural.unwrap_or_else(|| singular.clone());
        out.push(TaxonomyConfig {
            name: t.name,
            slug,
            singular,
            plural,
        });
    }
    Ok(out)
}

/// The base URL ending in `/`; `label` names where it came from in messages.
fn normalise_base_url(label: &str, value: Option<&str>) -> std::result::Result<String, Text> {
    let value = value.unwrap_or("/").trim();
    let ok =
        value.starts_with('/') || value.starts_with("https://") || value.starts_with("http://");
    if !ok || value.contains(char::is_whitespace) {
        return Err(text!(msg::BASE_URL_NOT_URL, label, value.escape_debug()));
    }
    if let Some(problem) = checks::base_url_problem(value) {
        return Err(text!(problem, label, value.escape_debug()));
    }
    let mut url = value.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

fn base_path_of(base_url: &str) -> String {
    match base_url.split_once("://") {
        Some((_, rest)) => match rest.find('/') {
            Some(i) => rest[i..].to_string(),
            None => "/".to_string(),
        },
        None => base_url.to_string(),
    }
}

/// Whether `language` (a `language:` tag) is Swedish: the language of the soft-hyphen
/// patterns, which other languages do without.
pub fn is_swedish(language: &str) -> bool {
    let l = language.to_ascii_lowercase();
    l == "sv" || l.starts_with("sv-") || l.starts_with("sv_")
}

/// The 1-based line of a top-level `key:` in YAML text (a line starting with it).
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

/// The line of `key:` inside the top-level block `block`: a line starting with it, else
/// one holding it in a flow mapping (`contact: {email: …}`); the block's line if neither.
fn nested_key_line(text: &str, block: &str, key: &str) -> usize {
    let start = key_line(text, block).unwrap_or(1);
    let prefix = format!("{key}:");
    let lines = || text.lines().enumerate().skip(start);
    let in_flow = |l: &str| {
        l.match_indices(&prefix)
            .any(|(i, _)| l[..i].ends_with(['{', ',', ' ']))
    };
    lines()
        .find(|(_, l)| l.trim_start().trim_start_matches("- ").starts_with(&prefix))
        .or_else(|| lines().find(|(_, l)| in_flow(l)))
        .map_or(start, |(i, _)| i + 1)
}

/// The 1-based line of every top-level `key:` in YAML text (the first, for a repeated key):
/// [`key_line`] for all keys at once, in one pass over the text.
pub fn key_lines(text: &str) -> std::collections::HashMap<&str, usize> {
    let mut out = std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        // A key ends at the first `:` that ends the line or is followed by white space.
        let colon = line
            .match_indices(':')
            .map(|(c, _)| c)
            .find(|c| line[c + 1..].chars().next().is_none_or(char::is_whitespace));
        if let Some(c) = colon {
            let key = line[..c].trim_end();
            if !key.is_empty() && !key.starts_with(char::is_whitespace) {
                out.entry(key).or_insert(i + 1);
            }
        }
    }
    out
}

fn find_line(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(Path::new("."), text, &Overrides::default())
    }

    #[test]
    fn defaults_and_base_path() {
        let c = parse("title: T\nbase_url: https://intranat.example.se/hallbarhet\n").unwrap();
        assert_eq!(c.base_url, "https://intranat.example.se/hallbarhet/");
        assert_eq!(c.base_path, "/hallbarhet/");
        assert_eq!(c.language, "sv");
        let c = parse("title: T\n").unwrap();
        assert_eq!(c.base_url, "/");
        assert_eq!(c.base_path, "/");
    }

    #[test]
    fn unknown_key_names_line_and_suggestion() {
        let err = parse("title: T\nlanguag: sv\n").unwrap_err();
        let d = &err.diagnostics()[0];
        assert_eq!(d.position.map(|p| p.line), Some(2));
        assert_eq!(d.hint.as_deref(), Some("did you mean `language`?"));
    }

    #[test]
    fn taxonomy_may_not_shadow_a_field() {
        let err = parse("title: T\ntaxonomies:\n  - name: title\n").unwrap_err();
        assert!(err.to_string().contains("front matter field"), "{err}");
    }

    #[test]
    fn bad_base_url() {
        let err = parse("title: T\nbase_url: intranat\n").unwrap_err();
        assert_eq!(err.diagnostics()[0].position.map(|p| p.line), Some(2));
    }
}
