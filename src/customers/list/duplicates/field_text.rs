//! A customer's value of one field as text, for the merge view's side-by-side choice.

use crate::customers::domain::{Customer, Field};
use crate::customers::labels::Labelled;
use crate::customers::list::messages::ListMsg;
use crate::i18n::{Lang, Text};

/// What `c` holds in `field`, in the user's language ("" when blank).
pub fn field_text(c: &Customer, field: Field, lang: Lang) -> String {
    let label = |l: Option<&'static str>| l.unwrap_or_default().to_string();
    match field {
        Field::Name => c.name.clone(),
        Field::Kind => c.kind.label(lang).into(),
        Field::Company => c.company.clone(),
        Field::Phone => c.phone.clone(),
        Field::Email => c.email.clone(),
        Field::Address => c.address.clone(),
        Field::Owner => c.owner.clone(),
        Field::Notes => c.notes.clone(),
        Field::Tags => c.tags.join(", "),
        Field::ValueClass => label(c.value_class.map(|v| v.label(lang))),
        Field::Motive => label(c.motive.map(|v| v.label(lang))),
        Field::Internal => if c.internal {
            ListMsg::Yes
        } else {
            ListMsg::No
        }
        .in_lang(lang)
        .into(),
        Field::Stage => c.stage.label(lang).into(),
        Field::Ladder => c.ladder.label(lang).into(),
        Field::RelationshipLevel => label(c.relationship_level.map(|v| v.label(lang))),
        Field::Channel => c.channel.label(lang).into(),
        Field::ReferredBy => c.referred_by.map(|id| format!("#{id}")).unwrap_or_default(),
        Field::Churn => c
            .churn
            .as_ref()
            .map(|ch| ch.date.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        Field::Interactions => c.interactions.len().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::domain::{LifecycleStage, ValueClass};

    #[test]
    fn values_read_in_the_users_language() {
        let mut c = Customer::new(7, "王芳", "2025-01-01T00:00:00Z".parse().unwrap());
        c.stage = LifecycleStage::Decline;
        c.value_class = Some(ValueClass::Key);
        c.referred_by = Some(3);
        let cases = [
            (Field::Name, Lang::En, "王芳"),
            (Field::Stage, Lang::Zh, "退化期"),
            (Field::Stage, Lang::En, "Decline"),
            (Field::ValueClass, Lang::Zh, "关键客户"),
            (Field::Motive, Lang::En, ""),
            (Field::Internal, Lang::Zh, "否"),
            (Field::ReferredBy, Lang::En, "#3"),
        ];
        for (field, lang, text) in cases {
            assert_eq!(field_text(&c, field, lang), text, "{field:?} {lang:?}");
        }
    }
}
