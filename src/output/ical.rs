//! iCalendar (RFC 5545) feeds of network meetings: one `.ics` file per network that staff
//! can subscribe to. Pure and deterministic: the same events always give the same bytes.

use chrono::{Days, NaiveDateTime};

/// The time zone every local time in a feed is given in.
pub const TZID: &str = "Europe/Stockholm";

/// The longest content line in octets, excluding the CRLF (RFC 5545 section 3.1).
const MAX_OCTETS: usize = 75;

/// Europe/Stockholm as CET/CEST with the EU rules since 1996: summer time from the last
/// Sunday of March 02:00 local, standard time from the last Sunday of October 03:00 local.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "X-LIC-LOCATION:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// One meeting as a calendar event. Times are local wall-clock times in Europe/Stockholm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across builds, e.g. `natverken-social-hallbarhet-moten-2026-12-03@handbok`.
    pub uid: String,
    /// DTSTAMP, in UTC; the caller passes something deterministic (not the clock).
    pub stamp: NaiveDateTime,
    /// Local Stockholm time (only the date is used when `all_day`).
    pub start: NaiveDateTime,
    /// Local end. `None` omits DTEND (no default length is invented). For an all-day event
    /// its date is the last day, inclusive. An end not after the start is omitted as well.
    pub end: Option<NaiveDateTime>,
    /// The meeting has no time of day: DTSTART;VALUE=DATE.
    pub all_day: bool,
    pub summary: String,
    pub location: Option<String>,
    /// May contain newlines (agenda items).
    pub description: Option<String>,
    pub url: Option<String>,
}

/// A whole calendar named `name`: the VCALENDAR header, one VTIMEZONE for Europe/Stockholm,
/// then one VEVENT per event in the given order. Lines end in CRLF and are folded at 75 octets.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//handbok//handbok//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(name)));
    push_line(&mut out, &format!("X-WR-TIMEZONE:{TZID}"));
    for line in VTIMEZONE {
        push_line(&mut out, line);
    }
    for event in events {
        write_event(&mut out, event);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn write_event(out: &mut String, e: &Event) {
    let tz = format!("TZID={}", param_value(TZID));
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape_text(&e.uid)),
        format!("DTSTAMP:{}", e.stamp.format("%Y%m%dT%H%M%SZ")),
    ];
    if e.all_day {
        let (start, end) = (e.start.date(), e.end.map(|end| end.date()));
        lines.push(format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")));
        // DTEND of a date is exclusive: the day after the last day.
        if let Some(after) = end
            .filter(|end| *end > start)
            .and_then(|d| d.checked_add_days(Days::new(1)))
        {
            lines.push(format!("DTEND;VALUE=DATE:{}", after.format("%Y%m%d")));
        }
    } else {
        lines.push(format!("DTSTART;{tz}:{}", e.start.format("%Y%m%dT%H%M%S")));
        if let Some(end) = e.end.filter(|end| *end > e.start) {
            lines.push(format!("DTEND;{tz}:{}", end.format("%Y%m%dT%H%M%S")));
        }
    }
    lines.push(format!("SUMMARY:{}", escape_text(&e.summary)));
    if let Some(location) = &e.location {
        lines.push(format!("LOCATION:{}", escape_text(location)));
    }
    if let Some(description) = &e.description {
        lines.push(format!("DESCRIPTION:{}", escape_text(description)));
    }
    if let Some(url) = &e.url {
        lines.push(format!("URL:{}", uri(url)));
    }
    lines.push("END:VEVENT".to_string());
    for line in &lines {
        push_line(out, line);
    }
}

/// Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma get a
/// backslash, any newline (LF, CRLF or CR) becomes `\n`, a tab becomes a space and other
/// control characters are dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: control characters are dropped; spaces and non-ASCII characters, which a URI
/// cannot hold, are percent-encoded as UTF-8.
fn uri(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars().filter(|c| !c.is_control()) {
        if c.is_ascii() && c != ' ' {
            out.push(c);
        } else {
            c.encode_utf8(&mut [0; 4]).bytes().for_each(|b| {
                out.push_str(&format!("%{b:02X}"));
            });
        }
    }
    out
}

/// A property parameter value (RFC 5545 section 3.2): double quotes and control characters
/// cannot be represented and are dropped; the value is quoted if it holds `:`, `;` or `,`.
pub fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Appends `line` folded at 75 octets, never inside a UTF-8 character; each continuation
/// line starts with one space, which counts towards its 75 octets.
fn push_line(out: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > MAX_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        octets += c.len_utf8();
        out.push(c);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate, Weekday};
    use icalendar::parser::{read_calendar, unfold, Component};

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|date| date.and_hms_opt(h, min, 0))
            .expect("valid test date")
    }

    fn event(uid: &str, summary: &str) -> Event {
        Event {
            uid: uid.to_string(),
            stamp: at(2026, 1, 1, 0, 0),
            start: at(2026, 12, 3, 13, 0),
            end: Some(at(2026, 12, 3, 15, 30)),
            all_day: false,
            summary: summary.to_string(),
            location: Some("Stadshuset, sal 3; plan 2".to_string()),
            description: Some("Agenda:\n1. Välkomna\r\n2. C:\\mål, uppföljning".to_string()),
            url: Some("https://example.se/natverk/möten/".to_string()),
        }
    }

    fn sample() -> Vec<Event> {
        let mut days = event("b@handbok", "Heldag: Hållbarhetsdagen");
        (days.all_day, days.end) = (true, Some(at(2026, 12, 5, 0, 0)));
        let mut open = event("c@handbok", "Öppet möte utan sluttid");
        (open.end, open.location, open.description, open.url) = (None, None, None, None);
        let mut day = event("d@handbok", "En dag");
        (day.all_day, day.end) = (true, Some(at(2026, 12, 3, 16, 0)));
        let first = event("a@handbok", "Tema: å, ä; ö \\ och\nny rad");
        vec![first, days, open, day]
    }

    /// The value of `name` (empty if absent) and its parameters as `;KEY=VAL…`.
    fn prop(c: &Component<'_>, name: &str) -> (String, String) {
        let Some(p) = c.find_prop(name) else {
            return Default::default();
        };
        let params = p.params.iter().map(|x| {
            let val = x.val.as_ref().map(|v| v.to_string()).unwrap_or_default();
            format!(";{}={val}", x.key)
        });
        (p.val.to_string(), params.collect())
    }

    #[test]
    fn parses_and_round_trips_with_a_real_parser() {
        let events = sample();
        let text = calendar("Nätverket, social hållbarhet", &events);
        assert!(text.contains("\r\nX-WR-CALNAME:Nätverket\\, social hållbarhet\r\n"));
        let unfolded = unfold(&text);
        let cal = read_calendar(&unfolded).expect("valid iCalendar");
        let calname = cal.properties.iter().find(|p| p.name == "X-WR-CALNAME");
        let calname = calname.map(|p| p.val.as_str());
        assert_eq!(calname, Some("Nätverket, social hållbarhet"));
        let named = |name: &'static str| cal.components.iter().filter(move |c| c.name == name);
        assert_eq!(named("VTIMEZONE").count(), 1);
        let vevents: Vec<_> = named("VEVENT").collect();
        assert_eq!(vevents.len(), events.len());
        for (parsed, original) in vevents.iter().zip(&events) {
            assert_eq!(prop(parsed, "UID").0, original.uid);
            assert_eq!(prop(parsed, "SUMMARY").0, original.summary);
            assert_eq!(prop(parsed, "DTSTAMP").0, "20260101T000000Z");
            assert!(prop(parsed, "DURATION").0.is_empty());
        }
        let ev = vevents[0];
        assert_eq!(prop(ev, "LOCATION").0, "Stadshuset, sal 3; plan 2");
        let agenda = "Agenda:\n1. Välkomna\n2. C:\\mål, uppföljning";
        assert_eq!(prop(ev, "DESCRIPTION").0, agenda);
        let url = "https://example.se/natverk/m%C3%B6ten/";
        assert_eq!(prop(ev, "URL").0, url);
        let local = |t: &str| (t.to_string(), format!(";TZID={TZID}"));
        assert_eq!(prop(ev, "DTSTART"), local("20261203T130000"));
        assert_eq!(prop(ev, "DTEND"), local("20261203T153000"));
        let date = |d: &str| (d.to_string(), ";VALUE=DATE".to_string());
        assert_eq!(prop(vevents[1], "DTSTART"), date("20261203"));
        assert_eq!(prop(vevents[1], "DTEND"), date("20261206"));
        assert_eq!(prop(vevents[2], "DTSTART"), local("20261203T130000"));
        assert_eq!(prop(vevents[2], "DTEND"), Default::default());
        assert_eq!(prop(vevents[2], "LOCATION"), Default::default());
        assert_eq!(prop(vevents[3], "DTSTART"), date("20261203"));
        assert_eq!(prop(vevents[3], "DTEND"), Default::default());
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let long = "åäö".repeat(40) + " ÅÄÖ;,\\ slut";
        let mut e = event("lång@handbok", &long);
        e.description = Some("x".repeat(300));
        let text = calendar(&long, &[e]);
        assert!(text.lines().count() > 30);
        for line in text.as_bytes().split(|b| *b == b'\n') {
            assert!(line.len() <= MAX_OCTETS + 1, "too long: {line:?}");
            assert!(std::str::from_utf8(line).is_ok(), "split: {line:?}");
        }
        assert!(text.contains("\r\n å") || text.contains("\r\n ä") || text.contains("\r\n ö"));
        let unfolded = unfold(&text);
        let cal = read_calendar(&unfolded).expect("valid iCalendar");
        let vevent = cal.components.iter().find(|c| c.name == "VEVENT");
        assert_eq!(vevent.map(|e| prop(e, "SUMMARY").0), Some(long));
    }

    #[test]
    fn crlf_everywhere_and_deterministic() {
        let text = calendar("Nätverk", &sample());
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
        assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
        assert_eq!(text, calendar("Nätverk", &sample()));
        assert_ne!(text, calendar("Nätverk", &sample()[..2]));
    }

    #[test]
    fn escapes_text_and_parameters() {
        let escaped = escape_text("a\\b;c,d\ne\r\nf\rg\th\u{7}i");
        assert_eq!(escaped, "a\\\\b\\;c\\,d\\ne\\nf\\ng hi");
        // RFC 5545 TEXT holds no control character (CONTROL is %x00-08 / %x0A-1F / %x7F).
        let controls = "\u{0}\u{1}\u{7}\u{B}\u{C}\u{1F}\u{7F}";
        assert_eq!(escape_text(&format!("Mål{controls}!")), "Mål!");
        assert_eq!(param_value(&format!("Sal{controls} 3")), "Sal 3");
        assert_eq!(
            uri(&format!("https://example.se/{controls}a")),
            "https://example.se/a"
        );
        assert_eq!(param_value(TZID), "Europe/Stockholm");
        assert_eq!(param_value("Sal 3: \"plan\" 2"), "\"Sal 3: plan 2\"");
        let mut e = event("x@handbok", "a");
        e.url = Some("https://example.se/å ä\r\nX-EVIL:1".to_string());
        let url = "URL:https://example.se/%C3%A5%20%C3%A4X-EVIL:1\r\n";
        assert!(calendar("n", &[e]).contains(url));
    }

    #[test]
    fn timezone_rules_start_on_the_last_sunday() {
        let text = calendar("n", &[]);
        for (date, month) in [("19700329", 3), ("19701025", 10)] {
            assert!(text.contains(&format!("DTSTART:{date}T0")));
            let rule = format!("RRULE:FREQ=YEARLY;BYMONTH={month};BYDAY=-1SU");
            assert!(text.contains(&rule));
            let day = NaiveDate::parse_from_str(date, "%Y%m%d").expect("date");
            assert_eq!((day.weekday(), day.month()), (Weekday::Sun, month));
            assert!((day + Days::new(7)).month() != month, "{date} not last");
        }
        assert!(text.contains("TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000"));
        assert!(text.contains("TZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000"));
    }
}
