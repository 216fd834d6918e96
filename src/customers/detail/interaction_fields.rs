//! The kind-specific parts of the interaction form (adding or editing) and the draft
//! they edit.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::input::parse_date;
use super::messages::DetailMsg;
use super::record_fields::EntryField;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{
    format_cents, ComplaintCategory, ComplaintStatus, Customer, Interaction, InteractionKind,
    Severity,
};
use crate::customers::labels::Labelled;
use crate::i18n::{fill, Text};
use crate::money::Currency;

/// What has been typed so far, as text, so nothing is lost while it is not yet valid.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub kind: String,
    pub date: String,
    pub note: String,
    pub amount: String,
    pub currency: String,
    pub items: String,
    pub category: ComplaintCategory,
    pub severity: Severity,
    pub status: ComplaintStatus,
    pub opened: String,
    pub resolved: String,
    pub complaint_id: Option<u64>,
    pub action: String,
}

impl Draft {
    /// An empty note dated `today`; purchases default to the home currency `home`.
    pub fn new(today: NaiveDate, home: Currency) -> Self {
        Draft {
            kind: "note".into(),
            date: today.to_string(),
            note: String::new(),
            amount: String::new(),
            currency: home.code().into(),
            items: String::new(),
            category: ComplaintCategory::Product,
            severity: Severity::Medium,
            status: ComplaintStatus::Open,
            opened: today.to_string(),
            resolved: String::new(),
            complaint_id: None,
            action: String::new(),
        }
    }

    /// A fresh draft after one was added: the kind and currency stay as chosen, so
    /// entering several purchases in a row does not mean choosing Purchase each time.
    pub fn next_after(&self, today: NaiveDate) -> Self {
        Draft {
            kind: self.kind.clone(),
            currency: self.currency.clone(),
            ..Draft::new(today, Currency::CNY)
        }
    }

    /// Sets the entry's date. A complaint's Opened date follows it while the two agree
    /// (the user has not set Opened apart), so a backdated complaint is not "opened today".
    pub fn set_date(&mut self, date: String) {
        if self.opened == self.date {
            self.opened = date.clone();
        }
        self.date = date;
    }

    /// The stored `interaction` as text to correct; fields of other kinds keep the
    /// defaults of [`Draft::new`], so changing the kind starts them fresh.
    pub fn from_interaction(interaction: &Interaction, today: NaiveDate, home: Currency) -> Self {
        let mut draft = Draft {
            kind: interaction.kind.key().into(),
            date: interaction.date.to_string(),
            note: interaction.note.clone(),
            ..Draft::new(today, home)
        };
        match &interaction.kind {
            InteractionKind::Purchase {
                amount_cents,
                currency,
                items,
            } => {
                draft.amount = format_cents(*amount_cents);
                draft.currency = currency.clone();
                draft.items = items.clone();
            }
            InteractionKind::Complaint {
                category,
                severity,
                status,
                opened,
                resolved,
            } => {
                draft.category = *category;
                draft.severity = *severity;
                draft.status = *status;
                draft.opened = opened.to_string();
                draft.resolved = resolved.map(|r| r.to_string()).unwrap_or_default();
            }
            InteractionKind::ServiceRecovery {
                complaint_id,
                action,
            } => {
                draft.complaint_id = *complaint_id;
                draft.action = action.clone();
            }
            InteractionKind::Note
            | InteractionKind::Call
            | InteractionKind::Meeting
            | InteractionKind::Email => {}
        }
        draft
    }
}

impl Draft {
    /// Puts `from`'s value of `field` in the typed draft (the stored entry moved on, or
    /// the user kept the other tab's value), leaving the other inputs as typed.
    pub fn take(&mut self, from: &Interaction, field: EntryField, today: NaiveDate) {
        let home = Currency::parse(&self.currency).unwrap_or(Currency::CNY);
        let stored = Draft::from_interaction(from, today, home);
        match field {
            EntryField::Date => self.date = stored.date,
            EntryField::Note => self.note = stored.note,
            EntryField::Details => {
                *self = Draft {
                    date: std::mem::take(&mut self.date),
                    note: std::mem::take(&mut self.note),
                    ..stored
                }
            }
        }
    }
}

/// A labelled text input bound to one draft field.
fn text(
    draft: RwSignal<Draft>,
    errors_id: &str,
    label: DetailMsg,
    testid: &'static str,
    kind: &'static str,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{tr(label)}</span>
            <input type=kind data-testid=testid aria-describedby=errors_id.to_owned() inputmode=(testid == "purchase-amount-input").then_some("decimal")
                prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev))) />
        </label>
    }
}

/// A labelled select over a domain enum, bound to one draft field.
fn choose<T: Labelled + PartialEq + Send + Sync + 'static>(
    draft: RwSignal<Draft>,
    label: DetailMsg,
    testid: &'static str,
    all: &'static [T],
    key: fn(T) -> &'static str,
    get: fn(&Draft) -> T,
    set: fn(&mut Draft, T),
) -> impl IntoView {
    let lang = use_lang();
    let options = all.iter().map(move |&v| {
        view! { <option value=key(v) selected=move || draft.with(get) == v>{move || v.label(lang.get())}</option> }
    });
    view! {
        <label class="field">
            <span>{tr(label)}</span>
            <select data-testid=testid on:change=move |ev| {
                let chosen = event_target_value(&ev);
                if let Some(&v) = all.iter().find(|v| key(**v) == chosen) { draft.update(|d| set(d, v)) }
            }>{options.collect_view()}</select>
        </label>
    }
}

/// Amount, currency and items of a purchase.
#[component]
pub fn PurchaseFields(
    /// The draft being edited.
    draft: RwSignal<Draft>,
    /// The id of the form's error list, which the inputs point to.
    errors_id: &'static str,
) -> impl IntoView {
    view! {
        <div class="inline-fields">
            {text(draft, errors_id, DetailMsg::Amount, "purchase-amount-input", "text", |d| d.amount.clone(), |d, v| d.amount = v)}
            {text(draft, errors_id, DetailMsg::Currency, "purchase-currency", "text", |d| d.currency.clone(), |d, v| d.currency = v)}
            {text(draft, errors_id, DetailMsg::ItemsLabel, "purchase-items", "text", |d| d.items.clone(), |d, v| d.items = v)}
        </div>
    }
}

/// Category, severity, status and dates of a complaint, with the time to resolve.
#[component]
pub fn ComplaintFields(
    /// The draft being edited.
    draft: RwSignal<Draft>,
    /// The id of the form's error list, which the inputs point to.
    errors_id: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let resolved = move || draft.with(|d| d.status == ComplaintStatus::Resolved);
    let days = move || {
        let (o, r) = draft.with(|d| (parse_date(&d.opened), parse_date(&d.resolved)));
        let days = (r? - o?).num_days();
        // Resolved before opened is an error, said under the form; "-5 days" would not help.
        (days >= 0).then(|| {
            fill(
                DetailMsg::TimeToResolve.in_lang(lang.get()),
                &[&days.to_string()],
            )
        })
    };
    view! {
        <div class="inline-fields">
            {choose(draft, DetailMsg::Category, "complaint-category", ComplaintCategory::ALL, ComplaintCategory::key, |d| d.category, |d, v| d.category = v)}
            {choose(draft, DetailMsg::SeverityLabel, "complaint-severity", Severity::ALL, Severity::key, |d| d.severity, |d, v| d.severity = v)}
            {choose(draft, DetailMsg::Status, "complaint-status", ComplaintStatus::ALL, ComplaintStatus::key, |d| d.status, |d, v| d.status = v)}
            {text(draft, errors_id, DetailMsg::Opened, "complaint-opened", "date", |d| d.opened.clone(), |d, v| d.opened = v)}
            <Show when=resolved>
                {text(draft, errors_id, DetailMsg::Resolved, "complaint-resolved", "date", |d| d.resolved.clone(), |d, v| d.resolved = v)}
            </Show>
        </div>
        <Show when=move || resolved() && days().is_some()><p class="muted" data-testid="time-to-resolve">{days}</p></Show>
    }
}

/// The complaint a service recovery answers, and what was done.
#[component]
pub fn RecoveryFields(
    /// The customer whose complaints can be chosen.
    customer: Signal<Customer>,
    /// The draft being edited.
    draft: RwSignal<Draft>,
    /// The id of the form's error list, which the inputs point to.
    errors_id: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let complaints = move || {
        customer.with(|c| {
            c.interactions
                .iter()
                .filter_map(|i| match &i.kind {
                    InteractionKind::Complaint { category, .. } => Some((i.id, i.date, *category)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let on_change =
        move |ev| draft.update(|d| d.complaint_id = event_target_value(&ev).parse().ok());
    view! {
        <div class="inline-fields">
            <label class="field">
                <span>{tr(DetailMsg::LinkedComplaint)}</span>
                <select data-testid="recovery-complaint" on:change=on_change>
                    <option value="">{tr(DetailMsg::NotSet)}</option>
                    {move || complaints().into_iter().map(|(id, date, category)| view! {
                        <option value=id.to_string() selected=move || draft.with(|d| d.complaint_id == Some(id))>
                            {move || format!("{date} · {}", category.label(lang.get()))}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            {text(draft, errors_id, DetailMsg::RecoveryAction, "recovery-action", "text", |d| d.action.clone(), |d, v| d.action = v)}
        </div>
    }
}
