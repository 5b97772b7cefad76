//! Dates as editors write them (front matter, `handbok.yaml`): `YYYY-MM-DD` or RFC 3339,
//! kept with the form machines are shown (sitemap, feeds). Shared by the configuration and
//! the content stages.

/// A date from front matter or the configuration: a calendar date, optionally with a time
/// and offset.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateValue {
    pub date: chrono::NaiveDate,
    /// As it will be shown to machines (sitemap, feeds): `YYYY-MM-DD` or RFC 3339.
    pub iso: String,
}

/// Templates see the date as machines do.
impl serde::Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso)
    }
}

/// Parses `YYYY-MM-DD`, or an RFC 3339 date-time (`2021-12-09T10:00:00+01:00`).
pub fn parse_date(s: &str) -> Option<DateValue> {
    if let Ok(date) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        if s.len() == 10 {
            return Some(DateValue {
                date,
                iso: date.format("%Y-%m-%d").to_string(),
            });
        }
    }
    let dt = chrono::DateTime::parse_from_rfc3339(s).ok()?;
    Some(DateValue {
        date: dt.date_naive(),
        iso: dt.to_rfc3339(),
    })
}
