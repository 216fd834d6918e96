//! The words of the shared import screens that every section uses as they are.

catalogue! { pub enum ImportMsg {
    ReadPasted => "Read pasted text", "读取粘贴的文本";
    FileUnreadable => "The file could not be read.", "无法读取该文件。";
    CsvFailed => "This CSV file cannot be read: line {0}: {1} Nothing was imported.", "无法读取此 CSV 文件：第 {0} 行：{1}未导入任何数据。";
    CsvUnterminatedQuote => "a quoted value is never closed.", "引号内的值没有闭合。";
    CsvQuoteInField => "a quote mark appears inside an unquoted value.", "未加引号的值中出现了引号。";
    CsvTextAfterQuote => "there is text after a closing quote.", "闭合引号后还有文字。";
    EmptyFile => "The file has no rows to import.", "文件中没有可导入的行。";
    MappingTitle => "Match the columns", "匹配列";
    ColumnHeader => "Column “{0}”", "列“{0}”";
    Ignore => "Ignore", "忽略";
    PreviewTitle => "Preview", "预览";
    ValidRows => "{0} of {1} {1|row|rows} {0|is|are} ready to import.", "{1} 行中有 {0} 行可以导入。";
    RowErrorsTitle => "Rows with problems (left out)", "有问题的行（不会导入）";
    RowError => "Row {0}: {1}", "第 {0} 行：{1}";
    MoreErrors => "… and {0} more problems.", "……另有 {0} 个问题。";
    ImportAnother => "Import another file", "导入其他文件";
    MatchesTitle => "Already stored", "已有记录";
    MatchesIntro => "These rows match a record you already have. Choose for each what to do, or for all at once.", "以下各行与已有记录相符。请逐行选择处理方式，或一次性为全部行选择。";
    MatchAllLabel => "For all matching rows", "所有相符的行";
    MatchSkip => "Skip (keep the stored record)", "跳过（保留已有记录）";
    MatchUpdate => "Update the stored record", "更新已有记录";
    MatchAddNew => "Add as new", "作为新记录添加";
    MatchPlan => "{0} to add, {1} to update, {2} to skip.", "将添加 {0} 条，更新 {1} 条，跳过 {2} 条。";
}}
