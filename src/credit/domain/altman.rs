//! The Altman Z-score family from one year's balance-sheet lines: Z (listed
//! manufacturers, 1968), Z′ (private firms), Z″ (non-manufacturers) and Z″ for emerging
//! markets (+3.25), with the ratios, the zone and the checks that catch common mistakes.
//!
//! Sources: Altman, "Financial Ratios, Discriminant Analysis and the Prediction of
//! Corporate Bankruptcy", *Journal of Finance* 23(4), 1968; Altman, *Corporate Financial
//! Distress and Bankruptcy*, 2nd ed., 1993 (Z′ and Z″); Altman, "An emerging market credit
//! scoring system for corporate bonds", *Emerging Markets Review* 6, 2005 (EM score).
//! Ratios are decimals (0.25, not 25): the 1968 paper printed coefficients for
//! percentages, the classic unit trap.

use serde::{Deserialize, Serialize};

use super::words::CreditTerm;
use crate::working::{Name, Quantity, Step, Token, Working};

/// Which model fits the firm.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FirmType {
    /// A manufacturer whose shares are listed: Z.
    #[default]
    ListedManufacturer,
    /// A private firm (no market price for its shares): Z′.
    PrivateFirm,
    /// A non-manufacturer, listed or not (services, trade): Z″.
    NonManufacturer,
    /// A firm in an emerging market: Z″ + 3.25.
    EmergingMarket,
}

impl FirmType {
    pub const ALL: [FirmType; 4] = [
        FirmType::ListedManufacturer,
        FirmType::PrivateFirm,
        FirmType::NonManufacturer,
        FirmType::EmergingMarket,
    ];

    pub fn key(self) -> &'static str {
        match self {
            FirmType::ListedManufacturer => "listed_manufacturer",
            FirmType::PrivateFirm => "private_firm",
            FirmType::NonManufacturer => "non_manufacturer",
            FirmType::EmergingMarket => "emerging_market",
        }
    }

    pub fn from_key(key: &str) -> Option<FirmType> {
        FirmType::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The model suggested for this type of firm.
    pub fn model(self) -> ZModel {
        match self {
            FirmType::ListedManufacturer => ZModel::Z,
            FirmType::PrivateFirm => ZModel::ZPrime,
            FirmType::NonManufacturer => ZModel::ZDoublePrime,
            FirmType::EmergingMarket => ZModel::EmergingMarket,
        }
    }
}

/// One model of the family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZModel {
    Z,
    ZPrime,
    ZDoublePrime,
    EmergingMarket,
}

impl ZModel {
    pub fn symbol(self) -> &'static str {
        match self {
            ZModel::Z => "Z",
            ZModel::ZPrime => "Z′",
            ZModel::ZDoublePrime => "Z″",
            ZModel::EmergingMarket => "Z″ + 3.25",
        }
    }

    /// The coefficients of X1…X5 and the constant.
    fn coefficients(self) -> ([f64; 5], f64) {
        match self {
            ZModel::Z => ([1.2, 1.4, 3.3, 0.6, 1.0], 0.0),
            ZModel::ZPrime => ([0.717, 0.847, 3.107, 0.420, 0.998], 0.0),
            ZModel::ZDoublePrime => ([6.56, 3.26, 6.72, 1.05, 0.0], 0.0),
            ZModel::EmergingMarket => ([6.56, 3.26, 6.72, 1.05, 0.0], 3.25),
        }
    }

    fn symbolic(self) -> &'static str {
        match self {
            ZModel::Z => "1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5",
            ZModel::ZPrime => "0.717·X1 + 0.847·X2 + 3.107·X3 + 0.420·X4 + 0.998·X5",
            ZModel::ZDoublePrime => "6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4",
            ZModel::EmergingMarket => "3.25 + 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4",
        }
    }

    /// (grey from, safe above): below the first is distress.
    pub fn cut_offs(self) -> (f64, f64) {
        match self {
            ZModel::Z => (1.81, 2.99),
            ZModel::ZPrime => (1.23, 2.9),
            ZModel::ZDoublePrime => (1.1, 2.6),
            ZModel::EmergingMarket => (4.15, 5.85),
        }
    }

    /// Whether X4 uses the market value of equity (only Z does).
    pub fn uses_market_value(self) -> bool {
        self == ZModel::Z
    }

    pub fn zone(self, score: f64) -> Zone {
        let (grey, safe) = self.cut_offs();
        if score > safe {
            Zone::Safe
        } else if score >= grey {
            Zone::Grey
        } else {
            Zone::Distress
        }
    }
}

/// Where a score falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    Safe,
    Grey,
    Distress,
}

impl Zone {
    pub const ALL: [Zone; 3] = [Zone::Safe, Zone::Grey, Zone::Distress];

    pub fn name(self) -> Name {
        match self {
            Zone::Safe => CreditTerm::ZoneSafe.into(),
            Zone::Grey => CreditTerm::ZoneGrey.into(),
            Zone::Distress => CreditTerm::ZoneDistress.into(),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Zone::Safe => "safe",
            Zone::Grey => "grey",
            Zone::Distress => "distress",
        }
    }
}

/// One year's balance-sheet and income lines, in cents of one currency.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BalanceSheet {
    pub year: i32,
    pub current_assets: i64,
    pub current_liabilities: i64,
    pub total_assets: i64,
    pub total_liabilities: i64,
    pub retained_earnings: i64,
    pub ebit: i64,
    pub sales: i64,
    pub book_equity: i64,
    /// The market value of equity typed in, or else shares × price.
    pub market_value: Option<i64>,
    pub shares: Option<u64>,
    pub share_price_cents: Option<i64>,
}

/// Something wrong or suspicious in the lines typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetCheck {
    /// Total assets zero or negative: no ratio can be computed.
    NoAssets,
    /// Total liabilities zero or negative: X4 cannot be computed.
    NoLiabilities,
    /// A line that cannot be negative is (assets, liabilities, sales).
    NegativeLine,
    /// Z needs the market value of equity (or shares and price).
    NoMarketValue,
    /// Liabilities above assets: equity is negative (possible, but check the figures).
    LiabilitiesAboveAssets,
    /// Current assets above total assets, or current liabilities above total ones.
    PartAboveWhole,
    /// Book equity differs from assets − liabilities by more than 1%.
    EquityMismatch,
    /// Shares × price is below a hundredth of book equity: the share count may have been
    /// typed in thousands, like the balance sheet.
    SharesMayBeInThousands,
}

impl SheetCheck {
    /// Whether the score cannot be computed at all.
    pub fn is_blocking(self) -> bool {
        matches!(
            self,
            SheetCheck::NoAssets
                | SheetCheck::NoLiabilities
                | SheetCheck::NegativeLine
                | SheetCheck::NoMarketValue
        )
    }
}

impl BalanceSheet {
    pub fn working_capital(&self) -> i64 {
        self.current_assets - self.current_liabilities
    }

    /// The market value of equity: typed, or shares × price.
    pub fn market_value_of_equity(&self) -> Option<i64> {
        self.market_value.or_else(|| {
            let (shares, price) = (self.shares?, self.share_price_cents?);
            i64::try_from(shares).ok()?.checked_mul(price)
        })
    }

    /// Every problem found, blocking ones first.
    pub fn checks(&self, model: ZModel) -> Vec<SheetCheck> {
        let mut found = Vec::new();
        if self.total_assets <= 0 {
            found.push(SheetCheck::NoAssets);
        }
        if self.total_liabilities <= 0 {
            found.push(SheetCheck::NoLiabilities);
        }
        if [
            self.current_assets,
            self.current_liabilities,
            self.total_liabilities,
            self.sales,
        ]
        .iter()
        .any(|v| *v < 0)
        {
            found.push(SheetCheck::NegativeLine);
        }
        let market = self.market_value_of_equity();
        if model.uses_market_value() && market.is_none() {
            found.push(SheetCheck::NoMarketValue);
        }
        if self.total_assets > 0 && self.total_liabilities > self.total_assets {
            found.push(SheetCheck::LiabilitiesAboveAssets);
        }
        if self.current_assets > self.total_assets
            || self.current_liabilities > self.total_liabilities
        {
            found.push(SheetCheck::PartAboveWhole);
        }
        let implied = self.total_assets - self.total_liabilities;
        if self.book_equity != 0
            && (self.book_equity - implied).abs() * 100 > self.total_assets.abs()
        {
            found.push(SheetCheck::EquityMismatch);
        }
        if let (Some(value), true) = (market, self.market_value.is_none()) {
            if self.book_equity > 0 && value * 100 < self.book_equity {
                found.push(SheetCheck::SharesMayBeInThousands);
            }
        }
        found
    }

    /// The score under `model`, or the blocking problems.
    pub fn score(&self, model: ZModel) -> Result<ZScore, Vec<SheetCheck>> {
        let checks = self.checks(model);
        let blocking: Vec<SheetCheck> =
            checks.iter().copied().filter(|c| c.is_blocking()).collect();
        if !blocking.is_empty() {
            return Err(blocking);
        }
        let ta = self.total_assets as f64;
        let tl = self.total_liabilities as f64;
        let equity = if model.uses_market_value() {
            self.market_value_of_equity().unwrap_or(0) as f64
        } else {
            self.book_equity as f64
        };
        let ratios = [
            self.working_capital() as f64 / ta,
            self.retained_earnings as f64 / ta,
            self.ebit as f64 / ta,
            equity / tl,
            self.sales as f64 / ta,
        ];
        let (k, constant) = model.coefficients();
        let score = constant + ratios.iter().zip(k).map(|(x, k)| x * k).sum::<f64>();
        Ok(ZScore {
            year: self.year,
            model,
            ratios,
            score,
            zone: model.zone(score),
            warnings: checks,
            sheet: self.clone(),
        })
    }
}

/// A computed score with everything needed to show how.
#[derive(Clone, Debug, PartialEq)]
pub struct ZScore {
    pub year: i32,
    pub model: ZModel,
    /// X1…X5 as decimals (X5 is computed for every model; Z″ does not use it).
    pub ratios: [f64; 5],
    pub score: f64,
    pub zone: Zone,
    /// The non-blocking checks that fired.
    pub warnings: Vec<SheetCheck>,
    pub sheet: BalanceSheet,
}

impl ZScore {
    pub fn working(&self) -> Working {
        let s = &self.sheet;
        let money = |c: i64| Token::Value(Quantity::money(c));
        let equity_term = if self.model.uses_market_value() {
            (
                CreditTerm::MarketEquityRatio,
                s.market_value_of_equity().unwrap_or(0),
            )
        } else {
            (CreditTerm::BookEquityRatio, s.book_equity)
        };
        let parts = [
            (
                CreditTerm::WorkingCapitalRatio,
                s.working_capital(),
                s.total_assets,
            ),
            (
                CreditTerm::RetainedEarningsRatio,
                s.retained_earnings,
                s.total_assets,
            ),
            (CreditTerm::EbitRatio, s.ebit, s.total_assets),
            (equity_term.0, equity_term.1, s.total_liabilities),
            (CreditTerm::SalesRatio, s.sales, s.total_assets),
        ];
        let used = if self.model.coefficients().0[4] == 0.0 {
            4
        } else {
            5
        };
        const SYMBOLS: [&str; 5] = ["X1", "X2", "X3", "X4", "X5"];
        let mut steps: Vec<Step> = parts
            .iter()
            .zip(self.ratios)
            .zip(SYMBOLS)
            .take(used)
            .map(|(((term, top, bottom), ratio), symbol)| Step::Formula {
                name: Some((*term).into()),
                symbol: Some(symbol),
                symbolic: None,
                filled: vec![vec![money(*top), Token::Sym("/"), money(*bottom)]],
                result: Quantity::fixed(ratio, 4),
            })
            .collect();
        let (k, constant) = self.model.coefficients();
        let mut filled = Vec::new();
        if constant != 0.0 {
            filled.push(Token::Value(Quantity::plain(constant)));
        }
        for (i, (ratio, k)) in self.ratios.iter().zip(k).take(used).enumerate() {
            if !filled.is_empty() || i > 0 {
                filled.push(Token::Sym("+"));
            }
            filled.push(Token::Value(Quantity::plain(k)));
            filled.push(Token::Sym("×"));
            filled.push(Token::Value(Quantity::fixed(*ratio, 4)));
        }
        steps.push(Step::Formula {
            name: None,
            symbol: Some(self.model.symbol()),
            symbolic: Some(self.model.symbolic()),
            filled: vec![filled],
            result: Quantity::fixed(self.score, 2),
        });
        let (grey, safe) = self.model.cut_offs();
        steps.push(Step::Rule {
            rule: CreditTerm::ZoneRule.into(),
            values: vec![Quantity::plain(safe), Quantity::plain(grey)],
            outcome: self.zone.name(),
        });
        steps.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A manufacturer in units (×100 for cents): working capital 30, retained earnings
    /// 20, EBIT 15, market value 120, sales 150, on assets 100 and liabilities 60.
    fn sheet() -> BalanceSheet {
        BalanceSheet {
            year: 2025,
            current_assets: 5000,
            current_liabilities: 2000,
            total_assets: 10000,
            total_liabilities: 6000,
            retained_earnings: 2000,
            ebit: 1500,
            sales: 15000,
            book_equity: 4000,
            market_value: Some(12000),
            shares: None,
            share_price_cents: None,
        }
    }

    #[test]
    fn each_model_weighs_the_same_ratios_differently() {
        // X = 0.30, 0.20, 0.15, 2.00 (market) or 0.6667 (book), 1.50.
        let table = [
            // 1.2×0.3 + 1.4×0.2 + 3.3×0.15 + 0.6×2.0 + 1.0×1.5 = 3.835
            (ZModel::Z, 3.835, Zone::Safe),
            // 0.717×0.3 + 0.847×0.2 + 3.107×0.15 + 0.42×0.6667 + 0.998×1.5 = 2.6276
            (ZModel::ZPrime, 2.6276, Zone::Grey),
            // 6.56×0.3 + 3.26×0.2 + 6.72×0.15 + 1.05×0.6667 = 4.328
            (ZModel::ZDoublePrime, 4.328, Zone::Safe),
            (ZModel::EmergingMarket, 7.578, Zone::Safe),
        ];
        for (model, score, zone) in table {
            let z = sheet().score(model).unwrap();
            assert!((z.score - score).abs() < 1e-3, "{model:?}: {}", z.score);
            assert_eq!(z.zone, zone, "{model:?}");
        }
    }

    #[test]
    fn zones_on_their_cut_offs() {
        // "safe > 2.99, grey 1.81–2.99, distress < 1.81" (concepts, Altman 1968).
        let table = [
            (ZModel::Z, 2.991, Zone::Safe),
            (ZModel::Z, 2.99, Zone::Grey),
            (ZModel::Z, 1.81, Zone::Grey),
            (ZModel::Z, 1.809, Zone::Distress),
            (ZModel::ZPrime, 2.9, Zone::Grey),
            (ZModel::ZPrime, 1.22, Zone::Distress),
            (ZModel::ZDoublePrime, 2.61, Zone::Safe),
            (ZModel::ZDoublePrime, 1.1, Zone::Grey),
            (ZModel::EmergingMarket, 4.0, Zone::Distress),
            (ZModel::EmergingMarket, 5.0, Zone::Grey),
        ];
        for (model, score, zone) in table {
            assert_eq!(model.zone(score), zone, "{model:?} {score}");
        }
    }

    #[test]
    fn the_firm_type_suggests_the_model() {
        assert_eq!(FirmType::ListedManufacturer.model(), ZModel::Z);
        assert_eq!(FirmType::PrivateFirm.model(), ZModel::ZPrime);
        assert_eq!(FirmType::NonManufacturer.model(), ZModel::ZDoublePrime);
        assert_eq!(FirmType::EmergingMarket.model(), ZModel::EmergingMarket);
        for t in FirmType::ALL {
            assert_eq!(FirmType::from_key(t.key()), Some(t));
        }
    }

    #[test]
    fn checks_catch_the_common_mistakes() {
        let with = |f: fn(&mut BalanceSheet)| {
            let mut s = sheet();
            f(&mut s);
            s.checks(ZModel::Z)
        };
        assert_eq!(with(|_| {}), vec![]);
        assert!(with(|s| s.total_assets = 0).contains(&SheetCheck::NoAssets));
        assert!(with(|s| s.total_liabilities = 0).contains(&SheetCheck::NoLiabilities));
        assert!(with(|s| s.sales = -1).contains(&SheetCheck::NegativeLine));
        assert!(with(|s| s.market_value = None).contains(&SheetCheck::NoMarketValue));
        assert!(with(|s| {
            s.total_liabilities = 12000;
            s.book_equity = -2000;
        })
        .contains(&SheetCheck::LiabilitiesAboveAssets));
        assert!(with(|s| s.current_assets = 20000).contains(&SheetCheck::PartAboveWhole));
        assert!(with(|s| s.book_equity = 3000).contains(&SheetCheck::EquityMismatch));
        // 1 share at 0.10 against equity of 40.00: the count was typed in thousands.
        let thousands = with(|s| {
            s.market_value = None;
            s.shares = Some(1);
            s.share_price_cents = Some(10);
        });
        assert_eq!(thousands, vec![SheetCheck::SharesMayBeInThousands]);
        // Z′ does not need a market value.
        let mut private = sheet();
        private.market_value = None;
        assert!(private.score(ZModel::ZPrime).is_ok());
        assert_eq!(
            private.score(ZModel::Z).unwrap_err(),
            vec![SheetCheck::NoMarketValue]
        );
    }

    #[test]
    fn shares_times_price_is_the_market_value() {
        let mut s = sheet();
        s.market_value = None;
        s.shares = Some(1_000);
        s.share_price_cents = Some(1_200);
        assert_eq!(s.market_value_of_equity(), Some(1_200_000));
    }

    #[test]
    fn the_working_shows_ratios_and_the_filled_in_formula() {
        let z = sheet().score(ZModel::Z).unwrap();
        let text = z.working().text(crate::i18n::Lang::En);
        assert!(text.contains("X1 = 30.00 / 100.00 = 0.3000"), "{text}");
        assert!(text.contains("Z = 1.2·X1"), "{text}");
        assert!(text.contains("1.2 × 0.3000 + 1.4 × 0.2000"), "{text}");
        assert!(text.contains(&format!("= {:.2}", z.score)), "{text}");
        assert!(text.contains("→ Safe zone"), "{text}");
        // Z″ leaves X5 out.
        let text = sheet()
            .score(ZModel::ZDoublePrime)
            .unwrap()
            .working()
            .text(crate::i18n::Lang::En);
        assert!(!text.contains("X5"), "{text}");
    }
}
