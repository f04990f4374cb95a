//! A copy the person keeps of their history: CSV that Excel opens with Belgian settings. (The
//! whole account's copy is the contract's `copy` format.)

use std::borrow::Cow;

use crate::contract::Training;
use crate::domain::amount::Amount;
use crate::i18n::Texts;
use crate::present::format::decimal;
use crate::present::labels::label;

/// A field that Excel would take for a formula (a leading `=`, `+`, `-`, `@`, tab or carriage
/// return) gets an apostrophe, so it stays data.
fn neutral(value: &str) -> Cow<'_, str> {
    match value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        true => Cow::Owned(format!("'{value}")),
        false => Cow::Borrowed(value),
    }
}

/// The trainings as CSV for Excel in Belgium: UTF-8 with a byte order mark (so accents survive),
/// `;` between fields, decimal commas in the language's own way, ISO dates, CRLF line ends;
/// written by the csv crate, which quotes what needs quoting.
pub fn history_csv(t: &Texts, trainings: &[&Training], employer_name: &dyn Fn(&str) -> String) -> String {
    let bom = "\u{feff}".as_bytes().to_vec();
    let mut csv = csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(bom);
    let mut line = |fields: &[&str]| drop(csv.write_record(fields.iter().map(|f| neutral(f).into_owned())));
    line(&[
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
    ]);
    for tr in trainings {
        let hours = decimal(t, Amount::from_hundredths((tr.duration_minutes as i64 * 100 + 30) / 60));
        let provider = tr.provider.as_ref();
        let result = tr.result.as_ref().and_then(|r| r.description.clone()).unwrap_or_default();
        line(&[
            &tr.start_date.to_string(),
            &tr.end_date.to_string(),
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
            &tr.registered_on.map(|d| d.to_string()).unwrap_or_default(),
            &result,
            tr.content.as_deref().unwrap_or_default(),
            &tr.id,
        ]);
    }
    // writing to memory fails only when memory does
    let bytes = csv.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo_trainings;
    use crate::i18n::{texts, Language};

    /// The rows as Excel reads them with `;` as its separator.
    fn read(csv: &str) -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').has_headers(false).from_reader(csv.as_bytes());
        reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
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
        assert_eq!(excel[0], tr.start_date.to_string());
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
}
