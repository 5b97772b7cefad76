//! A network's meetings as an iCalendar feed (`<network page>/moten.ics`).

use crate::output::ical::{self, Event};
use crate::site::Site;
use crate::slug::slugify;

/// The calendar of the network page `network` with its `meetings` (in date order).
pub fn network_calendar(site: &Site, network: usize, meetings: &[usize]) -> String {
    let events: Vec<Event> = meetings.iter().filter_map(|id| event(site, *id)).collect();
    let name = format!("{} – {}", site.entries[network].title(), site.config.title);
    ical::calendar(&name, &events)
}

fn event(site: &Site, id: usize) -> Option<Event> {
    let e = &site.entries[id];
    let f = &e.source.front;
    let m = f.meeting.as_ref()?;
    let at = |time: &Option<String>| {
        time.as_deref()
            .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok())
            .map(|t| m.date.date.and_time(t))
    };
    let midnight = m.date.date.and_time(chrono::NaiveTime::MIN);
    let start = at(&m.start);
    let mut description: Vec<String> = m.theme.iter().map(|t| format!("Tema: {t}")).collect();
    description.extend(
        m.agenda
            .iter()
            .enumerate()
            .map(|(i, a)| format!("{}. {}", i + 1, a.text)),
    );
    // Stable across builds and days: the page's own dates, else the meeting day.
    let stamp = f
        .updated
        .as_ref()
        .or(f.date.as_ref())
        .map_or(midnight, |d| d.date.and_time(chrono::NaiveTime::MIN));
    Some(Event {
        uid: format!("{}@{}", slugify(&e.path), slugify(&site.config.title)),
        stamp,
        start: start.unwrap_or(midnight),
        end: at(&m.end),
        all_day: start.is_none(),
        summary: e.title().to_string(),
        location: m.place.clone(),
        description: (!description.is_empty()).then(|| description.join("\n")),
        url: site
            .config
            .absolute_base_url()
            .then(|| site.config.permalink(&e.path)),
    })
}
