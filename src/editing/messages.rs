//! The texts of the panels every editor shows when another tab changed its record.

catalogue! { pub enum EditMsg {
    ChangedElsewhereTitle => "Changed in another tab while you were editing", "编辑期间，另一个标签页修改了此记录";
    /// {0}: the field's name, {1}: its new value.
    Taken => "{0} is now “{1}” (you had not changed it, so the form shows the new value).", "{0}已改为“{1}”（您未改动此项，表单已显示新值）。";
    /// {0}: the field's name, {1}: the other tab's value, {2}: the value typed here.
    Clashing => "{0}: the other tab saved “{1}”, you have “{2}”. You will choose when you save.", "{0}：另一个标签页保存为“{1}”，您填写的是“{2}”。保存时请选择保留哪一个。";
    Dismiss => "Dismiss", "知道了";
    ConflictTitle => "Choose what to keep", "请选择保留哪个值";
    ConflictBody => "These fields were changed here and, differently, in another tab. Nothing has been saved yet.", "以下字段在此处和另一个标签页中被改成了不同的值。目前尚未保存任何内容。";
    /// {0}: the value.
    KeepMine => "Keep mine: “{0}”", "保留我的：“{0}”";
    /// {0}: the value.
    KeepTheirs => "Keep the other tab's: “{0}”", "保留另一个标签页的：“{0}”";
    SaveChoices => "Save with these choices", "按所选内容保存";
    ChooseEach => "Choose a value for every field first.", "请先为每个字段选择一个值。";
    DeletedTitle => "Deleted in another tab", "已在另一个标签页中删除";
    DeletedBody => "This record was deleted in another tab while you were editing it. Nothing has been saved.", "您编辑期间，此记录已在另一个标签页中被删除。目前尚未保存任何内容。";
    Restore => "Restore it with my changes", "按我的修改恢复";
    Discard => "Discard my changes", "放弃我的修改";
    Empty => "(empty)", "（空）";
}}
