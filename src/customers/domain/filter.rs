//! Customer list filters and sort order, and their round trip through URL query pairs.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::abc::{abc_in_list_order, effective_class, AbcSuggestion, AbcThresholds};
use super::churn::{churn_risk, ChurnContext, ChurnLevel};
use super::model::{Channel, Customer, LadderLevel, LifecycleStage, Motive, ValueClass};
use super::search::SearchIndex;
use crate::money::Conversion;

keyed_enum! {
    /// Column the list is sorted by.
    #[derive(Default)]
    pub enum SortKey {
        #[default]
        Name => "name",
        Company => "company",
        Stage => "stage",
        ValueClass => "value_class",
        TotalSpend => "total_spend",
        LastPurchase => "last_purchase",
        Created => "created",
        Updated => "updated",
        ChurnRisk => "churn_risk",
    }
}

keyed_enum! {
    #[derive(Default)]
    pub enum SortDirection {
        #[default]
        Asc => "asc",
        Desc => "desc",
    }
}

/// Everything that decides which customers the list shows and in which order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerFilter {
    pub query: String,
    pub value_class: Option<ValueClass>,
    pub motive: Option<Motive>,
    pub stage: Option<LifecycleStage>,
    pub ladder: Option<LadderLevel>,
    pub channel: Option<Channel>,
    pub tag: Option<String>,
    pub owner: Option<String>,
    pub churn_risk: Option<ChurnLevel>,
    pub sort: SortKey,
    pub direction: SortDirection,
}

impl CustomerFilter {
    /// URL query pairs for every setting that differs from the default.
    pub fn to_query_pairs(&self) -> Vec<(String, String)> {
        let defaults = CustomerFilter::default();
        let text = |t: &str| Some(t.to_string()).filter(|t| !t.is_empty());
        let pairs = [
            ("q", text(&self.query)),
            ("value_class", self.value_class.map(|v| v.key().into())),
            ("motive", self.motive.map(|v| v.key().into())),
            ("stage", self.stage.map(|v| v.key().into())),
            ("ladder", self.ladder.map(|v| v.key().into())),
            ("channel", self.channel.map(|v| v.key().into())),
            ("tag", self.tag.as_deref().and_then(text)),
            ("owner", self.owner.as_deref().and_then(text)),
            ("risk", self.churn_risk.map(|v| v.key().into())),
            (
                "sort",
                Some(self.sort)
                    .filter(|s| *s != defaults.sort)
                    .map(|s| s.key().into()),
            ),
            (
                "dir",
                Some(self.direction)
                    .filter(|d| *d != defaults.direction)
                    .map(|d| d.key().into()),
            ),
        ];
        pairs
            .into_iter()
            .filter_map(|(name, value)| Some((name.to_string(), value?)))
            .collect()
    }

    /// Reads pairs written by [`Self::to_query_pairs`]; unknown names and invalid values
    /// are ignored, so an old or hand-edited URL still opens.
    pub fn from_query_pairs(pairs: &[(String, String)]) -> Self {
        let mut filter = CustomerFilter::default();
        for (name, value) in pairs {
            let text = Some(value.clone()).filter(|v| !v.is_empty());
            match name.as_str() {
                "q" => filter.query = value.clone(),
                "value_class" => filter.value_class = ValueClass::from_key(value),
                "motive" => filter.motive = Motive::from_key(value),
                "stage" => filter.stage = LifecycleStage::from_key(value),
                "ladder" => filter.ladder = LadderLevel::from_key(value),
                "channel" => filter.channel = Channel::from_key(value),
                "tag" => filter.tag = text,
                "owner" => filter.owner = text,
                "risk" => filter.churn_risk = ChurnLevel::from_key(value),
                "sort" => filter.sort = SortKey::from_key(value).unwrap_or_default(),
                "dir" => filter.direction = SortDirection::from_key(value).unwrap_or_default(),
                _ => {}
            }
        }
        filter
    }
}

/// Figures computed once per list change that filtering and sorting need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowFacts {
    /// The manual class if set, else the ABC suggestion.
    pub value_class: ValueClass,
    /// `None` once the customer has churned: no risk filter finds them.
    pub churn_level: Option<ChurnLevel>,
    /// In the home currency (see [`Customer::spend`]).
    pub total_spend_cents: i64,
    /// Purchases in a currency without a rate, left out of the spend.
    pub purchases_not_counted: usize,
    pub last_purchase: Option<NaiveDate>,
}

/// [`RowFacts`] for each customer, in list order.
pub fn row_facts(
    customers: &[Customer],
    thresholds: &AbcThresholds,
    today: NaiveDate,
    conversion: &Conversion,
) -> Vec<RowFacts> {
    let mut facts: Vec<RowFacts> = customers
        .iter()
        .map(|c| unclassed_facts(c, today, conversion))
        .collect();
    classify(
        customers,
        &mut facts,
        &abc_in_list_order(customers, thresholds, conversion),
    );
    facts
}

/// One customer's [`RowFacts`] with the value class still to be set by [`classify`]
/// (the ABC split needs every customer's spend); until then it is the manual class or
/// general.
pub fn unclassed_facts(customer: &Customer, today: NaiveDate, conversion: &Conversion) -> RowFacts {
    unclassed_facts_in(customer, today, conversion, &ChurnContext::default())
}

/// [`unclassed_facts`] with what other sections tell churn risk (falling satisfaction).
pub fn unclassed_facts_in(
    customer: &Customer,
    today: NaiveDate,
    conversion: &Conversion,
    context: &ChurnContext,
) -> RowFacts {
    let spend = customer.spend(conversion);
    RowFacts {
        value_class: effective_class(customer, ValueClass::General),
        churn_level: churn_risk(customer, today, context).level,
        total_spend_cents: spend.cents,
        purchases_not_counted: spend.not_counted_count(),
        last_purchase: customer.last_purchase(),
    }
}

/// Sets each customer's value class in `facts`: the manual class if set, else the ABC
/// suggestion. `facts` and `suggestions` are in list order, one per customer.
pub fn classify(customers: &[Customer], facts: &mut [RowFacts], suggestions: &[AbcSuggestion]) {
    debug_assert_eq!(customers.len(), facts.len());
    for ((customer, facts), suggestion) in customers.iter().zip(facts).zip(suggestions) {
        facts.value_class = effective_class(customer, suggestion.class);
    }
}

/// Indices of the customers that pass `filter`, in its sort order; equal sort keys keep
/// search relevance (best first), then list order.
pub fn filter_customers(
    customers: &[Customer],
    facts: &[RowFacts],
    index: &SearchIndex,
    filter: &CustomerFilter,
) -> Vec<usize> {
    let mut rows: Vec<usize> = index
        .search(&filter.query)
        .into_iter()
        .map(|(i, _)| i)
        .filter(|&i| matches(&customers[i], &facts[i], filter))
        .collect();
    let ordered = |order: Ordering| match filter.direction {
        SortDirection::Asc => order,
        SortDirection::Desc => order.reverse(),
    };
    // Every sort is stable: equal keys keep the relevance order of the search.
    match filter.sort {
        // Names compare as the search index holds them (lowercased, spaces collapsed),
        // so sorting 10,000 rows by name allocates nothing.
        SortKey::Name => rows.sort_by(|&a, &b| ordered(index.name_key(a).cmp(index.name_key(b)))),
        // Lowercased once per row, not per comparison.
        SortKey::Company => match filter.direction {
            SortDirection::Asc => rows.sort_by_cached_key(|&i| customers[i].company.to_lowercase()),
            SortDirection::Desc => {
                rows.sort_by_cached_key(|&i| std::cmp::Reverse(customers[i].company.to_lowercase()))
            }
        },
        key => rows.sort_by(|&a, &b| {
            ordered(compare(
                key,
                (&customers[a], &facts[a]),
                (&customers[b], &facts[b]),
            ))
        }),
    }
    rows
}

fn matches(c: &Customer, facts: &RowFacts, f: &CustomerFilter) -> bool {
    fn wanted<T: PartialEq>(want: &Option<T>, have: T) -> bool {
        want.as_ref().is_none_or(|w| *w == have)
    }
    wanted(&f.value_class, facts.value_class)
        && (f.motive.is_none() || f.motive == c.motive)
        && wanted(&f.stage, c.stage)
        && wanted(&f.ladder, c.ladder)
        && wanted(&f.channel, c.channel)
        // A churned customer has no risk level, so every risk filter leaves them out.
        && f.churn_risk.is_none_or(|w| facts.churn_level == Some(w))
        && f.tag
            .as_ref()
            .is_none_or(|t| c.tags.iter().any(|have| have.eq_ignore_ascii_case(t)))
        && f.owner.as_ref().is_none_or(|o| c.owner == *o)
}

fn compare(
    key: SortKey,
    (a, fa): (&Customer, &RowFacts),
    (b, fb): (&Customer, &RowFacts),
) -> Ordering {
    match key {
        // Text keys are compared by `filter_customers` itself.
        SortKey::Name | SortKey::Company => Ordering::Equal,
        SortKey::Stage => a.stage.cmp(&b.stage),
        SortKey::ValueClass => fa.value_class.cmp(&fb.value_class),
        SortKey::TotalSpend => fa.total_spend_cents.cmp(&fb.total_spend_cents),
        SortKey::LastPurchase => fa.last_purchase.cmp(&fb.last_purchase),
        SortKey::Created => a.created_at.cmp(&b.created_at),
        SortKey::Updated => a.updated_at.cmp(&b.updated_at),
        // Churned (no level) sorts below low risk.
        SortKey::ChurnRisk => fa.churn_level.cmp(&fb.churn_level),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{at, buyer, churned_on, cny, complaint, customer, day};
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn query_pairs_round_trip_and_ignore_invalid_values() {
        let full = CustomerFilter {
            query: "王 芳".into(),
            value_class: Some(ValueClass::Key),
            motive: Some(Motive::Ethical),
            stage: Some(LifecycleStage::Decline),
            ladder: Some(LadderLevel::Advocate),
            channel: Some(Channel::Referral),
            tag: Some("vip".into()),
            owner: Some("李经理".into()),
            churn_risk: Some(ChurnLevel::High),
            sort: SortKey::TotalSpend,
            direction: SortDirection::Desc,
        };
        let cases: &[(&[(&str, &str)], CustomerFilter)] = &[
            (&[], CustomerFilter::default()),
            (
                &[
                    ("stage", "bogus"),
                    ("sort", "price"),
                    ("dir", "up"),
                    ("page", "2"),
                    ("tag", ""),
                ],
                CustomerFilter::default(),
            ),
            (
                &[("risk", "medium"), ("sort", "churn_risk")],
                CustomerFilter {
                    churn_risk: Some(ChurnLevel::Medium),
                    sort: SortKey::ChurnRisk,
                    ..Default::default()
                },
            ),
            (
                &[
                    ("q", "王 芳"),
                    ("value_class", "key"),
                    ("motive", "ethical"),
                    ("stage", "decline"),
                    ("ladder", "advocate"),
                    ("channel", "referral"),
                    ("tag", "vip"),
                    ("owner", "李经理"),
                    ("risk", "high"),
                    ("sort", "total_spend"),
                    ("dir", "desc"),
                ],
                full.clone(),
            ),
        ];
        for (list, expected) in cases {
            let parsed = CustomerFilter::from_query_pairs(&pairs(list));
            assert_eq!(&parsed, expected, "{list:?}");
            assert_eq!(
                CustomerFilter::from_query_pairs(&parsed.to_query_pairs()),
                parsed
            );
        }
        assert_eq!(CustomerFilter::default().to_query_pairs(), vec![]);
        assert_eq!(full.to_query_pairs().len(), 11);
    }

    #[test]
    fn filters_and_sorts() {
        let today = day(2024, 12, 31);
        let mut list = vec![
            buyer(1, &[(day(2024, 12, 1), 50_000)]),
            buyer(2, &[(day(2024, 1, 1), 1_000)]),
            customer(3, "zoe"),
            customer(4, "Adam"),
        ];
        list[0].name = "Bob".into();
        list[0].tags = vec!["VIP".into()];
        list[1].name = "amy".into();
        list[1].stage = LifecycleStage::Decline;
        list[2].interactions = vec![complaint(1, day(2024, 12, 25), None)];
        list[3].value_class = Some(ValueClass::Key);
        list[3].updated_at = at(2025, 1, 1);
        list[0].company = "Ming".into();
        list[1].company = "Kim".into();
        list[2].company = "kim".into();
        let facts = row_facts(&list, &AbcThresholds::default(), today, &cny());
        let index = SearchIndex::new(&list);
        let f = |pairs_: &[(&str, &str)]| CustomerFilter::from_query_pairs(&pairs(pairs_));
        // (filter, expected ids in order)
        let cases: &[(CustomerFilter, &[u64])] = &[
            (f(&[]), &[4, 2, 1, 3]),
            (f(&[("dir", "desc")]), &[3, 1, 2, 4]),
            (
                f(&[("sort", "total_spend"), ("dir", "desc")]),
                &[1, 2, 3, 4],
            ),
            (f(&[("sort", "last_purchase")]), &[3, 4, 2, 1]),
            // Equal companies (any case) keep list order, either way round.
            (f(&[("sort", "company")]), &[4, 2, 3, 1]),
            (f(&[("sort", "company"), ("dir", "desc")]), &[1, 2, 3, 4]),
            (f(&[("sort", "updated"), ("dir", "desc")]), &[4, 1, 2, 3]),
            (f(&[("value_class", "key")]), &[4, 1]),
            (f(&[("tag", "vip")]), &[1]),
            (f(&[("risk", "high")]), &[2]),
            (f(&[("risk", "medium")]), &[3]),
            (f(&[("stage", "decline")]), &[2]),
            (f(&[("q", "a"), ("sort", "created")]), &[2, 4]),
        ];
        for (filter, expected) in cases {
            let ids: Vec<u64> = filter_customers(&list, &facts, &index, filter)
                .iter()
                .map(|&i| list[i].id)
                .collect();
            assert_eq!(ids, *expected, "{filter:?}");
        }
    }

    #[test]
    fn churned_customers_are_left_out_of_every_risk_filter() {
        let today = day(2024, 12, 31);
        // 1 bought recently (low risk); 2 and 3 bought recently too but have churned,
        // one by stage and one by a churn record; 4 is in decline (high risk).
        let mut list = vec![
            buyer(1, &[(day(2024, 12, 1), 100)]),
            buyer(2, &[(day(2024, 12, 1), 100)]),
            buyer(3, &[(day(2024, 12, 1), 100)]),
            buyer(4, &[(day(2024, 12, 1), 100)]),
        ];
        list[1].stage = LifecycleStage::Churned;
        list[2].churn = Some(churned_on(day(2024, 12, 20)));
        list[3].stage = LifecycleStage::Decline;
        let facts = row_facts(&list, &AbcThresholds::default(), today, &cny());
        let levels: Vec<_> = facts.iter().map(|f| f.churn_level).collect();
        assert_eq!(
            levels,
            [Some(ChurnLevel::Low), None, None, Some(ChurnLevel::Medium)]
        );
        let index = SearchIndex::new(&list);
        let f = |pairs_: &[(&str, &str)]| CustomerFilter::from_query_pairs(&pairs(pairs_));
        let cases: &[(CustomerFilter, &[u64])] = &[
            (f(&[("risk", "low")]), &[1]),
            (f(&[("risk", "medium")]), &[4]),
            (f(&[("risk", "high")]), &[]),
            // No risk filter: everyone, churned included.
            (f(&[("sort", "churn_risk")]), &[2, 3, 1, 4]),
        ];
        for (filter, expected) in cases {
            let ids: Vec<u64> = filter_customers(&list, &facts, &index, filter)
                .iter()
                .map(|&i| list[i].id)
                .collect();
            assert_eq!(ids, *expected, "{filter:?}");
        }
    }
}
