//! The steps of a blueprint as CSV, for people who plan in a spreadsheet, through the
//! shared reader and writer (`crate::tabular`); and the whole blueprint as JSON.
//!
//! Columns: `id, lane, phase, name, minutes, wait_minutes, fail_point, standard, evidence,
//! next` (Chinese headers too), in any order. `lane` is a key (`customer`) or a Chinese lane
//! name (顾客行为); `next` lists the ids a step leads to, separated by `;`. Steps are placed
//! in file order: a row goes into the previous row's column when its lane is below the
//! previous row's lane (a column is written top to bottom) and the phase is the same,
//! otherwise into the next column. The export adds a last `column` column so that its own
//! files come back exactly; an import honours it where it is filled in.
//!
//! An import reads every row and reports every problem with its row number (the header
//! is row 1), as the customer import does: [`StepsImport`] is the section's
//! [`ImportTarget`], so the shared import screens can show the mapping and the problems.
//! Unlike customers, a blueprint's rows refer to each other (`next`), so when any row has
//! a problem nothing is imported.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{Blueprint, Connector, FailPoint, Lane, Phase, Step, StepId, WaitPoint};
use super::words::BlueprintTerm;
use crate::i18n::{fill, Lang, Text};
use crate::tabular::csv::{parse_csv, write_csv, CsvError};
use crate::tabular::import::{
    self, suggest_mapping, ColumnMapping, ImportField, ImportTarget, Row, RowError, RowProblems,
};

/// A column of the steps CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepField {
    Id,
    Lane,
    Phase,
    Name,
    Minutes,
    WaitMinutes,
    FailPoint,
    Standard,
    Evidence,
    Next,
    Column,
}

impl StepField {
    pub fn term(self) -> BlueprintTerm {
        match self {
            StepField::Id => BlueprintTerm::FieldId,
            StepField::Lane => BlueprintTerm::FieldLane,
            StepField::Phase => BlueprintTerm::FieldPhase,
            StepField::Name => BlueprintTerm::FieldName,
            StepField::Minutes => BlueprintTerm::FieldMinutes,
            StepField::WaitMinutes => BlueprintTerm::FieldWaitMinutes,
            StepField::FailPoint => BlueprintTerm::FieldFailPoint,
            StepField::Standard => BlueprintTerm::FieldStandard,
            StepField::Evidence => BlueprintTerm::FieldEvidence,
            StepField::Next => BlueprintTerm::FieldNext,
            StepField::Column => BlueprintTerm::FieldColumn,
        }
    }
}

const fn field(
    field: StepField,
    key: &'static str,
    synonyms: &'static [&'static str],
) -> ImportField<StepField> {
    ImportField {
        field,
        key,
        required: matches!(field, StepField::Lane),
        synonyms,
    }
}

/// The columns, with the header words (normalised) that also name them.
pub const FIELDS: &[ImportField<StepField>] = &[
    field(StepField::Id, "id", &["编号", "序号", "步骤编号"]),
    field(StepField::Lane, "lane", &["泳道", "层次", "区域"]),
    field(StepField::Phase, "phase", &["阶段", "stage"]),
    field(StepField::Name, "name", &["名称", "步骤", "step"]),
    field(
        StepField::Minutes,
        "minutes",
        &["用时", "时间", "分钟", "time"],
    ),
    field(
        StepField::WaitMinutes,
        "wait_minutes",
        &["等待", "等待时间", "wait"],
    ),
    field(StepField::FailPoint, "fail_point", &["失误点", "失败点"]),
    field(StepField::Standard, "standard", &["标准", "执行标准"]),
    field(StepField::Evidence, "evidence", &["有形展示", "证据"]),
    field(StepField::Next, "next", &["下一步", "后续"]),
    field(StepField::Column, "column", &["列"]),
];

/// What is wrong with a cell of one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepProblem {
    /// Not one of the five lane keys nor their Chinese names (empty included).
    UnknownLane,
    /// Not a number of minutes of 0 or more (for `column`: a whole number).
    BadNumber,
    /// `next` names an id that no row has.
    UnknownNext,
    /// `next` names the row's own id.
    NextIsItself,
    /// An earlier row has the same id.
    DuplicateId,
    /// An earlier row is in the same lane and column.
    CellTaken,
}

/// A problem in one row: its row number (the header is row 1), field, problem and cell.
pub type StepRowError = RowError<StepField, StepProblem>;

/// Why a steps CSV was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepsCsvError {
    /// The text is not CSV.
    Csv(CsvError),
    /// No header, or no data row.
    Empty,
    /// No column is recognised as `lane`.
    NoLaneColumn,
    /// Every problem found in the rows.
    Rows(Vec<StepRowError>),
}

/// One row read: its step (id, lane and column settled) and the steps it leads to.
#[derive(Clone, Debug, PartialEq)]
pub struct StepRow {
    pub step: Step,
    pub next: Vec<StepId>,
    pub phase: String,
}

/// What an import would put in the blueprint, shown before the user confirms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportedSteps {
    pub steps: Vec<Step>,
    pub connectors: Vec<Connector>,
    pub phases: Vec<Phase>,
}

impl ImportedSteps {
    /// The steps, their connectors and the phases the rows name.
    pub fn from_rows(rows: Vec<StepRow>) -> ImportedSteps {
        let mut phase_of_column: BTreeMap<u32, String> = BTreeMap::new();
        let mut steps = Vec::new();
        let mut connectors: Vec<Connector> = Vec::new();
        for row in rows {
            phase_of_column.entry(row.step.column).or_insert(row.phase);
            for to in row.next {
                connectors.push(Connector::new(row.step.id, to));
            }
            steps.push(row.step);
        }
        let mut phases: Vec<Phase> = Vec::new();
        for (column, name) in phase_of_column {
            if name.is_empty() {
                continue;
            }
            match phases.last_mut() {
                Some(last) if last.name == name && last.to + 1 == column => last.to = column,
                _ => phases.push(Phase {
                    name,
                    from: column,
                    to: column,
                }),
            }
        }
        ImportedSteps {
            steps,
            connectors,
            phases,
        }
    }

    /// Replaces the blueprint's steps, connectors and phases (its name, scenario, elements
    /// and benchmarks stay; ties to steps that are gone are dropped).
    pub fn apply_to(self, bp: &mut Blueprint) {
        let ids: BTreeSet<StepId> = self.steps.iter().map(|s| s.id).collect();
        bp.steps = self.steps;
        bp.connectors = self.connectors;
        bp.phases = self.phases;
        for element in &mut bp.elements {
            if element.step.is_some_and(|s| !ids.contains(&s)) {
                element.step = None;
            }
        }
        bp.benchmarks.retain(|b| ids.contains(&b.step));
    }
}

fn number(text: &str) -> Option<f64> {
    // A semicolon-separated file from a European spreadsheet writes "2,5".
    let text = if text.contains('.') {
        text.to_owned()
    } else {
        text.replace(',', ".")
    };
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
}

fn whole_number(text: &str) -> Option<u32> {
    text.trim().parse().ok()
}

/// A number as the export writes it: as short as it goes ("2.5", "10").
fn write_number(value: f64) -> String {
    value.to_string()
}

fn next_ids(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', '；'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
}

/// What the whole file settles for one row before the row is read on its own.
#[derive(Clone, Copy, Debug)]
struct Plan {
    id: StepId,
    /// No earlier row has this row's id.
    first_with_id: bool,
    column: u32,
    /// An earlier row is in the same cell.
    cell_taken: bool,
}

/// The steps CSV as an [`ImportTarget`]: made from the whole table, since ids, `next` and
/// the columns in file order depend on the other rows.
#[derive(Clone, Debug)]
pub struct StepsImport {
    /// A row's id as written → the step's id (a number is kept; any other text, or none,
    /// gets a fresh number above every number used).
    ids: BTreeMap<String, StepId>,
    /// By row number.
    plans: BTreeMap<usize, Plan>,
}

impl StepsImport {
    pub fn new(table: &[Vec<String>], mapping: &ColumnMapping<StepField>) -> StepsImport {
        let cell = |cells: &[String], field: StepField| -> String {
            mapping
                .columns
                .iter()
                .position(|f| *f == Some(field))
                .and_then(|i| cells.get(i))
                .map_or(String::new(), |c| c.trim().to_owned())
        };
        let rows: Vec<(usize, &Vec<String>)> = table
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, cells)| !cells.iter().all(|c| c.trim().is_empty()))
            .map(|(i, cells)| (i + 1, cells))
            .collect();
        let numeric = |id: &str| id.parse::<StepId>().ok().filter(|n| *n > 0);
        let mut fresh = rows
            .iter()
            .filter_map(|(_, cells)| numeric(&cell(cells, StepField::Id)))
            .max()
            .unwrap_or(0);
        let mut ids = BTreeMap::new();
        let mut plans = BTreeMap::new();
        let mut taken = BTreeSet::new();
        let mut used = BTreeSet::new();
        let mut previous: Option<(u32, Lane, String)> = None;
        for (row, cells) in rows {
            let written = cell(cells, StepField::Id);
            let id = numeric(&written).unwrap_or_else(|| {
                fresh += 1;
                fresh
            });
            // "3" and "03" are one id too.
            let new_number = used.insert(id);
            let first_with_id = new_number && (written.is_empty() || !ids.contains_key(&written));
            if !written.is_empty() {
                ids.entry(written).or_insert(id);
            }
            let lane = Lane::parse(&cell(cells, StepField::Lane));
            let phase = cell(cells, StepField::Phase);
            let column = whole_number(&cell(cells, StepField::Column)).unwrap_or(match &previous {
                None => 0,
                Some((c, above, p)) if lane.is_some_and(|l| l > *above) && phase == *p => *c,
                Some((c, _, _)) => c + 1,
            });
            let mut cell_taken = false;
            if let Some(lane) = lane {
                cell_taken = !taken.insert((lane, column));
                previous = Some((column, lane, phase));
            }
            plans.insert(
                row,
                Plan {
                    id,
                    first_with_id,
                    column,
                    cell_taken,
                },
            );
        }
        StepsImport { ids, plans }
    }
}

impl ImportTarget for StepsImport {
    type Field = StepField;
    type Record = StepRow;
    type Problem = StepProblem;
    const REQUIRED: StepProblem = StepProblem::UnknownLane;

    fn fields(&self) -> &[ImportField<StepField>] {
        FIELDS
    }

    fn label(&self, field: StepField, lang: Lang) -> &'static str {
        field.term().in_lang(lang)
    }

    fn record(
        &self,
        row: &Row<'_, StepField>,
    ) -> Result<StepRow, RowProblems<StepField, StepProblem>> {
        let mut problems = Vec::new();
        let mut problem = |field, problem| {
            if !problems.contains(&(field, problem)) {
                problems.push((field, problem));
            }
        };
        let Some(plan) = self.plans.get(&row.number).copied() else {
            // Not a row of the table this import was made from.
            return Err(vec![(StepField::Lane, StepProblem::UnknownLane)]);
        };
        let lane = Lane::parse(row.cell(StepField::Lane));
        if lane.is_none() {
            problem(StepField::Lane, StepProblem::UnknownLane);
        }
        let mut read = |field: StepField| {
            let text = row.cell(field);
            if text.is_empty() {
                return None;
            }
            let value = number(text);
            if value.is_none() {
                problem(field, StepProblem::BadNumber);
            }
            value
        };
        let minutes = read(StepField::Minutes);
        let wait = read(StepField::WaitMinutes);
        let column_text = row.cell(StepField::Column);
        if !column_text.is_empty() && whole_number(column_text).is_none() {
            problem(StepField::Column, StepProblem::BadNumber);
        }
        if !plan.first_with_id {
            problem(StepField::Id, StepProblem::DuplicateId);
        }
        if plan.cell_taken {
            problem(StepField::Column, StepProblem::CellTaken);
        }
        let mut next = Vec::new();
        for written in next_ids(row.cell(StepField::Next)) {
            match self.ids.get(written) {
                None => problem(StepField::Next, StepProblem::UnknownNext),
                Some(&to) if to == plan.id => problem(StepField::Next, StepProblem::NextIsItself),
                Some(&to) if !next.contains(&to) => next.push(to),
                Some(_) => {}
            }
        }
        let (Some(lane), true) = (lane, problems.is_empty()) else {
            return Err(problems);
        };
        let what = row.cell(StepField::FailPoint).to_owned();
        let standard = row.cell(StepField::Standard).to_owned();
        let fail_point = (!what.is_empty() || !standard.is_empty()).then(|| FailPoint {
            what,
            standard,
            ..FailPoint::default()
        });
        let step = Step {
            id: plan.id,
            lane,
            column: plan.column,
            name: row.cell(StepField::Name).to_owned(),
            minutes,
            wait_point: wait.map(|m| WaitPoint {
                expected_minutes: m,
                ..WaitPoint::default()
            }),
            fail_point,
            evidence: row.cell(StepField::Evidence).to_owned(),
            ..Step::default()
        };
        Ok(StepRow {
            step,
            next,
            phase: row.cell(StepField::Phase).to_owned(),
        })
    }

    fn problem_text(
        &self,
        field: StepField,
        problem: StepProblem,
        value: &str,
        lang: Lang,
    ) -> String {
        problem_text(field, problem, value, lang)
    }
}

/// "Minutes: “x” is not a number of 0 or more.", in the user's language.
pub fn problem_text(field: StepField, problem: StepProblem, value: &str, lang: Lang) -> String {
    let template = match problem {
        StepProblem::UnknownLane => BlueprintTerm::CsvUnknownLane,
        StepProblem::BadNumber => BlueprintTerm::CsvBadNumber,
        StepProblem::UnknownNext => BlueprintTerm::CsvUnknownNext,
        StepProblem::NextIsItself => BlueprintTerm::CsvNextIsItself,
        StepProblem::DuplicateId => BlueprintTerm::CsvDuplicateId,
        StepProblem::CellTaken => BlueprintTerm::CsvCellTaken,
    };
    fill(template.in_lang(lang), &[field.term().in_lang(lang), value])
}

/// Reads a steps CSV with the suggested column mapping.
pub fn import_steps(text: &str) -> Result<ImportedSteps, StepsCsvError> {
    let table = parse_csv(text).map_err(StepsCsvError::Csv)?;
    let mapping = table
        .first()
        .map(|header| suggest_mapping(FIELDS, header))
        .unwrap_or_default();
    import_table(&table, &mapping)
}

/// Reads a table (header row first) under a mapping the user may have changed. Nothing is
/// returned but the problems when any row has one.
pub fn import_table(
    table: &[Vec<String>],
    mapping: &ColumnMapping<StepField>,
) -> Result<ImportedSteps, StepsCsvError> {
    if table.is_empty() {
        return Err(StepsCsvError::Empty);
    }
    if !mapping.columns.contains(&Some(StepField::Lane)) {
        return Err(StepsCsvError::NoLaneColumn);
    }
    let target = StepsImport::new(table, mapping);
    let preview = import::preview(&target, table, mapping);
    if !preview.errors.is_empty() {
        return Err(StepsCsvError::Rows(preview.errors));
    }
    if preview.records.is_empty() {
        return Err(StepsCsvError::Empty);
    }
    Ok(ImportedSteps::from_rows(preview.records))
}

/// The steps as CSV, in reading order (column, then lane), with the `column` column last.
/// What a CSV cannot hold (descriptions, tolerances, the facts of a wait, a fail point's
/// likelihood and recovery, arrow labels and directions) is in the JSON export.
pub fn export_steps(bp: &Blueprint) -> String {
    let mut rows: Vec<Vec<String>> = vec![FIELDS.iter().map(|f| f.key.to_owned()).collect()];
    for step in bp.steps_in_order() {
        let fail = step.fail_point.as_ref();
        let next: Vec<String> = bp.next_of(step.id).iter().map(|n| n.to_string()).collect();
        rows.push(vec![
            step.id.to_string(),
            step.lane.key().to_owned(),
            bp.phase_of(step.column)
                .map_or(String::new(), |p| p.name.clone()),
            step.name.clone(),
            step.minutes.map_or(String::new(), write_number),
            step.wait_point
                .as_ref()
                .map_or(String::new(), |w| write_number(w.expected_minutes)),
            fail.map_or(String::new(), |f| f.what.clone()),
            fail.map_or(String::new(), |f| f.standard.clone()),
            step.evidence.clone(),
            next.join(";"),
            step.column.to_string(),
        ]);
    }
    write_csv(&rows)
}

/// The whole blueprint as JSON (everything; reads back to an equal blueprint).
pub fn to_json(bp: &Blueprint) -> String {
    serde_json::to_string_pretty(bp).unwrap_or_default()
}

/// A blueprint from its JSON export; fields it lacks take their defaults.
pub fn from_json(text: &str) -> Result<Blueprint, serde_json::Error> {
    serde_json::from_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blueprints::domain::model::{
        Benchmark, ElementKind, Measure, Moment, ServiceElement, ServiceValue, StepKind, Version,
    };
    use Lane::*;

    fn cells(imported: &ImportedSteps) -> Vec<(StepId, Lane, u32, &str)> {
        imported
            .steps
            .iter()
            .map(|s| (s.id, s.lane, s.column, s.name.as_str()))
            .collect()
    }

    #[test]
    fn rows_are_placed_in_file_order_a_column_written_top_to_bottom() {
        let text = "id,lane,phase,name,minutes,wait_minutes,fail_point,standard,evidence,next\n\
            a,customer,到达,Arrive,2,,,,Sign,b\n\
            b,onstage,到达,Greet,1,5,Not greeted,Within 30 s,,c\n\
            c,customer,到达,Check in,3,,,,,\n\
            d,有形展示,入住,Key card,,,,,,\n\
            e,支持过程,入住,PMS,,,,,,c\n";
        let imported = import_steps(text).unwrap();
        assert_eq!(
            cells(&imported),
            [
                (1, Customer, 0, "Arrive"),
                (2, Onstage, 0, "Greet"),
                (3, Customer, 1, "Check in"),
                (4, Evidence, 2, "Key card"),
                (5, Support, 2, "PMS"),
            ]
        );
        assert_eq!(
            imported.connectors,
            [
                Connector::new(1, 2),
                Connector::new(2, 3),
                Connector::new(5, 3)
            ]
        );
        assert_eq!(
            imported.phases,
            [
                Phase {
                    name: "到达".into(),
                    from: 0,
                    to: 1
                },
                Phase {
                    name: "入住".into(),
                    from: 2,
                    to: 2
                },
            ]
        );
        let greet = &imported.steps[1];
        assert_eq!(greet.minutes, Some(1.0));
        assert_eq!(greet.wait_minutes(), 5.0);
        let fail = greet.fail_point.as_ref().unwrap();
        assert_eq!(
            (fail.what.as_str(), fail.standard.as_str()),
            ("Not greeted", "Within 30 s")
        );
        assert_eq!(imported.steps[0].evidence, "Sign");
    }

    #[test]
    fn chinese_headers_numeric_ids_and_explicit_columns_are_read() {
        let text = "编号,泳道,名称,用时,下一步,列\n7,顾客行为,到店,1.5,3,4\n3,前台员工行为,迎宾,\"2,5\",,4\n,backstage,备餐,,7,\n";
        let imported = import_steps(text).unwrap();
        assert_eq!(
            cells(&imported),
            [
                (7, Customer, 4, "到店"),
                (3, Onstage, 4, "迎宾"),
                (8, Backstage, 4, "备餐")
            ]
        );
        assert_eq!(imported.steps[1].minutes, Some(2.5));
        assert_eq!(
            imported.connectors,
            [Connector::new(7, 3), Connector::new(8, 7)]
        );
    }

    #[test]
    fn every_row_problem_is_reported_and_nothing_imported() {
        use StepField as F;
        use StepProblem::*;
        // (csv, (row, field, problem, cell) errors)
        type Case = (
            &'static str,
            &'static [(usize, StepField, StepProblem, &'static str)],
        );
        let cases: &[Case] = &[
            (
                "id,lane,name,minutes,wait_minutes,next,column\n\
                 s1,customer,A,x,,s9,\n\
                 s1,kitchen,B,,-2,,\n\
                 s3,onstage,C,,,s1;s1;s3,0\n\
                 s4,onstage,D,,,,0\n\
                 s5,backstage,E,,,,1.5\n",
                &[
                    (2, F::Minutes, BadNumber, "x"),
                    (2, F::Next, UnknownNext, "s9"),
                    (3, F::Lane, UnknownLane, "kitchen"),
                    (3, F::WaitMinutes, BadNumber, "-2"),
                    (3, F::Id, DuplicateId, "s1"),
                    (4, F::Next, NextIsItself, "s1;s1;s3"),
                    (5, F::Column, CellTaken, "0"),
                    (6, F::Column, BadNumber, "1.5"),
                ],
            ),
            ("lane,name\n,A\n", &[(2, F::Lane, UnknownLane, "")]),
            (
                "id,lane\na,customer\na,onstage\n",
                &[(3, F::Id, DuplicateId, "a")],
            ),
            (
                "id,lane\n3,customer\n03,onstage\n",
                &[(3, F::Id, DuplicateId, "03")],
            ),
        ];
        for (text, expected) in cases {
            let Err(StepsCsvError::Rows(errors)) = import_steps(text) else {
                panic!("{text}: imported");
            };
            let got: Vec<_> = errors
                .iter()
                .map(|e| (e.row, e.field, e.problem, e.value.as_str()))
                .collect();
            assert_eq!(got, *expected, "{text}");
        }
    }

    #[test]
    fn row_problems_read_as_sentences_in_both_languages() {
        let cases = [
            (
                StepField::Minutes,
                StepProblem::BadNumber,
                "x",
                "Minutes: “x” is not a number of 0 or more.",
                "用时（分钟）：“x”不是大于或等于 0 的数字。",
            ),
            (
                StepField::Next,
                StepProblem::UnknownNext,
                "s9",
                "Next: “s9” names an id that no row has.",
                "下一步：“s9”中有不存在的编号。",
            ),
        ];
        for (field, problem, value, en, zh) in cases {
            assert_eq!(problem_text(field, problem, value, Lang::En), en);
            assert_eq!(problem_text(field, problem, value, Lang::Zh), zh);
        }
        let target = StepsImport::new(&[], &ColumnMapping::default());
        assert_eq!(target.label(StepField::Lane, Lang::Zh), "泳道");
    }

    #[test]
    fn a_mapping_the_user_changed_is_honoured() {
        let table = parse_csv("a,b\n顾客行为,到店\n").unwrap();
        assert_eq!(
            import_table(&table, &suggest_mapping(FIELDS, &table[0])),
            Err(StepsCsvError::NoLaneColumn)
        );
        let mut mapping = ColumnMapping::default();
        mapping.choose(0, Some(StepField::Lane));
        mapping.choose(1, Some(StepField::Name));
        let imported = import_table(&table, &mapping).unwrap();
        assert_eq!(cells(&imported), [(1, Customer, 0, "到店")]);
    }

    #[test]
    fn files_that_are_not_steps_are_refused_whole() {
        assert_eq!(import_steps(""), Err(StepsCsvError::Empty));
        assert_eq!(import_steps("id,lane\n"), Err(StepsCsvError::Empty));
        assert_eq!(
            import_steps("id,name\n1,x\n"),
            Err(StepsCsvError::NoLaneColumn)
        );
        assert!(matches!(
            import_steps("lane\n\"open"),
            Err(StepsCsvError::Csv(_))
        ));
    }

    #[test]
    fn an_import_replaces_the_steps_and_drops_ties_to_gone_ones() {
        let mut bp = Blueprint::new(3, "keep me");
        bp.steps.push(Step::new(40, Support, 0, "old"));
        bp.elements.push(ServiceElement {
            kind: ElementKind::Warranty,
            present: true,
            step: Some(40),
            note: String::new(),
        });
        bp.benchmarks.push(Benchmark {
            step: 40,
            ..Benchmark::default()
        });
        import_steps("lane,name\ncustomer,new\n")
            .unwrap()
            .apply_to(&mut bp);
        assert_eq!(bp.name, "keep me");
        assert_eq!(bp.steps.len(), 1);
        assert_eq!(bp.elements[0].step, None);
        assert!(bp.benchmarks.is_empty());
    }

    /// A blueprint using every field, for the JSON round trip.
    fn full() -> Blueprint {
        let mut bp = Blueprint::new(12, "酒店入住 Hotel stay");
        bp.scenario = "周末入住".into();
        bp.persona = "商务旅客".into();
        bp.version = Version::ToBe;
        bp.based_on = Some(11);
        bp.illustrative_times = true;
        bp.phases.push(Phase {
            name: "到达".into(),
            from: 0,
            to: 1,
        });
        let mut step = Step::new(1, Customer, 0, "到达 \"quoted\", commas\nnewline");
        step.description = "d".into();
        step.minutes = Some(2.5);
        step.tolerance = Some(0.1);
        step.kind = StepKind::Decision;
        step.fail_point = Some(FailPoint {
            what: "w".into(),
            likelihood: 4,
            impact: 2,
            standard: "s".into(),
            recovery: "r".into(),
            owner: "o".into(),
        });
        step.wait_point = Some(WaitPoint {
            expected_minutes: 7.25,
            worst_minutes: Some(30.0),
            when: Moment::Before,
            occupied: true,
            anxious: true,
            known_duration: true,
            explained: true,
            fair: false,
            alone: true,
            comfortable: false,
            familiar: false,
            value: ServiceValue::High,
        });
        step.evidence = "=SUM(A1)".into();
        step.evidence_step = Some(2);
        bp.steps.push(step);
        bp.steps.push(Step::new(2, Evidence, 0, "Lobby"));
        bp.connectors.push(Connector {
            from: 1,
            to: 2,
            both_ways: true,
            label: "是".into(),
        });
        bp.elements.push(ServiceElement {
            kind: ElementKind::Other {
                name: "会员".into(),
                moment: Moment::After,
            },
            present: false,
            step: Some(1),
            note: "n".into(),
        });
        bp.benchmarks.push(Benchmark {
            step: 1,
            measure: Measure::Score,
            competitor: "X".into(),
            theirs: 4.2,
            ours: Some(3.9),
        });
        bp
    }

    #[test]
    fn json_round_trips_every_field_exactly() {
        let bp = full();
        assert_eq!(from_json(&to_json(&bp)).unwrap(), bp);
        assert!(from_json("{").is_err());
    }

    #[test]
    fn an_export_reads_back_to_the_same_steps() {
        let mut bp = full();
        // What a CSV holds of the full blueprint.
        for step in &mut bp.steps {
            step.description.clear();
            step.tolerance = None;
            step.kind = StepKind::Action;
            step.evidence_step = None;
            if let Some(f) = &mut step.fail_point {
                *f = FailPoint {
                    what: f.what.clone(),
                    standard: f.standard.clone(),
                    ..FailPoint::default()
                };
            }
            if let Some(w) = &mut step.wait_point {
                *w = WaitPoint {
                    expected_minutes: w.expected_minutes,
                    ..WaitPoint::default()
                };
            }
        }
        bp.connectors = vec![Connector::new(1, 2)];
        bp.phases[0].to = 0;
        let imported = import_steps(&export_steps(&bp)).unwrap();
        let mut steps = imported.steps.clone();
        steps.sort_by_key(|s| s.id);
        assert_eq!(steps, bp.steps);
        assert_eq!(imported.connectors, bp.connectors);
        assert_eq!(imported.phases, bp.phases);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            prop_oneof!["[a-z ,;\"=+@\\-]{0,8}", "[入住前台顾客、；]{0,4}",]
                // Cells are trimmed on import.
                .prop_map(|s| s.trim().to_owned())
        }

        /// (lane, column, name, minutes × 4, wait × 10, fail point, evidence).
        type Raw = (
            Lane,
            u32,
            String,
            Option<u32>,
            Option<u32>,
            Option<(String, String)>,
            String,
        );

        fn step() -> impl Strategy<Value = Raw> {
            (
                (0..5usize).prop_map(|i| Lane::from_index(i).unwrap()),
                0..6u32,
                text(),
                prop::option::of(0..2000u32),
                prop::option::of(0..2000u32),
                prop::option::of(("[a-z]{1,5}", text())),
                text(),
            )
        }

        proptest! {
            #[test]
            fn any_blueprint_exports_and_imports_to_its_steps(
                raw in prop::collection::vec(step(), 0..12),
                arrows in prop::collection::vec((0..12usize, 0..12usize), 0..12),
            ) {
                let mut bp = Blueprint::new(1, "p");
                let mut used = BTreeSet::new();
                for (lane, column, name, minutes, wait, fail, evidence) in raw {
                    if !used.insert((lane, column)) {
                        continue;
                    }
                    let id = bp.next_step_id();
                    bp.steps.push(Step {
                        minutes: minutes.map(|m| f64::from(m) / 4.0),
                        wait_point: wait.map(|m| WaitPoint { expected_minutes: f64::from(m) / 10.0, ..WaitPoint::default() }),
                        fail_point: fail.map(|(what, standard)| FailPoint { what, standard, ..FailPoint::default() }),
                        evidence,
                        ..Step::new(id, lane, column, &name)
                    });
                }
                prop_assume!(!bp.steps.is_empty());
                let n = bp.steps.len();
                for (a, b) in arrows {
                    let c = Connector::new(bp.steps[a % n].id, bp.steps[b % n].id);
                    if c.from != c.to && !bp.connectors.contains(&c) {
                        bp.connectors.push(c);
                    }
                }
                let imported = import_steps(&export_steps(&bp)).unwrap();
                let mut steps = imported.steps.clone();
                steps.sort_by_key(|s| s.id);
                prop_assert_eq!(&steps, &bp.steps);
                let got: BTreeSet<(StepId, StepId)> = imported.connectors.iter().map(|c| (c.from, c.to)).collect();
                let want: BTreeSet<(StepId, StepId)> = bp.connectors.iter().map(|c| (c.from, c.to)).collect();
                prop_assert_eq!(got, want);
            }

            #[test]
            fn any_blueprint_round_trips_through_json(
                name in any::<String>(),
                minutes in prop::collection::vec(prop::option::of(0..100_000u32), 0..8),
                likelihood in 0..=255u8,
            ) {
                let mut bp = full();
                bp.name = name;
                for (i, m) in minutes.iter().enumerate() {
                    let mut step = Step::new(10 + i as StepId, Support, i as u32 + 3, "x");
                    step.minutes = m.map(|m| f64::from(m) / 100.0);
                    step.fail_point = Some(FailPoint { likelihood, ..FailPoint::default() });
                    bp.steps.push(step);
                }
                prop_assert_eq!(from_json(&to_json(&bp)).unwrap(), bp);
            }
        }
    }
}
