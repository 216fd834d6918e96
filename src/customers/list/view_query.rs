//! What the list shows, as it is kept in the URL query: the filter, sort, search and page.

use crate::customers::domain::CustomerFilter;

/// The rows-per-page choices. The first is the default: about a screenful, and each row
/// shown costs layout on every keystroke (BENCHMARKS.md: 50 rows take twice as long).
pub const PAGE_SIZES: [usize; 3] = [25, 50, 100];

/// The list view a URL describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    pub filter: CustomerFilter,
    /// 1-based; clamped to the last page when shown.
    pub page: usize,
    /// Rows per page, one of [`PAGE_SIZES`].
    pub per_page: usize,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            filter: CustomerFilter::default(),
            page: 1,
            per_page: PAGE_SIZES[0],
        }
    }
}

impl ListQuery {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let page = pairs
            .iter()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse().ok())
            .filter(|&p: &usize| p >= 1)
            .unwrap_or(1);
        let per_page = pairs
            .iter()
            .find(|(k, _)| k == "per")
            .and_then(|(_, v)| v.parse().ok())
            .filter(|n| PAGE_SIZES.contains(n))
            .unwrap_or(PAGE_SIZES[0]);
        ListQuery {
            filter: CustomerFilter::from_query_pairs(pairs),
            page,
            per_page,
        }
    }

    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = self.filter.to_query_pairs();
        if self.per_page != PAGE_SIZES[0] {
            pairs.push(("per".into(), self.per_page.to_string()));
        }
        if self.page > 1 {
            pairs.push(("page".into(), self.page.to_string()));
        }
        pairs
    }
}

/// One page of a result list: which rows to show and how many pages there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageWindow {
    /// The page actually shown (1-based, within `1..=pages`).
    pub page: usize,
    pub pages: usize,
    /// Row range `start..end` into the result list.
    pub start: usize,
    pub end: usize,
}

/// The rows of `page` among `total`; a page past the end shows the last page.
pub fn page_window(total: usize, page: usize, per_page: usize) -> PageWindow {
    let pages = total.div_ceil(per_page).max(1);
    let page = page.clamp(1, pages);
    let start = ((page - 1) * per_page).min(total);
    PageWindow {
        page,
        pages,
        start,
        end: (start + per_page).min(total),
    }
}

pub use crate::money::group_thousands;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::domain::LifecycleStage;

    /// Query pairs as written in a table of cases.
    type Pairs<'a> = &'a [(&'a str, &'a str)];

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn page_is_read_from_the_query_and_written_only_past_the_first() {
        // (query, page read, pairs written back)
        let cases: &[(Pairs, usize, Pairs)] = &[
            (&[], 1, &[]),
            (&[("page", "3")], 3, &[("page", "3")]),
            (&[("page", "0")], 1, &[]),
            (&[("page", "x")], 1, &[]),
            (
                &[("stage", "decline"), ("page", "2")],
                2,
                &[("stage", "decline"), ("page", "2")],
            ),
        ];
        for (input, page, written) in cases {
            let query = ListQuery::from_pairs(&pairs(input));
            assert_eq!(query.page, *page, "{input:?}");
            assert_eq!(query.to_pairs(), pairs(written), "{input:?}");
        }
        let query = ListQuery::from_pairs(&pairs(&[("stage", "decline")]));
        assert_eq!(query.filter.stage, Some(LifecycleStage::Decline));
    }

    #[test]
    fn rows_per_page_is_one_of_the_choices_and_written_only_when_not_the_default() {
        // (query value, rows per page read, pairs written back)
        let cases: &[(Pairs, usize, Pairs)] = &[
            (&[], 25, &[]),
            (&[("per", "50")], 50, &[("per", "50")]),
            (
                &[("per", "100"), ("page", "2")],
                100,
                &[("per", "100"), ("page", "2")],
            ),
            (&[("per", "25")], 25, &[]),
            (&[("per", "7")], 25, &[]),
            (&[("per", "lots")], 25, &[]),
        ];
        for (input, per_page, written) in cases {
            let query = ListQuery::from_pairs(&pairs(input));
            assert_eq!(query.per_page, *per_page, "{input:?}");
            assert_eq!(query.to_pairs(), pairs(written), "{input:?}");
        }
    }

    #[test]
    fn page_windows_cover_the_list_and_clamp() {
        // (total, page, per_page) → (page, pages, start, end)
        let cases = [
            ((0, 1, 50), (1, 1, 0, 0)),
            ((1234, 1, 50), (1, 25, 0, 50)),
            ((1234, 25, 50), (25, 25, 1200, 1234)),
            ((1234, 99, 50), (25, 25, 1200, 1234)),
            ((100, 2, 50), (2, 2, 50, 100)),
            ((10, 0, 50), (1, 1, 0, 10)),
        ];
        for ((total, page, per), (p, pages, start, end)) in cases {
            let w = page_window(total, page, per);
            assert_eq!(
                (w.page, w.pages, w.start, w.end),
                (p, pages, start, end),
                "{total} {page}"
            );
        }
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (1234567, "1,234,567"),
        ];
        for (n, text) in cases {
            assert_eq!(group_thousands(n), text);
        }
    }
}
