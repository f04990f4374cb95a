//! Values in addresses, the app's own (`/trainings/t-1`, `?q=excel`) and the API's.

/// Percent-encodes a query or path value (unreserved characters stay).
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unreserved_characters_stay() {
        assert_eq!(encode("t-2026/../x y"), "t-2026%2F..%2Fx%20y");
        assert_eq!(encode("Excel voor é&="), "Excel%20voor%20%C3%A9%26%3D");
    }
}
