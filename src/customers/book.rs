//! The stored customer collection: every customer record plus the next free id.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::domain::{ClvAssumptions, Customer};
use crate::storage::{Document, Migration};

/// All customers, as one versioned document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerBook {
    pub customers: Vec<Customer>,
    /// The id the next new customer gets; never reused, so references stay unambiguous.
    pub next_id: u64,
    /// The customer-lifetime-value assumptions the user set (margin, retention, discount).
    #[serde(default)]
    pub clv_assumptions: ClvAssumptions,
}

impl CustomerBook {
    /// Hands out a fresh customer id.
    pub fn take_id(&mut self) -> u64 {
        let highest = self.customers.iter().map(|c| c.id).max().unwrap_or(0);
        self.next_id = self.next_id.max(highest + 1);
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    pub fn get(&self, id: u64) -> Option<&Customer> {
        self.customers.iter().find(|c| c.id == id)
    }

    pub fn get_mut(&mut self, id: u64) -> Option<&mut Customer> {
        self.customers.iter_mut().find(|c| c.id == id)
    }
}

#[derive(Deserialize)]
struct RawBook {
    #[serde(default)]
    customers: Vec<Value>,
    #[serde(default)]
    next_id: u64,
    #[serde(default)]
    clv_assumptions: ClvAssumptions,
}

impl Document for CustomerBook {
    const KEY: &'static str = "crm.customers";
    const SCHEMA: u32 = 1;
    const MIGRATIONS: &'static [Migration] = &[];

    /// Keeps every customer that can be read; the unreadable ones go to quarantine
    /// instead of taking the whole book down with them.
    fn from_data(data: Value) -> Result<(Self, Vec<Value>), String> {
        let raw: RawBook = serde_json::from_value(data).map_err(|e| e.to_string())?;
        let mut book = CustomerBook {
            customers: Vec::with_capacity(raw.customers.len()),
            next_id: raw.next_id,
            clv_assumptions: raw.clv_assumptions,
        };
        let mut rejected = Vec::new();
        for value in raw.customers {
            match serde_json::from_value::<Customer>(value.clone()) {
                Ok(customer) => book.customers.push(customer),
                Err(_) => rejected.push(value),
            }
        }
        Ok((book, rejected))
    }

    fn record_count(&self) -> Option<usize> {
        Some(self.customers.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::envelope::{decode, encode};
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn one_unreadable_customer_is_set_aside_and_the_rest_are_kept() {
        let mut book = CustomerBook::default();
        for name in ["王芳", "Ann Lee"] {
            let id = book.take_id();
            book.customers.push(Customer::new(id, name, now()));
        }
        let mut value: Value = serde_json::from_str(&encode(&book, 1)).unwrap();
        value["data"]["customers"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"id": "broken"}));
        let decoded = decode::<CustomerBook>(&value.to_string()).unwrap();
        assert_eq!(decoded.doc, book);
        assert_eq!(decoded.rejected, vec![serde_json::json!({"id": "broken"})]);
    }

    #[test]
    fn clv_assumptions_default_when_missing_and_round_trip_when_set() {
        let old = r#"{"schema":1,"rev":1,"data":{"customers":[],"next_id":3}}"#;
        let decoded = decode::<CustomerBook>(old).unwrap();
        assert_eq!(decoded.doc.clv_assumptions, ClvAssumptions::default());
        let mut book = CustomerBook::default();
        book.clv_assumptions.gross_margin = 0.45;
        let decoded = decode::<CustomerBook>(&encode(&book, 1)).unwrap();
        assert_eq!(decoded.doc.clv_assumptions.gross_margin, 0.45);
    }

    #[test]
    fn ids_are_never_reused() {
        let mut book = CustomerBook::default();
        let first = book.take_id();
        book.customers.push(Customer::new(first, "A", now()));
        book.customers.clear();
        assert_eq!(book.take_id(), first + 1);
        book.customers.push(Customer::new(40, "imported", now()));
        assert_eq!(book.take_id(), 41);
    }
}
