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
                <Ssin ssin=me.ssin.clone() revealed />
                <div class="profile-more"><ProfileDetails me /></div>
            }
        })}
    }
}
