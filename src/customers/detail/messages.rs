//! Every text of the customer page and the customer forms, in English and Chinese.

catalogue! { pub enum DetailMsg {
    NotFoundTitle => "Customer not found", "找不到该客户";
    NotFoundBody => "There is no customer with this number. It may have been deleted or merged.", "不存在该编号的客户。该客户可能已被删除或合并。";
    Edit => "Edit", "编辑";
    EditCustomer => "Edit {0}", "编辑 {0}";
    NewCustomer => "New customer", "新建客户";
    NotSet => "Not set", "未设置";
    Nobody => "Nobody", "无";
    Yes => "Yes", "是";
    No => "No", "否";
    EditInteraction => "Edit", "编辑";
    DeleteInteraction => "Delete", "删除";
    DeleteInteractionConfirm => "Delete this entry from the timeline? This cannot be undone.", "确定从时间线中删除此条记录吗？删除后无法恢复。";

    IdentityHeading => "Identity", "基本信息";
    Created => "Created", "创建时间";
    Updated => "Updated", "更新时间";
    TagsHint => "Separate tags with commas.", "多个标签用逗号分隔。";

    ClassificationHeading => "Classification", "客户分类";
    SuggestedByAbc => "Suggested by ABC analysis: {0}", "ABC 分析建议：{0}";
    AbcExplain => "Customers are ranked by total spend; those holding the first 80% of all spend are key, up to 95% potential, the rest general (Pareto).", "按消费总额对客户排序：累计占全部消费前 80% 的为关键客户，80%–95% 为潜力客户，其余为一般客户（帕累托原则）。";
    OverrideShown => "Set by hand (overrides the suggestion).", "已手动设定（覆盖建议值）。";
    FollowsSuggestion => "Follows the suggestion.", "沿用建议值。";
    FollowSuggestionOption => "Follow the ABC suggestion", "沿用 ABC 分析建议";
    CustomerSide => "Internal or external", "内部 / 外部客户";
    Internal => "Internal customer", "内部客户";
    External => "External customer", "外部客户";

    RelationshipHeading => "Relationship", "客户关系";
    StageHistory => "Stage history", "阶段变更记录";
    StageSince => "{0} since {1}", "{1} 起为{0}";
    KotlerHeading => "Which relationship level fits? (Kotler)", "应选择哪种关系营销水平？（科特勒）";
    KotlerExplain => "Choose by how many customers you have and the profit per unit: many customers with low margins call for the basic level; few customers with high margins call for a partnership.", "根据客户数量和单位利润选择：客户多、利润低宜用基本型；客户少、利润高宜用伙伴型。";
    CustomerCountLabel => "Number of customers", "客户数量";
    MarginLabel => "Unit profit margin", "单位利润率";
    CountMany => "Many", "多";
    CountMedium => "Medium", "中等";
    CountFew => "Few", "少";
    MarginLow => "Low", "低";
    MarginMedium => "Medium", "中";
    MarginHigh => "High", "高";
    KotlerSuggests => "Suggested level: {0}", "建议水平：{0}";
    UseSuggestion => "Use this level", "采用此水平";
    ReferredByChain => "Referred by", "推荐人";
    ReferredOthers => "Referred", "推荐了";
    NoReferrer => "Nobody (not referred)", "无（非推荐而来）";
    NoReferrals => "Nobody yet", "暂无";

    FiguresHeading => "Figures", "客户数据";
    TotalSpend => "Total spend", "消费总额";
    PurchaseCount => "Purchases", "购买次数";
    LastPurchase => "Last purchase", "最近购买";
    NoPurchaseYet => "No purchase yet", "尚无购买";
    DaysAgo => "{0} ({1} days ago)", "{0}（{1} 天前）";
    RfmHeading => "RFM scores", "RFM 评分", latin;
    RfmExplain => "Recency, frequency and monetary value, each scored 1 (lowest fifth of buyers) to 5 (top fifth), ranked against all your customers who have bought.", "最近购买（R）、购买频率（F）与消费金额（M），各按全部已购买客户的五分位打 1（最低的五分之一）到 5（最高的五分之一）分。";
    RfmRecency => "R (recency)", "R（最近购买）";
    RfmFrequency => "F (frequency)", "F（购买频率）";
    RfmMonetary => "M (monetary)", "M（消费金额）";
    ClvHeading => "Customer lifetime value (estimate)", "客户终身价值（估算）";
    ClvExplain => "The margin this customer brings each year, multiplied by how many years it is worth today given retention and discounting (Gupta & Lehmann 2003).", "该客户每年带来的毛利，乘以在考虑保持率与贴现后相当于现在的年数（Gupta 与 Lehmann，2003）。";
    ClvAssumptionsHeading => "Assumptions (for all customers)", "假设（适用于全部客户）";
    GrossMargin => "Gross margin (%)", "毛利率（%）";
    Retention => "Yearly retention (%)", "年客户保持率（%）";
    DiscountRate => "Discount rate (%)", "贴现率（%）";
    SaveAssumptions => "Save assumptions", "保存假设";
    AssumptionsSaved => "Assumptions saved.", "假设已保存。";
    NotANumber => "{0}: enter a number such as 30.", "{0}：请输入数字，例如 30。";
    MarginRange => "Gross margin must be between 0% and 100%.", "毛利率必须在 0% 到 100% 之间。";
    RetentionRange => "Retention must be at least 0% and below 100% (100% would make the value infinite).", "保持率必须不低于 0% 且低于 100%（100% 会使价值无穷大）。";
    DiscountRange => "The discount rate must be between 0% and 100%.", "贴现率必须在 0% 到 100% 之间。";
    ResolutionHeading => "Complaint resolution time", "投诉解决时间";
    ResolutionNone => "No resolved complaint yet.", "尚无已解决的投诉。";
    ResolutionAverage => "Average: {0} days", "平均：{0} 天";
    ResolutionItem => "Opened {0}, resolved {1}: {2} days", "{0} 提出，{1} 解决：{2} 天";
    OpenComplaintsCount => "Open complaints: {0}", "未解决投诉：{0}";
    ChurnRiskHeading => "Churn risk", "流失风险";
    RiskNoReasons => "No warning signs.", "没有预警信号。";
    RiskAlreadyChurned => "This customer has churned; see the churn record.", "该客户已流失，请查看流失记录。";
    RiskExplain => "Points: a long gap since the last purchase (1, or 2 when very long), open complaints (1), a complaint open over 14 days (2), the decline stage (2). 0 points = low, 1–2 = medium, 3 or more = high.", "计分：距上次购买过久（1 分，过久很多则 2 分）、有未解决投诉（1 分）、投诉超过 14 天未解决（2 分）、处于退化期（2 分）。0 分为低，1–2 分为中，3 分及以上为高。";
    RiskDaysSincePurchase => "No purchase for {0} days (warning after {1} days).", "已 {0} 天没有购买（超过 {1} 天即预警）。";
    RiskUsualGap => "This customer usually buys every {0} days.", "该客户通常每 {0} 天购买一次。";
    RiskOpenComplaints => "{0} complaint(s) not yet resolved.", "有 {0} 个投诉尚未解决。";
    RiskOldComplaint => "A complaint has been open for {0} days; 95% of complainers buy again when resolved quickly.", "有投诉已 {0} 天未解决；投诉若能迅速解决，95% 的投诉者会再次购买。";
    RiskDecline => "The relationship is in the decline stage.", "客户关系处于退化期。";
    RiskSatisfaction => "Satisfaction fell to {0} (earlier average {1}).", "满意度降至 {0}（此前平均 {1}）。";

    TimelineHeading => "Timeline", "互动时间线";
    FilterKind => "Show", "显示";
    AllKinds => "All kinds", "全部类型";
    NoInteractions => "Nothing recorded yet.", "尚无记录。";
    Items => "Items: {0}", "商品：{0}";
    ComplaintLine => "{0} · severity {1} · {2} · opened {3}", "{0} · 严重程度 {1} · {2} · {3} 提出";
    ResolvedIn => "Resolved {0}, after {1} days", "{0} 解决，用时 {1} 天";
    OpenFor => "Open for {0} days", "已持续 {0} 天";
    ResolveOn => "Resolved on", "解决日期";
    ResolveComplaint => "Mark resolved", "标记为已解决";
    ForComplaint => "For the complaint of {0}", "针对 {0} 的投诉";

    AddInteraction => "Add an interaction", "添加互动记录";
    Kind => "Kind", "类型";
    Date => "Date", "日期";
    Note => "Note", "备注";
    Amount => "Amount", "金额";
    Currency => "Currency", "币种";
    ItemsLabel => "Items", "商品";
    Category => "Category", "类别";
    SeverityLabel => "Severity", "严重程度";
    Status => "Status", "状态";
    Opened => "Opened", "提出日期";
    Resolved => "Resolved", "解决日期";
    LinkedComplaint => "Complaint", "相关投诉";
    RecoveryAction => "What was done", "补救措施";
    AddButton => "Add", "添加";
    Added => "Added to the timeline.", "已添加到时间线。";
    DateInvalid => "Enter a date.", "请输入日期。";
    ResolvedRequired => "Enter the date the complaint was resolved.", "请输入投诉的解决日期。";
    TimeToResolve => "Time to resolve: {0} days", "解决用时：{0} 天";

    ChurnHeading => "Churn", "客户流失";
    MarkChurned => "Mark as churned…", "标记为已流失…";
    ChurnFormHeading => "Why was this customer lost?", "该客户为何流失？";
    ChurnReasons => "Reasons (choose all that apply)", "原因（可多选）";
    /// The heading of the reasons on the read-only churn record (nothing to choose there).
    ChurnReasonsShown => "Reasons", "原因";
    OtherReason => "Other reason", "其他原因";
    PreventionTried => "What was tried to keep them", "已尝试的挽留措施";
    ChurnDate => "Date lost", "流失日期";
    ChurnNotes => "Notes", "备注";
    ConfirmChurn => "Mark as churned", "确认标记为流失";
    ChurnNeedsReason => "Choose at least one reason or describe one.", "请至少选择或填写一个原因。";
    ChurnedOn => "Churned on {0}", "{0} 流失";
    NothingTried => "Nothing recorded.", "未记录。";
    Reactivate => "Reactivate (back to exploration)", "重新激活（回到考察期）";
    ChurnPrevention => "Prevention: build a strong relationship network, raise the relationship from one person to the organisation, shape the customer's purchase criteria, keep quality and service high and prices competitive, and give priority treatment.", "预防措施：建立牢固的关系网，将个人关系提升为组织关系，影响客户的采购标准，保持高质量、高服务水平与有竞争力的价格，并给予优先待遇。";

    FormProblems => "Please correct these problems; nothing has been saved:", "请修正以下问题，尚未保存任何内容：";
    ReferredByHint => "Who introduced this customer (referral chain).", "谁介绍了该客户（连环获取法）。";
    FindReferrer => "Type part of a name to find the referrer", "输入姓名的一部分以查找推荐人";
    ClearReferrer => "Clear", "清除";
    NoReferrerMatch => "No customer has that name.", "没有该姓名的客户。";
    StageHint => "A change is recorded in the stage history with today's date.", "变更会以今天的日期记入阶段变更记录。";
    /// Under a note: characters used of the most allowed.
    NoteLength => "{0} of {1} characters", "已用 {0} / {1} 个字符";
}}
