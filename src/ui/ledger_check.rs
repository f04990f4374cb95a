//! The check of every employer's carry-over figures: the ledger's own rules and, once every
//! training on record is in, whether they add up to each year's attended total (see
//! `present::carry_over::check`). Drawn again when the trainings or the profile's names arrive.

use leptos::either::Either;
use leptos::prelude::*;

use crate::contract::{LedgerItem, Me, Training};
use crate::present::carry_over::{check, Check};
use crate::present::profile::employer_name;
use crate::ui::language::{texts, tr};
use crate::ui::loaded::Remote;

#[component]
pub fn LedgerCheck(items: Vec<LedgerItem>, listed: Remote<Vec<Training>>) -> impl IntoView {
    let me = expect_context::<Remote<Me>>();
    let content = move || {
        let t = texts();
        me.with_ok(|me| {
            listed.with(|listed| {
                let trainings = listed.and_then(|r| r.as_ref().ok()).map(Vec::as_slice);
                let each = items.iter().map(|item| {
                    let name = employer_name(me, &item.employer_id).unwrap_or(&item.employer_id);
                    match check(t, item, name, trainings) {
                        Check::Fine(line) => Either::Left(view! { <p>{line}</p> }),
                        Check::Broken(findings) => Either::Right(view! {
                            <div class="panel panel-warning">
                                <h3 translate="no">{name.to_string()}</h3>
                                <p>{t.findings_title}</p>
                                <ul>{findings.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                            </div>
                        }),
                    }
                });
                // where the comparison with the trainings stands: waiting for them, or without them
                let (note, waiting) = match listed {
                    None => (Some(t.listed_wait), true),
                    Some(Err(_)) => (Some(t.listed_failed), false),
                    Some(Ok(_)) => (None, false),
                };
                let note = note.map(|note| view! { <p class="muted" role=waiting.then_some("status")>{note}</p> });
                view! { {each.collect_view()} {note} }
            })
        })
    };
    view! {
        <section class="check" data-testid="check">
            <h2>{tr(|t| t.check_title)}</h2>
            {content}
        </section>
    }
}
