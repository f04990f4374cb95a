//! All employers' figures of the year as one table (see `present::combined`): with the row of
//! their sums in bold, or without it and a line that says why.

use leptos::prelude::*;

use crate::present::combined::Combined;
use crate::ui::data_table::DataTable;

#[component]
pub fn CombinedTable(combined: Combined) -> impl IntoView {
    let Combined { caption, head, rows, apart } = combined;
    let class = if apart.is_some() { "combined" } else { "combined with-sum" };
    view! {
        <section class=class data-testid="combined">
            <DataTable caption head rows />
            {apart.map(|apart| view! { <p class="muted">{apart}</p> })}
        </section>
    }
}
