//! Time as milliseconds since the Unix epoch (UTC), written as RFC 3339 the
//! way Partner Center writes it (`2018-06-14T00:00:00.000Z`), and ISO 8601
//! durations (`P730D`, as Microsoft Graph writes a relationship's length).
//! Parsing is jiff's: an impossible date (`2018-02-31`) is refused, not
//! rolled over.

use jiff::{Span, SpanRelativeTo, Timestamp, Unit};

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Millis = i64;

/// One day in milliseconds.
pub const DAY: Millis = 86_400_000;

/// Now, from the platform's clock (the JavaScript clock in the browser).
pub fn now_ms() -> Millis {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as Millis
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as Millis)
    }
}

/// Formats as `YYYY-MM-DDTHH:MM:SS.mmmZ` (times outside jiff's range, which
/// no caller makes, clamp to its bounds).
pub fn to_rfc3339(ms: Millis) -> String {
    let t = Timestamp::from_millisecond(ms).unwrap_or(if ms < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    });
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The date part only, `YYYY-MM-DD`.
pub fn to_date(ms: Millis) -> String {
    to_rfc3339(ms)[..10].to_string()
}

/// Parses an RFC 3339 timestamp in UTC (`Z`); `None` for anything else,
/// impossible dates included.
pub fn parse_rfc3339(s: &str) -> Option<Millis> {
    if !s.ends_with('Z') || s.len() < 20 {
        return None;
    }
    s.parse::<Timestamp>().ok().map(|t| t.as_millisecond())
}

/// An ISO 8601 duration of whole days (`P1D` … `P730D`, `P2Y`): its length
/// in days, counted from `from` (years and months have their calendar
/// length); `None` when it is not one or has a time part.
pub fn duration_days(iso: &str, from: Millis) -> Option<i64> {
    // jiff also reads its friendly form ("730 days"); the contract speaks ISO.
    if !iso.starts_with('P') {
        return None;
    }
    let span: Span = iso.parse().ok()?;
    if span.get_hours() != 0
        || span.get_minutes() != 0
        || span.get_seconds() != 0
        || span.get_milliseconds() != 0
        || span.is_negative()
    {
        return None;
    }
    let start = Timestamp::from_millisecond(from)
        .ok()?
        .to_zoned(jiff::tz::TimeZone::UTC);
    let days = span.total((Unit::Day, SpanRelativeTo::from(&start))).ok()?;
    (days.fract() == 0.0).then_some(days as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses() {
        assert_eq!(to_rfc3339(0), "1970-01-01T00:00:00.000Z");
        let t = parse_rfc3339("2018-06-14T00:00:00.000Z").unwrap();
        assert_eq!(to_rfc3339(t), "2018-06-14T00:00:00.000Z");
        assert_eq!(
            parse_rfc3339("2024-02-29T23:59:59Z")
                .map(to_rfc3339)
                .unwrap(),
            "2024-02-29T23:59:59.000Z"
        );
        assert_eq!(
            parse_rfc3339("2026-11-26T10:00:00.123Z")
                .map(to_rfc3339)
                .unwrap(),
            "2026-11-26T10:00:00.123Z"
        );
        assert_eq!(parse_rfc3339("2018-06-14"), None);
        assert_eq!(parse_rfc3339("2018-13-14T00:00:00Z"), None);
        assert_eq!(to_date(t), "2018-06-14");
    }

    #[test]
    fn impossible_dates_are_refused_not_rolled_over() {
        assert_eq!(parse_rfc3339("2018-02-31T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("2023-02-29T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("2018-06-14T24:00:00Z"), None);
        assert_eq!(parse_rfc3339("2018-06-14T10:00:00+02:00"), None, "UTC only");
    }

    #[test]
    fn iso_durations_read_in_days() {
        let from = parse_rfc3339("2026-01-01T00:00:00Z").unwrap();
        assert_eq!(duration_days("P730D", from), Some(730));
        assert_eq!(duration_days("P1D", from), Some(1));
        assert_eq!(duration_days("P2Y", from), Some(730));
        assert_eq!(duration_days("PT0S", from), Some(0));
        assert_eq!(duration_days("PT12H", from), None);
        assert_eq!(duration_days("730 days", from), None);
        assert_eq!(duration_days("P", from), None);
    }
}
