//! `aktiviteter.csv`: every strategic position and activity of every action plan, one row
//! each, for follow-up work in a spreadsheet. RFC 4180 quoting, UTF-8 with a byte order mark
//! (so that spreadsheet programs read å, ä and ö right), CRLF line ends. A text that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) starts with `'`.

use crate::site::Site;

/// The CSV header, in Swedish as the handbook's users read it.
pub const HEADER: [&str; 5] = [
    "Nämnd/förvaltning",
    "Fokusområde",
    "Fokusområdets namn",
    "Typ",
    "Text",
];

/// The export, rows ordered by committee (Swedish order), focus area number, positions
/// before activities, then as written in the plan.
pub fn activities_csv(site: &Site) -> Result<Vec<u8>, csv::Error> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(HEADER)?;
        for (committee, id) in &site.matrix.committees {
            let Some(plan) = &site.entries[*id].source.front.action_plan else {
                continue;
            };
            let mut areas: Vec<_> = plan.focus_areas.iter().collect();
            areas.sort_by_key(|a| a.number);
            for a in areas {
                let number = a.number.to_string();
                let rows = a
                    .positions
                    .iter()
                    .map(|t| ("Strategiskt ställningstagande", t))
                    .chain(a.activities.iter().map(|t| ("Aktivitet/åtgärd", t)));
                for (kind, text) in rows {
                    w.write_record([
                        cell(committee).as_ref(),
                        &number,
                        &cell(&a.name),
                        kind,
                        &cell(text),
                    ])?;
                }
            }
        }
        w.flush()?;
    }
    Ok(out)
}

/// A text cell that a spreadsheet program shows as text: one starting with a formula
/// character (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, carriage return) gets a leading `'`.
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}
