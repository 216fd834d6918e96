//! Deterministic bilingual demo customers for teaching, screenshots and benchmarks.
//!
//! Same seed, same data: a hand-written SplitMix64 (Steele, Lea & Flood 2014, the seeder
//! of java.util.SplittableRandom) keeps the bundle free of a rand dependency.

use chrono::{Days, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::money::{Currency, Rate};

use super::model::{
    Channel, ChurnReason, ChurnRecord, ComplaintCategory, ComplaintStatus, Customer, CustomerKind,
    Interaction, InteractionKind, LadderLevel, LifecycleStage, Motive, PreventionAction,
    RelationshipLevel, Severity, StageChange, ValueClass,
};

/// The demo list size the app starts with.
pub const DEFAULT_DEMO_COUNT: usize = 200;

/// SplitMix64 pseudo-random numbers (not for anything secret).
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0); the modulo bias is negligible for demo sizes.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const SURNAMES: &[(&str, &str)] = &[
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("赵", "zhao"),
    ("黄", "huang"),
    ("周", "zhou"),
    ("吴", "wu"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("胡", "hu"),
    ("朱", "zhu"),
    ("高", "gao"),
    ("林", "lin"),
    ("何", "he"),
    ("郭", "guo"),
    ("马", "ma"),
    ("罗", "luo"),
    ("梁", "liang"),
    ("宋", "song"),
    ("郑", "zheng"),
    ("谢", "xie"),
];
const GIVEN: &[(&str, &str)] = &[
    ("芳", "fang"),
    ("伟", "wei"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("洋", "yang"),
    ("艳", "yan"),
    ("勇", "yong"),
    ("军", "jun"),
    ("杰", "jie"),
    ("娟", "juan"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("秀英", "xiuying"),
    ("霞", "xia"),
    ("平", "ping"),
    ("刚", "gang"),
    ("桂英", "guiying"),
    ("华", "hua"),
    ("丽", "li"),
    ("俊", "jun"),
    ("婷", "ting"),
    ("鑫", "xin"),
    ("浩", "hao"),
    ("宇", "yu"),
    ("欣怡", "xinyi"),
    ("子涵", "zihan"),
    ("晨", "chen"),
    ("建国", "jianguo"),
];
const CITIES: &[&str] = &[
    "北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "苏州",
];
const BRANDS: &[&str] = &[
    "华联", "东方", "新星", "恒信", "宏达", "金桥", "天成", "瑞丰", "长城", "百盛",
];
const TRADES: &[&str] = &[
    "商贸", "科技", "贸易", "电子", "餐饮", "物流", "文化", "医药",
];
const ROADS: &[&str] = &[
    "中山", "人民", "解放", "建设", "长江", "和平", "朝阳", "新华",
];
const FIRST: &[&str] = &[
    "Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan", "Amelia",
    "Henry", "Chloe", "Daniel", "Grace", "Samuel", "Zoë", "Mateo", "Isla", "Oscar", "Hannah",
    "Leo", "Ruby", "Adam", "Clara", "Felix", "Nora", "Hugo", "Alice", "Victor",
];
const LAST: &[&str] = &[
    "Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Martin", "Clark", "Lewis", "Walker",
    "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
    "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "O'Brien",
];
const FIRM_WORDS: &[&str] = &[
    "Trading",
    "Foods",
    "Logistics",
    "Systems",
    "Retail",
    "Supplies",
    "Design",
];
const FIRM_SUFFIX: &[&str] = &["Ltd", "Inc", "LLC", "GmbH", "Co."];
const WEST_CITIES: &[&str] = &[
    "London",
    "Sydney",
    "Toronto",
    "Berlin",
    "Singapore",
    "Boston",
];
const STREETS: &[&str] = &[
    "High St",
    "Market Rd",
    "King St",
    "Park Ave",
    "Queen St",
    "Mill Ln",
];
const OWNERS: &[&str] = &["张经理", "李娜", "陈强", "Emma Clark", "Tom Baker"];
const TAGS: &[&str] = &[
    "vip",
    "批发",
    "线上",
    "wholesale",
    "newsletter",
    "展会",
    "repeat",
    "海外",
];
// Each list in both languages, the same things in the same order: a Chinese customer's
// timeline is written in Chinese, the others' in English.
const ITEMS: [&[&str]; 2] = [
    &[
        "office supplies",
        "tea gift box",
        "printer supplies",
        "laptops",
        "coffee beans",
        "spare parts",
        "software subscription",
    ],
    &[
        "办公用品",
        "茶叶礼盒",
        "打印机耗材",
        "笔记本电脑",
        "咖啡豆",
        "备件",
        "软件年费",
    ],
];
const CONTACT_NOTES: [&[&str]; 2] = [
    &[
        "follow-up call, satisfied",
        "introduced the new range",
        "payment reminder",
        "quarterly review",
        "asked for a quote",
        "sent catalogue",
    ],
    &[
        "电话回访，满意",
        "介绍新产品",
        "催款提醒",
        "季度回顾",
        "询价",
        "寄送产品目录",
    ],
];
const RECOVERY: [&[&str]; 2] = [
    &[
        "apology and refund",
        "free replacement",
        "repair on site",
        "apology and voucher",
        "priority re-delivery",
    ],
    &[
        "道歉并退款",
        "免费换货",
        "上门维修",
        "致歉并赠送代金券",
        "优先重新配送",
    ],
];

/// `count` customers with ids 1..=count, as of `today`.
pub fn demo_customers(seed: u64, count: usize, today: NaiveDate) -> Vec<Customer> {
    let mut rng = SplitMix64::new(seed);
    (1..=count as u64)
        .map(|id| demo_customer(&mut rng, id, today))
        .collect()
}

fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

fn demo_customer(rng: &mut SplitMix64, id: u64, today: NaiveDate) -> Customer {
    let created = days_before(today, rng.between(30, 1100));
    let created_at = Utc.from_utc_datetime(&created.and_time(NaiveTime::MIN));
    let chinese = rng.percent(50);
    let business = rng.percent(40);
    let mut c = Customer::new(id, String::new(), created_at);
    c.kind = if business {
        CustomerKind::Business
    } else {
        CustomerKind::Individual
    };
    if chinese {
        let (surname, surname_py) = *rng.pick(SURNAMES);
        let (given, given_py) = *rng.pick(GIVEN);
        let city = *rng.pick(CITIES);
        c.name = format!("{surname}{given}");
        if business || rng.percent(30) {
            c.company = format!("{city}{}{}有限公司", rng.pick(BRANDS), rng.pick(TRADES));
        }
        c.phone = format!(
            "1{}{} {:04} {:04}",
            rng.pick(&[3, 5, 8]),
            rng.below(10),
            rng.below(10_000),
            rng.below(10_000)
        );
        c.email = format!(
            "{given_py}.{surname_py}{id}@{}",
            rng.pick(&["163.com", "qq.com", "example.cn"])
        );
        c.address = format!("{city}市{}路{}号", rng.pick(ROADS), rng.between(1, 300));
    } else {
        let (first, last) = (*rng.pick(FIRST), *rng.pick(LAST));
        c.name = format!("{first} {last}");
        if business || rng.percent(30) {
            c.company = format!(
                "{} {} {}",
                rng.pick(LAST),
                rng.pick(FIRM_WORDS),
                rng.pick(FIRM_SUFFIX)
            );
        }
        c.phone = format!(
            "+{} {} {:03} {:04}",
            rng.pick(&[1, 44, 61, 49]),
            rng.between(200, 999),
            rng.below(1000),
            rng.below(10_000)
        );
        let local: String = format!("{first}.{last}")
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        c.email = format!("{local}{id}@example.com");
        c.address = format!(
            "{} {}, {}",
            rng.between(1, 250),
            rng.pick(STREETS),
            rng.pick(WEST_CITIES)
        );
    }
    c.owner = rng.pick(OWNERS).to_string();
    for _ in 0..rng.below(3) {
        let tag = rng.pick(TAGS).to_string();
        if !c.tags.contains(&tag) {
            c.tags.push(tag);
        }
    }
    c.motive = rng.percent(70).then(|| *rng.pick(Motive::ALL));
    c.value_class = rng.percent(10).then(|| *rng.pick(ValueClass::ALL));
    c.relationship_level = rng.percent(40).then(|| *rng.pick(RelationshipLevel::ALL));
    c.internal = rng.percent(3);
    if id > 1 && rng.percent(30) {
        c.channel = Channel::Referral;
        c.referred_by = Some(rng.between(1, id - 1));
    } else {
        c.channel = *rng.pick(&[Channel::Advertising, Channel::Agent, Channel::Other]);
    }

    // ~20% exploration, 25% formation, 32% stability, 15% decline, 8% churned.
    let roll = rng.below(100);
    let stage_index = [20, 45, 77, 92, 100]
        .iter()
        .position(|&limit| roll < limit)
        .unwrap_or(4);
    let span = (today - created).num_days().max(1) as u64;
    let end = match LifecycleStage::ALL[stage_index] {
        LifecycleStage::Decline => days_before(today, rng.between(60, 200).min(span / 2)),
        LifecycleStage::Churned => days_before(today, rng.below(span / 3 + 1)),
        _ => today,
    };
    c.stage_history = (0..=stage_index)
        .map(|k| StageChange {
            stage: LifecycleStage::ALL[k],
            date: created + Days::new(span * k as u64 / (stage_index as u64 + 2)),
        })
        .collect();
    c.stage = LifecycleStage::ALL[stage_index];
    c.ladder = match c.stage {
        LifecycleStage::Exploration => LadderLevel::Prospect,
        LifecycleStage::Stability => *rng.pick(&LadderLevel::ALL[2..]),
        _ => *rng.pick(&LadderLevel::ALL[1..3]),
    };
    c.interactions = demo_interactions(rng, &c, created, end);
    if c.stage == LifecycleStage::Churned {
        let reasons = (0..rng.between(1, 2))
            .map(|_| *rng.pick(ChurnReason::ALL))
            .collect();
        let prevention_tried = (0..rng.below(3))
            .map(|_| *rng.pick(PreventionAction::ALL))
            .collect();
        c.churn = Some(ChurnRecord {
            date: end,
            reasons,
            other_reason: String::new(),
            prevention_tried,
            notes: String::new(),
        });
        if let Some(last) = c.stage_history.last_mut() {
            last.date = end;
        }
    }
    let last_contact = c
        .interactions
        .iter()
        .map(|i| i.date)
        .max()
        .unwrap_or(created);
    c.updated_at = Utc.from_utc_datetime(&last_contact.and_time(NaiveTime::MIN));
    c
}

fn demo_interactions(
    rng: &mut SplitMix64,
    c: &Customer,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Interaction> {
    let span = (to - from).num_days().max(0) as u64;
    let day = |rng: &mut SplitMix64| from + Days::new(rng.below(span + 1));
    let (low, high) = match c.stage {
        LifecycleStage::Exploration => (0, 1),
        LifecycleStage::Formation => (1, 4),
        LifecycleStage::Stability => (4, 14),
        LifecycleStage::Decline => (2, 8),
        LifecycleStage::Churned => (1, 6),
    };
    let chinese_customer = c.phone.starts_with('1');
    let words = usize::from(chinese_customer);
    let mut out = Vec::new();
    let push = |out: &mut Vec<Interaction>, date, kind, note: &str| {
        out.push(Interaction {
            id: out.len() as u64 + 1,
            date,
            kind,
            note: note.to_string(),
        });
    };
    for _ in 0..rng.between(low, high) {
        let base = *rng.pick(&[5_000, 20_000, 80_000, 300_000, 1_200_000]);
        let mut amount_cents = (base + rng.below(base)) as i64;
        if c.kind == CustomerKind::Business {
            amount_cents *= 3;
        }
        let currency = if chinese_customer {
            "CNY"
        } else {
            amount_cents /= 7;
            "USD"
        };
        let kind = InteractionKind::Purchase {
            amount_cents,
            currency: currency.into(),
            items: rng.pick(ITEMS[words]).to_string(),
        };
        let date = day(rng);
        push(&mut out, date, kind, "");
    }
    for _ in 0..rng.below(5) {
        let kind = rng
            .pick(&[
                InteractionKind::Note,
                InteractionKind::Call,
                InteractionKind::Meeting,
                InteractionKind::Email,
            ])
            .clone();
        let date = day(rng);
        let note = *rng.pick(CONTACT_NOTES[words]);
        push(&mut out, date, kind, note);
    }
    let complaint_chance = if c.stage >= LifecycleStage::Decline {
        50
    } else {
        25
    };
    while rng.percent(complaint_chance) && out.len() < 40 {
        let opened = day(rng);
        let roll = rng.below(100);
        let status = if roll < 65 {
            ComplaintStatus::Resolved
        } else if roll < 80 {
            ComplaintStatus::InProgress
        } else {
            ComplaintStatus::Open
        };
        let resolved = (status == ComplaintStatus::Resolved)
            .then(|| (opened + Days::new(rng.between(1, 20))).min(to));
        let kind = InteractionKind::Complaint {
            category: *rng.pick(ComplaintCategory::ALL),
            severity: *rng.pick(Severity::ALL),
            status,
            opened,
            resolved,
        };
        push(&mut out, opened, kind, "");
        let complaint_id = out.len() as u64;
        if let Some(date) = resolved.filter(|_| rng.percent(50)) {
            let kind = InteractionKind::ServiceRecovery {
                complaint_id: Some(complaint_id),
                action: rng.pick(RECOVERY[words]).to_string(),
            };
            push(&mut out, date, kind, "");
        }
    }
    out
}

/// Illustrative rates for the demo's currencies (yuan per unit, in millionths): the
/// demo's dollar amounts are its yuan amounts divided by 7, so the two read alike. Not
/// market rates: the working names their date, and the user replaces them in Settings.
const DEMO_YUAN_PER_UNIT: [(Currency, i64); 4] = [
    (Currency::CNY, 1_000_000),
    (Currency::USD, 7_100_000),
    (Currency::GBP, 9_100_000),
    (Currency::EUR, 7_700_000),
];

/// The demo's rates into `home`, dated `today`, for the demo currencies other than
/// `home`; empty for a home currency the demo does not know (its purchases are then left
/// out and said so, like any currency without a rate).
pub fn demo_rates(home: Currency, today: NaiveDate) -> Vec<Rate> {
    let Some(&(_, home_in_yuan)) = DEMO_YUAN_PER_UNIT.iter().find(|(c, _)| *c == home) else {
        return Vec::new();
    };
    DEMO_YUAN_PER_UNIT
        .iter()
        .filter(|(c, _)| *c != home)
        .map(|&(currency, in_yuan)| Rate {
            currency,
            micros: ((i128::from(in_yuan) * 1_000_000 + i128::from(home_in_yuan) / 2)
                / i128::from(home_in_yuan)) as i64,
            date: today,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_rates_go_into_any_demo_currency() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let into_yuan = demo_rates(Currency::CNY, today);
        assert_eq!(into_yuan.len(), 3);
        assert!(into_yuan.contains(&Rate {
            currency: Currency::USD,
            micros: 7_100_000,
            date: today
        }));
        let into_dollars = demo_rates(Currency::USD, today);
        let yuan = into_dollars
            .iter()
            .find(|r| r.currency == Currency::CNY)
            .unwrap();
        assert_eq!(yuan.micros, 140_845, "1 / 7.10, to the millionth");
        assert!(demo_rates(Currency::parse("JPY").unwrap(), today).is_empty());
    }

    use super::super::test_support::day;
    use super::super::validate::validate;
    use super::*;

    fn today() -> NaiveDate {
        day(2025, 3, 1)
    }

    #[test]
    fn splitmix64_reference_values() {
        // First outputs for seed 0 (reference implementation by Vigna, prng.di.unimi.it).
        let mut rng = SplitMix64::new(0);
        let got: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(
            got,
            [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F]
        );
    }

    #[test]
    fn same_seed_same_data() {
        let cases = [(1, 1, true), (7, 7, true), (1, 2, false)];
        for (seed_a, seed_b, same) in cases {
            let a = demo_customers(seed_a, 50, today());
            let b = demo_customers(seed_b, 50, today());
            assert_eq!(a == b, same, "{seed_a} vs {seed_b}");
        }
    }

    #[test]
    fn default_demo_is_valid_realistic_and_bilingual() {
        let list = demo_customers(42, DEFAULT_DEMO_COUNT, today());
        assert_eq!(list.len(), DEFAULT_DEMO_COUNT);
        for c in &list {
            assert_eq!(validate(c, today()), vec![], "{c:?}");
            assert_eq!(c.stage_history.last().map(|h| h.stage), Some(c.stage));
            assert!(
                c.stage_history.windows(2).all(|w| w[0].date <= w[1].date),
                "{c:?}"
            );
            assert_eq!(c.churn.is_some(), c.stage == LifecycleStage::Churned);
            assert!(c.referred_by.is_none_or(|r| r < c.id));
        }
        let share = |pred: &dyn Fn(&Customer) -> bool| {
            list.iter().filter(|c| pred(c)).count() * 100 / list.len()
        };
        // (what, share in %, allowed range)
        let cases: [(&str, usize, std::ops::RangeInclusive<usize>); 6] = [
            ("chinese names", share(&|c| !c.name.is_ascii()), 35..=65),
            (
                "churned",
                share(&|c| c.stage == LifecycleStage::Churned),
                3..=14,
            ),
            ("referred", share(&|c| c.referred_by.is_some()), 20..=40),
            (
                "with purchases",
                share(&|c| c.purchase_count() > 0),
                70..=100,
            ),
            (
                "with open complaints",
                share(&|c| c.open_complaints().count() > 0),
                3..=30,
            ),
            (
                "with service recovery",
                share(&|c| !c.timeline(Some("service_recovery")).is_empty()),
                3..=30,
            ),
        ];
        for (what, got, range) in cases {
            assert!(range.contains(&got), "{what}: {got}%");
        }
        for stage in LifecycleStage::ALL {
            assert!(list.iter().any(|c| c.stage == *stage), "{stage:?}");
        }
        let chains = list
            .iter()
            .filter(|c| {
                c.referred_by
                    .and_then(|r| list[r as usize - 1].referred_by)
                    .is_some()
            })
            .count();
        assert!(chains > 0, "some referral chains are longer than one step");
    }

    #[test]
    fn each_customer_s_timeline_is_in_their_language() {
        for c in demo_customers(42, DEFAULT_DEMO_COUNT, today()) {
            let chinese = c.phone.starts_with('1');
            for i in &c.interactions {
                let text = match &i.kind {
                    InteractionKind::Purchase { items, .. } => items.clone(),
                    InteractionKind::ServiceRecovery { action, .. } => action.clone(),
                    _ => i.note.clone(),
                };
                if text.is_empty() {
                    continue;
                }
                let latin = text.chars().any(|ch| ch.is_ascii_alphabetic());
                assert_eq!(latin, !chinese, "{} ({}): {text}", c.name, c.phone);
            }
        }
    }

    #[test]
    fn ten_thousand_customers() {
        let list = demo_customers(3, 10_000, today());
        assert_eq!(list.last().map(|c| c.id), Some(10_000));
    }
}
