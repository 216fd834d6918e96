//! Builders shared by the domain's unit tests, so each table row stays one line.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::model::{
    ChurnRecord, ComplaintCategory, ComplaintStatus, Customer, Interaction, InteractionKind,
    Severity,
};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 0, 0)
        .single()
        .expect("valid test time")
}

/// A churn record dated `date` with nothing else filled in.
pub fn churned_on(date: NaiveDate) -> ChurnRecord {
    ChurnRecord {
        date,
        reasons: Vec::new(),
        other_reason: String::new(),
        prevention_tried: Vec::new(),
        notes: String::new(),
    }
}

pub fn customer(id: u64, name: &str) -> Customer {
    Customer::new(id, name, at(2024, 1, 1))
}

pub fn purchase(id: u64, date: NaiveDate, amount_cents: i64) -> Interaction {
    Interaction {
        id,
        date,
        kind: InteractionKind::Purchase {
            amount_cents,
            currency: "CNY".into(),
            items: String::new(),
        },
        note: String::new(),
    }
}

pub fn complaint(id: u64, opened: NaiveDate, resolved: Option<NaiveDate>) -> Interaction {
    Interaction {
        id,
        date: opened,
        kind: InteractionKind::Complaint {
            category: ComplaintCategory::Service,
            severity: Severity::Medium,
            status: if resolved.is_some() {
                ComplaintStatus::Resolved
            } else {
                ComplaintStatus::Open
            },
            opened,
            resolved,
        },
        note: String::new(),
    }
}

pub fn simple(id: u64, date: NaiveDate, kind: InteractionKind) -> Interaction {
    Interaction {
        id,
        date,
        kind,
        note: String::new(),
    }
}

/// A customer with purchases of the given amounts on the given dates.
pub fn buyer(id: u64, purchases: &[(NaiveDate, i64)]) -> Customer {
    let mut c = customer(id, &format!("Buyer {id}"));
    c.interactions = purchases
        .iter()
        .zip(1..)
        .map(|(&(date, cents), iid)| purchase(iid, date, cents))
        .collect();
    c
}

/// The home currency CNY with no rates: the test purchases (all in CNY) count as they are.
pub fn cny() -> crate::money::Conversion {
    crate::money::Conversion::home_only(crate::money::Currency::CNY)
}
