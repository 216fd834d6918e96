//! What a blueprint computes, each figure with its working: the customer's time along the
//! main path and the share of it spent waiting, the longest and shortest paths through
//! the decisions, the fail-point risk table and its gaps, the waiting principles a wait
//! breaks (Maister 1985, extended to ten; concepts.md section 3), the checks a teacher
//! would make, the gap to a competitor's figures, and as-is against to-be.
//!
//! The flow is the connectors, each read from `from` to `to` (a two-way arrow too, so that
//! a conversation drawn both ways is not a loop). Step ids, not names, are what the
//! figures list: the page writes the names beside them.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::geometry::crosses_interaction;
use super::model::{
    Blueprint, ElementKind, Lane, Measure, Moment, ServiceValue, Step, StepId, StepKind, WaitPoint,
};
use super::words::BlueprintTerm;
use crate::i18n::{fill, Lang, Text};
use crate::working::{Name, Quantity, Step as Line, Token, Working};

/// Minutes as the working writes them: at most two decimals, as short as they go.
pub fn minutes(value: f64) -> Quantity {
    Quantity::plain((value * 100.0).round() / 100.0)
}

fn name(term: BlueprintTerm) -> Name {
    Name::of(term)
}

/// "Name = 2 + 5 = 7", or "Name = 7" when there is one part or none.
fn sum(term: BlueprintTerm, parts: Vec<Quantity>, total: Quantity) -> Line {
    Line::Sum {
        name: name(term),
        parts: if parts.len() > 1 { parts } else { Vec::new() },
        total,
    }
}

/// Steps sorted as they are read: column, then lane, then id.
fn reading_order(bp: &Blueprint, ids: impl IntoIterator<Item = StepId>) -> Vec<StepId> {
    let mut steps: Vec<&Step> = ids.into_iter().filter_map(|id| bp.step(id)).collect();
    steps.sort_by_key(|s| (s.column, s.lane, s.id));
    steps.iter().map(|s| s.id).collect()
}

/// Where the main path starts: the leftmost step that leads somewhere and that nothing
/// leads to; failing that, the leftmost step nothing leads to (an unconnected evidence step
/// does not start it while a flow exists), or the leftmost step of all.
pub fn main_start(bp: &Blueprint) -> Option<StepId> {
    let led_to: BTreeSet<StepId> = bp
        .connectors
        .iter()
        .filter(|c| c.from != c.to)
        .map(|c| c.to)
        .collect();
    let leads: BTreeSet<StepId> = bp.connectors.iter().map(|c| c.from).collect();
    let free = reading_order(
        bp,
        bp.steps
            .iter()
            .map(|s| s.id)
            .filter(|id| !led_to.contains(id)),
    );
    free.iter()
        .copied()
        .find(|id| leads.contains(id))
        .or(free.first().copied())
        .or_else(|| {
            reading_order(bp, bp.steps.iter().map(|s| s.id))
                .first()
                .copied()
        })
}

/// The step after `id` on the main path: a decision's first branch; otherwise the earliest
/// step it leads to that the customer sees (above the line of visibility), or the earliest
/// of all when it leads only behind that line. Work behind the line that runs beside the
/// customer's path is felt as a wait, which the blueprint marks as such.
fn main_next(bp: &Blueprint, id: StepId) -> Option<StepId> {
    let next = bp.next_of(id);
    match bp.step(id)?.kind {
        StepKind::Decision => next.into_iter().find(|n| bp.step(*n).is_some()),
        StepKind::Action => {
            let order = reading_order(bp, next);
            let visible = order
                .iter()
                .copied()
                .find(|n| bp.step(*n).is_some_and(|s| s.lane <= Lane::Onstage));
            visible.or(order.first().copied())
        }
    }
}

/// The customer's time along the main path.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerTime {
    pub path: Vec<StepId>,
    pub step_minutes: f64,
    pub wait_minutes: f64,
    pub total_minutes: f64,
    /// With every wait at its worst case (its expected length when none is given).
    pub worst_case_minutes: f64,
    /// Waiting ÷ total; `None` when the total is 0.
    pub waiting_share: Option<f64>,
    /// The longest expected wait anywhere in the blueprint: (step, minutes).
    pub longest_wait: Option<(StepId, f64)>,
    /// Steps on the path with no time (counted as 0).
    pub untimed: Vec<StepId>,
    /// Steps not on the main path (physical evidence aside), in reading order.
    pub off_path: Vec<StepId>,
    /// The path came back to a step it had passed and stopped there.
    pub stopped_at_cycle: bool,
    pub working: Working,
}

/// The total customer time along the main path (step times plus waits), the share spent
/// waiting and the longest wait.
pub fn customer_time(bp: &Blueprint) -> CustomerTime {
    let mut path = Vec::new();
    let mut seen = BTreeSet::new();
    let mut stopped_at_cycle = false;
    let mut at = main_start(bp);
    while let Some(id) = at {
        if !seen.insert(id) {
            stopped_at_cycle = true;
            break;
        }
        path.push(id);
        at = main_next(bp, id);
    }
    let steps: Vec<&Step> = path.iter().filter_map(|id| bp.step(*id)).collect();
    let step_parts: Vec<f64> = steps.iter().map(|s| s.minutes.unwrap_or(0.0)).collect();
    let waits: Vec<&WaitPoint> = steps.iter().filter_map(|s| s.wait_point.as_ref()).collect();
    let wait_parts: Vec<f64> = waits.iter().map(|w| w.expected_minutes).collect();
    let worst_parts: Vec<f64> = waits
        .iter()
        .map(|w| w.worst_minutes.unwrap_or(w.expected_minutes))
        .collect();
    // A float sum of nothing is −0 in Rust; adding 0 makes it the 0 the page writes.
    let step_minutes: f64 = step_parts.iter().sum::<f64>() + 0.0;
    let wait_minutes: f64 = wait_parts.iter().sum::<f64>() + 0.0;
    let worst_wait: f64 = worst_parts.iter().sum::<f64>() + 0.0;
    let total_minutes = step_minutes + wait_minutes;
    let worst_case_minutes = step_minutes + worst_wait;
    let waiting_share = (total_minutes > 0.0).then(|| wait_minutes / total_minutes);
    let longest_wait = bp
        .steps_in_order()
        .into_iter()
        .filter_map(|s| Some((s.id, s.wait_point.as_ref()?.expected_minutes)))
        .fold(None, |best: Option<(StepId, f64)>, (id, m)| match best {
            Some((_, b)) if b >= m => best,
            _ => Some((id, m)),
        });
    let untimed: Vec<StepId> = steps
        .iter()
        .filter(|s| s.minutes.is_none())
        .map(|s| s.id)
        .collect();
    let off_path: Vec<StepId> = bp
        .steps_in_order()
        .into_iter()
        .filter(|s| s.lane != Lane::Evidence)
        .map(|s| s.id)
        .filter(|id| !seen.contains(id))
        .collect();

    let mut lines = Vec::new();
    if bp.steps.is_empty() {
        lines.push(Line::Note(name(BlueprintTerm::NoSteps)));
    } else {
        let qs = |parts: &[f64]| parts.iter().map(|m| minutes(*m)).collect::<Vec<_>>();
        lines.push(Line::Note(name(BlueprintTerm::MainPathRule)));
        lines.push(sum(
            BlueprintTerm::StepMinutes,
            qs(&step_parts),
            minutes(step_minutes),
        ));
        if !untimed.is_empty() {
            lines.push(Line::Note(name(BlueprintTerm::NoTime)));
        }
        lines.push(sum(
            BlueprintTerm::WaitMinutes,
            qs(&wait_parts),
            minutes(wait_minutes),
        ));
        lines.push(Line::Sum {
            name: name(BlueprintTerm::CustomerMinutes),
            parts: vec![minutes(step_minutes), minutes(wait_minutes)],
            total: minutes(total_minutes),
        });
        if worst_wait != wait_minutes {
            lines.push(Line::Sum {
                name: name(BlueprintTerm::WorstCaseMinutes),
                parts: vec![minutes(step_minutes), minutes(worst_wait)],
                total: minutes(worst_case_minutes),
            });
        }
        if let Some(share) = waiting_share {
            lines.push(Line::Share {
                name: name(BlueprintTerm::WaitingShare),
                part: minutes(wait_minutes),
                whole: minutes(total_minutes),
                share: Quantity::percent(share, 1),
            });
        }
        match longest_wait {
            Some((_, m)) => lines.push(Line::Fact {
                name: name(BlueprintTerm::LongestWait),
                value: minutes(m),
            }),
            None => lines.push(Line::Note(name(BlueprintTerm::NoWait))),
        }
        if !off_path.is_empty() {
            lines.push(Line::Fact {
                name: name(BlueprintTerm::OffPath),
                value: Quantity::count(off_path.len()),
            });
        }
        if stopped_at_cycle {
            lines.push(Line::Note(name(BlueprintTerm::StopsAtCycle)));
        }
    }
    CustomerTime {
        path,
        step_minutes,
        wait_minutes,
        total_minutes,
        worst_case_minutes,
        waiting_share,
        longest_wait,
        untimed,
        off_path,
        stopped_at_cycle,
        working: lines.into(),
    }
}

/// One path and its minutes (step times plus waits).
#[derive(Clone, Debug, PartialEq)]
pub struct PathFigure {
    pub steps: Vec<StepId>,
    pub minutes: f64,
}

/// The longest and shortest paths from the main start to an end: a step that leads
/// nowhere and that the customer sees (any step that leads nowhere when none is seen).
#[derive(Clone, Debug, PartialEq)]
pub struct Paths {
    pub longest: PathFigure,
    pub shortest: PathFigure,
    /// How many different paths there are (saturating).
    pub count: u64,
    pub working: Working,
}

/// Why the paths cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathProblem {
    NoSteps,
    /// The arrows go round in a loop through these steps (in arrow order); a path through
    /// it would never end.
    Cycle(Vec<StepId>),
}

/// A loop in the arrows, if any (Kahn's algorithm; what it cannot order contains a loop).
pub fn find_cycle(bp: &Blueprint) -> Option<Vec<StepId>> {
    let ids: BTreeSet<StepId> = bp.steps.iter().map(|s| s.id).collect();
    let edges: Vec<(StepId, StepId)> = bp
        .connectors
        .iter()
        .filter(|c| ids.contains(&c.from) && ids.contains(&c.to))
        .map(|c| (c.from, c.to))
        .collect();
    let mut indegree: BTreeMap<StepId, usize> = ids.iter().map(|id| (*id, 0)).collect();
    for (_, to) in &edges {
        *indegree.entry(*to).or_default() += 1;
    }
    let mut ready: VecDeque<StepId> = indegree
        .iter()
        .filter(|(_, d)| **d == 0)
        .map(|(id, _)| *id)
        .collect();
    let mut left = ids.clone();
    while let Some(id) = ready.pop_front() {
        left.remove(&id);
        for (_, to) in edges.iter().filter(|(from, _)| *from == id) {
            let d = indegree.entry(*to).or_default();
            *d -= 1;
            if *d == 0 {
                ready.push_back(*to);
            }
        }
    }
    // Every step left has an arrow in from another step left: walk those arrows backwards
    // until a step repeats; the walk between the repeats is a loop.
    let mut at = *left.iter().next()?;
    let mut walk = vec![at];
    loop {
        at = edges
            .iter()
            .find(|(from, to)| *to == at && left.contains(from))
            .map(|(from, _)| *from)?;
        if let Some(pos) = walk.iter().position(|id| *id == at) {
            let mut cycle = walk[pos..].to_vec();
            cycle.reverse();
            return Some(cycle);
        }
        walk.push(at);
    }
}

/// The longest and shortest path from the main start, over the decisions' branches.
pub fn paths(bp: &Blueprint) -> Result<Paths, PathProblem> {
    let start = main_start(bp).ok_or(PathProblem::NoSteps)?;
    if let Some(cycle) = find_cycle(bp) {
        return Err(PathProblem::Cycle(cycle));
    }
    let next_of = |id: StepId| -> Vec<StepId> {
        bp.next_of(id)
            .into_iter()
            .filter(|n| bp.step(*n).is_some())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    // The ends: the steps reached that lead nowhere and that the customer sees (a path
    // ending at a backstage record is not the customer's); all of them when none is seen.
    let mut reached = BTreeSet::from([start]);
    let mut queue = VecDeque::from([start]);
    while let Some(id) = queue.pop_front() {
        for n in next_of(id) {
            if reached.insert(n) {
                queue.push_back(n);
            }
        }
    }
    let sinks: Vec<StepId> = reached
        .iter()
        .copied()
        .filter(|id| next_of(*id).is_empty())
        .collect();
    let seen_ends: BTreeSet<StepId> = sinks
        .iter()
        .copied()
        .filter(|id| bp.step(*id).is_some_and(|s| s.lane <= Lane::Onstage))
        .collect();
    let ends = if seen_ends.is_empty() {
        sinks.into_iter().collect()
    } else {
        seen_ends
    };
    // Without loops a depth-first pass with memory visits each step once.
    #[derive(Clone)]
    struct Best {
        longest: (f64, Vec<StepId>),
        shortest: (f64, Vec<StepId>),
        count: u64,
    }
    type Memo = BTreeMap<StepId, Option<Best>>;
    fn best(
        bp: &Blueprint,
        id: StepId,
        next_of: &dyn Fn(StepId) -> Vec<StepId>,
        ends: &BTreeSet<StepId>,
        memo: &mut Memo,
    ) -> Option<Best> {
        if let Some(b) = memo.get(&id) {
            return b.clone();
        }
        let own = bp.step(id).map_or(0.0, Step::total_minutes);
        let next = next_of(id);
        let result = if next.is_empty() {
            ends.contains(&id).then(|| Best {
                longest: (own, vec![id]),
                shortest: (own, vec![id]),
                count: 1,
            })
        } else {
            let subs: Vec<Best> = next
                .iter()
                .filter_map(|n| best(bp, *n, next_of, ends, memo))
                .collect();
            let pick = |longest: bool| {
                let chosen = subs
                    .iter()
                    .map(|b| if longest { &b.longest } else { &b.shortest })
                    .fold(None, |acc: Option<&(f64, Vec<StepId>)>, this| match acc {
                        Some(a) if (longest && a.0 >= this.0) || (!longest && a.0 <= this.0) => {
                            Some(a)
                        }
                        _ => Some(this),
                    })
                    .cloned()
                    .unwrap_or_default();
                let mut steps = vec![id];
                steps.extend(chosen.1);
                (own + chosen.0, steps)
            };
            (!subs.is_empty()).then(|| Best {
                longest: pick(true),
                shortest: pick(false),
                count: subs.iter().fold(0u64, |n, b| n.saturating_add(b.count)),
            })
        };
        memo.insert(id, result.clone());
        result
    }
    // The start reaches at least one end: the ends are chosen among what it reaches.
    let found =
        best(bp, start, &next_of, &ends, &mut BTreeMap::new()).ok_or(PathProblem::NoSteps)?;
    let figure = |(minutes, steps): (f64, Vec<StepId>)| PathFigure { steps, minutes };
    let longest = figure(found.longest);
    let shortest = figure(found.shortest);
    let path_sum = |term, path: &PathFigure| {
        let parts = path
            .steps
            .iter()
            .filter_map(|id| bp.step(*id))
            .map(|s| minutes(s.total_minutes()))
            .collect();
        sum(term, parts, minutes(path.minutes))
    };
    let working = vec![
        Line::Fact {
            name: name(BlueprintTerm::PathsCount),
            value: Quantity::count(found.count),
        },
        path_sum(BlueprintTerm::LongestPath, &longest),
        path_sum(BlueprintTerm::ShortestPath, &shortest),
    ]
    .into();
    Ok(Paths {
        longest,
        shortest,
        count: found.count,
        working,
    })
}

/// One fail point in the risk table.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskRow {
    pub step: StepId,
    pub what: String,
    pub likelihood: u8,
    pub impact: u8,
    /// Likelihood × impact, 1 to 25.
    pub risk: u8,
    pub standard: String,
    pub recovery: String,
    pub owner: String,
    pub working: Working,
}

/// What a fail point still lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RiskGap {
    NoStandard,
    NoRecovery,
}

impl RiskGap {
    pub fn term(self) -> BlueprintTerm {
        match self {
            RiskGap::NoStandard => BlueprintTerm::GapNoStandard,
            RiskGap::NoRecovery => BlueprintTerm::GapNoRecovery,
        }
    }
}

/// The fail points, riskiest first, and what they lack.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RiskTable {
    pub rows: Vec<RiskRow>,
    pub gaps: Vec<(StepId, RiskGap)>,
}

/// The fail-point risk table: likelihood × impact (each held to 1–5), sorted by risk, then
/// impact, then where the step is; and the fail points without a standard or a recovery plan.
pub fn risk_table(bp: &Blueprint) -> RiskTable {
    let mut rows: Vec<(RiskRow, (u32, Lane))> = Vec::new();
    let mut gaps = Vec::new();
    for step in bp.steps_in_order() {
        let Some(fail) = &step.fail_point else {
            continue;
        };
        let likelihood = fail.likelihood.clamp(1, 5);
        let impact = fail.impact.clamp(1, 5);
        let risk = likelihood * impact;
        let working = vec![Line::Formula {
            name: Some(name(BlueprintTerm::Risk)),
            symbol: None,
            symbolic: None,
            filled: vec![vec![
                Token::Value(Quantity::count(likelihood)),
                Token::Sym("×"),
                Token::Value(Quantity::count(impact)),
            ]],
            result: Quantity::count(risk),
        }]
        .into();
        if fail.standard.trim().is_empty() {
            gaps.push((step.id, RiskGap::NoStandard));
        }
        if fail.recovery.trim().is_empty() {
            gaps.push((step.id, RiskGap::NoRecovery));
        }
        rows.push((
            RiskRow {
                step: step.id,
                what: fail.what.clone(),
                likelihood,
                impact,
                risk,
                standard: fail.standard.clone(),
                recovery: fail.recovery.clone(),
                owner: fail.owner.clone(),
                working,
            },
            (step.column, step.lane),
        ));
    }
    rows.sort_by(|(a, pa), (b, pb)| {
        b.risk
            .cmp(&a.risk)
            .then(b.impact.cmp(&a.impact))
            .then(pa.cmp(pb))
    });
    RiskTable {
        rows: rows.into_iter().map(|(r, _)| r).collect(),
        gaps,
    }
}

/// The ten waiting principles (Maister 1985, plus comfort and familiarity).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Principle {
    Unoccupied,
    OutOfProcess,
    Anxiety,
    Uncertain,
    Unexplained,
    Unfair,
    Value,
    Solo,
    Uncomfortable,
    Unfamiliar,
}

/// What to do about a broken principle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Remedy {
    Occupy,
    StartEarly,
    Reassure,
    TellDuration,
    Explain,
    FairOrder,
    AddValue,
    Group,
    Comfort,
    Guide,
}

impl Principle {
    pub const ALL: [Principle; 10] = [
        Principle::Unoccupied,
        Principle::OutOfProcess,
        Principle::Anxiety,
        Principle::Uncertain,
        Principle::Unexplained,
        Principle::Unfair,
        Principle::Value,
        Principle::Solo,
        Principle::Uncomfortable,
        Principle::Unfamiliar,
    ];

    /// Whether this wait breaks the principle.
    pub fn broken_by(self, wait: &WaitPoint) -> bool {
        match self {
            Principle::Unoccupied => !wait.occupied,
            Principle::OutOfProcess => wait.when != Moment::During,
            Principle::Anxiety => wait.anxious,
            Principle::Uncertain => !wait.known_duration,
            Principle::Unexplained => !wait.explained,
            Principle::Unfair => !wait.fair,
            // Customers will not wait long for a service of little value to them.
            Principle::Value => wait.value == ServiceValue::Low,
            Principle::Solo => wait.alone,
            Principle::Uncomfortable => !wait.comfortable,
            Principle::Unfamiliar => !wait.familiar,
        }
    }

    pub fn remedy(self) -> Remedy {
        match self {
            Principle::Unoccupied => Remedy::Occupy,
            Principle::OutOfProcess => Remedy::StartEarly,
            Principle::Anxiety => Remedy::Reassure,
            Principle::Uncertain => Remedy::TellDuration,
            Principle::Unexplained => Remedy::Explain,
            Principle::Unfair => Remedy::FairOrder,
            Principle::Value => Remedy::AddValue,
            Principle::Solo => Remedy::Group,
            Principle::Uncomfortable => Remedy::Comfort,
            Principle::Unfamiliar => Remedy::Guide,
        }
    }

    pub fn term(self) -> BlueprintTerm {
        match self {
            Principle::Unoccupied => BlueprintTerm::PrincipleUnoccupied,
            Principle::OutOfProcess => BlueprintTerm::PrincipleOutOfProcess,
            Principle::Anxiety => BlueprintTerm::PrincipleAnxiety,
            Principle::Uncertain => BlueprintTerm::PrincipleUncertain,
            Principle::Unexplained => BlueprintTerm::PrincipleUnexplained,
            Principle::Unfair => BlueprintTerm::PrincipleUnfair,
            Principle::Value => BlueprintTerm::PrincipleValue,
            Principle::Solo => BlueprintTerm::PrincipleSolo,
            Principle::Uncomfortable => BlueprintTerm::PrincipleUncomfortable,
            Principle::Unfamiliar => BlueprintTerm::PrincipleUnfamiliar,
        }
    }
}

impl Remedy {
    pub fn term(self) -> BlueprintTerm {
        match self {
            Remedy::Occupy => BlueprintTerm::RemedyOccupy,
            Remedy::StartEarly => BlueprintTerm::RemedyStartEarly,
            Remedy::Reassure => BlueprintTerm::RemedyReassure,
            Remedy::TellDuration => BlueprintTerm::RemedyTellDuration,
            Remedy::Explain => BlueprintTerm::RemedyExplain,
            Remedy::FairOrder => BlueprintTerm::RemedyFairOrder,
            Remedy::AddValue => BlueprintTerm::RemedyAddValue,
            Remedy::Group => BlueprintTerm::RemedyGroup,
            Remedy::Comfort => BlueprintTerm::RemedyComfort,
            Remedy::Guide => BlueprintTerm::RemedyGuide,
        }
    }
}

/// The principles a wait breaks, each with its remedy, in the order of [`Principle::ALL`].
pub fn broken_principles(wait: &WaitPoint) -> Vec<(Principle, Remedy)> {
    Principle::ALL
        .into_iter()
        .filter(|p| p.broken_by(wait))
        .map(|p| (p, p.remedy()))
        .collect()
}

/// One wait point and the principles it breaks.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitReview {
    pub step: StepId,
    pub minutes: f64,
    pub broken: Vec<(Principle, Remedy)>,
}

/// Every wait point in reading order, with the principles it breaks.
pub fn wait_reviews(bp: &Blueprint) -> Vec<WaitReview> {
    bp.steps_in_order()
        .into_iter()
        .filter_map(|s| {
            let wait = s.wait_point.as_ref()?;
            Some(WaitReview {
                step: s.id,
                minutes: wait.expected_minutes,
                broken: broken_principles(wait),
            })
        })
        .collect()
}

/// A wait breaking this many principles or more is one a teacher points out.
pub const PRINCIPLES_TOO_MANY: usize = 3;

/// Something a teacher would point out in a blueprint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// A customer action with no onstage action and no evidence in its column, nor a tie to
    /// an evidence step.
    NoCounterpart { step: StepId },
    /// An arrow across the line of interaction with no evidence at either end or in their
    /// columns.
    TouchpointWithoutEvidence { from: StepId, to: StepId },
    /// A step (other than physical evidence) with no standard time.
    NoTime { step: StepId },
    /// A wait that breaks [`PRINCIPLES_TOO_MANY`] principles or more.
    WaitBreaksPrinciples { step: StepId, broken: usize },
    /// A service element marked missing.
    MissingElement { kind: ElementKind },
    /// A decision with fewer than two branches.
    DecisionWithoutBranches { step: StepId },
    /// A decision's branch with no label.
    UnlabelledBranch { from: StepId, to: StepId },
}

impl Finding {
    /// What the teacher says, in both languages; `{0}` (the number of principles broken)
    /// is filled in by [`Finding::sentence`]. The page adds the step's name.
    pub fn term(&self) -> BlueprintTerm {
        match self {
            Finding::NoCounterpart { .. } => BlueprintTerm::FindingNoCounterpart,
            Finding::TouchpointWithoutEvidence { .. } => {
                BlueprintTerm::FindingTouchpointWithoutEvidence
            }
            Finding::NoTime { .. } => BlueprintTerm::FindingNoTime,
            Finding::WaitBreaksPrinciples { .. } => BlueprintTerm::FindingWaitBreaksPrinciples,
            Finding::MissingElement { .. } => BlueprintTerm::FindingMissingElement,
            Finding::DecisionWithoutBranches { .. } => {
                BlueprintTerm::FindingDecisionWithoutBranches
            }
            Finding::UnlabelledBranch { .. } => BlueprintTerm::FindingUnlabelledBranch,
        }
    }

    /// The finding as a sentence in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        let broken = match self {
            Finding::WaitBreaksPrinciples { broken, .. } => broken.to_string(),
            _ => String::new(),
        };
        fill(self.term().in_lang(lang), &[&broken])
    }

    /// The step the finding is about (the first, for an arrow), if any.
    pub fn step(&self) -> Option<StepId> {
        match self {
            Finding::NoCounterpart { step }
            | Finding::NoTime { step }
            | Finding::WaitBreaksPrinciples { step, .. }
            | Finding::DecisionWithoutBranches { step } => Some(*step),
            Finding::TouchpointWithoutEvidence { from, .. }
            | Finding::UnlabelledBranch { from, .. } => Some(*from),
            Finding::MissingElement { .. } => None,
        }
    }
}

fn has_evidence_near(bp: &Blueprint, step: &Step) -> bool {
    step.lane == Lane::Evidence
        || !step.evidence.trim().is_empty()
        || step.evidence_step.is_some_and(|e| bp.step(e).is_some())
        || bp.step_at(Lane::Evidence, step.column).is_some()
}

/// The teacher's checks, in reading order of the steps, then the service elements.
pub fn teacher_checks(bp: &Blueprint) -> Vec<Finding> {
    let mut findings = Vec::new();
    for step in bp.steps_in_order() {
        if step.lane == Lane::Customer
            && bp.step_at(Lane::Onstage, step.column).is_none()
            && !has_evidence_near(bp, step)
        {
            findings.push(Finding::NoCounterpart { step: step.id });
        }
        if step.lane != Lane::Evidence && step.minutes.is_none() {
            findings.push(Finding::NoTime { step: step.id });
        }
        if let Some(wait) = &step.wait_point {
            let broken = broken_principles(wait).len();
            if broken >= PRINCIPLES_TOO_MANY {
                findings.push(Finding::WaitBreaksPrinciples {
                    step: step.id,
                    broken,
                });
            }
        }
        if step.kind == StepKind::Decision {
            let branches = bp.branches(step.id);
            if branches.len() < 2 {
                findings.push(Finding::DecisionWithoutBranches { step: step.id });
            }
            for (label, to) in branches {
                if label.trim().is_empty() {
                    findings.push(Finding::UnlabelledBranch { from: step.id, to });
                }
            }
        }
        for c in bp.connectors.iter().filter(|c| c.from == step.id) {
            let Some(other) = bp.step(c.to) else {
                continue;
            };
            if crosses_interaction(step.lane, other.lane)
                && !has_evidence_near(bp, step)
                && !has_evidence_near(bp, other)
            {
                findings.push(Finding::TouchpointWithoutEvidence {
                    from: c.from,
                    to: c.to,
                });
            }
        }
    }
    for element in bp.elements.iter().filter(|e| !e.present) {
        findings.push(Finding::MissingElement {
            kind: element.kind.clone(),
        });
    }
    findings
}

/// Our figure beside a competitor's for one step.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchmarkGap {
    pub step: StepId,
    pub measure: Measure,
    pub competitor: String,
    pub ours: Option<f64>,
    pub theirs: f64,
    /// Ours − theirs.
    pub gap: Option<f64>,
    /// Slower, longer wait or lower score than the competitor.
    pub behind: Option<bool>,
    pub working: Working,
}

/// The gap to each competitor's figure, in the order they were entered. Our time is the
/// step's standard time; our wait is its expected wait (0 when it has no wait point).
pub fn benchmark_gaps(bp: &Blueprint) -> Vec<BenchmarkGap> {
    bp.benchmarks
        .iter()
        .filter_map(|b| {
            let step = bp.step(b.step)?;
            let ours = match b.measure {
                Measure::Time => step.minutes,
                Measure::Wait => Some(step.wait_minutes()),
                Measure::Score => b.ours,
            };
            let gap = ours.map(|o| o - b.theirs);
            let behind = gap.map(|g| match b.measure {
                Measure::Time | Measure::Wait => g > 0.0,
                Measure::Score => g < 0.0,
            });
            let show = |v: f64| match b.measure {
                Measure::Score => Quantity::fixed(v, 2),
                _ => minutes(v),
            };
            let working = match (ours, gap, behind) {
                (Some(o), Some(g), Some(behind)) => vec![
                    Line::Difference {
                        name: name(BlueprintTerm::Gap),
                        from: show(o),
                        minus: show(b.theirs),
                        result: show(g),
                    },
                    Line::Note(name(if behind {
                        BlueprintTerm::Behind
                    } else {
                        BlueprintTerm::AheadOrEqual
                    })),
                ],
                _ => vec![
                    Line::Fact {
                        name: name(BlueprintTerm::Theirs),
                        value: show(b.theirs),
                    },
                    Line::Note(name(BlueprintTerm::NoOurFigure)),
                ],
            };
            Some(BenchmarkGap {
                step: b.step,
                measure: b.measure,
                competitor: b.competitor.clone(),
                ours,
                theirs: b.theirs,
                gap,
                behind,
                working: working.into(),
            })
        })
        .collect()
}

/// The connectors that cross the line of interaction, as (from, to).
pub fn touchpoints(bp: &Blueprint) -> Vec<(StepId, StepId)> {
    bp.connectors
        .iter()
        .filter(|c| super::geometry::is_touchpoint(bp, c))
        .map(|c| (c.from, c.to))
        .collect()
}

/// What the as-is and to-be versions are compared on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompareMeasure {
    TotalMinutes,
    WaitingShare,
    FailPoints,
    Touchpoints,
}

impl CompareMeasure {
    pub const ALL: [CompareMeasure; 4] = [
        CompareMeasure::TotalMinutes,
        CompareMeasure::WaitingShare,
        CompareMeasure::FailPoints,
        CompareMeasure::Touchpoints,
    ];

    pub fn term(self) -> BlueprintTerm {
        match self {
            CompareMeasure::TotalMinutes => BlueprintTerm::CustomerMinutes,
            CompareMeasure::WaitingShare => BlueprintTerm::WaitingShare,
            CompareMeasure::FailPoints => BlueprintTerm::FailPoints,
            CompareMeasure::Touchpoints => BlueprintTerm::Touchpoints,
        }
    }
}

/// One measure side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow {
    pub measure: CompareMeasure,
    pub as_is: f64,
    pub to_be: f64,
    /// To be − as is.
    pub change: f64,
    pub working: Working,
}

/// The few figures of a blueprint the list, the dashboard and the comparison show.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub total_minutes: f64,
    pub wait_minutes: f64,
    /// 0 when there is no time at all.
    pub waiting_share: f64,
    pub fail_points: usize,
    /// Fail points still without a standard or a recovery plan.
    pub open_fail_points: usize,
    pub touchpoints: usize,
}

pub fn summary(bp: &Blueprint) -> Summary {
    let time = customer_time(bp);
    let risks = risk_table(bp);
    let open: BTreeSet<StepId> = risks.gaps.iter().map(|(s, _)| *s).collect();
    Summary {
        total_minutes: time.total_minutes,
        wait_minutes: time.wait_minutes,
        waiting_share: time.waiting_share.unwrap_or(0.0),
        fail_points: risks.rows.len(),
        open_fail_points: open.len(),
        touchpoints: touchpoints(bp).len(),
    }
}

/// As-is against to-be: total time, waiting share, fail points and touchpoints.
pub fn compare(as_is: &Blueprint, to_be: &Blueprint) -> Vec<ComparisonRow> {
    let (a, b) = (summary(as_is), summary(to_be));
    CompareMeasure::ALL
        .into_iter()
        .map(|measure| {
            let (x, y, show): (f64, f64, fn(f64) -> Quantity) = match measure {
                CompareMeasure::TotalMinutes => (a.total_minutes, b.total_minutes, minutes),
                CompareMeasure::WaitingShare => (a.waiting_share, b.waiting_share, |v| {
                    Quantity::percent(v, 1)
                }),
                CompareMeasure::FailPoints => (a.fail_points as f64, b.fail_points as f64, |v| {
                    Quantity::count(v as i64)
                }),
                CompareMeasure::Touchpoints => (a.touchpoints as f64, b.touchpoints as f64, |v| {
                    Quantity::count(v as i64)
                }),
            };
            let working = vec![Line::Difference {
                name: name(BlueprintTerm::Change),
                from: show(y),
                minus: show(x),
                result: show(y - x),
            }]
            .into();
            ComparisonRow {
                measure,
                as_is: x,
                to_be: y,
                change: y - x,
                working,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blueprints::domain::model::{Benchmark, Connector, FailPoint, ServiceElement};
    use Lane::*;

    /// A step as a test writes it: (id, lane, column, minutes, wait).
    type Row = (StepId, Lane, u32, Option<f64>, Option<f64>);

    /// Steps and connectors.
    fn blueprint(steps: &[Row], arrows: &[(StepId, StepId)]) -> Blueprint {
        let mut bp = Blueprint::new(1, "a");
        for &(id, lane, column, minutes, wait) in steps {
            let mut step = Step::new(id, lane, column, "");
            step.minutes = minutes;
            step.wait_point = wait.map(|m| WaitPoint {
                expected_minutes: m,
                ..WaitPoint::default()
            });
            bp.steps.push(step);
        }
        for &(from, to) in arrows {
            bp.connectors.push(Connector::new(from, to));
        }
        bp
    }

    #[test]
    fn customer_time_adds_the_steps_and_waits_of_the_main_path() {
        // (steps, arrows, path, step minutes, wait minutes, share, longest wait, off path)
        type Case = (
            Vec<Row>,
            Vec<(StepId, StepId)>,
            Vec<StepId>,
            f64,
            f64,
            Option<f64>,
            Option<(StepId, f64)>,
            Vec<StepId>,
        );
        let cases: Vec<Case> = vec![
            (vec![], vec![], vec![], 0.0, 0.0, None, None, vec![]),
            (
                vec![
                    (1, Customer, 0, Some(2.0), None),
                    (2, Onstage, 0, Some(3.0), Some(10.0)),
                    (3, Customer, 1, Some(5.0), None),
                ],
                vec![(1, 2), (2, 3)],
                vec![1, 2, 3],
                10.0,
                10.0,
                Some(0.5),
                Some((2, 10.0)),
                vec![],
            ),
            // Two ways out of an action: the earliest; the other branch's wait is still the
            // longest wait of the blueprint.
            (
                vec![
                    (1, Customer, 0, Some(1.0), None),
                    (2, Customer, 2, Some(4.0), Some(20.0)),
                    (3, Onstage, 1, None, Some(5.0)),
                ],
                vec![(1, 2), (1, 3)],
                vec![1, 3],
                1.0,
                5.0,
                Some(5.0 / 6.0),
                Some((2, 20.0)),
                vec![2],
            ),
            // Work behind the line of visibility beside the customer's path is left aside.
            (
                vec![
                    (1, Onstage, 0, Some(1.0), None),
                    (2, Backstage, 0, Some(30.0), None),
                    (3, Customer, 1, Some(2.0), None),
                    (4, Support, 1, Some(1.0), None),
                ],
                vec![(1, 2), (1, 3), (2, 3), (3, 4)],
                vec![1, 3, 4],
                4.0,
                0.0,
                Some(0.0),
                None,
                vec![2],
            ),
            // A loop: the path stops where it comes back.
            (
                vec![
                    (1, Customer, 0, Some(1.0), None),
                    (2, Onstage, 1, Some(1.0), None),
                ],
                vec![(1, 2), (2, 1)],
                vec![1, 2],
                2.0,
                0.0,
                Some(0.0),
                None,
                vec![],
            ),
        ];
        for (steps, arrows, path, step_m, wait_m, share, longest, off) in cases {
            let bp = blueprint(&steps, &arrows);
            let t = customer_time(&bp);
            assert_eq!(t.path, path, "{steps:?}");
            assert_eq!(t.step_minutes, step_m, "{steps:?}");
            assert_eq!(t.wait_minutes, wait_m, "{steps:?}");
            assert_eq!(t.total_minutes, step_m + wait_m);
            assert_eq!(t.waiting_share, share, "{steps:?}");
            assert_eq!(t.longest_wait, longest, "{steps:?}");
            assert_eq!(t.off_path, off, "{steps:?}");
        }
    }

    #[test]
    fn no_wait_is_zero_minutes_not_minus_zero() {
        let mut bp = Blueprint::new(1, "b");
        bp.steps.push(Step {
            minutes: Some(3.0),
            ..Step::new(1, Lane::Customer, 0, "walk in")
        });
        let t = customer_time(&bp);
        assert!(t.wait_minutes.is_sign_positive(), "{}", t.wait_minutes);
        assert_eq!(minutes(t.wait_minutes).number(), "0");
        assert_eq!(t.waiting_share, Some(0.0));
        assert!(t.waiting_share.unwrap().is_sign_positive());
    }

    #[test]
    fn customer_time_shows_its_working() {
        let mut bp = blueprint(
            &[
                (1, Customer, 0, Some(2.0), None),
                (2, Onstage, 0, None, Some(10.5)),
                (3, Customer, 1, Some(5.0), None),
            ],
            &[(1, 2), (2, 3)],
        );
        bp.step_mut(2)
            .unwrap()
            .wait_point
            .as_mut()
            .unwrap()
            .worst_minutes = Some(30.0);
        let t = customer_time(&bp);
        assert_eq!(t.untimed, [2]);
        assert_eq!(t.worst_case_minutes, 37.0);
        assert_eq!(
            t.working.lines(Lang::En)[1..],
            [
                "Step time on the main path (minutes) = 2 + 0 + 5 = 7",
                "Some steps on the main path have no time; they count as 0.",
                "Waiting on the main path (minutes) = 10.5",
                "Customer time (minutes) = 7 + 10.5 = 17.5",
                "Customer time in the worst case (minutes) = 7 + 30 = 37",
                "Share of the customer's time spent waiting: 10.5 / 17.5 = 60.0%",
                "Longest wait anywhere in the blueprint (minutes): 10.5",
            ]
        );
        let zh = t.working.text(Lang::Zh);
        assert_eq!(
            crate::working::english_words(&zh),
            Vec::<&str>::new(),
            "{zh}"
        );
    }

    #[test]
    fn decisions_give_a_longest_and_a_shortest_path() {
        // 1 → decision 2 → (3: 10 min) or (4: 1 min → 5: 2 min); both end at 6.
        let mut bp = blueprint(
            &[
                (1, Customer, 0, Some(1.0), None),
                (2, Onstage, 1, Some(1.0), None),
                (3, Onstage, 2, Some(10.0), None),
                (4, Backstage, 2, Some(1.0), None),
                (5, Backstage, 3, Some(2.0), Some(3.0)),
                (6, Customer, 4, Some(1.0), None),
            ],
            &[(1, 2), (2, 3), (2, 4), (4, 5), (3, 6), (5, 6)],
        );
        bp.step_mut(2).unwrap().kind = StepKind::Decision;
        let p = paths(&bp).unwrap();
        assert_eq!(p.longest.steps, [1, 2, 3, 6]);
        assert_eq!(p.longest.minutes, 13.0);
        assert_eq!(p.shortest.steps, [1, 2, 4, 5, 6]);
        assert_eq!(p.shortest.minutes, 9.0);
        assert_eq!(p.count, 2);
        assert_eq!(
            p.working.lines(Lang::En),
            [
                "Paths from the start to an end: 2",
                "Longest path (minutes) = 1 + 1 + 10 + 1 = 13",
                "Shortest path (minutes) = 1 + 1 + 1 + 5 + 1 = 9",
            ]
        );
        // The main path takes the decision's first branch.
        assert_eq!(customer_time(&bp).path, [1, 2, 3, 6]);
    }

    #[test]
    fn paths_end_where_the_customer_sees_them_end() {
        // 2 leads to a long record-keeping step behind the line and to the customer's exit.
        let steps = [
            (1, Customer, 0, Some(1.0), None),
            (2, Onstage, 0, Some(1.0), None),
            (3, Support, 1, Some(60.0), None),
            (4, Customer, 2, Some(1.0), None),
        ];
        let p = paths(&blueprint(&steps, &[(1, 2), (2, 3), (2, 4)])).unwrap();
        assert_eq!((p.longest.steps.as_slice(), p.count), (&[1, 2, 4][..], 1));
        // With no end the customer sees, every end counts.
        let p = paths(&blueprint(&steps[..3], &[(1, 2), (2, 3)])).unwrap();
        assert_eq!(p.longest.steps, [1, 2, 3]);
    }

    #[test]
    fn a_loop_is_reported_not_followed() {
        type Case = (Vec<(StepId, StepId)>, Result<(), PathProblem>);
        let cases: Vec<Case> = vec![
            (vec![(1, 2), (2, 3)], Ok(())),
            (
                vec![(1, 2), (2, 3), (3, 2)],
                Err(PathProblem::Cycle(vec![2, 3])),
            ),
            (
                vec![(1, 2), (2, 3), (3, 1)],
                Err(PathProblem::Cycle(vec![1, 2, 3])),
            ),
        ];
        for (arrows, result) in cases {
            let bp = blueprint(
                &[
                    (1, Customer, 0, Some(1.0), None),
                    (2, Onstage, 1, Some(1.0), None),
                    (3, Backstage, 2, Some(1.0), None),
                ],
                &arrows,
            );
            let got = paths(&bp).map(|_| ());
            match (&got, &result) {
                (Err(PathProblem::Cycle(a)), Err(PathProblem::Cycle(b))) => {
                    // The same loop, whichever step it is read from.
                    let mut a = a.clone();
                    let pos = a.iter().position(|s| *s == b[0]).unwrap();
                    a.rotate_left(pos);
                    assert_eq!(&a, b, "{arrows:?}");
                }
                _ => assert_eq!(got, result, "{arrows:?}"),
            }
        }
        assert_eq!(paths(&Blueprint::default()), Err(PathProblem::NoSteps));
    }

    #[test]
    fn the_risk_table_sorts_by_likelihood_times_impact_and_lists_gaps() {
        let mut bp = blueprint(
            &[
                (1, Customer, 0, Some(1.0), None),
                (2, Onstage, 1, Some(1.0), None),
                (3, Backstage, 2, Some(1.0), None),
                (4, Support, 3, Some(1.0), None),
            ],
            &[],
        );
        let fail = |l, i, standard: &str, recovery: &str| FailPoint {
            what: "w".into(),
            likelihood: l,
            impact: i,
            standard: standard.into(),
            recovery: recovery.into(),
            owner: "o".into(),
        };
        bp.step_mut(1).unwrap().fail_point = Some(fail(2, 3, "s", "r"));
        bp.step_mut(2).unwrap().fail_point = Some(fail(3, 2, "", "r"));
        bp.step_mut(3).unwrap().fail_point = Some(fail(5, 5, "s", " "));
        // Out of range is held to 1–5.
        bp.step_mut(4).unwrap().fail_point = Some(fail(9, 0, "s", "r"));
        let table = risk_table(&bp);
        let rows: Vec<(StepId, u8)> = table.rows.iter().map(|r| (r.step, r.risk)).collect();
        assert_eq!(rows, [(3, 25), (1, 6), (2, 6), (4, 5)]);
        assert_eq!(
            table.gaps,
            [(2, RiskGap::NoStandard), (3, RiskGap::NoRecovery)]
        );
        assert_eq!(
            table.rows[0].working.lines(Lang::Zh),
            ["风险（可能性 × 影响） = 5 × 5 = 25"]
        );
    }

    #[test]
    fn a_wait_breaks_the_principles_its_facts_say() {
        use Principle::*;
        let bare = WaitPoint::default();
        let good = WaitPoint {
            occupied: true,
            known_duration: true,
            explained: true,
            ..WaitPoint::default()
        };
        let cases = [
            (bare.clone(), vec![Unoccupied, Uncertain, Unexplained]),
            (good.clone(), vec![]),
            (
                WaitPoint {
                    when: Moment::Before,
                    anxious: true,
                    fair: false,
                    value: ServiceValue::Low,
                    alone: true,
                    comfortable: false,
                    familiar: false,
                    ..good.clone()
                },
                vec![
                    OutOfProcess,
                    Anxiety,
                    Unfair,
                    Value,
                    Solo,
                    Uncomfortable,
                    Unfamiliar,
                ],
            ),
            (
                WaitPoint {
                    when: Moment::After,
                    value: ServiceValue::High,
                    ..good
                },
                vec![OutOfProcess],
            ),
        ];
        for (wait, expected) in cases {
            let broken = broken_principles(&wait);
            let principles: Vec<Principle> = broken.iter().map(|(p, _)| *p).collect();
            assert_eq!(principles, expected, "{wait:?}");
            assert!(broken.iter().all(|(p, r)| p.remedy() == *r));
        }
        // Every principle has its own remedy.
        let remedies: BTreeSet<&str> = Principle::ALL
            .iter()
            .map(|p| Name::of(p.remedy().term()).en)
            .collect();
        assert_eq!(remedies.len(), 10);
    }

    #[test]
    fn a_teacher_points_out_what_is_missing() {
        let mut bp = blueprint(
            &[
                // A customer action with nothing onstage nor evidence in its column.
                (1, Customer, 0, Some(1.0), None),
                // A customer action with an onstage counterpart, reached by a touchpoint.
                (2, Customer, 1, Some(1.0), None),
                (3, Onstage, 1, None, Some(5.0)),
                // A customer action with evidence in its column.
                (4, Evidence, 2, None, None),
                (5, Customer, 2, Some(1.0), None),
                (6, Onstage, 3, Some(1.0), None),
            ],
            &[(1, 2), (2, 3), (5, 6)],
        );
        bp.step_mut(6).unwrap().kind = StepKind::Decision;
        bp.connectors.push(Connector::new(6, 1));
        bp.elements.push(ServiceElement {
            kind: ElementKind::Warranty,
            present: false,
            step: None,
            note: String::new(),
        });
        bp.elements.push(ServiceElement {
            kind: ElementKind::WrittenPolicy,
            present: true,
            step: None,
            note: String::new(),
        });
        use Finding::*;
        assert_eq!(
            teacher_checks(&bp),
            [
                NoCounterpart { step: 1 },
                TouchpointWithoutEvidence { from: 2, to: 3 },
                NoTime { step: 3 },
                WaitBreaksPrinciples { step: 3, broken: 3 },
                DecisionWithoutBranches { step: 6 },
                UnlabelledBranch { from: 6, to: 1 },
                TouchpointWithoutEvidence { from: 6, to: 1 },
                MissingElement {
                    kind: ElementKind::Warranty
                },
            ]
        );
        let wait = WaitBreaksPrinciples { step: 3, broken: 3 };
        assert_eq!(wait.sentence(Lang::Zh), "等待违反了 3 条等待心理原则");
        assert_eq!(wait.step(), Some(3));
        assert_eq!(
            NoTime { step: 3 }.sentence(Lang::En),
            "A step with no standard time"
        );
        // Evidence text at either end, or a tie, settles the touchpoint and the counterpart.
        bp.step_mut(1).unwrap().evidence = "sign".into();
        bp.step_mut(3).unwrap().evidence_step = Some(4);
        let left = teacher_checks(&bp);
        assert!(
            !left
                .iter()
                .any(|f| matches!(f, NoCounterpart { .. } | TouchpointWithoutEvidence { .. })),
            "{left:?}"
        );
    }

    #[test]
    fn benchmarks_give_the_gap_and_who_is_behind() {
        let mut bp = blueprint(
            &[
                (1, Customer, 0, Some(5.0), Some(12.0)),
                (2, Onstage, 0, None, None),
            ],
            &[],
        );
        let mark = |step, measure, theirs, ours| Benchmark {
            step,
            measure,
            competitor: "B".into(),
            theirs,
            ours,
        };
        bp.benchmarks = vec![
            mark(1, Measure::Time, 4.0, None),
            mark(1, Measure::Wait, 15.0, None),
            mark(1, Measure::Score, 4.5, Some(4.0)),
            mark(2, Measure::Time, 3.0, None),
            mark(2, Measure::Wait, 3.0, None),
            mark(9, Measure::Time, 3.0, None),
        ];
        let gaps: Vec<(Option<f64>, Option<bool>)> = benchmark_gaps(&bp)
            .iter()
            .map(|g| (g.gap, g.behind))
            .collect();
        assert_eq!(
            gaps,
            [
                (Some(1.0), Some(true)),
                (Some(-3.0), Some(false)),
                (Some(-0.5), Some(true)),
                (None, None),
                (Some(-3.0), Some(false)),
            ]
        );
        assert_eq!(
            benchmark_gaps(&bp)[0].working.lines(Lang::En),
            ["Gap (ours − theirs): 5 − 4 = 1", "We are behind"]
        );
    }

    #[test]
    fn as_is_and_to_be_compare_side_by_side() {
        let mut as_is = blueprint(
            &[
                (1, Customer, 0, Some(2.0), Some(8.0)),
                (2, Onstage, 1, Some(10.0), None),
            ],
            &[(1, 2)],
        );
        as_is.step_mut(2).unwrap().fail_point = Some(FailPoint::default());
        let mut to_be = crate::blueprints::domain::edit::duplicate_as_to_be(&as_is, 2);
        to_be.step_mut(1).unwrap().wait_point = None;
        let rows: Vec<(CompareMeasure, f64, f64, f64)> = compare(&as_is, &to_be)
            .iter()
            .map(|r| (r.measure, r.as_is, r.to_be, r.change))
            .collect();
        assert_eq!(
            rows,
            [
                (CompareMeasure::TotalMinutes, 20.0, 12.0, -8.0),
                (CompareMeasure::WaitingShare, 0.4, 0.0, -0.4),
                (CompareMeasure::FailPoints, 1.0, 1.0, 0.0),
                (CompareMeasure::Touchpoints, 1.0, 1.0, 0.0),
            ]
        );
        assert_eq!(
            compare(&as_is, &to_be)[0].working.lines(Lang::En),
            ["Change (to be − as is): 12 − 20 = -8"]
        );
        let s = summary(&as_is);
        assert_eq!(
            (s.fail_points, s.open_fail_points, s.touchpoints),
            (1, 1, 1)
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_arrows_give_paths_or_a_real_loop_and_never_hang(
                lanes in prop::collection::vec(0..5usize, 1..10),
                arrows in prop::collection::vec((0..10usize, 0..10usize), 0..20),
                decision in any::<bool>(),
            ) {
                let n = lanes.len();
                let steps: Vec<Row> = lanes
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let wait = (i % 3 == 0).then_some(2.0);
                        (i as StepId + 1, Lane::from_index(*l).unwrap(), i as u32, Some(1.0), wait)
                    })
                    .collect();
                let arrows: Vec<(StepId, StepId)> = arrows
                    .iter()
                    .map(|(a, b)| ((a % n) as StepId + 1, (b % n) as StepId + 1))
                    .collect();
                let mut bp = blueprint(&steps, &arrows);
                if decision {
                    bp.steps[0].kind = StepKind::Decision;
                }
                let time = customer_time(&bp);
                prop_assert!(time.path.len() <= n);
                prop_assert_eq!(time.total_minutes, time.step_minutes + time.wait_minutes);
                let follows = |path: &[StepId]| {
                    path.windows(2).all(|w| bp.next_of(w[0]).contains(&w[1]))
                };
                prop_assert!(follows(&time.path));
                match paths(&bp) {
                    Ok(p) => {
                        prop_assert!(find_cycle(&bp).is_none());
                        prop_assert!(p.longest.minutes >= p.shortest.minutes);
                        prop_assert!(p.count >= 1);
                        prop_assert!(follows(&p.longest.steps) && follows(&p.shortest.steps));
                        prop_assert!(!time.stopped_at_cycle);
                    }
                    Err(PathProblem::Cycle(cycle)) => {
                        prop_assert!(!cycle.is_empty());
                        let mut ring = cycle.clone();
                        ring.push(cycle[0]);
                        prop_assert!(follows(&ring), "{:?}", cycle);
                    }
                    Err(PathProblem::NoSteps) => prop_assert!(false, "there are steps"),
                }
            }
        }
    }
}
