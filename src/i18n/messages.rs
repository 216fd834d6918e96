//! Messages of the app shell, storage banners and the settings page.
//! Feature folders keep their own catalogues beside their code.

catalogue! { pub enum Msg {
    AppName => "CRM Studio", "客户关系管理工作室";
    AppTagline => "Customer relationships, run in your browser", "在浏览器中运行的客户关系管理";
    SkipToContent => "Skip to content", "跳到正文";
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
    NewerVersionTitle => "A newer version of CRM Studio saved your data", "较新版本的客户关系管理工作室保存了您的数据";
    NewerVersionBody => "Another tab or window runs a newer version of the app, and it saved data in a form this page cannot read. Nothing is damaged or changed, but changes made here are not saved until you reload into the new version.", "另一个标签页或窗口运行着较新版本的应用，并以本页面无法读取的格式保存了数据。数据没有损坏，也没有被更改；但在重新加载到新版本之前，在此处所做的更改不会被保存。";
    ReloadNow => "Reload now", "立即重新加载";
    UpdateReadyTitle => "A new version is ready", "新版本已就绪";
    UpdateReadyBody => "CRM Studio has been updated. Reload to use the new version; your saved data stays as it is.", "客户关系管理工作室已更新。重新加载即可使用新版本，已保存的数据保持不变。";
    UpdateWaitsForForm => "Save or discard the open form first: the app reloads only when no unsaved changes would be lost.", "请先保存或放弃当前表单：只有在不会丢失未保存更改时，应用才会重新加载。";
    Later => "Later", "稍后";
    KeepHeading => "Keep your data", "保留您的数据";
    KeepChecking => "Checking whether the browser keeps this site's data…", "正在检查浏览器是否会保留本站数据……";
    KeepGranted => "The browser will keep this data: it will not delete it to free space without asking you.", "浏览器会保留这些数据：不会在未询问您的情况下为腾出空间而删除它们。";
    KeepNotGranted => "The browser may delete this data when it runs short of space (it has not promised to keep it).", "浏览器在空间不足时可能会删除这些数据（它尚未承诺保留）。";
    KeepUnknown => "This browser does not say whether it keeps this site's data.", "此浏览器未说明是否会保留本站数据。";
    KeepAsk => "Ask the browser to keep it", "请求浏览器保留数据";
    KeepAppUses => "This app uses {0} KB of about {1} KB that the browser gives a site's local storage ({2}%).", "本应用已使用约 {1} KB 本地存储空间中的 {0} KB（{2}%）。";
    KeepAppUsesWorking => "Working: {0} characters in the app's crm. keys × 2 bytes = {1} KB.", "计算：本应用存储键中的 {0} 个字符 × 2 字节 = {1} KB。";
    KeepSiteEstimate => "Everything this site keeps, the offline copy of the app included: {0} MB of {1} MB the browser allows.", "本站保存的全部内容（含应用的离线副本）：{0} MB，浏览器允许 {1} MB。";
    KeepExplain => "Your data lives only in this browser, on this device. Clearing the browser's site data deletes it, and a browser short of space may delete it unless it promised to keep it. A backup file is the copy that survives all of this.", "您的数据只保存在本设备的这个浏览器中。清除浏览器的网站数据会删除它；浏览器空间不足时，除非已承诺保留，也可能删除它。备份文件是不受这些影响的副本。";
    KeepSafari => "Safari deletes the data of a site that has not been opened for seven days. Adding CRM Studio to the home screen (Share → Add to Home Screen) exempts it; or export a backup at least once a week.", "Safari 会删除七天未打开的网站的数据。将客户关系管理工作室添加到主屏幕（分享 → 添加到主屏幕）可免受此规则影响；否则请至少每周导出一次备份。";
    LastBackupOn => "Last backup exported from this browser: {0} ({1} days ago).", "上次从本浏览器导出备份：{0}（{1} 天前）。";
    LastBackupToday => "Last backup exported from this browser: {0} (today).", "上次从本浏览器导出备份：{0}（今天）。";
    LastBackupYesterday => "Last backup exported from this browser: {0} (yesterday).", "上次从本浏览器导出备份：{0}（昨天）。";
    LastBackupNever => "No backup has been exported from this browser yet.", "尚未从本浏览器导出过备份。";
    BackupReminderLabel => "Remind me to back up", "备份提醒";
    BackupReminderOff => "Never", "从不";
    BackupReminderEvery => "After {0} days with changes and no backup", "有更改且 {0} 天未备份时";
    BackupDueTitle => "Time for a backup", "该备份了";
    BackupDueBody => "Your data has changed and has not been backed up for {0} days. It lives only in this browser: export a backup file and keep it somewhere safe.", "您的数据已有更改，且已 {0} 天没有备份。数据只保存在本浏览器中：请导出备份文件并妥善保存。";
    LoadingCustomers => "Reading your customers… ({0} of {1} parts)", "正在读取客户数据……（第 {0} 部分，共 {1} 部分）";
    PreparingCustomers => "Preparing the customer list… ({0} of {1} customers)", "正在整理客户列表……（{0} / {1} 位客户）";
}}
