//! Input validation shared by the UI (messages next to fields) and the mock
//! backend (400 errors naming the field).

/// The longest free-text value any field accepts.
pub const MAX_TEXT: usize = 200;
/// The longest email body accepted.
pub const MAX_BODY: usize = 20_000;

/// What is wrong with a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// Empty where a value is needed.
    Required,
    /// Longer than allowed.
    TooLong(usize),
    /// Not an email address.
    NotAnEmail,
    /// Not a domain name.
    NotADomain,
    /// Not a phone number.
    NotAPhone,
    /// Not a country code this app knows.
    UnknownCountry,
    /// Not a whole number of seats within [`SEATS`].
    NotASeatCount,
}

/// The seats an order or a change may ask for. Partner Center bounds each
/// offer's quantity (`minimumQuantity`, `maximumQuantity`:
/// <https://learn.microsoft.com/en-us/partner-center/developer/offer-resources>);
/// this app's catalogue uses one range for all of its offers.
pub const SEATS: std::ops::RangeInclusive<u32> = 1..=10_000;

/// A seat count as typed: a whole number within [`SEATS`] (surrounding
/// spaces aside); empty, a fraction, a sign or out of range is refused.
pub fn seats(value: &str) -> Result<u32, FieldProblem> {
    let v = value.trim();
    match v.parse::<u32>() {
        Ok(n) if v.bytes().all(|b| b.is_ascii_digit()) && seat_count(n) => Ok(n),
        _ => Err(FieldProblem::NotASeatCount),
    }
}

/// Whether `n` seats may be asked for (the backend's check of a number).
pub fn seat_count(n: u32) -> bool {
    SEATS.contains(&n)
}

/// A required free-text field.
pub fn required_text(value: &str, max: usize) -> Result<(), FieldProblem> {
    if value.trim().is_empty() {
        Err(FieldProblem::Required)
    } else {
        optional_text(value, max)
    }
}

/// An optional free-text field.
pub fn optional_text(value: &str, max: usize) -> Result<(), FieldProblem> {
    if value.chars().count() > max {
        Err(FieldProblem::TooLong(max))
    } else {
        Ok(())
    }
}

/// One email address (`local@domain.tld`), pragmatic rather than full RFC 5322.
pub fn email(value: &str) -> Result<(), FieldProblem> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldProblem::Required);
    }
    if v.len() > 254 {
        return Err(FieldProblem::TooLong(254));
    }
    let Some((local, domain_part)) = v.split_once('@') else {
        return Err(FieldProblem::NotAnEmail);
    };
    let bad_char = |c: char| c.is_whitespace() || c.is_control() || "<>()[],;:\\\"@".contains(c);
    if local.is_empty() || local.chars().any(bad_char) || domain(domain_part).is_err() {
        return Err(FieldProblem::NotAnEmail);
    }
    Ok(())
}

/// An optional email address.
pub fn optional_email(value: &str) -> Result<(), FieldProblem> {
    if value.trim().is_empty() {
        Ok(())
    } else {
        email(value)
    }
}

/// A DNS domain name with at least two labels.
pub fn domain(value: &str) -> Result<(), FieldProblem> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldProblem::Required);
    }
    if v.len() > 253 {
        return Err(FieldProblem::TooLong(253));
    }
    let labels: Vec<&str> = v.split('.').collect();
    let ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()) && tld.len() >= 2);
    if ok {
        Ok(())
    } else {
        Err(FieldProblem::NotADomain)
    }
}

/// An optional phone number: digits, spaces and `+-().`, 6 to 20 digits.
pub fn optional_phone(value: &str) -> Result<(), FieldProblem> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(());
    }
    let digits = v.chars().filter(char::is_ascii_digit).count();
    if v.chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && (6..=20).contains(&digits)
    {
        Ok(())
    } else {
        Err(FieldProblem::NotAPhone)
    }
}

/// A country code from the ISO table.
pub fn country(value: &str) -> Result<(), FieldProblem> {
    if value.trim().is_empty() {
        Err(FieldProblem::Required)
    } else if super::country::is_known(value.trim()) {
        Ok(())
    } else {
        Err(FieldProblem::UnknownCountry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seat_counts() {
        assert_eq!(seats("5"), Ok(5));
        assert_eq!(seats(" 10000 "), Ok(10_000));
        assert_eq!(seats("1"), Ok(1));
        for bad in [
            "",
            " ",
            "0",
            "10001",
            "-1",
            "+3",
            "2.5",
            "1e3",
            "five",
            "99999999999",
        ] {
            assert_eq!(seats(bad), Err(FieldProblem::NotASeatCount), "{bad:?}");
        }
    }

    #[test]
    fn emails_domains_phones() {
        assert_eq!(email("ana@contoso.com.br"), Ok(()));
        assert_eq!(email(""), Err(FieldProblem::Required));
        assert_eq!(email("ana"), Err(FieldProblem::NotAnEmail));
        assert_eq!(email("ana@contoso"), Err(FieldProblem::NotAnEmail));
        assert_eq!(email("a b@contoso.com"), Err(FieldProblem::NotAnEmail));
        assert_eq!(
            email("ana@contoso.com\r\nBcc: x@y.z"),
            Err(FieldProblem::NotAnEmail)
        );
        assert_eq!(optional_email("  "), Ok(()));
        assert_eq!(domain("contoso.onmicrosoft.com"), Ok(()));
        assert_eq!(domain("-bad.com"), Err(FieldProblem::NotADomain));
        assert_eq!(optional_phone("+55 (11) 5555-0100"), Ok(()));
        assert_eq!(optional_phone("call me"), Err(FieldProblem::NotAPhone));
        assert_eq!(
            required_text(&"x".repeat(201), MAX_TEXT),
            Err(FieldProblem::TooLong(200))
        );
        assert_eq!(country("br"), Ok(()));
        assert_eq!(country("XX"), Err(FieldProblem::UnknownCountry));
    }
}
