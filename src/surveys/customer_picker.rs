//! Choosing one of many customers: a find box and a list of the first names that match
//! (the kiosk's linked customer, the personal link's customer).

use leptos::prelude::*;

use super::messages::SurveyMsg;
use crate::components::text::{tr, use_lang};
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};

/// How many customers the list offers at once. A list of 10,000 customers is no use to
/// pick from, and its 10,000 options took half a second to build and remove.
pub const OFFERED: usize = 100;

/// The customers the list offers: the first `limit` of `names` (sorted by name) whose
/// name holds `wanted` (any case; blank: every name), and the chosen one after them if
/// the find box left it out, so the list always shows what is chosen.
pub fn offered_names(
    names: &[(u64, String)],
    wanted: &str,
    chosen: Option<u64>,
    limit: usize,
) -> Vec<(u64, String)> {
    let wanted = wanted.trim().to_lowercase();
    let mut offered: Vec<(u64, String)> = names
        .iter()
        .filter(|(_, name)| wanted.is_empty() || name.to_lowercase().contains(&wanted))
        .take(limit)
        .cloned()
        .collect();
    if let Some(id) = chosen {
        if !offered.iter().any(|(i, _)| *i == id) {
            offered.extend(names.iter().find(|(i, _)| *i == id).cloned());
        }
    }
    offered
}

/// A find box and the list of matching customers, with what `children` adds to their row
/// (a button). Enter in the find box chooses the first match (and never submits the form
/// around it).
#[component]
pub fn CustomerPicker(
    /// The customer chosen; `None`: none.
    chosen: RwSignal<Option<u64>>,
    /// The list's label.
    label: SurveyMsg,
    /// The list's first option, choosing nobody.
    nobody: SurveyMsg,
    /// The start of the test hooks: `<testid>-find`, `<testid>-customer`, `<testid>-more`.
    testid: &'static str,
    /// More controls for the same row.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let lang = use_lang();
    let names = use_customers().names_by_name();
    let find = RwSignal::new(String::new());
    let offered = Memo::new(move |_| {
        find.with(|f| names.with(|all| offered_names(all, f, chosen.get(), OFFERED)))
    });
    let more = move || {
        let all = names.with(Vec::len);
        (all > OFFERED && find.with(|f| f.trim().is_empty())).then(|| {
            fill(
                SurveyMsg::FirstMatches.in_lang(lang.get()),
                &[&OFFERED.to_string(), &all.to_string()],
            )
        })
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            let first = offered.with_untracked(|o| o.first().map(|(id, _)| *id));
            if first.is_some() && !find.with_untracked(|f| f.trim().is_empty()) {
                chosen.set(first);
            }
        }
    };
    view! {
        <div class="actions customer-pick">
            <label class="field"><span>{tr(SurveyMsg::FindCustomer)}</span>
                <input type="search" data-testid=format!("{testid}-find") prop:value=find on:input=move |ev| find.set(event_target_value(&ev)) on:keydown=on_key />
            </label>
            <label class="field"><span>{tr(label)}</span>
                <select data-testid=format!("{testid}-customer") on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || chosen.get().is_none()>{tr(nobody)}</option>
                    {move || offered.get().into_iter().map(|(id, name)| view! { <option value=id.to_string() selected=move || chosen.get() == Some(id)>{name}</option> }).collect_view()}
                </select>
            </label>
            {children.map(|c| c())}
        </div>
        {move || more().map(|line| view! { <p class="muted" data-testid=format!("{testid}-more")>{line}</p> })}
    }
}

#[cfg(test)]
mod tests {
    use super::offered_names;

    fn names() -> Vec<(u64, String)> {
        ["Li Na", "Li Ning", "Wang Fang", "王芳", "Zhang Wei"]
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u64 + 1, (*n).to_owned()))
            .collect()
    }

    #[test]
    fn offers_the_first_matches_and_what_is_chosen() {
        // (typed, chosen, limit, ids offered)
        let cases: &[(&str, Option<u64>, usize, &[u64])] = &[
            ("", None, 100, &[1, 2, 3, 4, 5]),
            ("", None, 2, &[1, 2]),
            ("  li n ", None, 100, &[1, 2]),
            ("LI NA", None, 100, &[1]),
            ("fang", None, 100, &[3]),
            ("王", None, 100, &[4]),
            ("nobody", None, 100, &[]),
            // The chosen customer stays in the list whatever is typed.
            ("fang", Some(5), 100, &[3, 5]),
            ("", Some(5), 2, &[1, 2, 5]),
            ("li", Some(2), 100, &[1, 2]),
            // A chosen id no longer among the customers is not offered.
            ("", Some(99), 100, &[1, 2, 3, 4, 5]),
        ];
        for (typed, chosen, limit, ids) in cases {
            let got: Vec<u64> = offered_names(&names(), typed, *chosen, *limit)
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            assert_eq!(
                got, *ids,
                "typed {typed:?}, chosen {chosen:?}, limit {limit}"
            );
        }
    }
}
