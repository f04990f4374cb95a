//! Who the account belongs to and each employment, every identifier formatted and checked. The
//! national register number stays masked until the person asks to see it, and only on screen.

use leptos::prelude::*;

use crate::contract::Me;
use crate::domain::ids::{ssin_formatted, ssin_is_valid, ssin_masked};
use crate::present::markup::Html;
use crate::present::profile;
use crate::ui::breakdown::rows_into;
use crate::ui::language::{texts, tr};
use crate::ui::loaded::{loaded, Remote};

#[component]
pub fn ProfilePage() -> impl IntoView {
    let me = expect_context::<Remote<Me>>();
    // in memory only: the full number is never put in the address or in storage
    let revealed = RwSignal::new(false);
    view! {
        <h1>{tr(|t| t.profile_title)}</h1>
        {loaded(me, |t| t.what_profile, "placeholder-employer", move |me: Me| {
            let t = texts();
            let (masked, full) = (ssin_masked(&me.ssin), ssin_formatted(&me.ssin));
            let flag = if ssin_is_valid(&me.ssin) { "" } else { t.invalid_number };
            // the number, masked or in full, with its label and its check
            let ssin = move || {
                let mut html = Html::new();
                html.el("strong", &[], t.ssin).text(" ");
                html.el("span", &[("class", "nowrap"), ("data-testid", "ssin")], if revealed.get() { &full } else { &masked });
                html.text(" ").el("strong", &[("class", "flag")], flag).finish()
            };
            let mut html = Html::new();
            html.open("dl", &[("class", "details")]);
            rows_into(&mut html, &[(t.name.into(), format!("{} {}", me.given_name, me.family_name))]);
            html.close("dl").el("h2", &[], t.sources_title).open("dl", &[("class", "details")]);
            rows_into(&mut html, &profile::sources(t, &me));
            html.close("dl");
            for e in &me.employers {
                html.el("h2", &[("translate", "no")], &e.name).open("dl", &[("class", "details")]);
                rows_into(&mut html, &profile::employment(t, e));
                html.close("dl");
            }
            view! {
                <p class="ssin">
                    <span inner_html=ssin></span> " "
                    <button type="button" class="button-secondary" aria-pressed=move || revealed.get().to_string()
                        on:click=move |_| revealed.update(|r| *r = !*r)>
                        {t.show_number}
                    </button>
                </p>
                <div class="profile-more" inner_html=html.finish()></div>
            }
        })}
    }
}
