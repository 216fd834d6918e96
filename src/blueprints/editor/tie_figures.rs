//! The figures the canvas and the side panel draw from the open blueprint's ties to the
//! other sections (computed by the domain in `ties.rs`): each tied step's survey result
//! and each step's complaint count, following the surveys' answers and the customers'
//! complaints as they change.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::blueprints::domain::{complaint_counts, tie_results, Blueprint, StepId, TieResult};
use crate::customers::domain::InteractionKind;
use crate::customers::state::use_customers;
use crate::surveys::state::use_surveys;

/// What the canvas shows for the tied steps of the open blueprint: each tied step's
/// survey result, and each step's complaint count.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TieFigures {
    pub results: BTreeMap<StepId, TieResult>,
    pub complaints: BTreeMap<StepId, usize>,
}

/// The tie figures of the open blueprint, following the surveys' answers and the
/// customers' complaints as they change.
pub fn tie_figures(bp: Memo<Blueprint>) -> Memo<TieFigures> {
    let surveys = use_surveys();
    let customers = use_customers();
    Memo::new(move |_| {
        bp.with(|bp| {
            let tied = bp
                .steps
                .iter()
                .any(|s| s.survey.is_some() || !s.complaints.is_empty());
            if !tied {
                return TieFigures::default();
            }
            let results = surveys
                .book
                .with(|b| tie_results(bp, &b.surveys, &b.responses));
            let complaints = customers.customers.with(|b| {
                let keys: Vec<&str> = b
                    .customers
                    .iter()
                    .flat_map(|c| c.interactions.iter())
                    .filter_map(|i| match i.kind {
                        InteractionKind::Complaint { category, .. } => Some(category.key()),
                        _ => None,
                    })
                    .collect();
                complaint_counts(bp, &keys)
            });
            TieFigures {
                results,
                complaints,
            }
        })
    })
}
