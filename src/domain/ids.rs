//! Belgian identifiers: checksums (all mod 97), display formats and masking; and the form of a
//! bearer token.

fn digits(s: &str, len: std::ops::RangeInclusive<usize>) -> Option<u64> {
    (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// National register or BIS number (INSZ/NISS): 11 digits whose last two check the first nine,
/// with a `2` put in front of the nine for people born in 2000 or later.
pub fn ssin_is_valid(ssin: &str) -> bool {
    let Some(n) = digits(ssin, 11..=11) else { return false };
    let (body, check) = (n / 100, n % 100);
    97 - body % 97 == check || 97 - (2_000_000_000 + body) % 97 == check
}

/// `90.05.14-***.**`: the birth date part stays readable, the rest is hidden.
pub fn ssin_masked(ssin: &str) -> String {
    match ssin.get(0..6).filter(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        Some(p) => format!("{}.{}.{}-***.**", &p[0..2], &p[2..4], &p[4..6]),
        None => "**.**.**-***.**".into(),
    }
}

/// `90.05.14-123.24`, or the raw text when it is not 11 digits.
pub fn ssin_formatted(ssin: &str) -> String {
    match digits(ssin, 11..=11) {
        Some(_) => format!("{}.{}.{}-{}.{}", &ssin[0..2], &ssin[2..4], &ssin[4..6], &ssin[6..9], &ssin[9..11]),
        None => ssin.to_string(),
    }
}

/// Enterprise number (KBO/BCE): 10 digits starting with 0 or 1, last two = 97 - first eight mod 97.
pub fn enterprise_number_is_valid(number: &str) -> bool {
    let Some(n) = digits(number, 10..=10) else { return false };
    number.starts_with(['0', '1']) && 97 - (n / 100) % 97 == n % 100
}

/// `0765.432.146`, or the raw text when it is not 10 digits.
pub fn enterprise_number_formatted(number: &str) -> String {
    match digits(number, 10..=10) {
        Some(_) => format!("{}.{}.{}", &number[0..4], &number[4..7], &number[7..10]),
        None => number.to_string(),
    }
}

/// NSSO employer number: a registration number of up to seven digits and two check digits
/// `96 - (registration x 100 mod 97)`, where 0 becomes 97.
pub fn nsso_number_is_valid(number: &str) -> bool {
    let Some(n) = digits(number, 3..=9) else { return false };
    let check = match 96 - (n / 100 * 100) % 97 {
        0 => 97,
        c => c,
    };
    check == n % 100
}

/// `1234567-49`: the registration number, then its check digits; the raw text when not digits.
pub fn nsso_number_formatted(number: &str) -> String {
    match digits(number, 3..=9) {
        Some(_) => format!("{}-{}", &number[..number.len() - 2], &number[number.len() - 2..]),
        None => number.to_string(),
    }
}

/// A bearer token as RFC 6750 writes it (`b64token`): letters, digits and `-._~+/`, then any
/// `=`. Anything else (a control character, a space, a quote) could break or forge the header.
pub fn is_bearer_token(token: &str) -> bool {
    let body = token.trim_end_matches('=');
    !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn documented_examples_are_valid() {
        assert!(ssin_is_valid("90051412324"));
        assert!(ssin_is_valid("02030912486"));
        assert!(enterprise_number_is_valid("0765432146"));
        assert!(enterprise_number_is_valid("1001234592"));
        assert!(nsso_number_is_valid("123456749"));
    }

    #[test]
    fn malformed_numbers_are_invalid_not_panics() {
        for bad in ["", "9005141232", "900514123245", "9005141232a", "90.05.14-123.24", "é0051412324"] {
            assert!(!ssin_is_valid(bad), "{bad}");
        }
        assert!(!enterprise_number_is_valid("2765432146"));
        assert!(!enterprise_number_is_valid("0765432147"));
        assert!(!nsso_number_is_valid("123456748"));
        assert!(!nsso_number_is_valid("12"));
    }

    #[test]
    fn formats_and_masks() {
        assert_eq!(ssin_masked("90051412324"), "90.05.14-***.**");
        assert_eq!(ssin_masked("x"), "**.**.**-***.**");
        assert_eq!(ssin_masked("éé0514"), "**.**.**-***.**");
        assert_eq!(ssin_formatted("90051412324"), "90.05.14-123.24");
        assert_eq!(enterprise_number_formatted("0765432146"), "0765.432.146");
        assert_eq!(enterprise_number_formatted("12"), "12");
        assert_eq!(nsso_number_formatted("123456749"), "1234567-49");
        assert_eq!(nsso_number_formatted("12x"), "12x");
    }

    proptest! {
        #[test]
        fn every_ssin_body_has_exactly_one_valid_check(body in 0u64..1_000_000_000, born_2000s: bool) {
            let base = if born_2000s { 2_000_000_000 + body } else { body };
            let check = 97 - base % 97;
            let good = format!("{body:09}{check:02}");
            prop_assert!(ssin_is_valid(&good));
            let wrong = format!("{body:09}{:02}", (check % 97) + 1);
            // a wrong check may still match the other century's rule, never both rules at once
            let other = 97 - (if born_2000s { body } else { 2_000_000_000 + body }) % 97;
            prop_assert_eq!(ssin_is_valid(&wrong), (check % 97) + 1 == other);
        }

        #[test]
        fn enterprise_check_digits(body in 0u64..20_000_000) {
            let check = 97 - body % 97;
            let number = format!("{body:08}{check:02}");
            prop_assert!(enterprise_number_is_valid(&number));
            prop_assert_eq!(enterprise_number_formatted(&number).replace('.', ""), number.clone());
            let wrong = format!("{body:08}{:02}", check % 97 + 1);
            prop_assert!(!enterprise_number_is_valid(&wrong));
        }

        #[test]
        fn masking_never_reveals_the_serial_or_check(s in "[0-9]{11}") {
            let masked = ssin_masked(&s);
            prop_assert!(!masked.contains(&s[6..11]));
            prop_assert!(masked.ends_with("-***.**"));
        }
    }

    #[test]
    fn bearer_tokens_have_the_form_of_rfc_6750() {
        for ok in ["t0k3n", "eyJhbGciOi.eyJzdWIi.c2ln", "a-b_c~d+e/f==", "abc="] {
            assert!(is_bearer_token(ok), "{ok}");
        }
        for bad in ["", "==", "a b", "a\nb", "a\r\nX-Evil: 1", "tok\u{0}", "é", "a=b", "\"a\""] {
            assert!(!is_bearer_token(bad), "{bad:?}");
        }
    }
}
