//! "Show the working" as data: how a figure was computed, as typed steps (sums, means,
//! shares, cut points, filled-in formulas) over numbers that know their kind, rendered
//! in the user's language by one pure renderer.
//!
//! Domain code returns a [`Working`]; tests compare it by value; the page shows
//! [`Working::lines`]. Numbers read the same in every language (money as `12500.00`,
//! dates as `2024-03-05`); only the words around them are translated. Formula symbols
//! (m, r, d, R, F, M, Σ, ×) are not words and appear in both languages.

use chrono::NaiveDate;

use crate::i18n::{fill, Lang, Text};
use crate::money::{format_money, format_rate, Currency};

/// A name in both languages, taken from any catalogue (`Name::of(Term::KeyCustomer)`),
/// so every section can name its own terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Name {
    pub fn of(text: impl Text) -> Name {
        Name {
            en: text.en(),
            zh: text.zh(),
        }
    }

    pub fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

impl<T: Text> From<T> for Name {
    fn from(text: T) -> Name {
        Name::of(text)
    }
}

/// A number with its kind, which decides how it is written and which unit follows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Quantity {
    /// An amount of money, written `1234.50`.
    Money {
        cents: i64,
    },
    /// Money per year: "300.00 per year", "每年 300.00".
    MoneyPerYear {
        cents: i64,
    },
    /// An amount in a currency, written the app's one way: "¥1,092.00", "HKD 50.00".
    Amount {
        cents: i64,
        currency: Currency,
    },
    /// The same per year: "¥300.00 per year", "每年 ¥300.00".
    AmountPerYear {
        cents: i64,
        currency: Currency,
    },
    /// A span of days: "4 days", "3.5 天".
    Days {
        days: f64,
        decimals: u8,
    },
    /// How long ago: "120 days ago", "距今 120 天".
    DaysAgo(i64),
    /// A span of years, two decimals: "1.00 years".
    Years(f64),
    /// A count, with the unit it counts when it helps: "200 customers", "200 位客户".
    Count {
        n: i64,
        unit: Option<Name>,
    },
    /// A fraction written as a percentage: 0.215 with 1 decimal is "21.5%".
    Percent {
        fraction: f64,
        decimals: u8,
    },
    /// A plain number: with `decimals`, or as short as it goes (`0.3`) when `None`.
    Plain {
        value: f64,
        decimals: Option<u8>,
    },
    /// A score such as an RFM score: "5", "5 分".
    Score(u8),
    /// A place in a ranking: "#2", "第 2 名".
    Rank(usize),
    Date(NaiveDate),
    /// No value (e.g. no purchase yet, or a cut point no one reaches): "–".
    Missing,
}

impl Quantity {
    pub fn money(cents: i64) -> Quantity {
        Quantity::Money { cents }
    }

    pub fn days(days: i64) -> Quantity {
        Quantity::Days {
            days: days as f64,
            decimals: 0,
        }
    }

    pub fn count(n: impl TryInto<i64>) -> Quantity {
        Quantity::Count {
            n: n.try_into().unwrap_or(i64::MAX),
            unit: None,
        }
    }

    pub fn count_of(n: impl TryInto<i64>, unit: impl Into<Name>) -> Quantity {
        Quantity::Count {
            n: n.try_into().unwrap_or(i64::MAX),
            unit: Some(unit.into()),
        }
    }

    pub fn percent(fraction: f64, decimals: u8) -> Quantity {
        Quantity::Percent { fraction, decimals }
    }

    pub fn plain(value: f64) -> Quantity {
        Quantity::Plain {
            value,
            decimals: None,
        }
    }

    pub fn fixed(value: f64, decimals: u8) -> Quantity {
        Quantity::Plain {
            value,
            decimals: Some(decimals),
        }
    }

    /// The number alone, as it is written inside a sum or a list: "12500.00", "4", "–".
    pub fn number(&self) -> String {
        match self {
            Quantity::Money { cents } | Quantity::MoneyPerYear { cents } => money(*cents),
            Quantity::Amount { cents, currency } | Quantity::AmountPerYear { cents, currency } => {
                format_money(*cents, *currency)
            }
            Quantity::Days { days, decimals } => format!("{days:.0$}", *decimals as usize),
            Quantity::DaysAgo(days) => days.to_string(),
            Quantity::Years(years) => format!("{years:.2}"),
            Quantity::Count { n, .. } => n.to_string(),
            Quantity::Percent { fraction, decimals } => {
                format!("{:.1$}%", fraction * 100.0, *decimals as usize)
            }
            Quantity::Plain { value, decimals } => match decimals {
                Some(d) => format!("{value:.0$}", *d as usize),
                None => value.to_string(),
            },
            Quantity::Score(score) => score.to_string(),
            Quantity::Rank(rank) => rank.to_string(),
            Quantity::Date(date) => date.to_string(),
            Quantity::Missing => "–".to_owned(),
        }
    }

    /// The number with its unit, in `lang`: "4 days", "距今 120 天", "200 位客户".
    pub fn show(&self, lang: Lang) -> String {
        let number = self.number();
        let with = |msg: WorkingMsg| fill(msg.in_lang(lang), &[&number]);
        match self {
            Quantity::MoneyPerYear { .. } | Quantity::AmountPerYear { .. } => {
                with(WorkingMsg::PerYear)
            }
            Quantity::Days { .. } => with(WorkingMsg::Days),
            Quantity::DaysAgo(0) => WorkingMsg::Today.in_lang(lang).to_owned(),
            Quantity::DaysAgo(_) => with(WorkingMsg::DaysAgo),
            Quantity::Years(_) => with(WorkingMsg::Years),
            // A unit may choose its plural form: "{0|purchase|purchases}".
            Quantity::Count { unit: Some(u), .. } => {
                format!("{number} {}", fill(u.in_lang(lang), &[&number]))
            }
            Quantity::Score(_) => with(WorkingMsg::Score),
            Quantity::Rank(_) => with(WorkingMsg::Rank),
            _ => number,
        }
    }

    /// The unit written after a list of such numbers ("12/30/60 days"), if any.
    fn list_unit(&self, lang: Lang) -> Option<String> {
        match self {
            Quantity::Days { .. } => Some(WorkingMsg::DaysUnit.in_lang(lang).to_owned()),
            // After a list of numbers, the plural ("1/2/3 purchases").
            Quantity::Count { unit: Some(u), .. } => Some(fill(u.in_lang(lang), &["2"])),
            _ => None,
        }
    }
}

/// Money without its currency is written the same in every language and as every other
/// amount of the app, with thousands grouped: `-0.05`, `1,234.50`.
fn money(cents: i64) -> String {
    crate::money::grouped_amount(cents)
}

/// One piece of a filled-in formula: an operator or symbol, or a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    /// Written as is: "×", "/", "(", ")", "+", "−", or a symbol like "m".
    Sym(&'static str),
    Value(Quantity),
}

/// One line of working.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// "Total spend = 12,500.00 + 8,600.00 = 21,100.00".
    Sum {
        name: Name,
        parts: Vec<Quantity>,
        total: Quantity,
    },
    /// "Average = (4 + 2) / 2 = 3.0 days".
    Mean {
        name: Name,
        parts: Vec<Quantity>,
        mean: Quantity,
    },
    /// "Purchases: 2024-01-01, 2024-03-05 → 2".
    Count {
        name: Name,
        items: Vec<Quantity>,
        total: Quantity,
    },
    /// "Churned: 12 / 200 customers = 6.0%".
    Share {
        name: Name,
        part: Quantity,
        whole: Quantity,
        share: Quantity,
    },
    /// "Resolution time: 2024-03-05 − 2024-03-01 = 4 days".
    Difference {
        name: Name,
        from: Quantity,
        minus: Quantity,
        result: Quantity,
    },
    /// "Rank by spend: #2".
    Fact { name: Name, value: Quantity },
    /// "Cumulative share: 60.0% → 100.0%".
    Change {
        name: Name,
        from: Quantity,
        to: Quantity,
    },
    /// A value scored against cut points: "R: 120 days ago → 1 (cut points 12/30/60 days)".
    /// `cuts` are the smallest values reaching each higher score, `Missing` where none does.
    CutPoints {
        symbol: &'static str,
        value: Quantity,
        score: Quantity,
        cuts: Vec<Quantity>,
    },
    /// A formula, then the same with the numbers filled in, then the result:
    /// "CLV = m × r / (1 + d − r) = 300.00 × 0.8 / (1 + 0.1 − 0.8) = 800.00".
    Formula {
        name: Option<Name>,
        symbol: Option<&'static str>,
        symbolic: Option<&'static str>,
        filled: Vec<Vec<Token>>,
        result: Quantity,
    },
    /// A rule that decided the outcome: `rule` is a template with `{0}`… for `values`:
    /// "Starts below 80% → Key customer".
    Rule {
        rule: Name,
        values: Vec<Quantity>,
        outcome: Name,
    },
    /// An amount converted into the home currency at the user's rate:
    /// "£120.00 × 9.10 (rate of 2026-11-30) = ¥1,092.00".
    Converted {
        from: Quantity,
        rate_micros: i64,
        date: NaiveDate,
        result: Quantity,
    },
    /// Amounts left out of a figure for want of a rate:
    /// "2 purchases in USD not counted: no rate".
    NotCounted { n: usize, currency: String },
    /// A heading; the steps after it, up to the next heading, are indented under it.
    Heading(Name),
    /// A line of words.
    Note(Name),
}

/// How a figure was computed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Working {
    pub steps: Vec<Step>,
}

impl From<Vec<Step>> for Working {
    fn from(steps: Vec<Step>) -> Working {
        Working { steps }
    }
}

impl Working {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Every step as a line in `lang`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut indent = false;
        self.steps
            .iter()
            .map(|step| {
                let line = step.line(lang);
                if let Step::Heading(_) = step {
                    indent = true;
                    line
                } else if indent {
                    format!("  {line}")
                } else {
                    line
                }
            })
            .collect()
    }

    /// The lines joined, one per line.
    pub fn text(&self, lang: Lang) -> String {
        self.lines(lang).join("\n")
    }
}

impl Step {
    fn line(&self, lang: Lang) -> String {
        let say = |msg: WorkingMsg, values: &[&str]| fill(msg.in_lang(lang), values);
        let labelled =
            |name: &Name, rest: &str| say(WorkingMsg::Labelled, &[name.in_lang(lang), rest]);
        let numbers = |parts: &[Quantity], sep: &str| {
            parts
                .iter()
                .map(Quantity::number)
                .collect::<Vec<_>>()
                .join(sep)
        };
        match self {
            Step::Sum { name, parts, total } => {
                let mut line = format!("{} = ", name.in_lang(lang));
                if !parts.is_empty() {
                    line.push_str(&numbers(parts, " + "));
                    line.push_str(" = ");
                }
                line.push_str(&total.show(lang));
                line
            }
            Step::Mean { name, parts, mean } => format!(
                "{} = ({}) / {} = {}",
                name.in_lang(lang),
                numbers(parts, " + "),
                parts.len(),
                mean.show(lang)
            ),
            Step::Count { name, items, total } => {
                let list = numbers(items, WorkingMsg::ListSeparator.in_lang(lang));
                let list = if items.is_empty() {
                    "–".to_owned()
                } else {
                    list
                };
                labelled(name, &format!("{list} → {}", total.show(lang)))
            }
            Step::Share {
                name,
                part,
                whole,
                share,
            } => labelled(
                name,
                &format!(
                    "{} / {} = {}",
                    part.number(),
                    whole.show(lang),
                    share.show(lang)
                ),
            ),
            Step::Difference {
                name,
                from,
                minus,
                result,
            } => labelled(
                name,
                &format!(
                    "{} − {} = {}",
                    from.show(lang),
                    minus.show(lang),
                    result.show(lang)
                ),
            ),
            Step::Fact { name, value } => labelled(name, &value.show(lang)),
            Step::Change { name, from, to } => {
                labelled(name, &format!("{} → {}", from.show(lang), to.show(lang)))
            }
            Step::CutPoints {
                symbol,
                value,
                score,
                cuts,
            } if cuts.is_empty() => say(
                WorkingMsg::ScoredLine,
                &[symbol, &value.show(lang), &score.show(lang)],
            ),
            Step::CutPoints {
                symbol,
                value,
                score,
                cuts,
            } => {
                let mut list = numbers(cuts, "/");
                if let Some(unit) = cuts.iter().find_map(|c| c.list_unit(lang)) {
                    list = format!("{list} {unit}");
                }
                say(
                    WorkingMsg::CutPointsLine,
                    &[symbol, &value.show(lang), &score.show(lang), &list],
                )
            }
            Step::Formula {
                name,
                symbol,
                symbolic,
                filled,
                result,
            } => {
                let label = match (name, symbol) {
                    (Some(n), Some(s)) => format!("{} {s}", n.in_lang(lang)),
                    (Some(n), None) => n.in_lang(lang).to_owned(),
                    (None, Some(s)) => (*s).to_owned(),
                    (None, None) => String::new(),
                };
                let mut sides: Vec<String> = Vec::new();
                if !label.is_empty() {
                    sides.push(label);
                }
                sides.extend(symbolic.map(str::to_owned));
                sides.extend(filled.iter().map(|tokens| expression(tokens, lang)));
                sides.push(result.show(lang));
                sides.join(" = ")
            }
            Step::Rule {
                rule,
                values,
                outcome,
            } => {
                let shown: Vec<String> = values.iter().map(|v| v.show(lang)).collect();
                let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
                format!(
                    "{} → {}",
                    fill(rule.in_lang(lang), &shown),
                    outcome.in_lang(lang)
                )
            }
            Step::Converted {
                from,
                rate_micros,
                date,
                result,
            } => say(
                WorkingMsg::Converted,
                &[
                    &from.show(lang),
                    &format_rate(*rate_micros),
                    &date.to_string(),
                    &result.show(lang),
                ],
            ),
            Step::NotCounted { n, currency } => {
                let msg = if *n == 1 {
                    WorkingMsg::NotCountedOne
                } else {
                    WorkingMsg::NotCounted
                };
                say(msg, &[&n.to_string(), currency])
            }
            Step::Heading(name) => say(WorkingMsg::Heading, &[name.in_lang(lang)]),
            Step::Note(name) => name.in_lang(lang).to_owned(),
        }
    }
}

/// Tokens joined by spaces, with none just inside parentheses: "(1 + 0.1 − 0.8)²".
fn expression(tokens: &[Token], lang: Lang) -> String {
    let mut out = String::new();
    for token in tokens {
        let text = match token {
            Token::Sym(s) => (*s).to_owned(),
            Token::Value(q) => q.show(lang),
        };
        // No space inside parentheses nor before a closing one or an exponent: "(p − d)²".
        if !out.is_empty() && !out.ends_with('(') && !text.starts_with([')', '²']) {
            out.push(' ');
        }
        out.push_str(&text);
    }
    out
}

catalogue! { pub enum WorkingMsg {
    /// A step's name and its numbers.
    Labelled => "{0}: {1}", "{0}：{1}", latin;
    Heading => "{0}:", "{0}：", latin;
    ListSeparator => ", ", "、", latin;
    CutPointsLine => "{0}: {1} → {2} (cut points {3})", "{0}：{1} → {2}（分界点 {3}）";
    ScoredLine => "{0}: {1} → {2}", "{0}：{1} → 得 {2}";
    Days => "{0} {0|day|days}", "{0} 天";
    DaysUnit => "days", "天";
    DaysAgo => "{0} {0|day|days} ago", "距今 {0} 天";
    Today => "today", "今天";
    Years => "{0} {0|year|years}", "{0} 年";
    PerYear => "{0} per year", "每年 {0}";
    Score => "{0}", "{0} 分";
    Rank => "#{0}", "第 {0} 名";
    Converted => "{0} × {1} (rate of {2}) = {3}", "{0} × {1}（{2} 的汇率）= {3}";
    NotCountedOne => "{0} purchase in {1} not counted: no rate", "{0} 笔 {1} 消费未计入：没有汇率";
    NotCounted => "{0} {0|purchase|purchases} in {1} not counted: no rate", "{0} 笔 {1} 消费未计入：没有汇率";
}}

/// The words a Chinese working may contain in Latin letters: formula symbols are single
/// letters and pass anyway; these are the abbreviations the Chinese texts use as they are.
pub const LATIN_IN_CHINESE: &[&str] = &["CLV", "RFM", "NPS", "ABC"];

/// The English words in `text`: runs of two or more ASCII letters not in
/// [`LATIN_IN_CHINESE`] and not a currency code (three capitals). A Chinese working must
/// have none.
pub fn english_words(text: &str) -> Vec<&str> {
    let currency_code = |w: &str| w.len() == 3 && w.chars().all(|c| c.is_ascii_uppercase());
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 && !LATIN_IN_CHINESE.contains(w) && !currency_code(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEND: Name = Name {
        en: "Total spend",
        zh: "消费总额",
    };
    const CUSTOMERS: Name = Name {
        en: "customers",
        zh: "位客户",
    };

    fn day(y: i32, m: u32, d: u32) -> Quantity {
        Quantity::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    /// Every kind of step and quantity, with its English and Chinese line.
    fn every_step() -> Vec<(Step, &'static str, &'static str)> {
        let name = |en, zh| Name { en, zh };
        vec![
            (
                Step::Sum {
                    name: SPEND,
                    parts: vec![Quantity::money(1_250_000), Quantity::money(860_000)],
                    total: Quantity::money(2_110_000),
                },
                "Total spend = 12,500.00 + 8,600.00 = 21,100.00",
                "消费总额 = 12,500.00 + 8,600.00 = 21,100.00",
            ),
            (
                Step::Sum {
                    name: SPEND,
                    parts: vec![],
                    total: Quantity::money(0),
                },
                "Total spend = 0.00",
                "消费总额 = 0.00",
            ),
            (
                Step::Mean {
                    name: name("Average", "平均"),
                    parts: vec![Quantity::days(4), Quantity::days(3)],
                    mean: Quantity::Days {
                        days: 3.5,
                        decimals: 1,
                    },
                },
                "Average = (4 + 3) / 2 = 3.5 days",
                "平均 = (4 + 3) / 2 = 3.5 天",
            ),
            (
                Step::Count {
                    name: name("Purchases", "购买次数"),
                    items: vec![day(2024, 1, 1), day(2024, 3, 5)],
                    total: Quantity::count(2),
                },
                "Purchases: 2024-01-01, 2024-03-05 → 2",
                "购买次数：2024-01-01、2024-03-05 → 2",
            ),
            (
                Step::Count {
                    name: name("Purchases", "购买次数"),
                    items: vec![],
                    total: Quantity::count(0),
                },
                "Purchases: – → 0",
                "购买次数：– → 0",
            ),
            (
                Step::Share {
                    name: name("Key customer", "关键客户"),
                    part: Quantity::count(43),
                    whole: Quantity::count_of(200, CUSTOMERS),
                    share: Quantity::percent(0.215, 1),
                },
                "Key customer: 43 / 200 customers = 21.5%",
                "关键客户：43 / 200 位客户 = 21.5%",
            ),
            (
                Step::Difference {
                    name: name("Resolution time", "处理用时"),
                    from: day(2024, 3, 5),
                    minus: day(2024, 3, 1),
                    result: Quantity::days(4),
                },
                "Resolution time: 2024-03-05 − 2024-03-01 = 4 days",
                "处理用时：2024-03-05 − 2024-03-01 = 4 天",
            ),
            (
                Step::Fact {
                    name: name("Rank by spend", "消费额排名"),
                    value: Quantity::Rank(2),
                },
                "Rank by spend: #2",
                "消费额排名：第 2 名",
            ),
            (
                Step::Change {
                    name: name("Cumulative share", "累计占比"),
                    from: Quantity::percent(0.6, 1),
                    to: Quantity::percent(1.0, 1),
                },
                "Cumulative share: 60.0% → 100.0%",
                "累计占比：60.0% → 100.0%",
            ),
            (
                Step::CutPoints {
                    symbol: "R",
                    value: Quantity::DaysAgo(120),
                    score: Quantity::Score(1),
                    cuts: vec![
                        Quantity::days(12),
                        Quantity::days(30),
                        Quantity::Missing,
                        Quantity::days(90),
                    ],
                },
                "R: 120 days ago → 1 (cut points 12/30/–/90 days)",
                "R：距今 120 天 → 1 分（分界点 12/30/–/90 天）",
            ),
            (
                Step::CutPoints {
                    symbol: "F",
                    value: Quantity::count_of(3, name("purchases", "次")),
                    score: Quantity::Score(4),
                    cuts: vec![Quantity::count_of(2, name("purchases", "次"))],
                },
                "F: 3 purchases → 4 (cut points 2 purchases)",
                "F：3 次 → 4 分（分界点 2 次）",
            ),
            (
                // A unit that chooses its plural form: one purchase, the cut points plural.
                Step::CutPoints {
                    symbol: "F",
                    value: Quantity::count_of(1, name("{0|purchase|purchases}", "次")),
                    score: Quantity::Score(1),
                    cuts: vec![
                        Quantity::count_of(1, name("{0|purchase|purchases}", "次")),
                        Quantity::count_of(2, name("{0|purchase|purchases}", "次")),
                    ],
                },
                "F: 1 purchase → 1 (cut points 1/2 purchases)",
                "F：1 次 → 1 分（分界点 1/2 次）",
            ),
            (
                Step::Share {
                    name: name("Churned", "流失"),
                    part: Quantity::count(1),
                    whole: Quantity::count_of(1, name("{0|customer|customers}", "位客户")),
                    share: Quantity::percent(1.0, 1),
                },
                "Churned: 1 / 1 customer = 100.0%",
                "流失：1 / 1 位客户 = 100.0%",
            ),
            (
                Step::CutPoints {
                    symbol: "M",
                    value: Quantity::money(120_000),
                    score: Quantity::Score(5),
                    cuts: vec![Quantity::money(9_000), Quantity::money(20_000)],
                },
                "M: 1,200.00 → 5 (cut points 90.00/200.00)",
                "M：1,200.00 → 5 分（分界点 90.00/200.00）",
            ),
            (
                Step::Formula {
                    name: Some(name("Yearly margin", "年毛利")),
                    symbol: Some("m"),
                    symbolic: None,
                    filled: vec![vec![
                        Token::Value(Quantity::money(100_000)),
                        Token::Sym("/"),
                        Token::Value(Quantity::Years(1.0)),
                        Token::Sym("×"),
                        Token::Value(Quantity::plain(0.3)),
                    ]],
                    result: Quantity::MoneyPerYear { cents: 30_000 },
                },
                "Yearly margin m = 1,000.00 / 1.00 years × 0.3 = 300.00 per year",
                "年毛利 m = 1,000.00 / 1.00 年 × 0.3 = 每年 300.00",
            ),
            (
                Step::Formula {
                    name: None,
                    symbol: Some("CLV"),
                    symbolic: Some("m × r / (1 + d − r)"),
                    filled: vec![vec![
                        Token::Value(Quantity::money(30_000)),
                        Token::Sym("×"),
                        Token::Sym("("),
                        Token::Value(Quantity::plain(1.0)),
                        Token::Sym("−"),
                        Token::Value(Quantity::fixed(0.8, 2)),
                        Token::Sym(")"),
                    ]],
                    result: Quantity::money(80_000),
                },
                "CLV = m × r / (1 + d − r) = 300.00 × (1 − 0.80) = 800.00",
                "CLV = m × r / (1 + d − r) = 300.00 × (1 − 0.80) = 800.00",
            ),
            (
                Step::Rule {
                    rule: name("Starts below {0}", "起点低于 {0}"),
                    values: vec![Quantity::percent(0.8, 0)],
                    outcome: name("Key customer", "关键客户"),
                },
                "Starts below 80% → Key customer",
                "起点低于 80% → 关键客户",
            ),
            (
                Step::Heading(name("Key customer", "关键客户")),
                "Key customer:",
                "关键客户：",
            ),
            (
                Step::Note(name("No spend", "没有消费")),
                "No spend",
                "没有消费",
            ),
        ]
    }

    #[test]
    fn every_step_reads_naturally_in_both_languages() {
        for (step, en, zh) in every_step() {
            let working = Working::from(vec![step]);
            assert_eq!(working.lines(Lang::En), [en]);
            assert_eq!(working.lines(Lang::Zh), [zh]);
        }
    }

    #[test]
    fn no_english_word_in_the_chinese_working() {
        let all = Working::from(
            every_step()
                .into_iter()
                .map(|(s, _, _)| s)
                .collect::<Vec<_>>(),
        );
        let zh = all.text(Lang::Zh);
        assert_eq!(english_words(&zh), Vec::<&str>::new(), "{zh}");
        // The check itself finds English, and lets symbols and the listed abbreviations pass.
        assert_eq!(english_words(&all.text(Lang::En))[..2], ["Total", "spend"]);
        assert_eq!(
            english_words("CLV = m × r; R：5 分; X1"),
            Vec::<&str>::new()
        );
        assert_eq!(english_words("共 3 days"), ["days"]);
    }

    #[test]
    fn steps_under_a_heading_are_indented() {
        let working = Working::from(vec![
            Step::Heading(Name { en: "A", zh: "甲" }),
            Step::Note(Name { en: "b", zh: "乙" }),
        ]);
        assert_eq!(working.lines(Lang::En), ["A:", "  b"]);
        assert_eq!(working.text(Lang::Zh), "甲：\n  乙");
    }

    #[test]
    fn numbers_are_written_the_same_in_both_languages() {
        let cases = [
            (Quantity::money(-5), "-0.05"),
            (Quantity::money(123_450), "1,234.50"),
            (Quantity::money(-5), "-0.05"),
            (Quantity::fixed(2.6666, 3), "2.667"),
            (Quantity::plain(0.35), "0.35"),
            (Quantity::percent(1.0 / 3.0, 1), "33.3%"),
            (Quantity::Years(1.5), "1.50"),
            (Quantity::Missing, "–"),
        ];
        for (quantity, text) in cases {
            assert_eq!(quantity.number(), text);
        }
    }
}
