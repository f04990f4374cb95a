//! Who the account belongs to and each employment, every identifier formatted and checked. The
//! national register number stays masked until the person asks to see it, and only on screen.

use leptos::prelude::*;

use crate::contract::Me;
use crate::ui::language::tr;
use crate::ui::loaded::{loaded, Remote};
use crate::ui::profile_details::ProfileDetails;
use crate::ui::ssin::Ssin;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let me = expect_context::<Remote<Me>>();
    // in memory only: the full number is never put in the address or in storage
    let revealed = RwSignal::new(false);
    view! {
        <h1>{tr(|t| t.profile_title)}</h1>
        {loaded(me, |t| t.what_profile, "placeholder-employer", move |me: Me| {
            view! {
                // a record kept on the device has no national register number: it is never stored
                {if me.ssin.is_empty() {
                    view! { <p class="ssin"><strong>{tr(|t| t.ssin)}</strong>" "{tr(|t| t.ssin_not_kept)}</p> }.into_any()
                } else {
                    view! { <Ssin ssin=me.ssin.clone() revealed /> }.into_any()
                }}
                <div class="profile-more"><ProfileDetails me /></div>
            }
        })}
    }
}
