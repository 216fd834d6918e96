//! Customer import and export: CSV with column mapping and per-row checks, and JSON.
//!
//! Export writes English keys as headers that `suggest_mapping` recognises, so an export
//! read back in gives the same exported fields. Import also accepts common Chinese
//! headers and the Chinese textbook terms for classifications (关键客户, 稳定期, ...).

use chrono::{DateTime, NaiveDate, Utc};

use super::model::{
    format_cents, Channel, Customer, CustomerKind, InteractionKind, LadderLevel, LifecycleStage,
    Motive, RelationshipLevel, StageChange, ValueClass,
};
use super::validate::{validate, Field, Problem};
use crate::customers::labels::{problem_text, Labelled};
use crate::i18n::Lang;
use crate::money::{Conversion, Currency};
use crate::tabular::csv::{parse_csv, write_csv, CsvError};
use crate::tabular::import::{self, ImportField, ImportTarget, Row, RowProblems};

/// Which customer field each CSV column fills (`None`: ignore the column).
pub type ColumnMapping = import::ColumnMapping<Field>;
/// A problem in one data row. `row` counts as a spreadsheet does: the header is row 1.
pub type RowError = import::RowError<Field, Problem>;
/// What an import would add: the valid rows as customers, and every problem found.
pub type ImportPreview = import::ImportPreview<Customer, Field, Problem>;

const fn field(field: Field, synonyms: &'static [&'static str]) -> ImportField<Field> {
    ImportField {
        field,
        key: field.key(),
        required: matches!(field, Field::Name),
        synonyms,
    }
}

/// The fields a CSV file can carry, in export column order, with the header words
/// recognised besides each field's own key (compared after `normalise_header`).
pub const CSV_FIELDS: &[ImportField<Field>] = &[
    field(
        Field::Name,
        &[
            "customername",
            "fullname",
            "customer",
            "姓名",
            "名称",
            "客户名称",
            "客户姓名",
            "客户",
        ],
    ),
    field(Field::Kind, &["type", "customertype", "类型", "客户类型"]),
    field(
        Field::Company,
        &[
            "organisation",
            "organization",
            "employer",
            "公司",
            "单位",
            "公司名称",
            "企业",
        ],
    ),
    field(
        Field::Phone,
        &[
            "mobile",
            "tel",
            "telephone",
            "phonenumber",
            "电话",
            "手机",
            "联系电话",
            "手机号",
            "手机号码",
        ],
    ),
    field(
        Field::Email,
        &[
            "mail",
            "emailaddress",
            "邮箱",
            "电子邮件",
            "电子邮箱",
            "邮件",
        ],
    ),
    field(Field::Address, &["地址", "联系地址"]),
    field(
        Field::Owner,
        &["accountmanager", "salesrep", "负责人", "客户经理", "销售"],
    ),
    field(Field::Tags, &["tag", "labels", "标签"]),
    field(
        Field::Notes,
        &["note", "remarks", "comments", "comment", "备注", "说明"],
    ),
    field(
        Field::ValueClass,
        &[
            "value",
            "class",
            "价值分类",
            "客户价值",
            "价值类别",
            "客户分类",
        ],
    ),
    field(Field::Motive, &["动机", "购买动机"]),
    field(
        Field::Stage,
        &[
            "lifecyclestage",
            "lifecycle",
            "阶段",
            "生命周期",
            "生命周期阶段",
        ],
    ),
    field(Field::Ladder, &["relationshipladder", "关系阶梯", "阶梯"]),
    field(Field::RelationshipLevel, &["关系水平", "关系营销水平"]),
    field(
        Field::Channel,
        &[
            "source",
            "acquisition",
            "渠道",
            "来源",
            "开发方法",
            "获取方式",
        ],
    ),
    field(Field::Internal, &["internalcustomer", "内部", "内部客户"]),
];

/// The customers' part in the shared import: rows become new customers numbered from
/// `next_id`, created `now`, entering their stage `today`.
#[derive(Clone, Copy, Debug)]
pub struct CustomerImport {
    pub next_id: u64,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
}

impl ImportTarget for CustomerImport {
    type Field = Field;
    type Record = Customer;
    type Problem = Problem;
    const REQUIRED: Problem = Problem::Required;

    fn fields(&self) -> &[ImportField<Field>] {
        CSV_FIELDS
    }

    fn label(&self, field: Field, lang: Lang) -> &'static str {
        field.label(lang)
    }

    fn record(&self, row: &Row<'_, Field>) -> Result<Customer, RowProblems<Field, Problem>> {
        let id = self.next_id + row.accepted as u64;
        let mut customer = Customer::new(id, row.cell(Field::Name), self.now);
        let mut errors = Vec::new();
        for spec in CSV_FIELDS {
            if !apply_cell(&mut customer, spec.field, row.cell(spec.field)) {
                errors.push((spec.field, Problem::UnknownValue));
            }
        }
        customer.stage_history = vec![StageChange {
            stage: customer.stage,
            date: self.today,
        }];
        errors.extend(
            validate(&customer, self.today)
                .iter()
                .map(|i| (i.field, i.problem)),
        );
        match errors.is_empty() {
            true => Ok(customer),
            false => Err(errors),
        }
    }

    fn problem_text(&self, field: Field, problem: Problem, value: &str, lang: Lang) -> String {
        problem_text(field, problem, value, lang)
    }
}

/// Guesses the customer field for each header; each field is given to its first matching column.
pub fn suggest_mapping<S: AsRef<str>>(headers: &[S]) -> ColumnMapping {
    import::suggest_mapping(CSV_FIELDS, headers)
}

/// Reads `csv_text` (header row first) into new customers numbered from `next_id`.
/// Rows with any problem are left out and reported; blank rows are skipped.
pub fn import_customers(
    csv_text: &str,
    mapping: &ColumnMapping,
    next_id: u64,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<ImportPreview, CsvError> {
    let table = parse_csv(csv_text)?;
    let target = CustomerImport {
        next_id,
        now,
        today,
    };
    Ok(import::preview(&target, &table, mapping))
}

/// Sets `field` from a trimmed cell; false when the text is not an allowed value.
fn apply_cell(c: &mut Customer, field: Field, text: &str) -> bool {
    fn set<T: Copy>(slot: &mut T, parsed: Option<T>) -> bool {
        parsed.map(|v| *slot = v).is_some()
    }
    fn set_opt<T: Copy>(slot: &mut Option<T>, text: &str, parse: fn(&str) -> Option<T>) -> bool {
        text.is_empty() || parse(text).map(|v| *slot = Some(v)).is_some()
    }
    match field {
        Field::Name => c.name = text.to_string(),
        Field::Company => c.company = text.to_string(),
        Field::Phone => c.phone = text.to_string(),
        Field::Email => c.email = text.to_string(),
        Field::Address => c.address = text.to_string(),
        Field::Owner => c.owner = text.to_string(),
        Field::Notes => c.notes = text.to_string(),
        Field::Tags => c.tags = split_tags(text),
        Field::Kind if !text.is_empty() => return set(&mut c.kind, parse_kind(text)),
        Field::Stage if !text.is_empty() => return set(&mut c.stage, parse_stage(text)),
        Field::Ladder if !text.is_empty() => return set(&mut c.ladder, parse_ladder(text)),
        Field::Channel if !text.is_empty() => return set(&mut c.channel, parse_channel(text)),
        Field::Internal => return set(&mut c.internal, parse_bool(text)),
        Field::ValueClass => return set_opt(&mut c.value_class, text, parse_value_class),
        Field::Motive => return set_opt(&mut c.motive, text, parse_motive),
        Field::RelationshipLevel => {
            return set_opt(&mut c.relationship_level, text, parse_relationship_level)
        }
        _ => {}
    }
    true
}

/// Tags are separated by `;`, full-width `；` or the Chinese list comma `、`.
pub fn split_tags(text: &str) -> Vec<String> {
    text.split([';', '；', '、'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// Accepts the key in any case with spaces or dashes for underscores, or a Chinese term.
fn parse_keyed<T: Copy>(
    text: &str,
    from_key: fn(&str) -> Option<T>,
    terms: &[(&str, T)],
) -> Option<T> {
    let key: String = text.trim().to_lowercase().replace([' ', '-'], "_");
    from_key(&key).or_else(|| {
        terms
            .iter()
            .find(|(t, _)| *t == text.trim())
            .map(|(_, v)| *v)
    })
}

fn parse_kind(text: &str) -> Option<CustomerKind> {
    use CustomerKind::*;
    parse_keyed(
        text,
        CustomerKind::from_key,
        &[
            ("个人", Individual),
            ("企业", Business),
            ("公司", Business),
            ("单位", Business),
        ],
    )
}

fn parse_value_class(text: &str) -> Option<ValueClass> {
    use ValueClass::*;
    let terms = [
        ("关键客户", Key),
        ("关键", Key),
        ("潜力客户", Potential),
        ("潜力", Potential),
        ("一般客户", General),
        ("一般", General),
    ];
    parse_keyed(text, ValueClass::from_key, &terms)
}

fn parse_motive(text: &str) -> Option<Motive> {
    use Motive::*;
    let terms = [
        ("经济型", Economic),
        ("道德型", Ethical),
        ("个性化", Personalised),
        ("个性化型", Personalised),
        ("方便型", Convenience),
        ("personalized", Personalised),
    ];
    parse_keyed(text, Motive::from_key, &terms)
}

fn parse_stage(text: &str) -> Option<LifecycleStage> {
    use LifecycleStage::*;
    let terms = [
        ("考察期", Exploration),
        ("形成期", Formation),
        ("稳定期", Stability),
        ("退化期", Decline),
        ("流失", Churned),
        ("已流失", Churned),
    ];
    parse_keyed(text, LifecycleStage::from_key, &terms)
}

fn parse_ladder(text: &str) -> Option<LadderLevel> {
    use LadderLevel::*;
    let terms = [
        ("潜在客户", Prospect),
        ("客户", Customer),
        ("老客户", Client),
        ("支持者", Supporter),
        ("拥护者", Advocate),
        ("合作伙伴", Partner),
    ];
    parse_keyed(text, LadderLevel::from_key, &terms)
}

fn parse_relationship_level(text: &str) -> Option<RelationshipLevel> {
    use RelationshipLevel::*;
    let terms = [
        ("基本型", Basic),
        ("被动型", Reactive),
        ("负责型", Accountable),
        ("能动型", Proactive),
        ("伙伴型", Partnership),
    ];
    parse_keyed(text, RelationshipLevel::from_key, &terms)
}

fn parse_channel(text: &str) -> Option<Channel> {
    use Channel::*;
    let terms = [
        ("广告", Advertising),
        ("广告开拓法", Advertising),
        ("委托助手法", Agent),
        ("代理", Agent),
        ("连环获取法", Referral),
        ("推荐", Referral),
        ("转介绍", Referral),
        ("其他", Other),
    ];
    parse_keyed(text, Channel::from_key, &terms)
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "false" | "no" | "n" | "0" | "否" => Some(false),
        "true" | "yes" | "y" | "1" | "是" => Some(true),
        _ => None,
    }
}

/// The read-only columns after the fields: figures, not data, so an import ignores them
/// (no field has these keys or synonyms). The spend's header names its currency
/// (`spend_cny`): the home currency, by the one rule of [`Conversion`].
fn figure_headers(home: Currency) -> [String; 4] {
    [
        format!("spend_{}", home.code().to_lowercase()),
        "purchases".into(),
        "last_purchase".into(),
        "complaints".into(),
    ]
}

/// The read-only figures of one customer: spend in the home currency as a plain number
/// a spreadsheet can add (`1592.00`; purchases without a rate are left out), how many
/// purchases, the last purchase's date and how many complaints.
fn figure_cells(c: &Customer, conversion: &Conversion) -> [String; 4] {
    let complaints = c
        .interactions
        .iter()
        .filter(|i| matches!(i.kind, InteractionKind::Complaint { .. }))
        .count();
    [
        format_cents(c.spend_cents(conversion)),
        c.purchase_count().to_string(),
        c.last_purchase().map(|d| d.to_string()).unwrap_or_default(),
        complaints.to_string(),
    ]
}

/// Customers as CSV with a header of field keys (see [`CSV_FIELDS`]), then the
/// read-only figures (spend in the home currency, purchases, last purchase, complaints).
pub fn export_customers_csv(customers: &[Customer], conversion: &Conversion) -> String {
    let header: Vec<String> = CSV_FIELDS
        .iter()
        .map(|f| f.key.to_string())
        .chain(figure_headers(conversion.home))
        .collect();
    let rows = customers.iter().map(|c| {
        CSV_FIELDS
            .iter()
            .map(|f| export_cell(c, f.field))
            .chain(figure_cells(c, conversion))
            .collect()
    });
    write_csv(
        &std::iter::once(header)
            .chain(rows)
            .collect::<Vec<Vec<String>>>(),
    )
}

fn export_cell(c: &Customer, field: Field) -> String {
    let key = |k: Option<&'static str>| k.unwrap_or_default().to_string();
    match field {
        Field::Name => c.name.clone(),
        Field::Kind => c.kind.key().into(),
        Field::Company => c.company.clone(),
        Field::Phone => c.phone.clone(),
        Field::Email => c.email.clone(),
        Field::Address => c.address.clone(),
        Field::Owner => c.owner.clone(),
        Field::Tags => c.tags.join(";"),
        Field::Notes => c.notes.clone(),
        Field::ValueClass => key(c.value_class.map(ValueClass::key)),
        Field::Motive => key(c.motive.map(Motive::key)),
        Field::Stage => c.stage.key().into(),
        Field::Ladder => c.ladder.key().into(),
        Field::RelationshipLevel => key(c.relationship_level.map(RelationshipLevel::key)),
        Field::Channel => c.channel.key().into(),
        Field::Internal => c.internal.to_string(),
        Field::ReferredBy | Field::Interactions | Field::Churn => String::new(),
    }
}

/// Why a JSON file could not be read, with the 1-based line and column serde reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub kind: JsonErrorKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// Not JSON at all.
    Syntax,
    /// JSON, but not a list of customers (missing field, wrong type, unknown key).
    Data,
    /// The text ends too early.
    Truncated,
}

/// All customers and their full history, as pretty-printed JSON.
pub fn export_customers_json(customers: &[Customer]) -> String {
    // Serialising plain structs with string keys cannot fail.
    serde_json::to_string_pretty(customers).expect("customers serialise to JSON")
}

/// Reads a JSON list of customers (as written by [`export_customers_json`]).
pub fn import_customers_json(text: &str) -> Result<Vec<Customer>, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| JsonError {
        line: e.line(),
        column: e.column(),
        kind: match e.classify() {
            serde_json::error::Category::Data => JsonErrorKind::Data,
            serde_json::error::Category::Eof => JsonErrorKind::Truncated,
            _ => JsonErrorKind::Syntax,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{at, cny, complaint, customer, day, purchase};
    use super::*;
    use crate::tabular::csv::CsvErrorKind;
    use proptest::prelude::*;

    #[test]
    fn suggests_mapping_for_english_and_chinese_headers() {
        use Field::*;
        let cases: &[(&[&str], &[Option<Field>])] = &[
            (
                &["Name", "E-mail", "Phone Number", "Value class"],
                &[Some(Name), Some(Email), Some(Phone), Some(ValueClass)],
            ),
            (
                &[
                    "姓名",
                    "公司",
                    "手机",
                    "电子邮件",
                    "地址",
                    "负责人",
                    "标签",
                    "备注",
                ],
                &[
                    Some(Name),
                    Some(Company),
                    Some(Phone),
                    Some(Email),
                    Some(Address),
                    Some(Owner),
                    Some(Tags),
                    Some(Notes),
                ],
            ),
            (
                &["名称", "电话", "邮箱", "生命周期", "渠道", "内部客户"],
                &[
                    Some(Name),
                    Some(Phone),
                    Some(Email),
                    Some(Stage),
                    Some(Channel),
                    Some(Internal),
                ],
            ),
            (&["name", "姓名", "birthday"], &[Some(Name), None, None]),
        ];
        for (headers, expected) in cases {
            assert_eq!(suggest_mapping(headers).columns, *expected, "{headers:?}");
        }
    }

    fn import(text: &str) -> ImportPreview {
        let header = parse_csv(text).expect("test CSV parses").remove(0);
        import_customers(
            text,
            &suggest_mapping(&header),
            100,
            at(2024, 6, 1),
            day(2024, 6, 30),
        )
        .expect("test CSV parses")
    }

    #[test]
    fn imports_rows_and_reports_every_problem_by_spreadsheet_row() {
        // (csv, names imported, (row, field, problem, value) errors)
        type Case = (
            &'static str,
            &'static [&'static str],
            &'static [(usize, Field, Problem, &'static str)],
        );
        use Field::*;
        use Problem::*;
        let cases: &[Case] = &[
            (
                "姓名,电话\n王芳,138 0013 8000\n李雷,+86 10 1234 5678\n",
                &["王芳", "李雷"],
                &[],
            ),
            (
                "name,email\nAnn,ann@x.com\n,bob@x.com\n",
                &["Ann"],
                &[(3, Name, Required, "")],
            ),
            (
                "name,email,phone\n\n Zoë ,bad,12\n",
                &[],
                &[
                    (3, Email, InvalidEmail, "bad"),
                    (3, Phone, InvalidPhone, "12"),
                ],
            ),
            (
                "name,stage,value_class,kind\nA,稳定期,关键客户,企业\nB,Stable,key,x\n",
                &["A"],
                &[
                    (3, Kind, UnknownValue, "x"),
                    (3, Stage, UnknownValue, "Stable"),
                ],
            ),
            (
                "name,notes\n\"多行\n备注\",\"a, b\"\nC,d\n",
                &["多行\n备注", "C"],
                &[],
            ),
        ];
        for (text, names, errors) in cases {
            let preview = import(text);
            let got: Vec<&str> = preview.records.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(got, *names, "{text}");
            let got: Vec<(usize, Field, Problem, &str)> = preview
                .errors
                .iter()
                .map(|e| (e.row, e.field, e.problem, e.value.as_str()))
                .collect();
            assert_eq!(got, *errors, "{text}");
        }
    }

    #[test]
    fn export_adds_read_only_figures_that_a_reimport_ignores() {
        let mut c = customer(1, "Ann Lee");
        c.phone = "+44 20 7946 0000".into();
        c.notes = "=HYPERLINK(\"x\")".into();
        let mut pounds = purchase(2, day(2026, 11, 2), 12_000);
        if let InteractionKind::Purchase { currency, .. } = &mut pounds.kind {
            *currency = "GBP".into();
        }
        c.interactions = vec![
            purchase(1, day(2026, 10, 1), 50_000),
            pounds,
            complaint(3, day(2026, 11, 5), None),
        ];
        let rates = [crate::money::Rate {
            currency: Currency::GBP,
            micros: 9_100_000,
            date: day(2026, 11, 30),
        }];
        let text = export_customers_csv(&[c.clone()], &Conversion::new(Currency::CNY, &rates));
        let table = parse_csv(&text).unwrap();
        let column = |key: &str| {
            let at = table[0].iter().position(|h| h == key).expect(key);
            table[1][at].clone()
        };
        assert_eq!(column("spend_cny"), "1592.00");
        assert_eq!(column("purchases"), "2");
        assert_eq!(column("last_purchase"), "2026-11-02");
        assert_eq!(column("complaints"), "1");
        // A phone number is written as it is; a formula is still neutralised.
        assert!(text.contains(",+44 20 7946 0000,"), "{text}");
        assert_eq!(column("phone"), "+44 20 7946 0000");
        assert!(text.contains("'=HYPERLINK"), "{text}");
        // Without the pound's rate, the pounds are left out, never added as yuan.
        let yuan_only = parse_csv(&export_customers_csv(&[c.clone()], &cny())).unwrap();
        let at = yuan_only[0].iter().position(|h| h == "spend_cny").unwrap();
        assert_eq!(yuan_only[1][at], "500.00");

        // The figures are not fields: the mapping leaves them out, and the import of the
        // export gives back the same customer.
        let mapping = suggest_mapping(&table[0]);
        for key in ["spend_cny", "purchases", "last_purchase", "complaints"] {
            let at = table[0].iter().position(|h| h == key).unwrap();
            assert_eq!(mapping.columns[at], None, "{key} is read-only");
        }
        let preview = import(&text);
        assert_eq!(preview.errors, vec![]);
        assert_eq!(preview.records.len(), 1);
        for spec in CSV_FIELDS {
            assert_eq!(
                export_cell(&c, spec.field),
                export_cell(&preview.records[0], spec.field)
            );
        }
    }

    #[test]
    fn imported_classifications_and_ids() {
        let p = import("name,stage,value_class,kind,tags,internal\nA,稳定期,关键客户,企业,vip、北京; 老客户,是\nB,,,,,\n");
        let a = &p.records[0];
        assert_eq!(
            (a.id, a.stage, a.value_class, a.kind, a.internal),
            (
                100,
                LifecycleStage::Stability,
                Some(ValueClass::Key),
                CustomerKind::Business,
                true
            )
        );
        assert_eq!(a.tags, ["vip", "北京", "老客户"]);
        assert_eq!(
            a.stage_history,
            [StageChange {
                stage: LifecycleStage::Stability,
                date: day(2024, 6, 30)
            }]
        );
        let b = &p.records[1];
        assert_eq!(
            (b.id, b.stage, b.value_class, b.internal),
            (101, LifecycleStage::Exploration, None, false)
        );
    }

    #[test]
    fn csv_syntax_errors_are_returned() {
        let mapping = ColumnMapping::default();
        let result = import_customers("name\n\"open", &mapping, 1, at(2024, 1, 1), day(2024, 1, 1));
        assert_eq!(
            result,
            Err(CsvError {
                line: 2,
                kind: CsvErrorKind::UnterminatedQuote
            })
        );
    }

    #[test]
    fn json_round_trip_and_errors() {
        let mut c = customer(1, "王芳");
        c.tags = vec!["vip".into()];
        let list = vec![c];
        assert_eq!(
            import_customers_json(&export_customers_json(&list)),
            Ok(list)
        );
        let cases = [
            ("[{\"id\": 1}]", 1, JsonErrorKind::Data),
            ("[\n  {\n  x", 3, JsonErrorKind::Syntax),
            ("[", 1, JsonErrorKind::Truncated),
        ];
        for (text, line, kind) in cases {
            let err = import_customers_json(text).expect_err(text);
            assert_eq!((err.line, err.kind), (line, kind), "{text}");
        }
    }

    fn text() -> impl Strategy<Value = String> {
        "[a-zA-Z王芳北京, \"'=+@\\-\n]{0,12}".prop_map(|s| s.trim().to_string())
    }

    prop_compose! {
        fn arbitrary_customer()(
            name in "[A-Za-z王芳李雷=+\\-@'\"]{1,10}",
            texts in prop::array::uniform5(text()),
            tags in prop::collection::vec("[a-z北京=\\-][a-z北京 ]{0,5}[a-z京]", 0..3),
            phone in prop::option::of("\\+?[0-9]{6,15}"),
            email in prop::option::of("[a-z0-9.=+]{1,8}@[a-z]{1,6}\\.(com|cn)"),
            enums in (0..2usize, 0..4usize, 0..5usize, 0..6usize, 0..6usize, 0..4usize, 0..4usize, any::<bool>()),
        ) -> Customer {
            let mut c = customer(1, &name);
            let [company, address, owner, notes, _] = texts;
            (c.company, c.address, c.owner, c.notes) = (company, address, owner, notes);
            c.tags = tags;
            c.phone = phone.unwrap_or_default();
            c.email = email.unwrap_or_default();
            let (kind, value, stage, ladder, level, motive, channel, internal) = enums;
            c.kind = CustomerKind::ALL[kind];
            c.value_class = ValueClass::ALL.get(value).copied();
            c.stage = LifecycleStage::ALL[stage];
            c.ladder = LadderLevel::ALL[ladder];
            c.relationship_level = RelationshipLevel::ALL.get(level).copied();
            c.motive = Motive::ALL.get(motive).copied();
            c.channel = Channel::ALL[channel];
            c.internal = internal;
            c
        }
    }

    proptest! {
        #[test]
        fn export_then_import_keeps_every_exported_field(
            customers in prop::collection::vec(arbitrary_customer(), 0..5)
        ) {
            let preview = import(&export_customers_csv(&customers, &cny()));
            prop_assert_eq!(&preview.errors, &vec![]);
            prop_assert_eq!(preview.records.len(), customers.len());
            for (before, after) in customers.iter().zip(&preview.records) {
                for spec in CSV_FIELDS {
                    prop_assert_eq!(export_cell(before, spec.field), export_cell(after, spec.field), "{:?}", spec.field);
                }
            }
        }
    }
}
