//! A customer's credit file (scorecard, balance sheets, terms, limit, documents and
//! decisions) and the credit book that holds every file, the policy and the ledger.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::altman::{BalanceSheet, FirmType, ZScore};
use super::conditions::CreditTerms;
use super::ledger::Ledger;
use super::limits::LimitInputs;
use super::policy::{CreditPolicy, DecisionKind};
use super::scorecard::Scorecard;

/// A recorded credit decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub kind: DecisionKind,
    pub date: NaiveDate,
    pub by: String,
    /// The reasons, in the decider's words (the policy's checks are shown beside them).
    #[serde(default)]
    pub reasons: String,
    pub next_review: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreditFile {
    pub customer_id: u64,
    pub scorecard: Scorecard,
    pub firm_type: FirmType,
    /// One per year, oldest first.
    pub sheets: Vec<BalanceSheet>,
    pub terms: CreditTerms,
    pub limit_inputs: LimitInputs,
    /// The limit chosen, in cents of `limit_currency`.
    pub limit_cents: Option<i64>,
    pub limit_currency: String,
    pub documents_received: Vec<String>,
    /// Newest last.
    pub decisions: Vec<Decision>,
}

impl Default for CreditFile {
    fn default() -> Self {
        CreditFile::new(0)
    }
}

impl CreditFile {
    pub fn new(customer_id: u64) -> CreditFile {
        CreditFile {
            customer_id,
            scorecard: Scorecard::default(),
            firm_type: FirmType::default(),
            sheets: Vec::new(),
            terms: CreditTerms::default(),
            limit_inputs: LimitInputs::default(),
            limit_cents: None,
            limit_currency: "CNY".into(),
            documents_received: Vec::new(),
            decisions: Vec::new(),
        }
    }

    /// The latest decision.
    pub fn decision(&self) -> Option<&Decision> {
        self.decisions.last()
    }

    /// The score of the newest year, under the model the firm type suggests.
    pub fn latest_z(&self) -> Option<ZScore> {
        let sheet = self.sheets.iter().max_by_key(|s| s.year)?;
        sheet.score(self.firm_type.model()).ok()
    }

    /// Every year's score, oldest first (years that cannot be scored are left out).
    pub fn z_trend(&self) -> Vec<ZScore> {
        let mut years: Vec<ZScore> = self
            .sheets
            .iter()
            .filter_map(|s| s.score(self.firm_type.model()).ok())
            .collect();
        years.sort_by_key(|z| z.year);
        years
    }

    /// Puts `sheet` in, replacing the same year's.
    pub fn put_sheet(&mut self, sheet: BalanceSheet) {
        self.sheets.retain(|s| s.year != sheet.year);
        self.sheets.push(sheet);
        self.sheets.sort_by_key(|s| s.year);
    }

    /// When the next review is due, if a decision was made.
    pub fn next_review(&self) -> Option<NaiveDate> {
        self.decision().map(|d| d.next_review)
    }

    /// Records a decision; the next review is `review_months` later.
    pub fn decide(
        &mut self,
        kind: DecisionKind,
        date: NaiveDate,
        by: &str,
        reasons: &str,
        review_months: u32,
    ) {
        self.decisions.push(Decision {
            kind,
            date,
            by: by.trim().to_owned(),
            reasons: reasons.trim().to_owned(),
            next_review: date
                .checked_add_months(Months::new(review_months))
                .unwrap_or(date),
        });
    }
}

/// Everything the credit section stores.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreditBook {
    pub policy: CreditPolicy,
    pub files: Vec<CreditFile>,
    pub ledger: Ledger,
}

impl CreditBook {
    pub fn file(&self, customer_id: u64) -> Option<&CreditFile> {
        self.files.iter().find(|f| f.customer_id == customer_id)
    }

    /// The customer's file, created if there is none.
    pub fn file_mut(&mut self, customer_id: u64) -> &mut CreditFile {
        if let Some(i) = self.files.iter().position(|f| f.customer_id == customer_id) {
            return &mut self.files[i];
        }
        self.files.push(CreditFile::new(customer_id));
        self.files.last_mut().expect("just pushed")
    }

    /// Files whose review date is on or before `today`.
    pub fn reviews_due(&self, today: NaiveDate) -> Vec<&CreditFile> {
        self.files
            .iter()
            .filter(|f| f.next_review().is_some_and(|d| d <= today))
            .collect()
    }

    /// The customers who have a file or ledger entries.
    pub fn customer_ids(&self) -> Vec<u64> {
        let mut ids: Vec<u64> = self.files.iter().map(|f| f.customer_id).collect();
        ids.extend(self.ledger.invoices().map(|i| i.customer_id));
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::super::ledger::tests::day;
    use super::*;

    #[test]
    fn decisions_set_the_next_review() {
        let mut book = CreditBook::default();
        book.file_mut(7).decide(
            DecisionKind::Approve,
            day("2026-01-31"),
            "Li",
            "good payer",
            12,
        );
        assert_eq!(book.file(7).unwrap().next_review(), Some(day("2027-01-31")));
        assert!(book.reviews_due(day("2027-01-30")).is_empty());
        assert_eq!(book.reviews_due(day("2027-01-31")).len(), 1);
        // file_mut finds the same file again.
        book.file_mut(7).limit_cents = Some(5);
        assert_eq!(book.files.len(), 1);
    }

    #[test]
    fn the_trend_keeps_one_sheet_per_year() {
        let mut file = CreditFile::new(1);
        file.firm_type = FirmType::PrivateFirm;
        let sheet = |year, ebit| BalanceSheet {
            year,
            current_assets: 50,
            current_liabilities: 20,
            total_assets: 100,
            total_liabilities: 60,
            retained_earnings: 20,
            ebit,
            sales: 150,
            book_equity: 40,
            ..BalanceSheet::default()
        };
        file.put_sheet(sheet(2025, 15));
        file.put_sheet(sheet(2024, 5));
        file.put_sheet(sheet(2025, 10));
        let trend = file.z_trend();
        assert_eq!(
            trend.iter().map(|z| z.year).collect::<Vec<_>>(),
            vec![2024, 2025]
        );
        assert_eq!(file.latest_z().unwrap().sheet.ebit, 10);
    }

    #[test]
    fn the_book_round_trips_through_json() {
        let mut book = CreditBook::default();
        book.file_mut(3).documents_received.push("x".into());
        let json = serde_json::to_string(&book).unwrap();
        let back: CreditBook = serde_json::from_str(&json).unwrap();
        assert_eq!(back, book);
        // An empty object reads as an empty book with the default policy.
        let empty: CreditBook = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, CreditBook::default());
    }
}
