//! What each editor of the customer page and forms edits, field by field, for the shared
//! three-way merge (`crate::editing`): the customer form, a timeline entry, the churn
//! record and the CLV assumptions. A form never writes anything not listed here.

use crate::customers::domain::{ChurnRecord, Customer, Field, Interaction, InteractionKind};
use crate::customers::labels::{interaction_kind_label, Labelled};
use crate::editing::merge::Whole;
use crate::editing::Shown;
use crate::i18n::{Lang, Text};

use super::messages::DetailMsg;

// The customer form's fields: the profile, never the timeline, churn record or history.
crate::fields_by_name!(Customer, Field {
    Name => name,
    Kind => kind,
    Company => company,
    Phone => phone,
    Email => email,
    Address => address,
    Owner => owner,
    Tags => tags,
    Notes => notes,
    ValueClass => value_class,
    Motive => motive,
    Internal => internal,
    Stage => stage,
    Ladder => ladder,
    RelationshipLevel => relationship_level,
    Channel => channel,
    ReferredBy => referred_by,
});

impl Shown for Customer {
    fn field_name(field: Field, lang: Lang) -> String {
        field.label(lang).to_owned()
    }

    fn field_value(&self, field: Field, lang: Lang) -> String {
        let label = |l: Option<&'static str>| l.unwrap_or(DetailMsg::NotSet.in_lang(lang));
        match field {
            Field::Name => self.name.clone(),
            Field::Kind => self.kind.label(lang).to_owned(),
            Field::Company => self.company.clone(),
            Field::Phone => self.phone.clone(),
            Field::Email => self.email.clone(),
            Field::Address => self.address.clone(),
            Field::Owner => self.owner.clone(),
            Field::Tags => self.tags.join(", "),
            Field::Notes => self.notes.clone(),
            Field::ValueClass => match self.value_class {
                Some(class) => class.label(lang).to_owned(),
                None => DetailMsg::FollowSuggestionOption.in_lang(lang).to_owned(),
            },
            Field::Motive => label(self.motive.map(|m| m.label(lang))).to_owned(),
            Field::Internal => if self.internal {
                DetailMsg::Internal
            } else {
                DetailMsg::External
            }
            .in_lang(lang)
            .to_owned(),
            Field::Stage => self.stage.label(lang).to_owned(),
            Field::Ladder => self.ladder.label(lang).to_owned(),
            Field::RelationshipLevel => {
                label(self.relationship_level.map(|l| l.label(lang))).to_owned()
            }
            Field::Channel => self.channel.label(lang).to_owned(),
            Field::ReferredBy => match self.referred_by {
                Some(id) => format!("#{id}"),
                None => DetailMsg::NoReferrer.in_lang(lang).to_owned(),
            },
            Field::Interactions | Field::Churn => String::new(),
        }
    }
}

/// The parts of a timeline entry its correction form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryField {
    Date,
    /// The kind and what belongs to it (amount, complaint status, …).
    Details,
    Note,
}

crate::fields_by_name!(Interaction, EntryField {
    Date => date,
    Details => kind,
    Note => note,
});

impl Shown for Interaction {
    fn field_name(field: EntryField, lang: Lang) -> String {
        match field {
            EntryField::Date => DetailMsg::Date,
            EntryField::Details => DetailMsg::Kind,
            EntryField::Note => DetailMsg::Note,
        }
        .in_lang(lang)
        .to_owned()
    }

    fn field_value(&self, field: EntryField, lang: Lang) -> String {
        match field {
            EntryField::Date => self.date.to_string(),
            EntryField::Note => self.note.clone(),
            EntryField::Details => {
                let kind = interaction_kind_label(self.kind.key(), lang);
                match &self.kind {
                    InteractionKind::Purchase {
                        amount_cents,
                        currency,
                        items,
                    } => format!(
                        "{kind} · {} · {items}",
                        crate::money::format_money_in(*amount_cents, currency)
                    ),
                    InteractionKind::Complaint {
                        category,
                        severity,
                        status,
                        resolved,
                        ..
                    } => {
                        let resolved = resolved.map(|d| format!(" · {d}")).unwrap_or_default();
                        format!(
                            "{kind} · {} · {} · {}{resolved}",
                            category.label(lang),
                            severity.label(lang),
                            status.label(lang)
                        )
                    }
                    InteractionKind::ServiceRecovery { action, .. } => {
                        format!("{kind} · {action}")
                    }
                    _ => kind.to_owned(),
                }
            }
        }
    }
}

/// The churn form edits the churn record as one piece.
pub type ChurnEdit = Whole<Option<ChurnRecord>>;

impl Shown for ChurnEdit {
    fn field_name(_: (), lang: Lang) -> String {
        DetailMsg::ChurnHeading.in_lang(lang).to_owned()
    }

    fn field_value(&self, _: (), lang: Lang) -> String {
        let Some(record) = &self.0 else {
            return DetailMsg::NotSet.in_lang(lang).to_owned();
        };
        let mut reasons: Vec<&str> = record.reasons.iter().map(|r| r.label(lang)).collect();
        if !record.other_reason.is_empty() {
            reasons.push(&record.other_reason);
        }
        let sep = match lang {
            Lang::En => ", ",
            Lang::Zh => "、",
        };
        format!("{} · {}", record.date, reasons.join(sep))
    }
}

/// The CLV assumptions as typed (percentages), so untouched inputs can follow the stored
/// values while the user edits another.
#[derive(Clone, Debug, PartialEq)]
pub struct ClvTexts {
    pub margin: String,
    pub retention: String,
    pub discount: String,
}

/// The inputs of the CLV assumptions form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClvField {
    Margin,
    Retention,
    Discount,
}

crate::fields_by_name!(ClvTexts, ClvField {
    Margin => margin,
    Retention => retention,
    Discount => discount,
});

impl Shown for ClvTexts {
    fn field_name(field: ClvField, lang: Lang) -> String {
        match field {
            ClvField::Margin => DetailMsg::GrossMargin,
            ClvField::Retention => DetailMsg::Retention,
            ClvField::Discount => DetailMsg::DiscountRate,
        }
        .in_lang(lang)
        .to_owned()
    }

    fn field_value(&self, field: ClvField, _: Lang) -> String {
        let text = match field {
            ClvField::Margin => &self.margin,
            ClvField::Retention => &self.retention,
            ClvField::Discount => &self.discount,
        };
        format!("{text}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::domain::{InteractionKind, LifecycleStage};
    use crate::editing::merge::{plan_save, SavePlan};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn stored() -> Customer {
        let mut c = Customer::new(
            7,
            "Wang Fang",
            Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap(),
        );
        c.owner = "Li".into();
        c
    }

    fn note(id: u64, text: &str) -> Interaction {
        Interaction {
            id,
            date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            kind: InteractionKind::Note,
            note: text.into(),
        }
    }

    #[test]
    fn the_customer_form_never_writes_the_timeline_or_churn() {
        let base = stored();
        // Tab B's stale draft: it changed the owner only.
        let mut mine = base.clone();
        mine.owner = "Zhao".into();
        // Tab A meanwhile renamed the customer and added a note.
        let mut theirs = base.clone();
        theirs.name = "Wang Fang (Ltd)".into();
        theirs.interactions.push(note(1, "called back"));
        theirs.stage = LifecycleStage::Formation;
        let SavePlan::Clean(saved) = plan_save(&base, &mine, Some(&theirs)) else {
            panic!("expected a clean merge");
        };
        assert_eq!(saved.name, "Wang Fang (Ltd)");
        assert_eq!(saved.owner, "Zhao");
        assert_eq!(saved.interactions, theirs.interactions);
        assert_eq!(saved.stage, LifecycleStage::Formation);
    }

    #[test]
    fn a_name_changed_in_both_tabs_is_a_conflict_shown_with_both_values() {
        let base = stored();
        let mut mine = base.clone();
        mine.name = "王芳".into();
        let mut theirs = base.clone();
        theirs.name = "Wang Fang Ltd".into();
        let SavePlan::Conflicts { fields, .. } = plan_save(&base, &mine, Some(&theirs)) else {
            panic!("expected a conflict");
        };
        assert_eq!(fields, vec![Field::Name]);
        assert_eq!(mine.field_value(Field::Name, Lang::Zh), "王芳");
        assert_eq!(Customer::field_name(Field::Name, Lang::En), "Name");
    }

    #[test]
    fn a_timeline_entry_merges_its_note_and_details_apart() {
        let base = note(3, "first");
        let mut mine = base.clone();
        mine.kind = InteractionKind::Call;
        let mut theirs = base.clone();
        theirs.note = "first, corrected".into();
        assert_eq!(
            plan_save(&base, &mine, Some(&theirs)),
            SavePlan::Clean(Interaction {
                kind: InteractionKind::Call,
                ..theirs.clone()
            })
        );
        assert_eq!(plan_save(&base, &mine, None), SavePlan::Deleted);
    }
}
