//! Words every section shares, with one text each: buttons, "show the working", the
//! question before unsaved changes are lost.

catalogue! { pub enum CommonMsg {
    Save => "Save", "保存";
    Cancel => "Cancel", "取消";
    /// The link from a customer page, the import and the duplicates back to the list.
    BackToCustomers => "Back to the customer list", "返回客户列表";
    ShowWorking => "Show the working", "查看计算过程";
    LeaveConfirm => "You have unsaved changes. Leave and discard them?", "有尚未保存的更改。确定离开并放弃这些更改吗？";
}}
