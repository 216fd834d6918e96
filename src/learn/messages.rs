//! Every text of the Learn section, in English and Chinese (concepts from
//! shared/concepts.md section 1).

catalogue! { pub enum LearnMsg {
    Intro => "The ideas behind customer records, each with what it looks like in the customers stored in this browser. Open “Show the working” under a figure to see how it was computed.", "客户档案背后的概念，每一个都配上本浏览器中已保存客户的实际情况。点开数字下方的“查看计算过程”即可查看计算方法。";
    NoCustomersTitle => "No customers to learn from yet", "还没有可供学习的客户数据";
    NoCustomersBody => "The lessons illustrate each concept with real figures. Load the demo data (200 bilingual customers with purchases, complaints, referrals and churned cases) or add your own customers.", "本节用真实数字说明每个概念。请加载演示数据（200 位中英文客户，含购买、投诉、推荐和流失案例），或先添加您自己的客户。";
    LoadDemo => "Load demo data", "加载演示数据";
    InYourData => "In your data", "您的数据中";
    SeeInList => "See them in the list", "在客户名单中查看";

    ProfileTitle => "Customer records", "客户档案";
    ProfileBody => "One profile per customer that every team shares: who they are, how to reach them, what they bought, what they said and what went wrong. Scattered information hides the whole customer; an integrated record is what makes a business customer-centred.", "每位客户一份、全员共享的档案：是谁、如何联系、买过什么、说过什么、出过什么问题。信息分散会看不清客户全貌；整合的档案才能让企业以客户为中心。";
    ProfileFigure => "{0} {0|customer|customers}, with {1} recorded {1|interaction|interactions} in all.", "共 {0} 位客户，累计记录 {1} 次互动。";
    ProfileExample => "The fullest record: {0} ({1} {1|interaction|interactions}).", "记录最完整的客户：{0}（{1} 次互动）。";

    ValueTitle => "Classification by value and the ABC (Pareto) split", "按价值分类与 ABC（帕累托）分析";
    ValueBody => "Resources are limited, so key customers are served first. Ranking customers by spend and cutting the cumulative share suggests the class: key customers usually bring most of the revenue, general customers a small part. A manual class on the customer’s page overrides the suggestion.", "资源有限，应优先服务关键客户。按消费额排序、按累计占比划分即可得到建议的分类：关键客户通常贡献大部分收入，一般客户只占一小部分。客户页面上手动设置的分类优先于建议。";
    ValueHeadClass => "Class", "分类";
    ValueHeadCustomers => "Share of customers", "客户占比";
    ValueHeadSpend => "Share of spend", "消费额占比";

    MotiveTitle => "Classification by motive, and internal customers", "按购买动机分类与内部客户";
    MotiveBody => "Economic customers buy on price; ethical customers favour socially responsible firms; personalised customers want to be treated as individuals; convenience customers want it easy. A customer is not always the end user, and may be inside the firm (an internal customer).", "经济型客户只看价格；道德型客户青睐有社会责任感的企业；个性化客户希望被当作个体对待；方便型客户追求省事。客户不一定是最终用户，也可能在企业内部（内部客户）。";
    NotClassified => "Not classified yet", "尚未分类";
    InternalFigure => "{0} of them are internal customers.", "其中 {0} 位是内部客户。";

    ChannelTitle => "Acquisition methods and referral chains", "客户开发方法与连环获取法";
    ChannelBody => "Customers are won by advertising, through delegated agents, or by referral: each buyer introduces new prospects (loyalty cards reward it). Recording who referred whom shows the chains, on both customers’ pages.", "客户可以通过广告开拓、委托助手或连环获取：每位购买者再介绍新的潜在客户（会员卡可奖励这种行为）。记录谁推荐了谁，就能在双方的页面上看到推荐链。";
    ReferredFigure => "{0} {0|customer|customers} {0|has|have} a recorded referrer.", "{0} 位客户记录了推荐人。";
    LongestChain => "The longest referral chain, from the newest customer up to the first referrer:", "最长的推荐链，从最新的客户一直到最初的推荐人：";

    StageTitle => "The relationship lifecycle", "客户生命周期";
    StageBody => "A relationship moves through exploration, formation, stability and decline, and may end in churn. Each stage calls for a different strategy: test and inform while exploring, build trust while forming, deepen and reward while stable, find the cause and win back in decline.", "客户关系会经历考察期、形成期、稳定期和退化期，并可能以流失告终。每个阶段需要不同的策略：考察期重在了解与告知，形成期重在建立信任，稳定期重在深化与回报，退化期重在找出原因并挽回。";

    LadderTitle => "The relationship marketing ladder", "关系营销阶梯";
    LadderBody => "Payne et al. (1995): a prospect becomes a customer with the first purchase, a client by buying again, then a supporter, an advocate who recommends the firm, and finally a partner. The aim is to move customers up the ladder.", "Payne 等（1995）：潜在客户首次购买后成为客户，重复购买成为主顾，进而成为支持者、主动推荐企业的拥护者，最终成为合作伙伴。目标是让客户沿阶梯不断上升。";

    LevelTitle => "Relationship levels (Kotler)", "关系营销水平（科特勒）";
    LevelBody => "Basic, reactive, accountable, proactive or partnership: choose by the number of customers and the unit margin. Many customers with a low margin call for the basic level; few customers with a high margin for a partnership. Each customer’s page suggests a level from this rule.", "基本型、被动型、负责型、能动型或伙伴型：根据客户数量和单位利润选择。客户多、利润低适合基本型；客户少、利润高适合伙伴型。每位客户的页面都会按此规则给出建议。";

    ChurnTitle => "Retention and churn", "客户保持与客户流失";
    ChurnBody => "Keeping a customer costs far less than winning one (the sources say five to six times less), and a few points more loyalty raise profits sharply. Customers leave because their own business changes, they become competitors, a competitor wins on price, product or service, our offer no longer meets their needs, or complaints were not resolved in time.", "保持一位老客户的成本远低于开发一位新客户（资料称低五到六倍），忠诚度稍有提高，利润就会明显上升。客户流失的原因包括：客户自身业务变化、客户变成竞争对手、竞争对手在价格、产品或服务上胜出、我们的产品或服务不再满足需求、投诉未能及时解决。";
    ChurnRate => "Churned: {0} of {1} {1|customer|customers} ({2}).", "已流失：{1} 位客户中的 {0} 位（{2}）。";
    ChurnReasonsHeading => "Causes given when they left", "流失时记录的原因";
    AtRiskFigure => "{0} {0|customer|customers} still with you {0|has|have} a high churn risk now.", "仍在的客户中有 {0} 位目前流失风险高。";

    ComplaintTitle => "Complaints and service recovery", "客户投诉与服务补救";
    ComplaintBody => "Encourage complaints, track them and resolve them fast: a happy customer tells 3 people and an unhappy one tells 10, and 95% of complainers buy again when the complaint is resolved quickly. Service recovery for key customers is planned in advance.", "鼓励客户投诉、跟踪并迅速解决：满意的客户会告诉 3 个人，不满意的客户会告诉 10 个人；投诉若能迅速解决，95% 的投诉者会再次购买。对关键客户的服务补救应提前规划。";
    ComplaintFigure => "{0} {0|complaint|complaints} recorded, {1} still open.", "共记录 {0} 起投诉，其中 {1} 起尚未解决。";
    ComplaintMeanDays => "Resolved in {0} {0|day|days} on average.", "平均 {0} 天解决。";
    BoughtAgain => "Of the customers whose complaint was resolved, {0} bought again afterwards.", "投诉得到解决的客户中，{0} 之后再次购买。";
    CreditPolicyTitle => "Credit policy: standards, conditions, limits", "信用政策：信用标准、信用条件、信用额度";
    CreditPolicyBody => "A credit policy has three parts. Credit standards are the least a customer must meet to get credit (here: a minimum 5 Cs score, the Z zones allowed, the documents required). Credit conditions are the terms, such as “2/10, net 30”: 2% off when paid within 10 days, otherwise the full amount within 30. Credit limits cap what one customer may owe at once. A customer who skips the discount is in effect borrowing at a high yearly rate.", "信用政策由三部分组成。信用标准是客户获得信用必须达到的最低要求（本应用中：5C 最低评分、允许的 Z 值区间、必须提交的资料）。信用条件即付款条件，如“2/10，n/30”：10 天内付款享受 2% 折扣，否则 30 天内付清全款。信用额度限定单个客户同时欠款的上限。放弃现金折扣，相当于以很高的年利率借款。";
    DiscountCostFigure => "Forgoing the discount of {0} costs {1} a year (simple), {2} compounded.", "放弃“{0}”的现金折扣，年化成本为 {1}（单利），{2}（复利）。";
    FiveCsTitle => "The 5 Cs and the Z-score", "信用 5C 与 Z 值";
    FiveCsBody => "The 5 Cs — character (willingness to pay), capacity (cash flow to pay), capital (net worth), collateral (security) and conditions (the economy and the trade) — are rated and weighted into a score. For business customers, Altman's Z-score combines five balance-sheet ratios; Z′ suits private firms and Z″ non-manufacturers, each with its own safe, grey and distress zones.", "信用 5C——品德（还款意愿）、能力（还款的现金流）、资本（净资产）、担保（抵押品）和条件（经济与行业环境）——逐项评分并加权得到总分。对企业客户，阿特曼 Z 值综合五个资产负债表比率；非上市企业适用 Z′，非制造企业适用 Z″，各有安全区、灰色区和危险区。";
    FiveCsFigure => "The first credit file scores {0} out of 100.", "第一份信用档案的 5C 评分为 {0} 分（满分 100）。";
    ZFigure => "Its latest {0} is {1}: {2}.", "其最新 {0} 值为 {1}：{2}。";
    NoCreditFiles => "No credit file has a complete scorecard yet.", "还没有评分完整的信用档案。";
    AgingTitle => "Receivables aging and DSO", "应收账款账龄与周转天数";
    AgingBody => "Aging sorts what customers still owe by how late it is: current, 1–30, 31–60, 61–90 and over 90 days past due. The older the bucket, the less likely it is to be collected, so the bad-debt allowance applies a higher loss rate to it. Days sales outstanding (receivables ÷ credit sales × days) says how many days of sales are still unpaid.", "账龄分析按逾期时间对客户欠款分组：未到期、1–30 天、31–60 天、61–90 天、90 天以上。账龄越长，收回的可能越小，计提坏账准备时适用的损失率也越高。应收账款周转天数（应收账款 ÷ 赊销额 × 天数）表示有多少天的销售额尚未收回。";
    AgingFigure => "Open now: {0} CNY, by bucket:", "当前未结：{0} 元，各账龄段：";
    OpenAging => "Open the aging", "打开账龄分析";
}}
