//! The texts of the results' filters, comparison, trend, follow-ups and chart downloads,
//! in English and Chinese.

catalogue! { pub enum ResultsMsg {
    FilterLegend => "Filter the responses", "筛选回答";
    GroupBLegend => "Group B (compared with the filter above, group A)", "B 组（与上面的筛选即 A 组比较）";
    From => "From", "起始日期";
    To => "To", "截止日期";
    AnyValue => "Any", "不限";
    Tag => "Tag", "标签";
    ClearFilter => "Clear this filter", "清除此筛选";
    FromDate => "from {0}", "自 {0}";
    ToDate => "to {0}", "至 {0}";
    TagIs => "tag “{0}”", "标签“{0}”";
    AllResponses => "all responses", "全部回答";
    ShowingOf => "{0} of {1} {1|response|responses}", "{1} 份回答中的 {0} 份";
    UnlinkedLeftOut => "{0} {0|response|responses} with no linked customer left out by the segment filter", "{0} 份未关联客户的回答因按客户分群筛选而未计入";
    NoneLeft => "No response passes this filter.", "没有符合此筛选的回答。";
    CompareToggle => "Compare with a second group (another period or segment)", "与另一组比较（另一时段或客户分群）";
    CompareTitle => "Group A compared with group B", "A 组与 B 组比较";
    GroupA => "A", "A 组";
    GroupB => "B", "B 组";
    Figure => "Figure", "指标";
    Difference => "Difference B − A", "差值 B − A";
    Interval => "95% interval", "95% 置信区间";
    Verdict => "More than chance?", "是否超出偶然波动？";
    BeyondChance => "Yes: the interval leaves out 0", "是：区间不含 0";
    MaybeChance => "No: the interval includes 0", "否：区间包含 0";
    TooFew => "Too few answers in a group", "某一组回答太少";
    CompareExplain => "Each difference is B − A with its 95% interval, the two groups taken as independent samples: SE = √(SE_A² + SE_B²). A difference is more than chance when its interval leaves out 0.", "每个差值为 B − A 及其 95% 置信区间，两组视为独立样本：SE = √(SE_A² + SE_B²)。区间不含 0 时，差异超出偶然波动。";
    TrendTitle => "{0} by month", "{0}（按月）";
    Month => "Month", "月份";
    Value => "Value", "数值";
    TrendExplain => "The shaded band is each month's 95% interval; a month with no or one answer has no point.", "阴影带为各月的 95% 置信区间；没有回答或只有一份回答的月份不画点。";
    FollowUpsTitle => "Follow-ups", "待跟进";
    FollowUpsExplain => "Detractors (0–6) and satisfaction indexes below 1 among these responses, with no contact on the customer's timeline since.", "这些回答中的贬损者（0–6 分）和满意指数低于 1 的回答，且此后客户时间线上没有联系记录。";
    NoFollowUps => "No open follow-up among these responses.", "这些回答中没有待跟进的。";
    DownloadSvg => "Download SVG", "下载 SVG";
    DownloadPng => "Download PNG", "下载 PNG";
    Print => "Print", "打印";
}}
