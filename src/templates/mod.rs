//! Stage 4b: Tera templates. Lookup order, file by file: the default theme embedded in the
//! binary < `themes/<name>/` < the site's own `templates/`. Also the theme's static files
//! and its interface strings (`i18n/<language>.yaml`).

pub mod governance_views;
pub mod history_views;
pub mod nav;
pub mod page_html;
pub mod site_pages;
pub mod views;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use tera::Tera;

use crate::config::Config;
use crate::error::{Diagnostic, Error, IoAction, Position, Result};
use crate::inside::{self, Inside};
pub use crate::markdown::escape::{escape_html, escape_into};
use crate::messages::{self as msg, Text, Value};
use crate::text;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The built-in theme's name.
pub const DEFAULT_THEME_NAME: &str = "default";

/// The built-in theme's archetypes (`archetypes/<type>.md`): (type, text).
pub fn default_archetypes() -> Vec<(String, String)> {
    DEFAULT_THEME
        .get_dir("archetypes")
        .map(|d| {
            d.files()
                .filter_map(|f| {
                    let stem = f.path().file_stem()?.to_str()?.to_string();
                    Some((stem, f.contents_utf8()?.to_string()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A file of the built-in theme by its path in the theme folder (for tests).
#[cfg(test)]
pub fn default_theme_file(path: &str) -> Option<&'static [u8]> {
    DEFAULT_THEME.get_file(path).map(|f| f.contents())
}

/// Where a theme file comes from.
#[derive(Debug, Clone)]
pub enum FileSource {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

/// One template's origin, for error messages.
#[derive(Debug, Clone)]
struct TemplateFile {
    /// Shown to the user: `templates/page.html`, `themes/x/templates/page.html`, or
    /// `page.html (built-in theme)`.
    shown: String,
    text: String,
}

/// All templates, compiled once, with static files and interface strings.
pub struct Templates {
    tera: Tera,
    files: BTreeMap<String, TemplateFile>,
    /// Theme static files by output path (built-in < theme).
    pub static_files: BTreeMap<String, FileSource>,
    /// Interface strings, `t.key` in templates.
    pub strings: serde_json::Value,
    /// Warnings about the theme: files of its `static/` left out, interface texts missing
    /// for the site's language.
    pub warnings: Vec<Diagnostic>,
    /// Some template reads the sidebar tree as data (`page.nav`, `section.nav`); otherwise
    /// it is not built for every page (templates get it ready as `nav_html`).
    pub uses_nav_data: bool,
    /// Some template reads `.summary` (of linked entries); otherwise it is left out of the
    /// link views of a page.
    pub uses_summaries: bool,
    /// Entry templates whose print-page part has a template of its own (see
    /// [`Templates::print_part`]).
    print_parts: std::collections::HashSet<String>,
    /// For each template: whether it or a template it extends prints `header_html` and
    /// `footer_html` (see [`Templates::prints_chrome`]).
    chrome: HashMap<String, Printed>,
    /// The built-in `page.html`, `taxonomy.html` and `term.html` written in Rust, with the
    /// names of those that are the built-in texts, when what they print through is too (see
    /// [`page_html`]).
    page_writer: Option<(page_html::PageWriter, Vec<&'static str>)>,
}

/// Which of the site's header and footer a template prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Printed {
    pub header: bool,
    pub footer: bool,
}

impl Printed {
    fn or(self, other: Printed) -> Printed {
        Printed {
            header: self.header || other.header,
            footer: self.footer || other.footer,
        }
    }

    /// What a template's own text may print. One that includes another template is taken
    /// to print both: the included one is not looked at.
    fn of_text(text: &str) -> Printed {
        let includes = text.contains("include");
        Printed {
            header: includes || text.contains("header_html"),
            footer: includes || text.contains("footer_html"),
        }
    }
}

/// Where the print-part templates are named: a name no template file can have.
const PRINT_PART: &str = "/print-part/";

/// Entry templates of the built-in theme that mark their content block for print pages.
const PRINTED_TEMPLATES: [&str; 2] = ["page.html", "section.html"];

impl Templates {
    /// Loads and compiles the three template layers. Every file read from disk resolves
    /// inside the site folder (see [`crate::inside`]).
    pub fn load(config: &Config) -> Result<Templates> {
        let mut files: BTreeMap<String, TemplateFile> = BTreeMap::new();
        let mut static_files: BTreeMap<String, FileSource> = BTreeMap::new();
        let mut strings = serde_norway::Mapping::new();
        let mut warnings = Vec::new();
        let languages = theme_languages(config);
        let language = interface_language(&config.language, &languages);
        if !languages.contains(&language) {
            warnings.push(missing_language(config, &languages));
        }
        let lang_file = format!("i18n/{language}.yaml");
        embedded_layer(&DEFAULT_THEME, &mut files, &mut static_files);
        let fallback = DEFAULT_THEME
            .get_file(&lang_file)
            .or_else(|| DEFAULT_THEME.get_file("i18n/sv.yaml"));
        if let Some(f) = fallback {
            merge_strings(
                &mut strings,
                f.contents(),
                &format!("{} (built-in theme)", f.path().display()),
            )?;
        }
        let mut problems: Vec<Error> = Vec::new();
        theme_layer(
            config,
            &lang_file,
            (&mut files, &mut static_files, &mut strings),
            &mut problems,
            &mut warnings,
        )?;
        // The theme's own versions stay reachable as `theme/<name>`, so that a site template
        // can extend the template it replaces: {% extends "theme/page.html" %}.
        let theme_versions: Vec<(String, TemplateFile)> = files
            .iter()
            .map(|(n, f)| (format!("theme/{n}"), f.clone()))
            .collect();
        files.extend(theme_versions);
        problems.extend(disk_layer(&config.root, "templates", &mut files).err());
        combine(problems)?;
        let mut tera = Tera::default();
        tera.set_escape_fn(escape_html);
        // Tera always offers `get_env`: a template from a pull request could publish the
        // CI job's secrets with it. Templates read the site, never the environment.
        tera.register_function("get_env", |_: &HashMap<String, tera::Value>| {
            Err(tera::Error::msg(msg::TEMPLATE_NO_GET_ENV.en))
        });
        register_filters(&mut tera, config);
        let mut raw: Vec<(String, String)> = files
            .iter()
            .map(|(n, f)| (n.clone(), f.text.clone()))
            .collect();
        // A print page takes only the content block of each part's template. For the
        // built-in theme's own templates, where that block is all that lies between the
        // markers, a template rendering only the block (without the sidebar and everything
        // else in `main`) gives the same text for a fraction of the work.
        let print_parts: std::collections::HashSet<String> = PRINTED_TEMPLATES
            .iter()
            .filter(|name| built_in_text(&files, name))
            .map(|name| name.to_string())
            .collect();
        for name in &print_parts {
            raw.push((
                format!("{PRINT_PART}{name}"),
                format!(
                    "{{% extends \"{name}\" %}}{{% block sidebar %}}{{% endblock sidebar %}}\
                     {{% block main %}}<!-- handbok:content -->{{% block content %}}{{{{ super() }}}}\
                     {{% endblock content %}}<!-- /handbok:content -->{{% endblock main %}}"
                ),
            ));
        }
        let own: HashMap<String, Printed> = raw
            .iter()
            .map(|(name, text)| (name.clone(), Printed::of_text(text)))
            .collect();
        tera.add_raw_templates(raw)
            .map_err(|e| Error::Site(vec![tera_diagnostic(&e, &files, None)]))?;
        let chrome = own
            .keys()
            .map(|name| {
                let parents = tera.get_template(name).map(|t| t.parents.as_slice());
                let chain = std::iter::once(name).chain(parents.unwrap_or_default());
                let printed = chain.fold(Printed::default(), |c, t| {
                    c.or(own.get(t).copied().unwrap_or_default())
                });
                (name.clone(), printed)
            })
            .collect();
        let strings = serde_json::to_value(strings).unwrap_or_default();
        let written: Vec<&'static str> = page_html::SHARED
            .iter()
            .all(|name| built_in_text(&files, name))
            .then(|| page_html::WRITTEN.iter().copied())
            .into_iter()
            .flatten()
            .filter(|name| built_in_text(&files, name))
            .collect();
        let page_writer = (!written.is_empty())
            .then(|| {
                page_html::PageWriter::new(&strings, crate::config::is_swedish(&config.language))
            })
            .flatten()
            .map(|w| (w, written));
        let uses_nav_data = files.values().any(|f| mentions_field(&f.text, "nav"));
        let uses_summaries = files.values().any(|f| mentions_field(&f.text, "summary"));
        Ok(Templates {
            tera,
            files,
            static_files,
            strings,
            warnings,
            uses_nav_data,
            uses_summaries,
            print_parts,
            chrome,
            page_writer,
        })
    }

    /// The template that renders only the content block of entry template `name` (between
    /// the print page's markers, as `name` itself does), when there is one.
    pub fn print_part(&self, name: &str) -> Option<String> {
        self.print_parts
            .contains(name)
            .then(|| format!("{PRINT_PART}{name}"))
    }

    /// Which of `header_html` and `footer_html` template `name` prints, itself or through
    /// a template it extends: the others need not be rendered for its pages (an alias page
    /// prints neither; a site's `base.html` from before the partials prints its own).
    pub fn prints_chrome(&self, name: &str) -> Printed {
        self.chrome.get(name).copied().unwrap_or_default()
    }

    /// Template `name` is the built-in theme's own text (no theme or site replaces it, or
    /// one replaces it with the same text).
    pub fn is_built_in(&self, name: &str) -> bool {
        built_in_text(&self.files, name)
    }

    /// The Rust writer of template `name`, when it has one and the site renders with it
    /// (see [`page_html`]).
    pub fn writer_of(&self, name: &str) -> Option<&page_html::PageWriter> {
        let (writer, written) = self.page_writer.as_ref()?;
        written.contains(&name).then_some(writer)
    }

    pub fn has(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }

    /// Template names available, sorted (for suggestions).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Renders `name` with a ready Tera context, as bytes: Tera writes UTF-8 text, and the
    /// pages go to files, so a copy and a UTF-8 check (a few percent of a large build) are
    /// left out.
    /// `what` names the page for an error message, and is only called for one.
    pub fn render_context(
        &self,
        name: &str,
        ctx: &tera::Context,
        what: &dyn Fn() -> String,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(name, ctx, &mut out)
            .map_err(|e| tera_diagnostic(&e, &self.files, Some(&what())))?;
        Ok(out)
    }
}

/// Template `name` among `files` has the built-in theme's text.
fn built_in_text(files: &BTreeMap<String, TemplateFile>, name: &str) -> bool {
    let builtin = DEFAULT_THEME
        .get_file(format!("templates/{name}"))
        .and_then(|f| f.contents_utf8());
    files
        .get(name)
        .is_some_and(|f| builtin == Some(f.text.as_str()))
}

/// `text` with soft hyphens, remembered per thread: the same titles (the main menu's
/// sections, a section's pages) are hyphenated on page after page. The cache is a bound
/// on memory, not on correctness: the result depends on the text alone.
fn hyphenated(text: &str) -> String {
    /// Texts kept per thread before the cache starts again.
    const KEEP: usize = 4096;
    /// Longer texts (not titles: a template may hyphenate a whole body) are not kept.
    const LONGEST: usize = 256;
    if text.len() > LONGEST {
        return crate::markdown::hyphenate::soft_hyphens(text).into_owned();
    }
    thread_local! {
        static DONE: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> = std::cell::RefCell::default();
    }
    DONE.with(|done| {
        let mut done = done.borrow_mut();
        if let Some(found) = done.get(text) {
            return found.clone();
        }
        let made = crate::markdown::hyphenate::soft_hyphens(text).into_owned();
        if done.len() >= KEEP {
            done.clear();
        }
        done.insert(text.to_string(), made.clone());
        made
    })
}

/// The theme's own filters: `hyphenate` puts soft hyphens into the long words of a text
/// (Swedish sites only; elsewhere it returns the text as it is).
fn register_filters(tera: &mut Tera, config: &Config) {
    let swedish = crate::config::is_swedish(&config.language);
    tera.register_filter(
        "hyphenate",
        move |value: &tera::Value, _: &HashMap<String, tera::Value>| match value {
            tera::Value::String(s) if swedish => Ok(tera::Value::String(hyphenated(s))),
            other => Ok(other.clone()),
        },
    );
}

/// The theme's layer, `themes/<name>/`: its templates, static files and interface strings
/// (`lang_file`), added to `into`. Problems with single files go to `problems`; a theme
/// folder that leads out of the site or does not exist is an error at once.
fn theme_layer(
    config: &Config,
    lang_file: &str,
    into: (
        &mut BTreeMap<String, TemplateFile>,
        &mut BTreeMap<String, FileSource>,
        &mut serde_norway::Mapping,
    ),
    problems: &mut Vec<Error>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<()> {
    let (files, static_files, strings) = into;
    let theme = format!("themes/{}", config.theme);
    let theme_dir = config.root.join(&theme);
    if !theme_dir.is_dir() {
        if config.theme == DEFAULT_THEME_NAME {
            return Ok(());
        }
        return Err(Error::Config(Box::new(
            Diagnostic::error(text!(msg::THEME_NOT_FOUND, config.theme))
                .in_file(crate::config::CONFIG_FILE)
                .at_line(theme_line(&config.root))
                .with_hint(&msg::HINT_THEME_NOT_FOUND),
        )));
    }
    let inside = Inside::site(&config.root);
    if let Some(d) = inside.check(&theme_dir) {
        return Err(Error::Site(vec![d.in_file(&theme)]));
    }
    problems.extend(disk_layer(&config.root, &format!("{theme}/templates"), files).err());
    let theme_static = format!("{theme}/static");
    problems.extend(collect_static(&config.root, &theme_static, static_files, warnings).err());
    let shown = format!("{theme}/{lang_file}");
    match read_inside(&inside, &config.root.join(&shown), &shown) {
        Ok(Some(bytes)) => merge_strings(strings, &bytes, &shown)?,
        Ok(None) => {}
        Err(e) => problems.push(e),
    }
    Ok(())
}

/// The languages the theme has interface texts in (`i18n/<language>.yaml`): the built-in
/// theme's and those of `themes/<name>/i18n/`.
fn theme_languages(config: &Config) -> std::collections::BTreeSet<String> {
    let yaml_stem = |name: &str| name.strip_suffix(".yaml").map(str::to_string);
    let built_in = DEFAULT_THEME.get_dir("i18n").into_iter().flat_map(|d| {
        d.files()
            .filter_map(|f| yaml_stem(&f.path().file_name()?.to_string_lossy()))
    });
    let folder = config.root.join(format!("themes/{}/i18n", config.theme));
    // Only the names are read here, and only inside the site; the file of the site's
    // language is read through the checks of `theme_layer`.
    let inside = Inside::site(&config.root).check(&folder).is_none();
    let own = std::fs::read_dir(folder)
        .into_iter()
        .filter(|_| inside)
        .flatten()
        .flatten()
        .filter_map(|e| yaml_stem(&e.file_name().to_string_lossy()));
    built_in.chain(own).collect()
}

/// The language whose interface texts pages in `language` get: the tag itself, else its
/// language alone (`sv` for `sv-SE`) when the theme has that. Swedish when neither is there
/// (the built-in texts).
fn interface_language(language: &str, languages: &std::collections::BTreeSet<String>) -> String {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or(language)
        .to_ascii_lowercase();
    if !languages.contains(language) && languages.contains(&primary) {
        primary
    } else {
        language.to_string()
    }
}

/// The warning that the theme has no interface texts in the site's `language:`, at its line.
fn missing_language(config: &Config, languages: &std::collections::BTreeSet<String>) -> Diagnostic {
    use crate::messages as msg;
    let have = languages.iter().map(String::as_str).collect::<Vec<_>>();
    let file = format!("themes/{}/i18n/{}.yaml", config.theme, config.language);
    let d = Diagnostic::warning(crate::text!(
        msg::THEME_LANGUAGE_MISSING,
        have.join(", "),
        config.language
    ))
    .in_file(crate::config::CONFIG_FILE)
    .with_hint(crate::text!(msg::HINT_THEME_LANGUAGE, file));
    match config.language_line {
        Some(line) => d.at_line(line),
        None => d,
    }
}

/// Whether template source reads the field `name` of some value: `x.name` (not
/// `x.name_more`) or `x["name"]`.
fn mentions_field(text: &str, name: &str) -> bool {
    let dotted = format!(".{name}");
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(&dotted)
        .any(|(i, m)| !text[i + m.len()..].starts_with(ident))
        || text.contains(&format!("[\"{name}\"]"))
        || text.contains(&format!("['{name}']"))
}

fn embedded_layer(
    dir: &'static Dir<'static>,
    files: &mut BTreeMap<String, TemplateFile>,
    statics: &mut BTreeMap<String, FileSource>,
) {
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for f in d.files() {
            let path = f.path().to_string_lossy().replace('\\', "/");
            if let Some(name) = path.strip_prefix("templates/") {
                if let Some(text) = f.contents_utf8() {
                    let shown = format!("{name} (built-in theme)");
                    files.insert(
                        name.to_string(),
                        TemplateFile {
                            shown,
                            text: text.to_string(),
                        },
                    );
                }
            } else if let Some(rel) = path.strip_prefix("static/") {
                statics.insert(rel.to_string(), FileSource::Embedded(f.contents()));
            }
        }
        stack.extend(d.dirs());
    }
}

/// Reads the templates under `rel` (a folder of the site, e.g. `templates`) by their path
/// in it; hidden files are left out.
fn disk_layer(root: &Path, rel: &str, files: &mut BTreeMap<String, TemplateFile>) -> Result<()> {
    let walked = inside::walk(&root.join(rel), Path::new(rel), &Inside::site(root), true);
    if !walked.diagnostics.is_empty() {
        return Err(Error::Site(walked.diagnostics));
    }
    for found in walked.files() {
        let text = std::fs::read_to_string(&found.path)
            .map_err(|e| Error::io(IoAction::Read, &found.path, e))?;
        let shown = format!("{rel}/{}", found.rel);
        files.insert(found.rel.clone(), TemplateFile { shown, text });
    }
    Ok(())
}

/// Adds the files under `rel` (a folder of the site at `root`: `static` or a theme's
/// `themes/<name>/static`) by their path in it, hidden ones included (`.well-known/`) but
/// not those that are never published (`Thumbs.db`, `~$rapport.docx`): `left_out` gets a
/// warning for each of them.
pub fn collect_static(
    root: &Path,
    rel: &str,
    out: &mut BTreeMap<String, FileSource>,
    left_out: &mut Vec<Diagnostic>,
) -> Result<()> {
    let mut walked = inside::walk(&root.join(rel), Path::new(rel), &Inside::site(root), false);
    // Lock files, thumbnail caches and the like are never published.
    left_out.append(&mut walked.left_out);
    if !walked.diagnostics.is_empty() {
        return Err(Error::Site(walked.diagnostics));
    }
    for found in walked.files() {
        out.insert(found.rel.clone(), FileSource::Disk(found.path.clone()));
    }
    Ok(())
}

/// All the site errors of `problems` as one, or the first error of another kind.
fn combine(problems: Vec<Error>) -> Result<()> {
    let mut diagnostics = Vec::new();
    for problem in problems {
        match problem {
            Error::Site(d) => diagnostics.extend(d),
            other => return Err(other),
        }
    }
    match diagnostics.is_empty() {
        true => Ok(()),
        false => Err(Error::Site(diagnostics)),
    }
}

/// The bytes of the optional file at `path` (`shown` in messages), which must resolve
/// inside the site and be an ordinary file; `None` when there is no such file.
fn read_inside(inside: &Inside, path: &Path, shown: &str) -> Result<Option<Vec<u8>>> {
    if path.symlink_metadata().is_err() {
        return Ok(None);
    }
    inside
        .check_file(path, Path::new(shown))
        .map_err(|d| Error::Site(vec![d]))?;
    std::fs::read(path)
        .map(Some)
        .map_err(|e| Error::io(IoAction::Read, path, e))
}

fn merge_strings(into: &mut serde_norway::Mapping, bytes: &[u8], shown: &str) -> Result<()> {
    let text = String::from_utf8_lossy(bytes);
    // The same reader as every other YAML an editor writes: alias budget, tab hint.
    let map: serde_norway::Mapping =
        crate::yaml::from_str(&text, 0).map_err(|d| Error::Config(Box::new(d.in_file(shown))))?;
    for (k, v) in map {
        into.insert(k, v);
    }
    Ok(())
}

/// Turns a Tera error into a diagnostic naming the template (its file and line) and the page
/// being rendered (`what`), with Tera's own detail after them.
fn tera_diagnostic(
    e: &tera::Error,
    files: &BTreeMap<String, TemplateFile>,
    what: Option<&str>,
) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let full = chain.join("\n");
    // The deepest message that names a template is the one that failed.
    let name = chain
        .iter()
        .rev()
        .find_map(|m| quoted_template(m, files))
        .unwrap_or_default();
    let file = files.get(&name);
    let position = parse_error_position(&full).or_else(|| {
        let needle = chain
            .iter()
            .rev()
            .find_map(|m| m.split('`').nth(1).map(str::to_string))?;
        let text = &file?.text;
        let expr = needle
            .split(['(', ' '])
            .next()
            .unwrap_or(&needle)
            .to_string();
        text.lines()
            .position(|l| l.contains(&expr))
            .map(|i| Position::new(i + 1, 1))
    });
    let last = chain
        .iter()
        .map(|m| m.trim())
        .rfind(|m| !m.is_empty())
        .unwrap_or(&full);
    let (syntax, detail) = match last.lines().find_map(|l| l.trim().strip_prefix("= ")) {
        Some(expected) => (true, expected),
        None => (false, last),
    };
    // Tera's detail is its own English; handbok's refusal of `get_env` has a text of its own.
    let detail: Value = if detail == msg::TEMPLATE_NO_GET_ENV.en {
        Text::from(&msg::TEMPLATE_NO_GET_ENV).into()
    } else {
        detail.into()
    };
    let line = position.map(|p| p.line);
    let message = match (name.as_str(), what, line) {
        ("", Some(page), _) => text!(msg::TEMPLATE_FAILED_UNNAMED, page, detail),
        ("", None, _) => text!(msg::TEMPLATE_BROKEN_UNNAMED, detail),
        (name, Some(page), Some(line)) => {
            text!(msg::TEMPLATE_FAILED_AT_LINE, name, line, page, detail)
        }
        (name, Some(page), None) => text!(msg::TEMPLATE_FAILED, name, page, detail),
        (name, None, Some(line)) if syntax => {
            text!(msg::TEMPLATE_SYNTAX_AT_LINE, name, line, detail)
        }
        (name, None, None) if syntax => text!(msg::TEMPLATE_SYNTAX, name, detail),
        (name, None, Some(line)) => text!(msg::TEMPLATE_BROKEN_AT_LINE, name, line, detail),
        (name, None, None) => text!(msg::TEMPLATE_BROKEN, name, detail),
    };
    let hint = if full.contains("Circular extend") {
        text!(msg::HINT_TEMPLATE_EXTENDS_ITSELF, name)
    } else {
        Text::from(&msg::HINT_TEMPLATE)
    };
    let mut d = Diagnostic::error(message).with_hint(hint);
    d.file = Some(PathBuf::from(
        file.map_or(name.clone(), |f| f.shown.clone()),
    ));
    d.position = position;
    d
}

fn quoted_template(message: &str, files: &BTreeMap<String, TemplateFile>) -> Option<String> {
    for quote in ['\'', '"'] {
        for (i, part) in message.split(quote).enumerate() {
            if i % 2 == 1 && files.contains_key(part) {
                return Some(part.to_string());
            }
        }
    }
    None
}

/// Finds ` --> line:col` in a Tera/pest parse error.
fn parse_error_position(message: &str) -> Option<Position> {
    let i = message.find("--> ")?;
    let rest = &message[i + 4..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(rest.len());
    let (line, col) = rest[..end].split_once(':')?;
    Some(Position::new(line.parse().ok()?, col.parse().ok()?))
}

/// The line of `theme:` in the site's `handbok.yaml` (1 when it cannot be read again).
fn theme_line(root: &Path) -> usize {
    std::fs::read_to_string(root.join(crate::config::CONFIG_FILE))
        .ok()
        .and_then(|text| crate::config::key_line(&text, "theme"))
        .unwrap_or(1)
}
