//! Network meetings (`meeting:` in front matter): when and where a network meets, its theme,
//! and agenda items that link to handbook pages.

use serde::Serialize;
use serde_norway::Value;

use super::fields::Block;
use super::frontmatter::DateValue;
use crate::error::Diagnostic;
use crate::messages as msg;
use crate::text;

const MEETING_FIELDS: &[&str] = &[
    "network", "date", "start", "end", "place", "theme", "agenda",
];
const AGENDA_FIELDS: &[&str] = &["text", "link"];

/// A network meeting.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Meeting {
    /// The network's page, written as a link (`../natverken/social-hallbarhet.md`).
    pub network: String,
    pub date: DateValue,
    /// `HH:MM`, local time (Europe/Stockholm).
    pub start: Option<String>,
    pub end: Option<String>,
    pub place: Option<String>,
    pub theme: Option<String>,
    pub agenda: Vec<AgendaItem>,
    /// File lines of `network` and of each agenda item's `link`, for link errors.
    #[serde(skip)]
    pub lines: MeetingLines,
}

/// Where the links of a meeting stand in its file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingLines {
    pub network: usize,
    pub agenda: Vec<usize>,
}

/// One agenda item.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgendaItem {
    pub text: String,
    /// A link to a handbook page, written as in Markdown (`../styrgrupp/anvisningar.md#mandat`).
    pub link: Option<String>,
}

/// Parses a `meeting:` block.
pub fn parse(block: &Block<'_>, value: Value) -> Result<Meeting, Vec<Diagnostic>> {
    let map = block
        .mapping(value, "network: ../natverken/social-hallbarhet.md")
        .map_err(|d| vec![d])?;
    let mut errors = Vec::new();
    block.check_keys(&map, MEETING_FIELDS, 0, &mut errors);
    let mut required = |key: &str, hint: &'static msg::Message| match block.text(&map, key, 0) {
        Ok(Some(v)) => Some(v),
        Ok(None) => {
            errors.push(block.error("meeting", 0, text!(msg::MEETING_MISSING, key), hint));
            None
        }
        Err(d) => {
            errors.push(d);
            None
        }
    };
    let network = required("network", &msg::HINT_MEETING_NETWORK);
    let date = match block.date(&map, "date", 0) {
        Ok(Some(d)) => Some(d),
        Ok(None) => {
            errors.push(block.error(
                "meeting",
                0,
                text!(msg::MEETING_MISSING, "date"),
                &msg::HINT_MEETING_DATE,
            ));
            None
        }
        Err(d) => {
            errors.push(d);
            None
        }
    };
    let mut time = |key: &str| match block.text(&map, key, 0) {
        Ok(Some(t)) if is_time(&t) => Some(t),
        Ok(Some(t)) => {
            errors.push(block.error(
                key,
                0,
                text!(msg::NOT_A_TIME, key, t),
                text!(msg::HINT_TIME, key),
            ));
            None
        }
        Ok(None) => None,
        Err(d) => {
            errors.push(d);
            None
        }
    };
    let start = time("start");
    let end = time("end");
    if let (Some(s), Some(e)) = (&start, &end) {
        if e <= s {
            errors.push(block.error(
                "end",
                0,
                text!(msg::MEETING_ENDS_BEFORE_START, e, s),
                &msg::HINT_START_AND_END,
            ));
        }
    }
    if end.is_some() && start.is_none() {
        errors.push(block.error(
            "end",
            0,
            &msg::MEETING_END_WITHOUT_START,
            &msg::HINT_ADD_START,
        ));
    }
    let place = block.text(&map, "place", 0).unwrap_or_else(|d| {
        errors.push(d);
        None
    });
    let theme = block.text(&map, "theme", 0).unwrap_or_else(|d| {
        errors.push(d);
        None
    });
    let agenda = agenda(block, map.get("agenda"), &mut errors);
    let lines = MeetingLines {
        network: block.line("network", 0),
        agenda: (0..agenda.len())
            .map(|i| block.for_item("agenda", i).line("link", 0))
            .collect(),
    };
    match (network, date) {
        (Some(network), Some(date)) if errors.is_empty() => Ok(Meeting {
            network,
            date,
            start,
            end,
            place,
            theme,
            agenda,
            lines,
        }),
        _ => Err(errors),
    }
}

fn agenda(
    block: &Block<'_>,
    value: Option<&Value>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<AgendaItem> {
    let items = match value {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Sequence(items)) => items,
        Some(_) => {
            errors.push(block.error("agenda", 0, &msg::AGENDA_NOT_A_LIST, &msg::HINT_AGENDA_LIST));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::String(text) => out.push(AgendaItem {
                text: text.trim().to_string(),
                link: None,
            }),
            Value::Mapping(m) => {
                let item = block.for_item("agenda", i);
                item.check_keys(m, AGENDA_FIELDS, 0, errors);
                match (item.text(m, "text", 0), item.text(m, "link", 0)) {
                    (Ok(Some(text)), Ok(link)) => out.push(AgendaItem { text, link }),
                    (Ok(None), _) => errors.push(item.error(
                        "text",
                        0,
                        text!(msg::AGENDA_ITEM_NO_TEXT, i + 1),
                        &msg::HINT_AGENDA_ITEM,
                    )),
                    (Err(d), _) | (_, Err(d)) => errors.push(d),
                }
            }
            _ => errors.push(block.for_item("agenda", i).error(
                "text",
                0,
                text!(msg::AGENDA_ITEM_NOT_TEXT, i + 1),
                &msg::HINT_AGENDA_ITEM,
            )),
        }
    }
    out
}

fn is_time(t: &str) -> bool {
    chrono::NaiveTime::parse_from_str(t, "%H:%M").is_ok() && t.len() == 5
}
