//! The names the customer figures' working uses (消费总额, 累计占比, …), in both languages.

catalogue! { pub enum WorkingTerm {
    TotalSpend => "Total spend", "消费总额";
    Purchases => "Purchases", "购买次数";
    /// The unit after a number of purchases.
    PurchasesUnit => "{0|purchase|purchases}", "次";
    /// The unit after a number of customers.
    CustomersUnit => "{0|customer|customers}", "位客户";
    ResolutionTime => "Resolution time", "处理用时";
    AverageResolution => "Average resolution time", "平均处理用时";
    YearlyMargin => "Yearly margin", "年毛利";
    LifetimeValue => "Lifetime value", "客户终身价值";
    RankBySpend => "Rank by spend", "消费额排名";
    CumulativeShare => "Cumulative share of spend", "累计消费额占比";
    BeforeBelow => "Share before this customer below {0}", "此前累计占比低于 {0}";
    BeforeAtOrAbove => "Share before this customer at or above {0}", "此前累计占比不低于 {0}";
    NoSpend => "No spend", "没有消费";
    ShareOfCustomers => "Share of customers", "客户占比";
    ShareOfSpend => "Share of spend", "消费额占比";
    Churned => "Churned", "已流失";
    BoughtAgain => "Bought again after a resolved complaint", "投诉解决后再次购买";
    FewBuyers => "Fewer than 5 customers have bought, too few for quintiles: scores spread the ranks over 1–5 (a purchase today is always R 5).", "购买过的客户不足 5 位，无法按五分位评分：按排名分布在 1–5 分（当天购买的近度总是 5 分）。";
}}
