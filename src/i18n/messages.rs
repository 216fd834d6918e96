//! Messages of the app shell, storage banners and the settings page.
//! Feature folders keep their own catalogues beside their code.

catalogue! { pub enum Msg {
    AppName => "CRM Studio", "客户关系管理工作室";
    AppTagline => "Customer relationships, run in your browser", "在浏览器中运行的客户关系管理";
    SkipToContent => "Skip to content", "跳到正文";
    EnterRates => "Enter exchange rates in Settings", "在设置中填写汇率";
    MainNavigation => "Main navigation", "主导航";
    OpenMenu => "Menu", "菜单";
    LanguageLabel => "Language", "语言";
    NavDashboard => "Dashboard", "仪表盘";
    NavCustomers => "Customers", "客户";
    NavSurveys => "Surveys", "满意度调查";
    NavBlueprints => "Blueprints", "服务蓝图";
    NavCredit => "Credit", "信用管理";
    NavLearn => "Learn", "学习";
    NavSettings => "Settings", "设置";

    NotFoundTitle => "Page not found", "页面不存在";
    NotFoundBody => "There is no page at this address. It may have moved, or the link may be mistyped.", "此地址没有页面。它可能已移动，或链接有误。";
    BackToDashboard => "Go to the dashboard", "返回仪表盘";

    NotBuiltTitle => "Not built yet", "尚未建成";
    NotBuiltBody => "This section is planned but not built yet. Nothing here works today; the text below says what it will do.", "此板块已列入计划，但尚未建成。目前这里没有可用的功能；下文说明它将来的用途。";
    PlannedHeading => "What this section will do", "此板块将提供的功能";

    DashboardTitle => "Dashboard", "仪表盘";
    DashboardIntro => "An overview of your customers, surveys and credit at a glance.", "一目了然地查看客户、调查与信用的概况。";
    DashboardStorageHeading => "Your data on this device", "本设备上的数据";
    DashboardStorageBody => "Everything you enter is stored in this browser only (localStorage). Nothing is sent to a server. Export a backup from Settings to keep a copy.", "您输入的所有内容只保存在本浏览器中（localStorage），不会发送到任何服务器。可在“设置”中导出备份以留存副本。";
    DashboardStorageUsed => "Storage used: {0} KB", "已用存储：{0} KB";
    DashboardSections => "Sections", "功能板块";
    CustomersTitle => "Customers", "客户";
    CustomersPlanned => "Customer profiles shared by every team: classification (key, potential, general), lifecycle stage, interactions, complaints, purchases, churn, and CSV/JSON import and export.", "各团队共享的客户档案：客户分类（关键、潜力、一般）、生命周期阶段、互动、投诉、购买、流失，以及 CSV/JSON 导入导出。";
    SurveysTitle => "Satisfaction surveys", "满意度调查";
    SurveysPlanned => "Build surveys, collect answers without a server, and score them: satisfaction index (perceived ÷ expected), NPS, CSAT and SERVQUAL gaps, with charts.", "设计问卷、无需服务器即可收集答卷并计分：顾客满意指数（感知 ÷ 期望）、NPS、CSAT 与 SERVQUAL 差距，并以图表展示。";
    BlueprintsTitle => "Service blueprints", "服务蓝图";
    BlueprintsPlanned => "Draw a service as a flowchart in the standard lanes (physical evidence, customer actions, onstage, backstage, support processes) and mark fail points, wait points, standards and evidence.", "按标准泳道（有形展示、顾客行为、前台、后台、支持过程）把服务绘制成流程图，并标注失败点、等待点、执行标准与有形证据。";
    CreditTitle => "Customer credit", "客户信用管理";
    CreditPlanned => "Assess customers with the 5 Cs of credit, set credit standards, terms and limits, age receivables and compute the Altman Z-score.", "用信用 5C 评估客户，设定信用标准、信用条件与信用额度，进行应收账款账龄分析并计算 Altman Z 值。";
    LearnTitle => "Learn CRM", "学习客户关系管理";
    LearnPlanned => "Short bilingual explanations of the CRM concepts (customer records, satisfaction surveys, service blueprints, credit), each illustrated with your own or the demo data.", "以中英双语简要讲解客户关系管理概念（客户档案、满意度调查、服务蓝图、信用管理），并用您自己的数据或演示数据举例说明。";

    SettingsTitle => "Settings", "设置";
    AppearanceHeading => "Appearance", "外观";
    ThemeLabel => "Colour scheme", "配色方案";
    MoneyHeading => "Currency and exchange rates", "币种与汇率";
    HomeCurrencyLabel => "Home currency", "本位币";
    HomeCurrencySuggested => "Suggested: {0} (from your language and browser)", "建议：{0}（根据界面语言和浏览器）";
    HomeCurrencyExplain => "Total spend, value classes, RFM, lifetime value and the dashboard's spend are given in the home currency. A purchase in another currency counts once it has a rate below; it is never added as if it were the same money.", "消费总额、价值分类、RFM、客户终身价值和仪表盘的消费额都以本位币计算。其他币种的消费填写汇率后才计入，绝不会当作同一种货币直接相加。";
    RatesHeading => "Exchange rates into the home currency", "折算为本位币的汇率";
    RatesExplain => "How much of the home currency one unit of the currency is worth, and the date of that rate. The app fetches no rates: they are yours.", "一个单位的该币种折合多少本位币，以及该汇率的日期。本应用不会联网获取汇率，汇率由你填写。";
    RateCurrency => "Currency", "币种";
    RateValue => "Rate", "汇率";
    RateDate => "Rate of (date)", "汇率日期";
    AddRate => "Save rate", "保存汇率";
    RemoveRate => "Remove", "删除";
    RemoveRateLabel => "Remove the rate for {0}", "删除 {0} 的汇率";
    NoRates => "No rates yet: purchases in other currencies are not counted.", "尚未填写汇率：其他币种的消费不计入。";
    CurrenciesWithoutRate => "Purchases without a rate: {0}", "尚无汇率的消费：{0}";
    RateLine => "1 {0} = {1} (rate of {2})", "1 {0} = {1}（{2} 的汇率）";
    RateBadDate => "Enter the date of the rate.", "请填写汇率日期。";
    ThemeSystem => "Follow the system", "跟随系统";
    ThemeLight => "Light", "浅色";
    ThemeDark => "Dark", "深色";
    BackupHeading => "Backup", "备份";
    BackupExplain => "Download everything stored by this app as one JSON file. Keep it somewhere safe: it is the only copy outside this browser.", "将本应用保存的全部数据下载为一个 JSON 文件。请妥善保存：这是本浏览器之外唯一的副本。";
    ExportBackup => "Export backup", "导出备份";
    RestoreHeading => "Restore from a backup", "从备份恢复";
    RestoreExplain => "Choose a backup file. You will see what it contains before anything changes.", "选择一个备份文件。在任何数据被更改之前，您会先看到其中的内容。";
    ChooseBackupFile => "Backup file", "备份文件";
    RestorePreviewHeading => "This backup contains", "此备份包含";
    RestorePreviewExported => "Exported at {0}", "导出时间：{0}";
    RestorePreviewWarning => "Restoring replaces all data in this browser with the backup.", "恢复将用备份替换本浏览器中的全部数据。";
    RestoreConfirm => "Replace my data with this backup", "用此备份替换我的数据";
    Cancel => "Cancel", "取消";
    Restored => "The backup was restored.", "备份已恢复。";
    RestoreFailed => "The backup was not restored; your data is unchanged.", "备份未能恢复，您的数据保持不变。";
    DocumentSettings => "Settings", "设置";
    DocumentCustomers => "Customers", "客户";
    PreviewRecords => "{0}: {1} records", "{0}：{1} 条记录";
    PreviewPresent => "{0}: included", "{0}：已包含";
    EraseHeading => "Erase all data", "清除全部数据";
    EraseExplain => "Delete everything this app stored in this browser. This cannot be undone; export a backup first.", "删除本应用在此浏览器中保存的全部内容。此操作无法撤销，请先导出备份。";
    EraseButton => "Erase all data…", "清除全部数据…";
    EraseConfirmPrompt => "Type ERASE to confirm", "输入 ERASE 以确认", latin;
    EraseConfirmButton => "Erase everything", "全部清除";
    Erased => "All data was erased.", "全部数据已清除。";

    BackupErrorNotJson => "This file is not valid JSON (line {0}, column {1}).", "此文件不是有效的 JSON（第 {0} 行，第 {1} 列）。";
    BackupErrorNotBackup => "This file is not a backup from this app.", "此文件不是本应用导出的备份。";
    BackupErrorNewerFormat => "This backup was made by a newer version of the app (format {0}). Update the app to restore it.", "此备份由较新版本的应用生成（格式 {0}），请更新应用后再恢复。";
    BackupErrorDocument => "The part \u{201c}{0}\u{201d} of this backup is damaged: {1}", "此备份中的“{0}”部分已损坏：{1}";
    BackupErrorUnreadable => "The file could not be read.", "无法读取该文件。";

    QuotaTitle => "Storage is full", "存储空间已满";
    QuotaBody => "The browser refused to save your last change because its storage for this site is full. Your work is still here on screen, but it is not saved. Export a backup now, then free space (for example, delete old records).", "浏览器存储空间已满，拒绝保存您最近的更改。您的工作仍显示在屏幕上，但尚未保存。请立即导出备份，然后释放空间（例如删除旧记录）。";
    CorruptTitle => "Some saved data could not be read", "部分已保存的数据无法读取";
    CorruptBody => "The app started with everything it could read. The unreadable data was kept aside, unchanged, so nothing is lost: download it to inspect or repair it.", "应用已使用能读取的全部数据启动。无法读取的数据已原样另存，没有丢失：您可以下载它进行检查或修复。";
    DownloadRawData => "Download the unreadable data", "下载无法读取的数据";
    ConflictTitle => "Changed in another tab", "已在另一个标签页中更改";
    ConflictBody => "This data was changed in another tab or window. The newest version is now shown here; your last change in this tab was not saved, so please make it again.", "此数据已在另一个标签页或窗口中被更改。此处已显示最新版本；您在本标签页的最后一次更改未保存，请重新操作。";
    SyncedFromOtherTab => "Updated with changes made in another tab.", "已同步另一个标签页中的更改。";
    StorageUnavailable => "This browser does not allow the app to store data (private mode or blocked storage). You can look around, but nothing will be kept.", "此浏览器不允许本应用保存数据（隐私模式或存储被禁用）。您可以浏览，但任何内容都不会被保留。";
    Dismiss => "Dismiss", "关闭";
    LoadingCustomers => "Reading your customers… ({0} of {1} parts)", "正在读取客户数据……（第 {0} 部分，共 {1} 部分）";
    PreparingCustomers => "Preparing the customer list… ({0} of {1} customers)", "正在整理客户列表……（{0} / {1} 位客户）";
}}
