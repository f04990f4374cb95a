//! The resource paths of api-v1.md, relative to `apiBaseUrl`.

/// Joins the configured base and a resource path with exactly one slash.
pub fn join(base: &str, path: &str) -> String {
    format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/'))
}

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

pub fn me() -> String {
    "v1/me".into()
}

pub fn entitlements(year: i32) -> String {
    format!("v1/me/entitlements?year={year}")
}

pub fn attendance(year: i32) -> String {
    format!("v1/me/attendance?year={year}")
}

pub fn carry_over() -> String {
    "v1/me/carry-over".into()
}

pub fn trainings(limit: u32) -> String {
    format!("v1/me/trainings?limit={limit}")
}

pub fn training(id: &str) -> String {
    format!("v1/me/trainings/{}", encode(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_encodes() {
        assert_eq!(join("/api/", "v1/me"), "/api/v1/me");
        assert_eq!(join("https://hr.example.be/api", "/v1/me"), "https://hr.example.be/api/v1/me");
        assert_eq!(training("t-2026/../x y"), "v1/me/trainings/t-2026%2F..%2Fx%20y");
        assert_eq!(entitlements(2026), "v1/me/entitlements?year=2026");
    }
}
