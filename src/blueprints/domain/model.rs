//! Blueprint types as plain data: the fixed lanes and the three lines between them, steps in
//! lane × column cells (with fail, wait and decision marks), connectors, the service elements
//! around the transaction and the competitor's figures (Shostack 1984; Bitner, Ostrom &
//! Morgan 2008).
//!
//! A cell holds at most one step; the editing operations keep it so. A decision's branches
//! are the connectors that leave it, each named by the connector's label, so a branch can
//! never point somewhere the drawing does not show.

use serde::{Deserialize, Serialize};

use super::words::BlueprintTerm;
use crate::working::Name;

/// A step's id, unique within its blueprint.
pub type StepId = u32;

/// The five lanes, top to bottom.
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Lane {
    Evidence,
    #[default]
    Customer,
    Onstage,
    Backstage,
    Support,
}

impl Lane {
    /// Top to bottom.
    pub const ALL: [Lane; 5] = [
        Lane::Evidence,
        Lane::Customer,
        Lane::Onstage,
        Lane::Backstage,
        Lane::Support,
    ];

    /// 0 for the top lane.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(index: usize) -> Option<Lane> {
        Lane::ALL.get(index).copied()
    }

    /// The stable id the CSV and the JSON use.
    pub fn key(self) -> &'static str {
        match self {
            Lane::Evidence => "evidence",
            Lane::Customer => "customer",
            Lane::Onstage => "onstage",
            Lane::Backstage => "backstage",
            Lane::Support => "support",
        }
    }

    pub fn term(self) -> BlueprintTerm {
        match self {
            Lane::Evidence => BlueprintTerm::LaneEvidence,
            Lane::Customer => BlueprintTerm::LaneCustomer,
            Lane::Onstage => BlueprintTerm::LaneOnstage,
            Lane::Backstage => BlueprintTerm::LaneBackstage,
            Lane::Support => BlueprintTerm::LaneSupport,
        }
    }

    /// The lane's name in both languages (有形展示, 顾客行为, …).
    pub fn name(self) -> Name {
        Name::of(self.term())
    }

    /// A lane by its key, its Chinese name or its English name, as a spreadsheet may
    /// write it.
    pub fn parse(text: &str) -> Option<Lane> {
        let text = text.trim();
        Lane::ALL.into_iter().find(|lane| {
            lane.key().eq_ignore_ascii_case(text)
                || lane.name().zh == text
                || lane.name().en.eq_ignore_ascii_case(text)
        })
    }
}

/// The three lines drawn between the lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Line {
    /// Between customer actions and onstage actions: crossing it is a service encounter.
    Interaction,
    /// Between onstage and backstage: what the customer sees and does not see.
    Visibility,
    /// Between backstage and support processes.
    InternalInteraction,
}

impl Line {
    pub const ALL: [Line; 3] = [
        Line::Interaction,
        Line::Visibility,
        Line::InternalInteraction,
    ];

    /// The lane above the line and the lane below it.
    pub fn between(self) -> (Lane, Lane) {
        match self {
            Line::Interaction => (Lane::Customer, Lane::Onstage),
            Line::Visibility => (Lane::Onstage, Lane::Backstage),
            Line::InternalInteraction => (Lane::Backstage, Lane::Support),
        }
    }

    pub fn term(self) -> BlueprintTerm {
        match self {
            Line::Interaction => BlueprintTerm::LineInteraction,
            Line::Visibility => BlueprintTerm::LineVisibility,
            Line::InternalInteraction => BlueprintTerm::LineInternal,
        }
    }

    pub fn name(self) -> Name {
        Name::of(self.term())
    }
}

/// Whether a blueprint draws the service as it is or as it should become.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Version {
    #[default]
    AsIs,
    ToBe,
}

impl Version {
    pub fn term(self) -> BlueprintTerm {
        match self {
            Version::AsIs => BlueprintTerm::AsIs,
            Version::ToBe => BlueprintTerm::ToBe,
        }
    }
}

/// Before, during or after the service (for waits and service elements).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Moment {
    Before,
    #[default]
    During,
    After,
}

impl Moment {
    pub const ALL: [Moment; 3] = [Moment::Before, Moment::During, Moment::After];

    pub fn term(self) -> BlueprintTerm {
        match self {
            Moment::Before => BlueprintTerm::Before,
            Moment::During => BlueprintTerm::During,
            Moment::After => BlueprintTerm::After,
        }
    }
}

/// Named consecutive columns (e.g. "Arrival" over columns 0–2).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default)]
pub struct Phase {
    pub name: String,
    /// First column, inclusive.
    pub from: u32,
    /// Last column, inclusive.
    pub to: u32,
}

impl Phase {
    pub fn contains(&self, column: u32) -> bool {
        (self.from..=self.to).contains(&column)
    }
}

/// An action, or a decision whose outgoing connectors are its labelled branches.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    #[default]
    Action,
    /// Drawn as a diamond; each outgoing connector is a branch named by its label.
    Decision,
}

/// What can go wrong at a step, and what the firm does about it (the seeds' steps 2 and 3).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct FailPoint {
    pub what: String,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// 1 (hardly noticed) to 5 (the customer is lost).
    pub impact: u8,
    /// The execution standard that prevents it; empty when none is set yet.
    pub standard: String,
    /// What is done when it happens anyway; empty when there is no plan yet.
    pub recovery: String,
    pub owner: String,
}

impl Default for FailPoint {
    fn default() -> FailPoint {
        FailPoint {
            what: String::new(),
            likelihood: 3,
            impact: 3,
            standard: String::new(),
            recovery: String::new(),
            owner: String::new(),
        }
    }
}

/// How valuable the service is to the customer waiting for it (Maister: the more valuable,
/// the longer people will wait).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ServiceValue {
    Low,
    #[default]
    Medium,
    High,
}

/// Where the customer waits, and the facts Maister's principles ask about. The defaults
/// describe the common bare wait: unoccupied, unexplained, of unknown length.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct WaitPoint {
    pub expected_minutes: f64,
    /// The longest wait that happens; `None` when not known.
    pub worst_minutes: Option<f64>,
    pub when: Moment,
    /// The customer has something to do or watch.
    pub occupied: bool,
    /// The customer is worried (about being forgotten, about the outcome).
    pub anxious: bool,
    /// The customer knows how long it will take.
    pub known_duration: bool,
    /// The customer is told why there is a wait.
    pub explained: bool,
    /// Customers are served in a fair, visible order.
    pub fair: bool,
    /// The customer waits alone rather than in company.
    pub alone: bool,
    pub comfortable: bool,
    /// The customer has waited here before and knows what happens.
    pub familiar: bool,
    pub value: ServiceValue,
}

impl Default for WaitPoint {
    fn default() -> WaitPoint {
        WaitPoint {
            expected_minutes: 0.0,
            worst_minutes: None,
            when: Moment::During,
            occupied: false,
            anxious: false,
            known_duration: false,
            explained: false,
            fair: true,
            alone: false,
            comfortable: true,
            familiar: true,
            value: ServiceValue::Medium,
        }
    }
}

/// One step in a lane cell.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default)]
pub struct Step {
    pub id: StepId,
    pub lane: Lane,
    /// Time runs left to right; 0 is the first column.
    pub column: u32,
    /// Free text in any language.
    pub name: String,
    pub description: String,
    /// Standard time (Shostack's time frame); `None` when not set yet.
    pub minutes: Option<f64>,
    /// How far the time may stray from the standard before the step counts as failed.
    pub tolerance: Option<f64>,
    pub kind: StepKind,
    pub fail_point: Option<FailPoint>,
    pub wait_point: Option<WaitPoint>,
    /// What the customer sees or touches here (evidence steps name it; others may too).
    pub evidence: String,
    /// The evidence step this step is tied to.
    pub evidence_step: Option<StepId>,
    /// The survey item whose result colours this step (a touchpoint's survey question).
    pub survey: Option<SurveyTie>,
    /// Complaint categories (their keys, as the customers' timelines store them) whose
    /// complaints are counted at this step.
    pub complaints: Vec<String>,
}

/// A step tied to a survey item (its result is read in `ties`): the survey's id and the item's code (a question code, or
/// a dual-scale row's code; they share one namespace).
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct SurveyTie {
    pub survey: u64,
    pub item: String,
}

impl Step {
    pub fn new(id: StepId, lane: Lane, column: u32, name: &str) -> Step {
        Step {
            id,
            lane,
            column,
            name: name.to_owned(),
            ..Step::default()
        }
    }

    /// The standard time plus the expected wait, as the customer lives it.
    pub fn total_minutes(&self) -> f64 {
        self.minutes.unwrap_or(0.0) + self.wait_minutes()
    }

    pub fn wait_minutes(&self) -> f64 {
        self.wait_point.as_ref().map_or(0.0, |w| w.expected_minutes)
    }

    pub fn cell(&self) -> (Lane, u32) {
        (self.lane, self.column)
    }
}

/// An arrow between two steps; `label` names a decision's branch.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct Connector {
    pub from: StepId,
    pub to: StepId,
    pub both_ways: bool,
    pub label: String,
}

impl Connector {
    pub fn new(from: StepId, to: StepId) -> Connector {
        Connector {
            from,
            to,
            ..Connector::default()
        }
    }
}

/// The service elements before, during and after a transaction (交易前、中、后要素).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    WrittenPolicy,
    PolicyGivenToCustomers,
    Organisation,
    SystemFlexibility,
    ManagementServices,
    StockOutLevel,
    OrderInformation,
    SystemAccuracy,
    OrderCycle,
    SpecialShipping,
    Transshipment,
    OrderingConvenience,
    ProductSubstitution,
    Installation,
    Warranty,
    RepairAndParts,
    ProductTracking,
    ComplaintsClaimsReturns,
    TemporaryReplacement,
    /// Any other element, named by the user.
    Other {
        name: String,
        moment: Moment,
    },
}

impl ElementKind {
    /// Every named element, in the order concepts.md lists them.
    pub const LISTED: [ElementKind; 19] = [
        ElementKind::WrittenPolicy,
        ElementKind::PolicyGivenToCustomers,
        ElementKind::Organisation,
        ElementKind::SystemFlexibility,
        ElementKind::ManagementServices,
        ElementKind::StockOutLevel,
        ElementKind::OrderInformation,
        ElementKind::SystemAccuracy,
        ElementKind::OrderCycle,
        ElementKind::SpecialShipping,
        ElementKind::Transshipment,
        ElementKind::OrderingConvenience,
        ElementKind::ProductSubstitution,
        ElementKind::Installation,
        ElementKind::Warranty,
        ElementKind::RepairAndParts,
        ElementKind::ProductTracking,
        ElementKind::ComplaintsClaimsReturns,
        ElementKind::TemporaryReplacement,
    ];

    /// The element's name in both languages; `None` for [`ElementKind::Other`], which has
    /// the user's own.
    pub fn term(&self) -> Option<BlueprintTerm> {
        use BlueprintTerm as B;
        use ElementKind::*;
        Some(match self {
            WrittenPolicy => B::ElementWrittenPolicy,
            PolicyGivenToCustomers => B::ElementPolicyGiven,
            Organisation => B::ElementOrganisation,
            SystemFlexibility => B::ElementSystemFlexibility,
            ManagementServices => B::ElementManagementServices,
            StockOutLevel => B::ElementStockOutLevel,
            OrderInformation => B::ElementOrderInformation,
            SystemAccuracy => B::ElementSystemAccuracy,
            OrderCycle => B::ElementOrderCycle,
            SpecialShipping => B::ElementSpecialShipping,
            Transshipment => B::ElementTransshipment,
            OrderingConvenience => B::ElementOrderingConvenience,
            ProductSubstitution => B::ElementProductSubstitution,
            Installation => B::ElementInstallation,
            Warranty => B::ElementWarranty,
            RepairAndParts => B::ElementRepairAndParts,
            ProductTracking => B::ElementProductTracking,
            ComplaintsClaimsReturns => B::ElementComplaints,
            TemporaryReplacement => B::ElementTemporaryReplacement,
            Other { .. } => return None,
        })
    }

    /// Before, during or after the transaction.
    pub fn moment(&self) -> Moment {
        use ElementKind::*;
        match self {
            WrittenPolicy
            | PolicyGivenToCustomers
            | Organisation
            | SystemFlexibility
            | ManagementServices => Moment::Before,
            StockOutLevel | OrderInformation | SystemAccuracy | OrderCycle | SpecialShipping
            | Transshipment | OrderingConvenience | ProductSubstitution => Moment::During,
            Installation
            | Warranty
            | RepairAndParts
            | ProductTracking
            | ComplaintsClaimsReturns
            | TemporaryReplacement => Moment::After,
            Other { moment, .. } => *moment,
        }
    }
}

/// One service element and whether the service has it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ServiceElement {
    pub kind: ElementKind,
    pub present: bool,
    /// The step where it shows, if any.
    #[serde(default)]
    pub step: Option<StepId>,
    #[serde(default)]
    pub note: String,
}

/// What a competitor's figure measures.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The step's standard time in minutes; lower is better.
    #[default]
    Time,
    /// The step's expected wait in minutes; lower is better.
    Wait,
    /// A score (e.g. a satisfaction mean); higher is better; ours is given beside it.
    Score,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Time, Measure::Wait, Measure::Score];

    pub fn term(self) -> BlueprintTerm {
        match self {
            Measure::Time => BlueprintTerm::MeasureTime,
            Measure::Wait => BlueprintTerm::MeasureWait,
            Measure::Score => BlueprintTerm::MeasureScore,
        }
    }
}

/// A competitor's figure for one step (标准跟进).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default)]
pub struct Benchmark {
    pub step: StepId,
    pub measure: Measure,
    pub competitor: String,
    pub theirs: f64,
    /// Our score, for [`Measure::Score`]; time and wait are read from the step.
    pub ours: Option<f64>,
}

/// A service blueprint.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default)]
pub struct Blueprint {
    pub id: u64,
    pub name: String,
    pub scenario: String,
    /// The customer whose path is drawn.
    pub persona: String,
    pub version: Version,
    /// The blueprint this to-be version was duplicated from.
    pub based_on: Option<u64>,
    /// The times are illustrative (as in the samples), not measured.
    pub illustrative_times: bool,
    pub phases: Vec<Phase>,
    pub steps: Vec<Step>,
    pub connectors: Vec<Connector>,
    pub elements: Vec<ServiceElement>,
    pub benchmarks: Vec<Benchmark>,
}

impl Blueprint {
    pub fn new(id: u64, name: &str) -> Blueprint {
        Blueprint {
            id,
            name: name.to_owned(),
            ..Blueprint::default()
        }
    }

    pub fn step(&self, id: StepId) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn step_mut(&mut self, id: StepId) -> Option<&mut Step> {
        self.steps.iter_mut().find(|s| s.id == id)
    }

    /// The step in a cell.
    pub fn step_at(&self, lane: Lane, column: u32) -> Option<&Step> {
        self.steps
            .iter()
            .find(|s| s.lane == lane && s.column == column)
    }

    /// An id no step has yet.
    pub fn next_step_id(&self) -> StepId {
        self.steps.iter().map(|s| s.id).max().map_or(1, |m| m + 1)
    }

    /// One past the last column with a step (0 when empty).
    pub fn columns(&self) -> u32 {
        self.steps.iter().map(|s| s.column + 1).max().unwrap_or(0)
    }

    /// The phase a column belongs to.
    pub fn phase_of(&self, column: u32) -> Option<&Phase> {
        self.phases.iter().find(|p| p.contains(column))
    }

    /// The steps a step leads to, in connector order.
    pub fn next_of(&self, id: StepId) -> Vec<StepId> {
        self.connectors
            .iter()
            .filter(|c| c.from == id)
            .map(|c| c.to)
            .collect()
    }

    /// A decision's branches: (label, step it leads to).
    pub fn branches(&self, id: StepId) -> Vec<(&str, StepId)> {
        self.connectors
            .iter()
            .filter(|c| c.from == id)
            .map(|c| (c.label.as_str(), c.to))
            .collect()
    }

    /// The table view: one row per lane (top to bottom), one cell per column.
    pub fn grid(&self) -> Vec<Vec<Option<StepId>>> {
        let mut grid = vec![vec![None; self.columns() as usize]; Lane::ALL.len()];
        for step in &self.steps {
            grid[step.lane.index()][step.column as usize] = Some(step.id);
        }
        grid
    }

    /// The steps ordered as they are read: by column, then lane top to bottom.
    pub fn steps_in_order(&self) -> Vec<&Step> {
        let mut steps: Vec<&Step> = self.steps.iter().collect();
        steps.sort_by_key(|s| (s.column, s.lane, s.id));
        steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_run_top_to_bottom_and_parse_by_key_or_chinese_name() {
        let cases = [
            ("evidence", Some(Lane::Evidence)),
            (" Customer ", Some(Lane::Customer)),
            ("有形展示", Some(Lane::Evidence)),
            ("顾客行为", Some(Lane::Customer)),
            ("前台员工行为", Some(Lane::Onstage)),
            ("后台员工行为", Some(Lane::Backstage)),
            ("支持过程", Some(Lane::Support)),
            ("physical evidence", Some(Lane::Evidence)),
            ("kitchen", None),
            ("", None),
        ];
        for (text, lane) in cases {
            assert_eq!(Lane::parse(text), lane, "{text}");
        }
        for (i, lane) in Lane::ALL.into_iter().enumerate() {
            assert_eq!(lane.index(), i);
            assert_eq!(Lane::from_index(i), Some(lane));
        }
        assert_eq!(Lane::from_index(5), None);
    }

    #[test]
    fn each_line_lies_between_neighbouring_lanes() {
        for line in Line::ALL {
            let (above, below) = line.between();
            assert_eq!(above.index() + 1, below.index(), "{line:?}");
        }
        assert_eq!(Line::Interaction.name().zh, "外部互动线");
    }

    #[test]
    fn service_elements_sit_before_during_or_after() {
        let count = |m| {
            ElementKind::LISTED
                .iter()
                .filter(|k| k.moment() == m)
                .count()
        };
        assert_eq!(
            (
                count(Moment::Before),
                count(Moment::During),
                count(Moment::After)
            ),
            (5, 8, 6)
        );
    }

    #[test]
    fn a_blueprint_finds_steps_by_cell_and_gives_fresh_ids() {
        let mut bp = Blueprint::new(1, "b");
        assert_eq!(bp.next_step_id(), 1);
        assert_eq!(bp.columns(), 0);
        bp.steps.push(Step::new(4, Lane::Onstage, 2, "greet"));
        bp.steps.push(Step::new(2, Lane::Customer, 2, "arrive"));
        assert_eq!(bp.next_step_id(), 5);
        assert_eq!(bp.columns(), 3);
        assert_eq!(bp.step_at(Lane::Onstage, 2).map(|s| s.id), Some(4));
        assert_eq!(bp.step_at(Lane::Onstage, 1), None);
        let order: Vec<StepId> = bp.steps_in_order().iter().map(|s| s.id).collect();
        assert_eq!(order, [2, 4]);
        let grid = bp.grid();
        assert_eq!(grid.len(), 5);
        assert_eq!(grid[Lane::Customer.index()], [None, None, Some(2)]);
        assert_eq!(grid[Lane::Onstage.index()], [None, None, Some(4)]);
    }

    #[test]
    fn missing_fields_read_as_defaults() {
        let step: Step = serde_json::from_str(r#"{"id":3,"lane":"support"}"#).unwrap();
        assert_eq!(step.lane, Lane::Support);
        assert_eq!(step.minutes, None);
        let bp: Blueprint = serde_json::from_str(r#"{"name":"x"}"#).unwrap();
        assert_eq!(bp.version, Version::AsIs);
        assert!(bp.steps.is_empty());
    }
}
