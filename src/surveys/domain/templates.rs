//! The built-in bilingual survey templates: SERVQUAL, the satisfaction index, NPS, CSAT,
//! CES, importance–performance and customer delivered value. Each is a starting point
//! the user may edit; the item wording is this app's own.
//!
//! SERVQUAL follows Parasuraman, Zeithaml & Berry (1988; revised 1991, all items worded
//! positively): 22 items in the published order, tangibles 1–4, reliability 5–9,
//! responsiveness 10–13, assurance 14–17, empathy 18–22, each answered twice on a
//! 7-point agreement scale (expectation of an excellent firm, perception of this one),
//! plus the 100-point split of importance across the five dimensions for the weighted
//! score (Zeithaml, Parasuraman & Berry 1990, "Delivering Quality Service").

use super::model::{
    Bilingual, DualColumns, Question, QuestionKind, Row, ScaleEnds, Section, Survey, SurveyStatus,
    TemplateId, TemplateOrigin,
};
use crate::i18n::Lang;

/// The current version of every template; raise it when a template's wording or layout
/// changes, so links that carry only the template id still mean the same survey.
pub const TEMPLATE_VERSION: u32 = 1;

/// The five SERVQUAL dimensions, in the published order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ServqualDimension {
    Tangibles,
    Reliability,
    Responsiveness,
    Assurance,
    Empathy,
}

impl ServqualDimension {
    pub const ALL: [ServqualDimension; 5] = [
        ServqualDimension::Tangibles,
        ServqualDimension::Reliability,
        ServqualDimension::Responsiveness,
        ServqualDimension::Assurance,
        ServqualDimension::Empathy,
    ];

    /// The item numbers of the dimension (SQ1–SQ4 are tangibles, …).
    pub fn items(self) -> std::ops::RangeInclusive<u8> {
        match self {
            ServqualDimension::Tangibles => 1..=4,
            ServqualDimension::Reliability => 5..=9,
            ServqualDimension::Responsiveness => 10..=13,
            ServqualDimension::Assurance => 14..=17,
            ServqualDimension::Empathy => 18..=22,
        }
    }

    /// The row codes of the dimension's items: `SQ1`…
    pub fn item_codes(self) -> Vec<String> {
        self.items().map(|n| format!("SQ{n}")).collect()
    }

    /// The code of the dual matrix holding the dimension's items.
    pub fn question_code(self) -> &'static str {
        match self {
            ServqualDimension::Tangibles => "SQ_TAN",
            ServqualDimension::Reliability => "SQ_REL",
            ServqualDimension::Responsiveness => "SQ_RES",
            ServqualDimension::Assurance => "SQ_ASS",
            ServqualDimension::Empathy => "SQ_EMP",
        }
    }

    /// The code of the dimension's item in the importance split.
    pub fn weight_code(self) -> &'static str {
        match self {
            ServqualDimension::Tangibles => "W_TAN",
            ServqualDimension::Reliability => "W_REL",
            ServqualDimension::Responsiveness => "W_RES",
            ServqualDimension::Assurance => "W_ASS",
            ServqualDimension::Empathy => "W_EMP",
        }
    }

    fn name(self) -> Bilingual {
        let (zh, en) = match self {
            ServqualDimension::Tangibles => ("有形性", "Tangibles"),
            ServqualDimension::Reliability => ("可靠性", "Reliability"),
            ServqualDimension::Responsiveness => ("响应性", "Responsiveness"),
            ServqualDimension::Assurance => ("保证性", "Assurance"),
            ServqualDimension::Empathy => ("移情性", "Empathy"),
        };
        Bilingual::new(zh, en)
    }

    /// The dimension with a short gloss, as the weight item reads it (kept short: the
    /// whole survey must fit in a share link).
    fn description(self) -> Bilingual {
        let (zh, en) = match self {
            ServqualDimension::Tangibles => {
                ("有形性（外观与设施）", "Tangibles (appearance, facilities)")
            }
            ServqualDimension::Reliability => {
                ("可靠性（履行承诺）", "Reliability (keeping promises)")
            }
            ServqualDimension::Responsiveness => {
                ("响应性（及时帮助）", "Responsiveness (prompt help)")
            }
            ServqualDimension::Assurance => (
                "保证性（知识、礼貌、信任）",
                "Assurance (knowledge, courtesy, trust)",
            ),
            ServqualDimension::Empathy => ("移情性（个别关注）", "Empathy (individual care)"),
        };
        Bilingual::new(zh, en)
    }
}

/// The code of the importance split question in the SERVQUAL template.
pub const SERVQUAL_WEIGHTS: &str = "SQW";

/// The 22 SERVQUAL items in the published order: (Chinese, English), this app's wording.
const SERVQUAL_ITEMS: [(&str, &str); 22] = [
    ("设备先进、现代", "Its equipment is modern and up to date"),
    ("营业场所美观、吸引人", "Its premises look attractive"),
    ("员工仪表整洁得体", "Its staff are neat and well presented"),
    (
        "宣传册、单据等资料清晰美观",
        "Its leaflets, statements and other materials look good",
    ),
    (
        "承诺在某个时间做的事，按时做到",
        "When it promises to do something by a certain time, it does",
    ),
    (
        "顾客遇到问题时，真心实意地帮助解决",
        "When a customer has a problem, it shows a real wish to solve it",
    ),
    (
        "第一次就把服务做好",
        "It gets the service right the first time",
    ),
    (
        "在承诺的时间提供服务",
        "It delivers the service at the time it said it would",
    ),
    ("坚持记录准确无误", "It insists on records free of mistakes"),
    (
        "明确告诉顾客服务何时进行",
        "Staff tell customers exactly when the service will happen",
    ),
    ("员工为顾客提供及时的服务", "Staff serve customers promptly"),
    (
        "员工总是乐于帮助顾客",
        "Staff are always willing to help customers",
    ),
    (
        "员工再忙也会回应顾客的请求",
        "Staff are never too busy to answer a customer's request",
    ),
    (
        "员工的言行让顾客信任",
        "The way staff behave gives customers confidence",
    ),
    (
        "顾客与之交易时感到放心",
        "Customers feel safe in their dealings with it",
    ),
    (
        "员工始终礼貌待客",
        "Staff are courteous to customers at all times",
    ),
    (
        "员工具备回答顾客问题的知识",
        "Staff know enough to answer customers' questions",
    ),
    (
        "给予每位顾客个别的关注",
        "It gives each customer individual attention",
    ),
    (
        "营业时间方便所有顾客",
        "Its opening hours suit all its customers",
    ),
    (
        "有员工给予顾客个性化的照顾",
        "It has staff who look after customers personally",
    ),
    (
        "把顾客的利益放在心上",
        "It has its customers' best interests at heart",
    ),
    (
        "员工了解顾客的具体需要",
        "Staff understand the particular needs of their customers",
    ),
];

/// The satisfaction index attributes (product, service, process, social satisfaction).
pub const SATISFACTION_QUESTION: &str = "SI";
/// Grönroos's two sides of service quality, technical and functional, as E/P rows.
pub const QUALITY_QUESTION: &str = "GQ";
/// The importance–performance matrix.
pub const IPA_QUESTION: &str = "IPA";
/// The value components of customer delivered value.
pub const VALUE_QUESTION: &str = "CDV_V";
/// The cost components of customer delivered value.
pub const COST_QUESTION: &str = "CDV_C";

fn text(zh: &str, en: &str) -> Bilingual {
    Bilingual::new(zh, en)
}

fn agreement() -> ScaleEnds {
    ScaleEnds {
        low: text("非常不同意", "Strongly disagree"),
        high: text("非常同意", "Strongly agree"),
    }
}

fn low_high() -> ScaleEnds {
    ScaleEnds {
        low: text("非常低", "Very low"),
        high: text("非常高", "Very high"),
    }
}

fn dual(rows: Vec<Row>, ends: ScaleEnds, columns: DualColumns) -> QuestionKind {
    QuestionKind::DualMatrix {
        rows,
        points: 7,
        start: 1,
        ends,
        columns,
    }
}

fn section(title: Bilingual, questions: Vec<Question>) -> Section {
    Section {
        title,
        show_if: None,
        questions,
    }
}

fn why(code: &str) -> Question {
    Question::new(
        code,
        QuestionKind::LongText,
        text(
            "您给出这个分数的主要原因是什么？",
            "What is the main reason for your score?",
        ),
    )
}

/// The built-in template `id` as a new draft survey with id `survey_id`.
pub fn template(id: TemplateId, survey_id: u64) -> Survey {
    let (name, intro, sections) = match id {
        TemplateId::Servqual => servqual(),
        TemplateId::SatisfactionIndex => satisfaction_index(),
        TemplateId::Nps => nps(),
        TemplateId::Csat => csat(),
        TemplateId::Ces => ces(),
        TemplateId::ImportancePerformance => importance_performance(),
        TemplateId::DeliveredValue => delivered_value(),
    };
    Survey {
        id: survey_id,
        version: 1,
        name,
        status: SurveyStatus::Draft,
        languages: vec![Lang::Zh, Lang::En],
        intro,
        template: Some(TemplateOrigin {
            id,
            version: TEMPLATE_VERSION,
        }),
        sections,
    }
}

/// Whether `survey` is still exactly the template it started from (status and id
/// aside), so a share link may carry only the template's id and version.
pub fn is_unchanged_template(survey: &Survey) -> bool {
    let Some(origin) = survey.template else {
        return false;
    };
    if origin.version != TEMPLATE_VERSION {
        return false;
    }
    let fresh = template(origin.id, survey.id);
    fresh.name == survey.name
        && fresh.intro == survey.intro
        && fresh.languages == survey.languages
        && fresh.sections == survey.sections
        && fresh.version == survey.version
}

type Parts = (Bilingual, Bilingual, Vec<Section>);

fn servqual() -> Parts {
    let mut sections: Vec<Section> = ServqualDimension::ALL
        .into_iter()
        .map(|dimension| {
            let rows = dimension
                .items()
                .map(|n| {
                    let (zh, en) = SERVQUAL_ITEMS[usize::from(n) - 1];
                    Row::new(&format!("SQ{n}"), zh, en)
                })
                .collect();
            let question = Question::new(
                dimension.question_code(),
                dual(rows, agreement(), DualColumns::ExpectationPerception),
                text(
                    "请对每一句话给出两个评分：期望（一家优秀的企业应当如何）和感知（这家企业实际如何）。",
                    "Rate each statement twice: what you expect of an excellent company (E), and how this company actually is (P).",
                ),
            )
            .required();
            section(dimension.name(), vec![question])
        })
        .collect();
    let weights = Question::new(
        SERVQUAL_WEIGHTS,
        QuestionKind::ConstantSum {
            items: ServqualDimension::ALL
                .into_iter()
                .map(|d| Row {
                    code: d.weight_code().to_owned(),
                    text: d.description(),
                })
                .collect(),
            total: 100,
        },
        text(
            "请把 100 分分配给下面五个方面，越重要的方面分数越高。",
            "Share 100 points among these five aspects: the more important an aspect is to you, the more points it gets.",
        ),
    )
    .required();
    sections.push(section(text("重要性", "Importance"), vec![weights]));
    (
        text("服务质量（SERVQUAL）", "Service quality (SERVQUAL)"),
        text(
            "22 个陈述，每个评两次分：期望与实际感受。",
            "22 statements, each rated twice: what you expect, and what you get.",
        ),
        sections,
    )
}

fn satisfaction_index() -> Parts {
    let attributes = vec![
        Row::new(
            "SI1",
            "产品本身：质量、功能、可靠程度",
            "The product itself: quality, features, reliability",
        ),
        Row::new("SI2", "随产品提供的服务", "The service that came with it"),
        Row::new(
            "SI3",
            "购买和接受服务的过程是否顺畅",
            "How smooth buying and being served was",
        ),
        Row::new(
            "SI4",
            "企业对社会和环境的责任表现",
            "How the company behaves towards society and the environment",
        ),
    ];
    let quality = vec![
        Row::new("GQ1", "最终得到的结果（技术质量）", "What you got in the end (technical quality)"),
        Row::new(
            "GQ2",
            "服务的提供方式：员工的态度、举止和仪表（职能质量）",
            "How it was delivered: the staff's attitude, manner and appearance (functional quality)",
        ),
    ];
    let ends = ScaleEnds {
        low: text("非常差", "Very poor"),
        high: text("非常好", "Excellent"),
    };
    let ask = text(
        "对每一项，请先给出购买前的期望（E），再给出实际的感受（P）。",
        "For each item, rate what you expected before buying (E), then what you actually experienced (P).",
    );
    (
        text("顾客满意指数", "Satisfaction index"),
        text(
            "满意程度 = 感知 ÷ 期望：大于 1 为高度满意，等于 1 为满意，小于 1 为不满意。",
            "Satisfaction = perceived ÷ expected: above 1 is highly satisfied, 1 is satisfied, below 1 is dissatisfied.",
        ),
        vec![
            section(
                text("满意的四个方面", "Four sides of satisfaction"),
                vec![Question::new(
                    SATISFACTION_QUESTION,
                    dual(attributes, ends.clone(), DualColumns::ExpectationPerception),
                    ask.clone(),
                )
                .required()],
            ),
            section(
                text("技术质量与职能质量", "Technical and functional quality"),
                vec![Question::new(
                    QUALITY_QUESTION,
                    dual(quality, ends, DualColumns::ExpectationPerception),
                    ask,
                )
                .required()],
            ),
        ],
    )
}

fn nps() -> Parts {
    let mut nps = Question::new(
        "NPS",
        QuestionKind::Nps,
        text(
            "您有多大可能把我们推荐给朋友或同事？",
            "How likely are you to recommend us to a friend or colleague?",
        ),
    )
    .required();
    nps.help = text(
        "0 = 完全不可能，10 = 非常可能",
        "0 = not at all likely, 10 = extremely likely",
    );
    (
        text("净推荐值（NPS）", "Net Promoter Score (NPS)"),
        Bilingual::default(),
        vec![section(Bilingual::default(), vec![nps, why("NPS_WHY")])],
    )
}

fn csat() -> Parts {
    let mut csat = Question::new(
        "CSAT",
        QuestionKind::Csat,
        text(
            "总体来说，您对这次的服务满意吗？",
            "Overall, how satisfied are you with the service this time?",
        ),
    )
    .required();
    csat.help = text(
        "1 = 非常不满意，5 = 非常满意",
        "1 = very dissatisfied, 5 = very satisfied",
    );
    (
        text("顾客满意度（CSAT）", "Customer satisfaction (CSAT)"),
        Bilingual::default(),
        vec![section(Bilingual::default(), vec![csat, why("CSAT_WHY")])],
    )
}

fn ces() -> Parts {
    let mut ces = Question::new(
        "CES",
        QuestionKind::Ces,
        text(
            "这家企业让我很容易就办好了我要办的事。",
            "The company made it easy for me to get done what I needed.",
        ),
    )
    .required();
    ces.help = text(
        "1 = 非常不同意，7 = 非常同意",
        "1 = strongly disagree, 7 = strongly agree",
    );
    (
        text("顾客费力度（CES）", "Customer effort (CES)"),
        Bilingual::default(),
        vec![section(Bilingual::default(), vec![ces, why("CES_WHY")])],
    )
}

fn importance_performance() -> Parts {
    let rows = vec![
        Row::new("IPA1", "产品质量", "Product quality"),
        Row::new("IPA2", "价格", "Price"),
        Row::new("IPA3", "交付或服务的速度", "Speed of delivery or service"),
        Row::new("IPA4", "员工的友好和专业", "Friendly, competent staff"),
        Row::new(
            "IPA5",
            "地点和营业时间的方便",
            "Convenient location and hours",
        ),
        Row::new("IPA6", "售后支持", "After-sales support"),
        Row::new("IPA7", "信息和沟通", "Information and communication"),
    ];
    let ends = ScaleEnds {
        low: text("非常低", "Very low"),
        high: text("非常高", "Very high"),
    };
    (
        text("重要性—绩效分析", "Importance–performance"),
        text(
            "对每一项，请评价它对您有多重要（I），以及我们做得怎么样（P）。",
            "For each item, rate how important it is to you (I) and how well we do it (P).",
        ),
        vec![section(
            Bilingual::default(),
            vec![Question::new(
                IPA_QUESTION,
                dual(rows, ends, DualColumns::ImportancePerformance),
                text("重要性与绩效", "Importance and performance"),
            )
            .required()],
        )],
    )
}

fn delivered_value() -> Parts {
    let matrix = |rows| QuestionKind::LikertMatrix {
        rows,
        points: 7,
        start: 1,
        ends: low_high(),
    };
    let value = vec![
        Row::new(
            "CDV_PV",
            "产品价值：产品的质量、功能和式样",
            "Product value: the product's quality, features and design",
        ),
        Row::new(
            "CDV_SV",
            "服务价值：随产品提供的各种服务",
            "Service value: the services that come with it",
        ),
        Row::new(
            "CDV_EV",
            "人员价值：员工的知识、能力和态度",
            "Personnel value: the staff's knowledge, skill and attitude",
        ),
        Row::new(
            "CDV_IV",
            "形象价值：企业和品牌的形象",
            "Image value: the company's and the brand's image",
        ),
    ];
    let cost = vec![
        Row::new(
            "CDV_MC",
            "货币成本：付出的金钱",
            "Monetary cost: the money paid",
        ),
        Row::new(
            "CDV_TC",
            "时间成本：花费的时间和等待",
            "Time cost: the time spent, waiting included",
        ),
        Row::new(
            "CDV_EC",
            "精神成本：操心和精力",
            "Energy cost: the mental effort and worry",
        ),
        Row::new(
            "CDV_PC",
            "体力成本：来回奔波和体力消耗",
            "Physical cost: travel and physical effort",
        ),
    ];
    (
        text("顾客让渡价值", "Customer delivered value"),
        text(
            "顾客让渡价值 = 顾客总价值 − 顾客总成本。",
            "Delivered value = total customer value − total customer cost.",
        ),
        vec![
            section(
                text("您得到的价值", "The value you receive"),
                vec![Question::new(
                    VALUE_QUESTION,
                    matrix(value),
                    text(
                        "您从我们这里得到的各项价值有多高？",
                        "How much of each kind of value do you get from us?",
                    ),
                )
                .required()],
            ),
            section(
                text("您付出的成本", "The cost to you"),
                vec![Question::new(
                    COST_QUESTION,
                    matrix(cost),
                    text(
                        "为了得到这些，您付出的各项成本有多高？",
                        "How much does each of these cost you to get it?",
                    ),
                )
                .required()],
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::validate::validate_survey;

    #[test]
    fn every_template_is_a_valid_bilingual_survey() {
        for id in TemplateId::ALL {
            let survey = template(id, 42);
            assert_eq!(validate_survey(&survey), vec![], "{id:?}");
            assert!(
                !survey.name.zh.is_empty() && !survey.name.en.is_empty(),
                "{id:?}"
            );
            assert_eq!(
                survey.template,
                Some(TemplateOrigin {
                    id,
                    version: TEMPLATE_VERSION
                })
            );
            assert!(is_unchanged_template(&survey), "{id:?}");
            assert_eq!(TemplateId::from_number(id.number()), Some(id));
        }
    }

    #[test]
    fn servqual_has_the_22_items_in_the_published_order_and_dimensions() {
        let survey = template(TemplateId::Servqual, 1);
        // (dimension, its item codes) as Parasuraman, Zeithaml & Berry number them.
        let expected = [
            (
                ServqualDimension::Tangibles,
                vec!["SQ1", "SQ2", "SQ3", "SQ4"],
            ),
            (
                ServqualDimension::Reliability,
                vec!["SQ5", "SQ6", "SQ7", "SQ8", "SQ9"],
            ),
            (
                ServqualDimension::Responsiveness,
                vec!["SQ10", "SQ11", "SQ12", "SQ13"],
            ),
            (
                ServqualDimension::Assurance,
                vec!["SQ14", "SQ15", "SQ16", "SQ17"],
            ),
            (
                ServqualDimension::Empathy,
                vec!["SQ18", "SQ19", "SQ20", "SQ21", "SQ22"],
            ),
        ];
        for (dimension, codes) in expected {
            let question = survey
                .question(dimension.question_code())
                .expect("dimension matrix");
            let QuestionKind::DualMatrix {
                rows,
                points: 7,
                start: 1,
                columns: DualColumns::ExpectationPerception,
                ..
            } = &question.kind
            else {
                panic!("{dimension:?} is a 7-point E/P matrix: {:?}", question.kind);
            };
            assert_eq!(
                rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(),
                codes
            );
            assert_eq!(dimension.item_codes(), codes);
        }
        let all_rows: usize = survey.questions().map(|q| q.kind.rows().len()).sum();
        assert_eq!(all_rows, 22 + 5, "22 items and 5 weights");
        let weights = survey.question(SERVQUAL_WEIGHTS).expect("importance split");
        assert!(matches!(
            weights.kind,
            QuestionKind::ConstantSum { total: 100, .. }
        ));
    }

    #[test]
    fn an_edited_template_is_no_longer_the_template() {
        let mut survey = template(TemplateId::Nps, 1);
        survey.status = SurveyStatus::Open;
        assert!(
            is_unchanged_template(&survey),
            "the status is not the content"
        );
        survey.sections[0].questions[0].text.en.push('!');
        assert!(!is_unchanged_template(&survey));
        let mut own = template(TemplateId::Csat, 1);
        own.template = None;
        assert!(!is_unchanged_template(&own));
    }
}
