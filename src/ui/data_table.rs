//! A table of figures with a caption, its first cell a row heading. On narrow screens each row
//! becomes a block and each cell says its own heading (`data-label`, see main.css).

use crate::present::markup::Html;

pub fn table_into(html: &mut Html, caption: &str, head: &[&str], rows: &[Vec<String>]) {
    html.open("table", &[("class", "data-table")]).el("caption", &[], caption).open("thead", &[]).open("tr", &[]);
    for h in head {
        html.el("th", &[("scope", "col")], h);
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for row in rows {
        html.open("tr", &[]);
        for (i, (cell, label)) in row.iter().zip(head).enumerate() {
            match i {
                0 => html.el("th", &[("scope", "row")], cell),
                _ => html.el("td", &[("data-label", label)], cell),
            };
        }
        html.close("tr");
    }
    html.close("tbody").close("table");
}
