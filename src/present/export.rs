//! A copy the person keeps: the whole account as one JSON file (every resource exactly as the
//! service sent it) and the history as CSV that Excel opens with Belgian settings.

use crate::contract::Everything;
use crate::contract::Training;
use crate::domain::amount::Amount;
use crate::i18n::Texts;
use crate::present::format::decimal;
use crate::present::labels::label;

/// One JSON document; the service's bodies go in unchanged, unknown fields and all.
pub fn account_json(all: &Everything, exported_on: &str) -> String {
    let by_year = |pick: fn(&(i32, String, String)) -> &str| {
        let entries: Vec<String> = all.years.iter().map(|y| format!("\"{}\":{}", y.0, pick(y))).collect();
        entries.join(",")
    };
    format!(
        "{{\"format\":\"training-account-export/1\",\"exportedOn\":\"{exported_on}\",\"me\":{},\"carryOver\":{},\
         \"entitlements\":{{{}}},\"attendance\":{{{}}},\"trainingPages\":[{}]}}",
        all.me,
        all.carry_over,
        by_year(|y| &y.1),
        by_year(|y| &y.2),
        all.training_pages.join(",")
    )
}

/// A field as Excel reads it: quoted when it holds the separator, a quote or a line break, and
/// never taken for a formula (a leading `=`, `+`, `-` or `@` gets an apostrophe).
fn field(out: &mut String, value: &str) {
    let value = match value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        true => format!("'{value}"),
        false => value.to_string(),
    };
    if value.contains([';', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&value);
    }
}

fn line(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

/// The trainings as CSV for Excel in Belgium: UTF-8 with a byte order mark (so accents survive),
/// `;` between fields, decimal commas in the language's own way, ISO dates, CRLF line ends.
pub fn history_csv(t: &Texts, trainings: &[&Training], employer_name: &dyn Fn(&str) -> String) -> String {
    let mut out = String::from('\u{feff}');
    line(
        &mut out,
        &[
            t.csv_start,
            t.csv_end,
            t.csv_title,
            t.employer,
            t.provider,
            t.enterprise,
            t.kind,
            t.status,
            t.counts,
            t.csv_hours,
            t.paid_by,
            t.registered_by,
            t.registered_on,
            t.result,
            t.content,
            t.csv_id,
        ],
    );
    for tr in trainings {
        let hours = decimal(t, Amount::from_hundredths((tr.duration_minutes as i64 * 100 + 30) / 60));
        let provider = tr.provider.as_ref();
        let result = tr.result.as_ref().and_then(|r| r.description.clone()).unwrap_or_default();
        line(
            &mut out,
            &[
                &tr.start_date.iso(),
                &tr.end_date.iso(),
                &tr.title,
                &employer_name(&tr.employer_id),
                provider.map_or("", |p| &p.name),
                provider.and_then(|p| p.enterprise_number.as_deref()).unwrap_or_default(),
                &label(t, &tr.kind),
                &label(t, &tr.status),
                if tr.counts_towards_right { t.yes } else { t.no },
                &hours,
                &tr.funding.as_ref().map(|f| label(t, f)).unwrap_or_default(),
                &label(t, &tr.registered_by),
                &tr.registered_on.map(|d| d.iso()).unwrap_or_default(),
                &result,
                tr.content.as_deref().unwrap_or_default(),
                &tr.id,
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo_trainings;
    use crate::i18n::{texts, Language};

    /// A reader of the CSV dialect written above, as Excel reads it.
    fn read(csv: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let (mut row, mut cell, mut quoted, mut chars) = (vec![], String::new(), false, csv.chars().peekable());
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                ('"', _) => quoted = !quoted,
                (';', false) => row.push(std::mem::take(&mut cell)),
                ('\r', false) => {}
                ('\n', false) => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (c, _) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn excel_with_belgian_settings() {
        let t = texts(Language::Nl);
        let list = demo_trainings("a");
        let csv = history_csv(t, &list.iter().collect::<Vec<_>>(), &|id| format!("werkgever {id}"));
        assert!(csv.starts_with('\u{feff}'), "a byte order mark, or Excel reads UTF-8 as Windows-1252");
        assert!(csv.ends_with("\r\n"));
        let rows = read(csv.trim_start_matches('\u{feff}'));
        assert_eq!(rows.len(), list.len() + 1);
        assert!(rows.iter().all(|r| r.len() == rows[0].len()), "every row has every column");
        assert_eq!(rows[0][0], "Begindatum");
        let excel = rows.iter().find(|r| r[2] == "Excel voor gevorderden").unwrap();
        let tr = list.iter().find(|tr| tr.title == "Excel voor gevorderden").unwrap();
        assert_eq!(excel[0], tr.start_date.iso());
        assert_eq!(excel[3], "werkgever e1");
        // minutes as hours with a decimal comma
        assert_eq!(excel[9], decimal(t, Amount::from_hundredths((tr.duration_minutes as i64 * 100 + 30) / 60)));
        assert!(excel[9].contains(',') || tr.duration_minutes % 60 == 0);
        assert_eq!(excel[8], "Ja");
    }

    #[test]
    fn separators_quotes_breaks_and_formulas_stay_data() {
        let mut tr = demo_trainings("a").remove(0);
        tr.title = "Veilig; \"heel\" veilig\nwerken".into();
        tr.content = Some("=HYPERLINK(\"http://x\")".into());
        let csv = history_csv(texts(Language::Fr), &[&tr], &|_| "-1+1".into());
        let rows = read(csv.trim_start_matches('\u{feff}'));
        assert_eq!(rows[1][2], "Veilig; \"heel\" veilig\nwerken");
        assert_eq!(rows[1][3], "'-1+1");
        assert_eq!(rows[1][14], "'=HYPERLINK(\"http://x\")");
    }

    #[test]
    fn the_whole_account_is_one_valid_json_document() {
        let all = Everything {
            me: r#"{"ssin":"1","extra":[1]}"#.into(),
            carry_over: r#"{"items":[]}"#.into(),
            years: vec![(2025, r#"{"year":2025}"#.into(), r#"{"year":2025,"items":[]}"#.into())],
            training_pages: vec![r#"{"items":[]}"#.into(), r#"{"items":[],"next":null}"#.into()],
        };
        let v: serde_json::Value = serde_json::from_str(&account_json(&all, "2026-11-28")).unwrap();
        assert_eq!(v["exportedOn"], "2026-11-28");
        assert_eq!(v["me"]["extra"][0], 1, "unknown fields kept");
        assert_eq!(v["entitlements"]["2025"]["year"], 2025);
        assert_eq!(v["attendance"]["2025"]["items"], serde_json::json!([]));
        assert_eq!(v["trainingPages"].as_array().unwrap().len(), 2);
    }
}
