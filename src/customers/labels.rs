//! Bilingual names for every customer-domain term (stages, classes, reasons, fields,
//! validation problems), per ../shared/concepts.md section 1. Each domain enum maps to a
//! catalogue entry with an exhaustive match, so a new variant without a name does not compile.

use super::domain::{
    Channel, ChurnLevel, ChurnReason, ComplaintCategory, ComplaintStatus, CustomerKind, Field,
    LadderLevel, LifecycleStage, Motive, PreventionAction, Problem, RelationshipLevel, Severity,
    SortKey, ValueClass,
};
use crate::i18n::{fill, Lang, Text};

catalogue! { pub enum Term {
    Individual => "Individual", "个人";
    Business => "Business", "企业";
    KeyCustomer => "Key customer", "关键客户";
    PotentialCustomer => "Potential customer", "潜力客户";
    GeneralCustomer => "General customer", "一般客户";
    Economic => "Economic", "经济型";
    Ethical => "Ethical", "道德型";
    Personalised => "Personalised", "个性化";
    Convenience => "Convenience", "方便型";
    Exploration => "Exploration", "考察期";
    Formation => "Formation", "形成期";
    Stability => "Stability", "稳定期";
    Decline => "Decline", "退化期";
    Churned => "Churned", "已流失";
    Prospect => "Prospect", "潜在客户";
    LadderCustomer => "Customer", "客户";
    Client => "Client", "主顾";
    Supporter => "Supporter", "支持者";
    Advocate => "Advocate", "拥护者";
    Partner => "Partner", "合作伙伴";
    Basic => "Basic", "基本型";
    Reactive => "Reactive", "被动型";
    Accountable => "Accountable", "负责型";
    Proactive => "Proactive", "能动型";
    Partnership => "Partnership", "伙伴型";
    Advertising => "Advertising", "广告开拓法";
    Agent => "Delegated agent", "委托助手法";
    Referral => "Referral chain", "连环获取法";
    OtherChannel => "Other", "其他";
    BusinessChanged => "Their business changed or shrank", "客户自身业务变化或萎缩";
    BecameCompetitor => "They became a competitor", "客户变成了竞争对手";
    CompetitorPrice => "A competitor won on price", "竞争对手以价格取胜";
    CompetitorProduct => "A competitor won on product", "竞争对手以产品取胜";
    CompetitorService => "A competitor won on service", "竞争对手以服务取胜";
    CompetitorBribery => "A competitor used bribery", "竞争对手以贿赂手段争夺";
    NeedsNotMet => "Our product or service no longer meets their needs", "我方产品或服务不再满足需求";
    ComplaintUnresolved => "Complaints were not resolved in time", "投诉未得到及时解决";
    RelationshipNetwork => "Build a strong relationship network", "建立牢固的关系网";
    OrganisationRelationship => "Raise the relationship from one person to the organisation", "将个人关系提升为组织关系";
    PurchaseCriteria => "Shape the customer's purchase criteria", "影响客户的采购标准";
    Quality => "Improve product quality", "提高产品质量";
    ServiceLevel => "Raise the service level", "提高服务水平";
    CompetitivePrice => "Offer a competitive price", "提供有竞争力的价格";
    PriorityTreatment => "Give priority treatment", "给予优先待遇";
    CategoryProduct => "Product", "产品";
    CategoryService => "Service", "服务";
    CategoryDelivery => "Delivery", "配送";
    CategoryBilling => "Billing", "账单";
    CategoryStaff => "Staff", "员工";
    CategoryOther => "Other", "其他";
    SeverityLow => "Low", "低";
    SeverityMedium => "Medium", "中";
    SeverityHigh => "High", "高";
    SeverityCritical => "Critical", "严重";
    StatusOpen => "Open", "待处理";
    StatusInProgress => "In progress", "处理中";
    StatusResolved => "Resolved", "已解决";
    RiskLow => "Low risk", "低风险";
    RiskMedium => "Medium risk", "中风险";
    RiskHigh => "High risk", "高风险";
    RiskChurned => "Churned", "已流失";
    InteractionNote => "Note", "备注";
    InteractionCall => "Call", "电话";
    InteractionMeeting => "Visit / meeting", "拜访 / 会面";
    InteractionEmail => "Email", "邮件";
    InteractionPurchase => "Purchase", "购买";
    InteractionComplaint => "Complaint", "投诉";
    InteractionServiceRecovery => "Service recovery", "服务补救";
    FieldName => "Name", "姓名 / 名称";
    FieldKind => "Customer type", "客户类型";
    FieldCompany => "Company", "公司";
    FieldPhone => "Phone", "电话";
    FieldEmail => "Email", "邮箱";
    FieldAddress => "Address", "地址";
    FieldOwner => "Owner", "负责人";
    FieldTags => "Tags", "标签";
    FieldNotes => "Notes", "备注";
    FieldValueClass => "Value class", "价值分类";
    FieldMotive => "Motive", "动机类型";
    FieldInternal => "Internal customer", "内部客户";
    FieldStage => "Lifecycle stage", "生命周期阶段";
    FieldLadder => "Relationship ladder", "关系营销阶梯";
    FieldRelationshipLevel => "Relationship level", "关系营销水平";
    FieldChannel => "Acquisition channel", "客户开发方法";
    FieldReferredBy => "Referred by", "推荐人";
    FieldInteractions => "Interactions", "互动记录";
    FieldChurn => "Churn", "流失";
    SortTotalSpend => "Total spend", "消费总额";
    SortLastPurchase => "Last purchase", "最近购买";
    SortCreated => "Created", "创建时间";
    SortUpdated => "Updated", "更新时间";
    SortChurnRisk => "Churn risk", "流失风险";
    ProblemRequired => "{0} is required.", "{0}为必填项。";
    ProblemInvalidEmail => "{0}: “{1}” is not a valid email address.", "{0}：“{1}”不是有效的邮箱地址。";
    ProblemInvalidPhone => "{0}: “{1}” is not a valid phone number (6–20 digits; spaces, + - ( ) allowed).", "{0}：“{1}”不是有效的电话号码（6–20 位数字，可含空格及 + - ( )）。";
    ProblemUnknownValue => "{0}: “{1}” is not one of the allowed values.", "{0}：“{1}”不是允许的取值。";
    ProblemReferredBySelf => "A customer cannot refer themselves.", "客户不能推荐自己。";
    ProblemNegativeAmount => "An amount cannot be negative.", "金额不能为负数。";
    ProblemInvalidCurrency => "A currency must be a three-letter code such as CNY or USD.", "币种必须是三个字母的代码，例如 CNY 或 USD。";
    ProblemNoteTooLong => "{0}: a note may have at most 5,000 characters; shorten it or keep the long text in a file.", "{0}：备注最多 5,000 个字符，请删减，或把长文另存为文件。";
    ProblemDateInFuture => "This date is in the future.", "该日期晚于今天。";
    ProblemResolvedBeforeOpened => "A complaint cannot be resolved before it was opened.", "投诉的解决日期不能早于提出日期。";
}}

/// A domain value with a bilingual name.
pub trait Labelled: Copy {
    fn term(self) -> Term;

    fn label(self, lang: Lang) -> &'static str {
        self.term().in_lang(lang)
    }
}

macro_rules! labels {
    ($ty:ty { $($variant:path => $term:ident),+ $(,)? }) => {
        impl Labelled for $ty {
            fn term(self) -> Term {
                match self { $($variant => Term::$term),+ }
            }
        }
    };
}

labels!(CustomerKind { CustomerKind::Individual => Individual, CustomerKind::Business => Business });
labels!(ValueClass {
    ValueClass::Key => KeyCustomer,
    ValueClass::Potential => PotentialCustomer,
    ValueClass::General => GeneralCustomer,
});
labels!(Motive {
    Motive::Economic => Economic,
    Motive::Ethical => Ethical,
    Motive::Personalised => Personalised,
    Motive::Convenience => Convenience,
});
labels!(LifecycleStage {
    LifecycleStage::Exploration => Exploration,
    LifecycleStage::Formation => Formation,
    LifecycleStage::Stability => Stability,
    LifecycleStage::Decline => Decline,
    LifecycleStage::Churned => Churned,
});
labels!(LadderLevel {
    LadderLevel::Prospect => Prospect,
    LadderLevel::Customer => LadderCustomer,
    LadderLevel::Client => Client,
    LadderLevel::Supporter => Supporter,
    LadderLevel::Advocate => Advocate,
    LadderLevel::Partner => Partner,
});
labels!(RelationshipLevel {
    RelationshipLevel::Basic => Basic,
    RelationshipLevel::Reactive => Reactive,
    RelationshipLevel::Accountable => Accountable,
    RelationshipLevel::Proactive => Proactive,
    RelationshipLevel::Partnership => Partnership,
});
labels!(Channel {
    Channel::Advertising => Advertising,
    Channel::Agent => Agent,
    Channel::Referral => Referral,
    Channel::Other => OtherChannel,
});
labels!(ChurnReason {
    ChurnReason::BusinessChanged => BusinessChanged,
    ChurnReason::BecameCompetitor => BecameCompetitor,
    ChurnReason::CompetitorPrice => CompetitorPrice,
    ChurnReason::CompetitorProduct => CompetitorProduct,
    ChurnReason::CompetitorService => CompetitorService,
    ChurnReason::CompetitorBribery => CompetitorBribery,
    ChurnReason::NeedsNotMet => NeedsNotMet,
    ChurnReason::ComplaintUnresolved => ComplaintUnresolved,
});
labels!(PreventionAction {
    PreventionAction::RelationshipNetwork => RelationshipNetwork,
    PreventionAction::OrganisationRelationship => OrganisationRelationship,
    PreventionAction::PurchaseCriteria => PurchaseCriteria,
    PreventionAction::Quality => Quality,
    PreventionAction::ServiceLevel => ServiceLevel,
    PreventionAction::CompetitivePrice => CompetitivePrice,
    PreventionAction::PriorityTreatment => PriorityTreatment,
});
labels!(ComplaintCategory {
    ComplaintCategory::Product => CategoryProduct,
    ComplaintCategory::Service => CategoryService,
    ComplaintCategory::Delivery => CategoryDelivery,
    ComplaintCategory::Billing => CategoryBilling,
    ComplaintCategory::Staff => CategoryStaff,
    ComplaintCategory::Other => CategoryOther,
});
labels!(Severity {
    Severity::Low => SeverityLow,
    Severity::Medium => SeverityMedium,
    Severity::High => SeverityHigh,
    Severity::Critical => SeverityCritical,
});
labels!(ComplaintStatus {
    ComplaintStatus::Open => StatusOpen,
    ComplaintStatus::InProgress => StatusInProgress,
    ComplaintStatus::Resolved => StatusResolved,
});
labels!(ChurnLevel { ChurnLevel::Low => RiskLow, ChurnLevel::Medium => RiskMedium, ChurnLevel::High => RiskHigh });
/// The risk as shown wherever it appears: a level, or "Churned" once the customer has
/// left (a churned customer has no level; see `domain::churn_risk`).
impl Labelled for Option<ChurnLevel> {
    fn term(self) -> Term {
        match self {
            Some(level) => level.term(),
            None => Term::RiskChurned,
        }
    }
}
labels!(Field {
    Field::Name => FieldName,
    Field::Kind => FieldKind,
    Field::Company => FieldCompany,
    Field::Phone => FieldPhone,
    Field::Email => FieldEmail,
    Field::Address => FieldAddress,
    Field::Owner => FieldOwner,
    Field::Tags => FieldTags,
    Field::Notes => FieldNotes,
    Field::ValueClass => FieldValueClass,
    Field::Motive => FieldMotive,
    Field::Internal => FieldInternal,
    Field::Stage => FieldStage,
    Field::Ladder => FieldLadder,
    Field::RelationshipLevel => FieldRelationshipLevel,
    Field::Channel => FieldChannel,
    Field::ReferredBy => FieldReferredBy,
    Field::Interactions => FieldInteractions,
    Field::Churn => FieldChurn,
});
labels!(SortKey {
    SortKey::Name => FieldName,
    SortKey::Company => FieldCompany,
    SortKey::Stage => FieldStage,
    SortKey::ValueClass => FieldValueClass,
    SortKey::TotalSpend => SortTotalSpend,
    SortKey::LastPurchase => SortLastPurchase,
    SortKey::Created => SortCreated,
    SortKey::Updated => SortUpdated,
    SortKey::ChurnRisk => SortChurnRisk,
});

/// The bilingual name of an interaction kind, by its key (`"purchase"`, …).
pub fn interaction_kind_label(key: &str, lang: Lang) -> &'static str {
    let term = match key {
        "note" => Term::InteractionNote,
        "call" => Term::InteractionCall,
        "meeting" => Term::InteractionMeeting,
        "email" => Term::InteractionEmail,
        "purchase" => Term::InteractionPurchase,
        "complaint" => Term::InteractionComplaint,
        _ => Term::InteractionServiceRecovery,
    };
    term.in_lang(lang)
}

/// A validation problem as a sentence in the user's language; `value` is the offending
/// input where there is one (CSV import shows it).
pub fn problem_text(field: Field, problem: Problem, value: &str, lang: Lang) -> String {
    let field_name = field.label(lang);
    let template = match problem {
        Problem::Required => Term::ProblemRequired,
        Problem::InvalidEmail => Term::ProblemInvalidEmail,
        Problem::InvalidPhone => Term::ProblemInvalidPhone,
        Problem::UnknownValue => Term::ProblemUnknownValue,
        Problem::ReferredBySelf => Term::ProblemReferredBySelf,
        Problem::NegativeAmount { .. } => Term::ProblemNegativeAmount,
        Problem::InvalidCurrency { .. } => Term::ProblemInvalidCurrency,
        Problem::DateInFuture { .. } => Term::ProblemDateInFuture,
        Problem::ResolvedBeforeOpened { .. } => Term::ProblemResolvedBeforeOpened,
        Problem::NoteTooLong { .. } => Term::ProblemNoteTooLong,
    };
    fill(template.in_lang(lang), &[field_name, value])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concept_terms_match_the_textbook() {
        type Case = (fn(Lang) -> &'static str, &'static str, &'static str);
        let cases: &[Case] = &[
            (|l| ValueClass::Key.label(l), "Key customer", "关键客户"),
            (|l| LifecycleStage::Decline.label(l), "Decline", "退化期"),
            (
                |l| Channel::Referral.label(l),
                "Referral chain",
                "连环获取法",
            ),
            (
                |l| RelationshipLevel::Proactive.label(l),
                "Proactive",
                "能动型",
            ),
            (|l| Motive::Convenience.label(l), "Convenience", "方便型"),
        ];
        for (label, en, zh) in cases {
            assert_eq!((label(Lang::En), label(Lang::Zh)), (*en, *zh));
        }
    }

    #[test]
    fn problems_read_as_sentences_with_the_field_and_value() {
        let text = problem_text(Field::Email, Problem::InvalidEmail, "x@", Lang::En);
        assert_eq!(text, "Email: “x@” is not a valid email address.");
        let text = problem_text(Field::Name, Problem::Required, "", Lang::Zh);
        assert_eq!(text, "姓名 / 名称为必填项。");
    }
}
