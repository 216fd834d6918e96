//! The dashboard's own messages.

catalogue! { pub enum DashMsg {
    CustomersHeading => "Customers at a glance", "客户概况";
    CustomerCount => "{0} {0|customer|customers} in all", "共 {0} 位客户";
    NoCustomers => "No customers yet: add one, import a file, or load the demo data on the customer list.", "还没有客户：可以新建、导入文件，或在客户列表中载入演示数据。";
    ByStage => "By lifecycle stage", "按生命周期阶段";
    ByClass => "By value class", "按客户价值分类";
    NewThisMonth => "New this month", "本月新增客户";
    HighRisk => "At high churn risk", "高流失风险客户";
    OpenComplaints => "Open complaints", "未解决的投诉";
    OldestOpen => "the oldest open for {0} {0|day|days}", "最久的已持续 {0} 天";
    SpendThisMonth => "Spend this month", "本月消费额";
    SpendLastMonth => "last month {0}", "上月 {0}";
    CreditHeading => "Credit at a glance", "信用概况";
    Overdue => "Overdue receivables", "逾期应收账款";
    OnHold => "Customers on credit hold", "暂停赊销的客户";
}}
