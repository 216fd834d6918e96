//! Which responses the results count: a date range and a customer segment (value class,
//! lifecycle stage, channel, motive, tag) read through each response's linked customer,
//! and their round trip through URL query pairs (the second filter of a comparison
//! under a `b_` prefix).

use chrono::NaiveDate;

use super::model::Response;
use crate::customers::domain::{Channel, LifecycleStage, Motive, ValueClass};

/// What the segment filter needs to know of one customer (the caller derives it: the
/// value class is the manual class or the ABC suggestion, as on the customer list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerSegment {
    pub value_class: ValueClass,
    pub stage: LifecycleStage,
    pub channel: Channel,
    pub motive: Option<Motive>,
    pub tags: Vec<String>,
}

/// A customer segment; every part left `None` lets everyone through.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Segment {
    pub value_class: Option<ValueClass>,
    pub stage: Option<LifecycleStage>,
    pub channel: Option<Channel>,
    pub motive: Option<Motive>,
    /// Compared without regard to ASCII case, like the customer list's tag filter.
    pub tag: Option<String>,
}

impl Segment {
    pub fn is_everyone(&self) -> bool {
        *self == Segment::default()
    }

    /// Whether a customer with these facts is in the segment.
    pub fn holds(&self, c: &CustomerSegment) -> bool {
        self.value_class.is_none_or(|v| v == c.value_class)
            && self.stage.is_none_or(|v| v == c.stage)
            && self.channel.is_none_or(|v| v == c.channel)
            && self.motive.is_none_or(|v| Some(v) == c.motive)
            && self
                .tag
                .as_ref()
                .is_none_or(|t| c.tags.iter().any(|have| have.eq_ignore_ascii_case(t)))
    }
}

/// The responses the results count: submitted within `from`…`to` (both included) by a
/// customer in `segment`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ResultsFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub segment: Segment,
}

/// The query names, each under a prefix (`""` for the filter, `"b_"` for the second
/// filter of a comparison).
const FROM: &str = "from";
const TO: &str = "to";
const CLASS: &str = "class";
const STAGE: &str = "stage";
const CHANNEL: &str = "channel";
const MOTIVE: &str = "motive";
const TAG: &str = "tag";

impl ResultsFilter {
    pub fn is_everything(&self) -> bool {
        *self == ResultsFilter::default()
    }

    /// Whether a response dated `submitted` is within the range.
    pub fn in_range(&self, submitted: NaiveDate) -> bool {
        self.from.is_none_or(|f| submitted >= f) && self.to.is_none_or(|t| submitted <= t)
    }

    /// URL query pairs for every part that is set, each name after `prefix`.
    pub fn to_query_pairs(&self, prefix: &str) -> Vec<(String, String)> {
        let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let s = &self.segment;
        [
            (FROM, date(self.from)),
            (TO, date(self.to)),
            (CLASS, s.value_class.map(|v| v.key().to_owned())),
            (STAGE, s.stage.map(|v| v.key().to_owned())),
            (CHANNEL, s.channel.map(|v| v.key().to_owned())),
            (MOTIVE, s.motive.map(|v| v.key().to_owned())),
            (TAG, s.tag.clone().filter(|t| !t.trim().is_empty())),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((format!("{prefix}{name}"), value?)))
        .collect()
    }

    /// Reads the pairs named after `prefix` (written by [`Self::to_query_pairs`]);
    /// unknown names and values that do not read are ignored, so a hand-edited URL opens.
    pub fn from_query_pairs(pairs: &[(String, String)], prefix: &str) -> ResultsFilter {
        let mut f = ResultsFilter::default();
        for (name, value) in pairs {
            let Some(name) = name.strip_prefix(prefix) else {
                continue;
            };
            let date = || NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok();
            match name {
                FROM => f.from = date(),
                TO => f.to = date(),
                CLASS => f.segment.value_class = ValueClass::from_key(value),
                STAGE => f.segment.stage = LifecycleStage::from_key(value),
                CHANNEL => f.segment.channel = Channel::from_key(value),
                MOTIVE => f.segment.motive = Motive::from_key(value),
                TAG => f.segment.tag = Some(value.trim().to_owned()).filter(|t| !t.is_empty()),
                _ => {}
            }
        }
        f
    }
}

/// The responses a filter keeps, and how many it left out for each reason.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filtered {
    /// Where the kept responses are in the responses filtered, in their order: a filter
    /// over 10,000 responses copied them all before, the longest step of a change.
    pub kept: Vec<u32>,
    /// Every response looked at.
    pub all: usize,
    /// Left out: submitted outside the date range.
    pub outside_dates: usize,
    /// Left out by a segment filter: no linked customer (or the customer was deleted),
    /// so the segment cannot be known.
    pub unlinked: usize,
    /// Left out: the linked customer is not in the segment.
    pub outside_segment: usize,
}

impl Filtered {
    /// How many responses the filter kept.
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// The kept responses, out of `responses` (those that were filtered).
    pub fn responses<'r>(&self, responses: &'r [Response]) -> Vec<&'r Response> {
        self.kept.iter().map(|&i| &responses[i as usize]).collect()
    }
}

/// The responses to survey `survey_id` that pass `filter`; `segment_of` gives a linked
/// customer's facts (`None` for a customer no longer in the book).
pub fn filter_responses<'a>(
    responses: &[Response],
    survey_id: u64,
    filter: &ResultsFilter,
    segment_of: impl Fn(u64) -> Option<&'a CustomerSegment>,
) -> Filtered {
    let mut out = Filtered::default();
    let by_segment = !filter.segment.is_everyone();
    for (at, r) in responses.iter().enumerate() {
        if r.survey_id != survey_id {
            continue;
        }
        out.all += 1;
        if !filter.in_range(r.submitted) {
            out.outside_dates += 1;
            continue;
        }
        if by_segment {
            match r.customer_id.and_then(&segment_of) {
                None => {
                    out.unlinked += 1;
                    continue;
                }
                Some(c) if !filter.segment.holds(c) => {
                    out.outside_segment += 1;
                    continue;
                }
                Some(_) => {}
            }
        }
        out.kept.push(at as u32);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
    }

    fn response(id: u64, customer: Option<u64>, date: &str) -> Response {
        Response {
            id,
            survey_id: 1,
            customer_id: customer,
            submitted: day(date),
            ..Response::default()
        }
    }

    fn customers() -> BTreeMap<u64, CustomerSegment> {
        let c = |value_class, stage, channel, motive, tags: &[&str]| CustomerSegment {
            value_class,
            stage,
            channel,
            motive,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        };
        BTreeMap::from([
            (
                1,
                c(
                    ValueClass::Key,
                    LifecycleStage::Stability,
                    Channel::Referral,
                    Some(Motive::Economic),
                    &["VIP"],
                ),
            ),
            (
                2,
                c(
                    ValueClass::General,
                    LifecycleStage::Exploration,
                    Channel::Advertising,
                    None,
                    &[],
                ),
            ),
            (
                3,
                c(
                    ValueClass::Key,
                    LifecycleStage::Decline,
                    Channel::Advertising,
                    Some(Motive::Convenience),
                    &["vip", "north"],
                ),
            ),
        ])
    }

    /// Responses 1–3 by customers 1–3, 4 by no one, 5 by a deleted customer (9).
    fn responses() -> Vec<Response> {
        vec![
            response(1, Some(1), "2026-01-10"),
            response(2, Some(2), "2026-02-10"),
            response(3, Some(3), "2026-03-10"),
            response(4, None, "2026-02-20"),
            response(5, Some(9), "2026-03-01"),
        ]
    }

    #[test]
    fn each_filter_keeps_the_responses_it_should_and_counts_the_rest() {
        let book = customers();
        let segment = |s: Segment| ResultsFilter {
            segment: s,
            ..ResultsFilter::default()
        };
        // (filter, kept ids, outside dates, unlinked, outside segment)
        let table: Vec<(ResultsFilter, Vec<u64>, usize, usize, usize)> = vec![
            (ResultsFilter::default(), vec![1, 2, 3, 4, 5], 0, 0, 0),
            (
                ResultsFilter {
                    from: Some(day("2026-02-10")),
                    to: Some(day("2026-03-01")),
                    ..ResultsFilter::default()
                },
                vec![2, 4, 5],
                2,
                0,
                0,
            ),
            (
                segment(Segment {
                    value_class: Some(ValueClass::Key),
                    ..Segment::default()
                }),
                vec![1, 3],
                0,
                2,
                1,
            ),
            (
                segment(Segment {
                    stage: Some(LifecycleStage::Exploration),
                    ..Segment::default()
                }),
                vec![2],
                0,
                2,
                2,
            ),
            (
                segment(Segment {
                    channel: Some(Channel::Advertising),
                    ..Segment::default()
                }),
                vec![2, 3],
                0,
                2,
                1,
            ),
            (
                segment(Segment {
                    motive: Some(Motive::Economic),
                    ..Segment::default()
                }),
                vec![1],
                0,
                2,
                2,
            ),
            // Tags match without regard to case.
            (
                segment(Segment {
                    tag: Some("Vip".into()),
                    ..Segment::default()
                }),
                vec![1, 3],
                0,
                2,
                1,
            ),
            // Date and segment together: the date is looked at first.
            (
                ResultsFilter {
                    from: Some(day("2026-03-01")),
                    to: None,
                    segment: Segment {
                        value_class: Some(ValueClass::Key),
                        ..Segment::default()
                    },
                },
                vec![3],
                3,
                1,
                0,
            ),
        ];
        for (filter, kept, dates, unlinked, outside) in table {
            let mut all = responses();
            // Another survey's response is not looked at.
            all.insert(
                2,
                Response {
                    survey_id: 2,
                    ..response(9, Some(1), "2026-02-01")
                },
            );
            let f = filter_responses(&all, 1, &filter, |id| book.get(&id));
            let ids: Vec<u64> = f.responses(&all).iter().map(|r| r.id).collect();
            assert_eq!(
                (ids, f.outside_dates, f.unlinked, f.outside_segment, f.all),
                (kept, dates, unlinked, outside, 5),
                "{filter:?}"
            );
        }
    }

    #[test]
    fn a_filter_reads_back_from_its_query_pairs_under_either_prefix() {
        let filter = ResultsFilter {
            from: Some(day("2026-01-01")),
            to: Some(day("2026-06-30")),
            segment: Segment {
                value_class: Some(ValueClass::Potential),
                stage: Some(LifecycleStage::Formation),
                channel: Some(Channel::Agent),
                motive: Some(Motive::Ethical),
                tag: Some("north".into()),
            },
        };
        for prefix in ["", "b_"] {
            let pairs = filter.to_query_pairs(prefix);
            assert_eq!(pairs.len(), 7);
            assert_eq!(ResultsFilter::from_query_pairs(&pairs, prefix), filter);
        }
        // The two filters of a comparison live side by side in one query.
        let mut both = filter.to_query_pairs("");
        both.extend(ResultsFilter::default().to_query_pairs("b_"));
        assert_eq!(
            ResultsFilter::from_query_pairs(&both, "b_"),
            ResultsFilter::default()
        );
        assert!(ResultsFilter::default().to_query_pairs("").is_empty());
    }

    #[test]
    fn a_hand_edited_query_still_opens() {
        let pairs: Vec<(String, String)> = [
            ("from", "2026-13-01"),
            ("to", " 2026-02-01 "),
            ("class", "gold"),
            ("tag", "  "),
            ("colour", "red"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
        assert_eq!(
            ResultsFilter::from_query_pairs(&pairs, ""),
            ResultsFilter {
                to: Some(day("2026-02-01")),
                ..ResultsFilter::default()
            }
        );
    }
}
