//! Referral chains (连环获取法): who introduced whom.

use std::collections::HashSet;

use super::model::Customer;

/// The customers above `id`, nearest first: its referrer, the referrer's referrer, ...
/// Stops at a missing customer or at a cycle (each customer appears once at most).
pub fn referred_by_chain(customers: &[Customer], id: u64) -> Vec<u64> {
    let mut seen = HashSet::from([id]);
    let mut chain = Vec::new();
    let mut current = id;
    while let Some(parent) = find(customers, current).and_then(|c| c.referred_by) {
        if !seen.insert(parent) || find(customers, parent).is_none() {
            break;
        }
        chain.push(parent);
        current = parent;
    }
    chain
}

/// Ids of the customers `id` referred directly, in list order.
pub fn referrals_of(customers: &[Customer], id: u64) -> Vec<u64> {
    customers
        .iter()
        .filter(|c| c.referred_by == Some(id) && c.id != id)
        .map(|c| c.id)
        .collect()
}

fn find(customers: &[Customer], id: u64) -> Option<&Customer> {
    customers.iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::customer;
    use super::*;

    /// Customers 1..=n where customer i+1 was referred by `links[i]`.
    fn list(links: &[Option<u64>]) -> Vec<Customer> {
        links
            .iter()
            .zip(1..)
            .map(|(&referred_by, id)| Customer {
                referred_by,
                ..customer(id, "x")
            })
            .collect()
    }

    #[test]
    fn chains_and_children() {
        // (links, id, expected chain, expected direct referrals)
        type Case = (&'static [Option<u64>], u64, &'static [u64], &'static [u64]);
        let cases: &[Case] = &[
            (&[None], 1, &[], &[]),
            (&[None, Some(1), Some(2), Some(2)], 3, &[2, 1], &[]),
            (&[None, Some(1), Some(2), Some(2)], 2, &[1], &[3, 4]),
            (&[Some(3), Some(1), Some(2)], 1, &[3, 2], &[2]),
            (&[Some(1)], 1, &[], &[]),
            (&[Some(9), Some(1)], 2, &[1], &[]),
            (&[None], 42, &[], &[]),
        ];
        for (links, id, chain, children) in cases {
            let customers = list(links);
            assert_eq!(referred_by_chain(&customers, *id), *chain, "{links:?} {id}");
            assert_eq!(referrals_of(&customers, *id), *children, "{links:?} {id}");
        }
    }
}
