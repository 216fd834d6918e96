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
//! is row 1); when there is any, nothing is imported.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{Blueprint, Connector, FailPoint, Lane, Phase, Step, StepId, WaitPoint};
use crate::tabular::csv::{parse_csv, write_csv, CsvError};
use crate::tabular::import::{suggest_mapping, ImportField};

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

const fn field(
    field: StepField,
    key: &'static str,
    synonyms: &'static [&'static str],
) -> ImportField<StepField> {
    ImportField {
        field,
        key,
        required: false,
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

/// What is wrong with one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvProblem {
    /// Not one of the five lane keys nor their Chinese names (empty included).
    UnknownLane(String),
    /// Not a number of minutes (or columns) of 0 or more.
    BadNumber { field: StepField, value: String },
    /// An id in `next` that no row has.
    UnknownNext(String),
    /// A step that leads to itself.
    NextIsItself(String),
    /// An id an earlier row has already.
    DuplicateId(String),
    /// Another row is already in this lane and column.
    CellTaken { lane: Lane, column: u32 },
}

/// A problem and the row it is in (the header is row 1, as in a spreadsheet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRowError {
    pub row: usize,
    pub problem: CsvProblem,
}

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
    Rows(Vec<CsvRowError>),
}

/// What an import would put in the blueprint, shown before the user confirms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportedSteps {
    pub steps: Vec<Step>,
    pub connectors: Vec<Connector>,
    pub phases: Vec<Phase>,
}

impl ImportedSteps {
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

/// A number as the export writes it: as short as it goes ("2.5", "10").
fn write_number(value: f64) -> String {
    value.to_string()
}

/// One data row as read, before ids and columns are settled.
struct Read {
    row: usize,
    id: String,
    lane: Lane,
    phase: String,
    column: Option<u32>,
    next: Vec<String>,
    step: Step,
}

/// Reads a steps CSV. Nothing is returned but the problems when there is any.
pub fn import_steps(text: &str) -> Result<ImportedSteps, StepsCsvError> {
    let table = parse_csv(text).map_err(StepsCsvError::Csv)?;
    let Some(header) = table.first() else {
        return Err(StepsCsvError::Empty);
    };
    let mapping = suggest_mapping(FIELDS, header);
    if !mapping.columns.contains(&Some(StepField::Lane)) {
        return Err(StepsCsvError::NoLaneColumn);
    }
    let cell = |cells: &[String], field: StepField| -> String {
        mapping
            .columns
            .iter()
            .position(|f| *f == Some(field))
            .and_then(|i| cells.get(i))
            .map_or(String::new(), |c| c.trim().to_owned())
    };
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for (index, cells) in table.iter().enumerate().skip(1) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = index + 1;
        let mut problems = Vec::new();
        let lane_text = cell(cells, StepField::Lane);
        let lane = Lane::parse(&lane_text);
        if lane.is_none() {
            problems.push(CsvProblem::UnknownLane(lane_text));
        }
        let mut read_number = |field: StepField| {
            let text = cell(cells, field);
            if text.is_empty() {
                return None;
            }
            let value = number(&text);
            if value.is_none() {
                problems.push(CsvProblem::BadNumber { field, value: text });
            }
            value
        };
        let minutes = read_number(StepField::Minutes);
        let wait = read_number(StepField::WaitMinutes);
        let column = read_number(StepField::Column);
        let column = match column {
            Some(c) if c.fract() == 0.0 && c <= f64::from(u32::MAX) => Some(c as u32),
            Some(_) => {
                problems.push(CsvProblem::BadNumber {
                    field: StepField::Column,
                    value: cell(cells, StepField::Column),
                });
                None
            }
            None => None,
        };
        let what = cell(cells, StepField::FailPoint);
        let standard = cell(cells, StepField::Standard);
        let fail_point = (!what.is_empty() || !standard.is_empty()).then(|| FailPoint {
            what,
            standard,
            ..FailPoint::default()
        });
        let step = Step {
            name: cell(cells, StepField::Name),
            minutes,
            wait_point: wait.map(|m| WaitPoint {
                expected_minutes: m,
                ..WaitPoint::default()
            }),
            fail_point,
            evidence: cell(cells, StepField::Evidence),
            ..Step::default()
        };
        let next = cell(cells, StepField::Next)
            .split([';', '；'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        errors.extend(
            problems
                .into_iter()
                .map(|problem| CsvRowError { row, problem }),
        );
        if let Some(lane) = lane {
            rows.push(Read {
                row,
                id: cell(cells, StepField::Id),
                lane,
                phase: cell(cells, StepField::Phase),
                column,
                next,
                step,
            });
        }
    }
    if rows.is_empty() && errors.is_empty() {
        return Err(StepsCsvError::Empty);
    }

    // Ids: a number is kept; any other id, or none, gets a fresh number.
    let mut seen = BTreeSet::new();
    for read in &rows {
        if !read.id.is_empty() && !seen.insert(read.id.clone()) {
            errors.push(CsvRowError {
                row: read.row,
                problem: CsvProblem::DuplicateId(read.id.clone()),
            });
        }
    }
    let numeric = |id: &str| id.parse::<StepId>().ok().filter(|n| *n > 0);
    let mut fresh = rows
        .iter()
        .filter_map(|r| numeric(&r.id))
        .max()
        .unwrap_or(0)
        + 1;
    let mut ids: BTreeMap<String, StepId> = BTreeMap::new();
    let mut step_ids = Vec::new();
    for read in &rows {
        let id = numeric(&read.id).unwrap_or_else(|| {
            fresh += 1;
            fresh - 1
        });
        if !read.id.is_empty() {
            ids.entry(read.id.clone()).or_insert(id);
        }
        step_ids.push(id);
    }

    // Columns in file order.
    let mut columns = Vec::new();
    let mut previous: Option<(u32, Lane, &str)> = None;
    for read in &rows {
        let column = read.column.unwrap_or(match previous {
            None => 0,
            Some((c, lane, phase)) if read.lane > lane && read.phase == phase => c,
            Some((c, _, _)) => c + 1,
        });
        previous = Some((column, read.lane, &read.phase));
        columns.push(column);
    }
    let mut cells = BTreeSet::new();
    for (read, &column) in rows.iter().zip(&columns) {
        if !cells.insert((read.lane, column)) {
            errors.push(CsvRowError {
                row: read.row,
                problem: CsvProblem::CellTaken {
                    lane: read.lane,
                    column,
                },
            });
        }
    }

    let mut connectors = Vec::new();
    for (read, &from) in rows.iter().zip(&step_ids) {
        for next in &read.next {
            match ids.get(next) {
                Some(&to) if to == from => errors.push(CsvRowError {
                    row: read.row,
                    problem: CsvProblem::NextIsItself(next.clone()),
                }),
                Some(&to) => {
                    let connector = Connector::new(from, to);
                    if !connectors.contains(&connector) {
                        connectors.push(connector);
                    }
                }
                None => errors.push(CsvRowError {
                    row: read.row,
                    problem: CsvProblem::UnknownNext(next.clone()),
                }),
            }
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.row);
        return Err(StepsCsvError::Rows(errors));
    }

    let mut phase_of_column: BTreeMap<u32, &str> = BTreeMap::new();
    for (read, &column) in rows.iter().zip(&columns) {
        phase_of_column.entry(column).or_insert(&read.phase);
    }
    let mut phases: Vec<Phase> = Vec::new();
    for (&column, &name) in &phase_of_column {
        if name.is_empty() {
            continue;
        }
        match phases.last_mut() {
            Some(last) if last.name == name && last.to + 1 == column => last.to = column,
            _ => phases.push(Phase {
                name: name.to_owned(),
                from: column,
                to: column,
            }),
        }
    }
    let steps = rows
        .into_iter()
        .zip(step_ids)
        .zip(columns)
        .map(|((read, id), column)| Step {
            id,
            lane: read.lane,
            column,
            ..read.step
        })
        .collect();
    Ok(ImportedSteps {
        steps,
        connectors,
        phases,
    })
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
        let text = "id,lane,name,minutes,wait_minutes,next,column\n\
            s1,customer,A,x,,s9,\n\
            s1,kitchen,B,,-2,,\n\
            s3,onstage,C,,,s1;s1;s3,0\n\
            s4,onstage,D,,,,0\n\
            s5,backstage,E,,,,1.5\n";
        use CsvProblem::*;
        let err = import_steps(text).unwrap_err();
        assert_eq!(
            err,
            StepsCsvError::Rows(vec![
                CsvRowError {
                    row: 2,
                    problem: BadNumber {
                        field: StepField::Minutes,
                        value: "x".into()
                    }
                },
                CsvRowError {
                    row: 2,
                    problem: UnknownNext("s9".into())
                },
                CsvRowError {
                    row: 3,
                    problem: UnknownLane("kitchen".into())
                },
                CsvRowError {
                    row: 3,
                    problem: BadNumber {
                        field: StepField::WaitMinutes,
                        value: "-2".into()
                    }
                },
                CsvRowError {
                    row: 4,
                    problem: NextIsItself("s3".into())
                },
                CsvRowError {
                    row: 5,
                    problem: CellTaken {
                        lane: Onstage,
                        column: 0
                    }
                },
                CsvRowError {
                    row: 6,
                    problem: BadNumber {
                        field: StepField::Column,
                        value: "1.5".into()
                    }
                },
            ])
        );
        let dup = "id,lane\na,customer\na,onstage\n";
        assert_eq!(
            import_steps(dup),
            Err(StepsCsvError::Rows(vec![CsvRowError {
                row: 3,
                problem: DuplicateId("a".into())
            }]))
        );
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
