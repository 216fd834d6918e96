//! The honest placeholder for a section that is planned but not built yet.

use leptos::prelude::*;

use super::text::tr;
use crate::i18n::Msg;

/// Says plainly that a section does not work yet, and what it is going to do.
#[component]
pub fn NotBuilt(
    /// The section's title.
    title: Msg,
    /// What the section will do once built.
    planned: Msg,
    /// `data-testid` of the page.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <section class="page" data-testid=testid>
            <h1>{tr(title)}</h1>
            <div class="callout" role="status">
                <strong>{tr(Msg::NotBuiltTitle)}</strong>
                <p>{tr(Msg::NotBuiltBody)}</p>
            </div>
            <h2>{tr(Msg::PlannedHeading)}</h2>
            <p>{tr(planned)}</p>
        </section>
    }
}
