//! A table of figures with a caption, its first cell a row heading. On narrow screens each row
//! becomes a block and each cell says its own heading (`data-label`, see main.css).

use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn DataTable(caption: String, head: Vec<&'static str>, rows: Vec<Vec<String>>) -> impl IntoView {
    let columns = head.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view();
    let rows = rows
        .into_iter()
        .map(|row| {
            let cells = row.into_iter().zip(head.iter().copied()).enumerate().map(|(i, (cell, label))| match i {
                0 => Either::Left(view! { <th scope="row">{cell}</th> }),
                _ => Either::Right(view! { <td data-label=label>{cell}</td> }),
            });
            view! { <tr>{cells.collect_view()}</tr> }
        })
        .collect_view();
    view! {
        <table class="data-table">
            <caption>{caption}</caption>
            <thead><tr>{columns}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
