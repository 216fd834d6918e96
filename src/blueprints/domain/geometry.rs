//! The blueprint's layout in SVG user units: lane bands under a phase header, a step's
//! rectangle in its cell, the three lines, which cell a point falls in, orthogonal
//! connector routes and the fit-to-screen view box.
//!
//! A step is drawn smaller than its cell, so the lane boundaries and the column edges form
//! a grid of empty channels. A route leaves its step through the margin of the step's own
//! cell, runs only along those channels, and enters the other step through the margin of
//! that step's cell; it therefore never passes through a third step, whatever the layout.

use super::model::{Blueprint, Connector, Lane, Line, Step, StepId};

/// Width of the lane names at the left.
pub const LABEL_WIDTH: f64 = 140.0;
/// Height of the phase names at the top.
pub const PHASE_HEIGHT: f64 = 32.0;
pub const CELL_WIDTH: f64 = 180.0;
/// A lane's height.
pub const CELL_HEIGHT: f64 = 110.0;
pub const STEP_WIDTH: f64 = 140.0;
pub const STEP_HEIGHT: f64 = 64.0;
/// How far inside its lane a route runs along the lane's edge, so that it never runs
/// along one of the three lines (less than the margin between a step and its lane's edge).
pub const CHANNEL_INSET: f64 = 10.0;
/// Space kept around the used cells when fitting to the screen.
pub const FIT_PADDING: f64 = 24.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn center(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Whether the axis-aligned segment `a`–`b` passes through the inside of the rectangle
    /// (running along its edge or touching it does not count).
    pub fn cut_by(&self, a: Point, b: Point) -> bool {
        let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
        let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
        x0 < self.right() && x1 > self.x && y0 < self.bottom() && y1 > self.y
    }
}

/// The SVG `viewBox`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl ViewBox {
    /// As the attribute is written: "x y width height".
    pub fn attribute(&self) -> String {
        format!("{} {} {} {}", self.x, self.y, self.width, self.height)
    }
}

/// The left edge of a column.
pub fn column_x(column: u32) -> f64 {
    LABEL_WIDTH + f64::from(column) * CELL_WIDTH
}

/// A phase's box in the header over columns `from` to `to` (inclusive): (left, width),
/// inset a little from the columns' edges so neighbouring phases stay apart. A printed
/// page that shows part of a phase draws the part it shows, its name in the middle.
pub fn phase_band(from: u32, to: u32) -> (f64, f64) {
    let x = column_x(from) + 4.0;
    (x, column_x(to + 1) - x - 4.0)
}

/// The top edge of a lane's band.
pub fn lane_top(lane: Lane) -> f64 {
    PHASE_HEIGHT + lane.index() as f64 * CELL_HEIGHT
}

/// A lane's band: (top, bottom).
pub fn lane_band(lane: Lane) -> (f64, f64) {
    let top = lane_top(lane);
    (top, top + CELL_HEIGHT)
}

/// The height of the five lanes under the phase header.
pub fn lanes_bottom() -> f64 {
    PHASE_HEIGHT + Lane::ALL.len() as f64 * CELL_HEIGHT
}

/// Where a line is drawn: the boundary between its two lanes.
pub fn line_y(line: Line) -> f64 {
    lane_top(line.between().1)
}

/// A cell's rectangle.
pub fn cell_rect(lane: Lane, column: u32) -> Rect {
    Rect {
        x: column_x(column),
        y: lane_top(lane),
        width: CELL_WIDTH,
        height: CELL_HEIGHT,
    }
}

/// The step's rectangle, centred in its cell.
pub fn step_rect(lane: Lane, column: u32) -> Rect {
    let cell = cell_rect(lane, column);
    Rect {
        x: cell.x + (CELL_WIDTH - STEP_WIDTH) / 2.0,
        y: cell.y + (CELL_HEIGHT - STEP_HEIGHT) / 2.0,
        width: STEP_WIDTH,
        height: STEP_HEIGHT,
    }
}

/// The cell under a point (a click, or where a dragged step snaps to).
pub fn cell_at(point: Point) -> Option<(Lane, u32)> {
    if point.x < LABEL_WIDTH || point.y < PHASE_HEIGHT {
        return None;
    }
    let column = ((point.x - LABEL_WIDTH) / CELL_WIDTH).floor();
    let lane = ((point.y - PHASE_HEIGHT) / CELL_HEIGHT).floor() as usize;
    let column = u32::try_from(column as i64).ok()?;
    Some((Lane::from_index(lane)?, column))
}

/// The cell a dragged point snaps to: the cell under it, or the nearest cell of the grid
/// when it is over the lane names, above the lanes or below them (a drag never leaves the
/// grid, so the step always has somewhere to land).
pub fn snap_cell(point: Point) -> (Lane, u32) {
    let last_lane = Lane::ALL.len() - 1;
    let lane = ((point.y - PHASE_HEIGHT) / CELL_HEIGHT).floor();
    let lane = if lane.is_finite() && lane > 0.0 {
        (lane as usize).min(last_lane)
    } else {
        0
    };
    let column = ((point.x - LABEL_WIDTH) / CELL_WIDTH).floor();
    let column = if column.is_finite() && column > 0.0 {
        column.min(f64::from(u32::MAX)) as u32
    } else {
        0
    };
    (Lane::ALL[lane], column)
}

/// How many lanes and columns a step dragged from `from` to the point has moved, once
/// snapped to a cell: what [`super::edit::move_steps`] takes for the whole selection.
pub fn drag_offset(from: (Lane, u32), point: Point) -> (i32, i32) {
    let (lane, column) = snap_cell(point);
    let lanes = lane.index() as i64 - from.0.index() as i64;
    let columns = i64::from(column) - i64::from(from.1);
    let clamp = |v: i64| v.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
    (clamp(lanes), clamp(columns))
}

/// The whole drawing, with one spare column to add steps into.
pub fn canvas(bp: &Blueprint) -> ViewBox {
    ViewBox {
        x: 0.0,
        y: 0.0,
        width: column_x(bp.columns() + 1),
        height: lanes_bottom(),
    }
}

/// The view box that shows every used column (the first four when there are none) and all
/// five lanes with the phase header, with a little padding.
pub fn fit(bp: &Blueprint) -> ViewBox {
    let first = bp.steps.iter().map(|s| s.column).min().unwrap_or(0);
    let last = bp.steps.iter().map(|s| s.column).max().unwrap_or(3);
    let x = column_x(first) - FIT_PADDING;
    ViewBox {
        x,
        y: -FIT_PADDING,
        width: column_x(last + 1) + FIT_PADDING - x,
        height: lanes_bottom() + 2.0 * FIT_PADDING,
    }
}

/// Whether an arrow between steps in these lanes crosses the line of interaction: a
/// service encounter (touchpoint).
pub fn crosses_interaction(a: Lane, b: Lane) -> bool {
    let (above, below) = Line::Interaction.between();
    a.min(b) <= above && a.max(b) >= below
}

/// Whether a connector of `bp` is a touchpoint (false when a step is missing).
pub fn is_touchpoint(bp: &Blueprint, connector: &Connector) -> bool {
    match (bp.step(connector.from), bp.step(connector.to)) {
        (Some(a), Some(b)) => crosses_interaction(a.lane, b.lane),
        _ => false,
    }
}

/// Where a route crosses the line of interaction, to mark the touchpoint there. Routes run
/// along no line (see [`CHANNEL_INSET`]), so only a vertical segment can cross it.
pub fn touchpoint_mark(route: &[Point]) -> Option<Point> {
    let y = line_y(Line::Interaction);
    route.windows(2).find_map(|pair| {
        let (a, b) = (pair[0], pair[1]);
        let crosses = (a.y < y && b.y > y) || (a.y > y && b.y < y);
        crosses.then(|| Point::new(a.x, y))
    })
}

fn steps_between(bp: &Blueprint, a: &Step, b: &Step) -> bool {
    bp.steps.iter().any(|s| {
        if a.lane == b.lane {
            s.lane == a.lane
                && s.column > a.column.min(b.column)
                && s.column < a.column.max(b.column)
        } else {
            s.column == a.column && s.lane > a.lane.min(b.lane) && s.lane < a.lane.max(b.lane)
        }
    })
}

/// Where the steps of a blueprint are, looked up by id and by cell, so that routing every
/// connector takes a few look-ups each instead of a pass over all the steps. (Sorted lists
/// searched by halves: the same look-ups as maps in less code.)
pub struct Layout<'a> {
    /// The steps by id; of steps with one id, the first in the blueprint comes first.
    steps: Vec<&'a Step>,
    /// The cells that hold a step, sorted.
    cells: Vec<(Lane, u32)>,
}

impl<'a> Layout<'a> {
    pub fn new(bp: &'a Blueprint) -> Layout<'a> {
        let mut steps: Vec<&Step> = bp.steps.iter().collect();
        // A stable sort: as [`Blueprint::step`], the first step with an id is found.
        steps.sort_by_key(|s| s.id);
        let mut cells: Vec<(Lane, u32)> = bp.steps.iter().map(Step::cell).collect();
        cells.sort_unstable();
        Layout { steps, cells }
    }

    pub fn step(&self, id: StepId) -> Option<&'a Step> {
        let i = self.steps.partition_point(|s| s.id < id);
        self.steps.get(i).copied().filter(|s| s.id == id)
    }

    /// Whether a step stands between `a` and `b` in their lane or column (as
    /// `steps_between`).
    fn between(&self, a: &Step, b: &Step) -> bool {
        if a.lane == b.lane {
            let (from, to) = (a.column.min(b.column), a.column.max(b.column));
            let i = self.cells.partition_point(|c| *c <= (a.lane, from));
            self.cells.get(i).is_some_and(|c| *c < (a.lane, to))
        } else {
            let (top, bottom) = (a.lane.min(b.lane).index(), a.lane.max(b.lane).index());
            Lane::ALL[top + 1..bottom]
                .iter()
                .any(|&lane| self.cells.binary_search(&(lane, a.column)).is_ok())
        }
    }
}

/// A connector as drawn: its route and where it crosses the line of interaction when it
/// is a touchpoint.
#[derive(Clone, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Arrow {
    pub route: Vec<Point>,
    pub touchpoint: Option<Point>,
}

/// Every connector of `bp` as drawn, in order; `None` for one whose step is missing. The
/// same as [`connector_route`], [`is_touchpoint`] and [`touchpoint_mark`] one by one.
pub fn arrows(bp: &Blueprint) -> Vec<Option<Arrow>> {
    let layout = Layout::new(bp);
    bp.connectors
        .iter()
        .map(|c| {
            let (a, b) = (layout.step(c.from)?, layout.step(c.to)?);
            let route = route_around(a, b, |a, b| layout.between(a, b));
            let touchpoint = crosses_interaction(a.lane, b.lane)
                .then(|| touchpoint_mark(&route))
                .flatten();
            Some(Arrow { route, touchpoint })
        })
        .collect()
}

/// The orthogonal route from `a` to `b` in `bp`, as the points of a polyline: straight when
/// nothing is in between, otherwise out of `a` vertically (horizontally for steps in one
/// column), along the channels, and into `b`.
pub fn route(bp: &Blueprint, a: &Step, b: &Step) -> Vec<Point> {
    route_around(a, b, |a, b| steps_between(bp, a, b))
}

/// [`route`], told by `between` whether a step stands between two in their lane or column.
fn route_around(a: &Step, b: &Step, between: impl Fn(&Step, &Step) -> bool) -> Vec<Point> {
    let ra = step_rect(a.lane, a.column);
    let rb = step_rect(b.lane, b.column);
    let (ca, cb) = (ra.center(), rb.center());
    if a.cell() == b.cell() {
        return vec![ca, cb];
    }
    let side = |r: &Rect, towards_right: bool| {
        Point::new(if towards_right { r.right() } else { r.x }, r.center().y)
    };
    let end = |r: &Rect, towards_bottom: bool| {
        Point::new(r.center().x, if towards_bottom { r.bottom() } else { r.y })
    };
    let right = b.column > a.column;
    let down = b.lane > a.lane;
    if a.lane == b.lane {
        if !between(a, b) {
            return vec![side(&ra, right), side(&rb, !right)];
        }
        let channel = lane_band(a.lane).1 - CHANNEL_INSET;
        return vec![
            end(&ra, true),
            Point::new(ca.x, channel),
            Point::new(cb.x, channel),
            end(&rb, true),
        ];
    }
    if a.column == b.column {
        if !between(a, b) {
            return vec![end(&ra, down), end(&rb, !down)];
        }
        let channel = column_x(a.column + 1);
        return vec![
            side(&ra, true),
            Point::new(channel, ca.y),
            Point::new(channel, cb.y),
            side(&rb, true),
        ];
    }
    let (top, bottom) = lane_band(a.lane);
    let across = if down {
        bottom - CHANNEL_INSET
    } else {
        top + CHANNEL_INSET
    };
    let channel = if right {
        column_x(b.column)
    } else {
        column_x(b.column + 1)
    };
    vec![
        end(&ra, down),
        Point::new(ca.x, across),
        Point::new(channel, across),
        Point::new(channel, cb.y),
        side(&rb, !right),
    ]
}

/// The route of a connector of `bp`; `None` when one of its steps is missing.
pub fn connector_route(bp: &Blueprint, connector: &Connector) -> Option<Vec<Point>> {
    Some(route(bp, bp.step(connector.from)?, bp.step(connector.to)?))
}

/// The polyline as SVG `points`: "x,y x,y …".
pub fn points_attribute(route: &[Point]) -> String {
    route
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The steps a rubber band from `a` to `b` touches, in reading order.
pub fn steps_in_band(bp: &Blueprint, a: Point, b: Point) -> Vec<StepId> {
    let band = Rect {
        x: a.x.min(b.x),
        y: a.y.min(b.y),
        width: (a.x - b.x).abs(),
        height: (a.y - b.y).abs(),
    };
    bp.steps_in_order()
        .into_iter()
        .filter(|s| {
            let r = step_rect(s.lane, s.column);
            r.x <= band.right()
                && band.x <= r.right()
                && r.y <= band.bottom()
                && band.y <= r.bottom()
        })
        .map(|s| s.id)
        .collect()
}

/// The narrowest and widest view a zoom may reach, in user units.
pub const ZOOM_WIDTHS: (f64, f64) = (200.0, 40_000.0);

/// The view zoomed by `factor` (2 shows half as much) about `around`, which stays where
/// it is on the screen; held within [`ZOOM_WIDTHS`].
pub fn zoom(view: ViewBox, factor: f64, around: Point) -> ViewBox {
    if !(factor.is_finite() && factor > 0.0) || view.width <= 0.0 {
        return view;
    }
    let width = (view.width / factor).clamp(ZOOM_WIDTHS.0, ZOOM_WIDTHS.1);
    let scale = width / view.width;
    ViewBox {
        x: around.x - (around.x - view.x) * scale,
        y: around.y - (around.y - view.y) * scale,
        width,
        height: view.height * scale,
    }
}

/// The view moved by `dx`, `dy` user units.
pub fn pan(view: ViewBox, dx: f64, dy: f64) -> ViewBox {
    ViewBox {
        x: view.x + dx,
        y: view.y + dy,
        ..view
    }
}

/// Columns to print on each page, `(first, last)`, at most `per_page` to a page: whole
/// phases are kept together where they fit, and a phase wider than a page is split.
pub fn print_pages(bp: &Blueprint, per_page: u32) -> Vec<(u32, u32)> {
    let per_page = per_page.max(1);
    let columns = bp.columns();
    // Groups of columns that belong together: each phase, and each column outside one.
    let mut groups: Vec<(u32, u32)> = Vec::new();
    let mut column = 0;
    while column < columns {
        let end = bp
            .phase_of(column)
            .map_or(column, |p| p.to.min(columns - 1).max(column));
        groups.push((column, end));
        column = end + 1;
    }
    let mut pages: Vec<(u32, u32)> = Vec::new();
    for (from, to) in groups {
        let mut from = from;
        while from <= to {
            match pages.last_mut() {
                Some(page) if page.1 + 1 == from && to - page.0 < per_page => {
                    page.1 = to;
                    from = to + 1;
                }
                _ => {
                    let last = to.min(from + per_page - 1);
                    pages.push((from, last));
                    from = last + 1;
                }
            }
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blueprints::domain::edit::{move_step, Collision};
    use crate::blueprints::domain::model::Phase;
    use Lane::*;

    fn blueprint(cells: &[(Lane, u32)]) -> Blueprint {
        let mut bp = Blueprint::new(1, "g");
        for (i, &(lane, column)) in cells.iter().enumerate() {
            bp.steps.push(Step::new(i as StepId + 1, lane, column, ""));
        }
        bp
    }

    fn only_right_angles(route: &[Point]) -> bool {
        route
            .windows(2)
            .all(|p| p[0].x == p[1].x || p[0].y == p[1].y)
    }

    /// No segment passes through any step's rectangle, the ends' own included.
    fn clear_of_steps(bp: &Blueprint, route: &[Point]) -> bool {
        route.windows(2).all(|p| {
            bp.steps
                .iter()
                .all(|s| !step_rect(s.lane, s.column).cut_by(p[0], p[1]))
        })
    }

    #[test]
    fn a_phase_box_spans_its_columns_inset_from_their_edges() {
        // (from, to column, (left, width)): the part of a phase a printed page shows is
        // drawn by the same rule as the whole phase.
        let cases = [
            (0, 0, (144.0, 172.0)),
            (0, 4, (144.0, 892.0)),
            (5, 10, (1044.0, 1072.0)),
        ];
        for (from, to, band) in cases {
            assert_eq!(phase_band(from, to), band, "{from}-{to}");
        }
    }

    #[test]
    fn lanes_stack_under_the_phase_header_with_the_lines_between() {
        assert_eq!(lane_band(Evidence), (32.0, 142.0));
        assert_eq!(lane_band(Support), (472.0, 582.0));
        assert_eq!(line_y(Line::Interaction), lane_band(Customer).1);
        assert_eq!(line_y(Line::Visibility), lane_band(Onstage).1);
        assert_eq!(line_y(Line::InternalInteraction), lane_band(Backstage).1);
        let r = step_rect(Onstage, 2);
        assert_eq!((r.x, r.y, r.width, r.height), (520.0, 275.0, 140.0, 64.0));
    }

    #[test]
    fn a_point_falls_in_the_cell_it_is_drawn_in() {
        let cases = [
            (Point::new(141.0, 33.0), Some((Evidence, 0))),
            (Point::new(400.0, 300.0), Some((Onstage, 1))),
            (
                Point::new(step_rect(Support, 7).center().x, 580.0),
                Some((Support, 7)),
            ),
            (Point::new(100.0, 300.0), None),
            (Point::new(500.0, 10.0), None),
            (Point::new(500.0, 600.0), None),
        ];
        for (point, cell) in cases {
            assert_eq!(cell_at(point), cell, "{point:?}");
        }
        for lane in Lane::ALL {
            assert_eq!(cell_at(step_rect(lane, 3).center()), Some((lane, 3)));
        }
    }

    #[test]
    fn a_dragged_point_snaps_to_the_nearest_cell_of_the_grid() {
        let p = Point::new;
        // (point, cell it snaps to)
        let cases = [
            (step_rect(Onstage, 2).center(), (Onstage, 2)),
            (p(141.0, 33.0), (Evidence, 0)),
            (p(100.0, 300.0), (Onstage, 0)),
            (p(500.0, -40.0), (Evidence, 2)),
            (p(500.0, 5_000.0), (Support, 2)),
            (p(-9.0, -9.0), (Evidence, 0)),
            (p(f64::NAN, f64::NAN), (Evidence, 0)),
            (
                p(column_x(40) + 1.0, lane_top(Backstage) + 1.0),
                (Backstage, 40),
            ),
        ];
        for (point, cell) in cases {
            assert_eq!(snap_cell(point), cell, "{point:?}");
            if let Some(under) = cell_at(point) {
                assert_eq!(under, cell, "inside the grid a point snaps to its own cell");
            }
        }
    }

    #[test]
    fn a_drag_moves_by_whole_lanes_and_columns() {
        // (from, pointer over, offset)
        let cases = [
            ((Customer, 2), step_rect(Customer, 2).center(), (0, 0)),
            ((Customer, 2), step_rect(Backstage, 4).center(), (2, 2)),
            ((Support, 3), step_rect(Evidence, 0).center(), (-4, -3)),
            // A few units inside the cell's edge still counts as that cell.
            (
                (Customer, 2),
                Point::new(column_x(3) + 1.0, lane_top(Customer) + 1.0),
                (0, 1),
            ),
            (
                (Customer, 2),
                Point::new(column_x(3) - 1.0, lane_top(Onstage) - 1.0),
                (0, 0),
            ),
        ];
        for (from, point, offset) in cases {
            assert_eq!(drag_offset(from, point), offset, "{from:?} {point:?}");
        }
    }

    #[test]
    fn connectors_follow_a_dragged_selection() {
        use crate::blueprints::domain::edit::move_steps;
        let mut bp = blueprint(&[(Customer, 0), (Onstage, 1), (Support, 3)]);
        bp.connectors = vec![Connector::new(1, 2), Connector::new(2, 3)];
        let (lanes, columns) = drag_offset((Customer, 0), step_rect(Backstage, 5).center());
        move_steps(&mut bp, &[1, 2], lanes, columns).unwrap();
        assert_eq!(bp.step(1).unwrap().cell(), (Backstage, 5));
        assert_eq!(bp.step(2).unwrap().cell(), (Support, 6));
        for c in &bp.connectors {
            let r = connector_route(&bp, c).unwrap();
            let (a, b) = (bp.step(c.from).unwrap(), bp.step(c.to).unwrap());
            let on_edge = |p: Point, r: Rect| {
                (p.x == r.x || p.x == r.right()) && p.y >= r.y && p.y <= r.bottom()
                    || (p.y == r.y || p.y == r.bottom()) && p.x >= r.x && p.x <= r.right()
            };
            assert!(on_edge(r[0], step_rect(a.lane, a.column)), "{r:?}");
            assert!(
                on_edge(*r.last().unwrap(), step_rect(b.lane, b.column)),
                "{r:?}"
            );
            assert!(clear_of_steps(&bp, &r), "{r:?}");
        }
    }

    #[test]
    fn routes_are_straight_when_nothing_is_between_and_go_round_otherwise() {
        // (cells, from, to, number of points)
        let cases: &[(&[(Lane, u32)], usize)] = &[
            (&[(Customer, 0), (Customer, 1)], 2),
            (&[(Customer, 0), (Customer, 3)], 2),
            (&[(Customer, 0), (Customer, 2), (Customer, 1)], 4),
            (&[(Customer, 2), (Support, 2)], 2),
            (&[(Customer, 2), (Support, 2), (Backstage, 2)], 4),
            (&[(Support, 2), (Evidence, 2), (Onstage, 2)], 4),
            (&[(Customer, 0), (Onstage, 1)], 5),
            (&[(Support, 4), (Evidence, 1), (Onstage, 3)], 5),
            (&[(Customer, 3), (Customer, 3)], 2),
        ];
        for (cells, points) in cases {
            let bp = blueprint(cells);
            let r = route(&bp, &bp.steps[0], &bp.steps[1]);
            assert_eq!(r.len(), *points, "{cells:?}: {r:?}");
            assert!(only_right_angles(&r), "{cells:?}: {r:?}");
            if bp.steps[0].cell() != bp.steps[1].cell() {
                assert!(clear_of_steps(&bp, &r), "{cells:?}: {r:?}");
            }
        }
    }

    #[test]
    fn a_route_follows_a_moved_step() {
        let mut bp = blueprint(&[(Customer, 0), (Onstage, 1)]);
        let connector = Connector::new(1, 2);
        move_step(&mut bp, 2, Backstage, 4, Collision::Refuse).unwrap();
        let r = connector_route(&bp, &connector).unwrap();
        let target = step_rect(Backstage, 4);
        let last = *r.last().unwrap();
        assert_eq!(last, Point::new(target.x, target.center().y));
        assert_eq!(
            r[0],
            Point::new(
                step_rect(Customer, 0).center().x,
                step_rect(Customer, 0).bottom()
            )
        );
        assert_eq!(connector_route(&bp, &Connector::new(1, 9)), None);
    }

    #[test]
    fn an_arrow_across_the_line_of_interaction_is_a_touchpoint() {
        let cases = [
            (Customer, Onstage, true),
            (Onstage, Customer, true),
            (Evidence, Backstage, true),
            (Customer, Support, true),
            (Evidence, Customer, false),
            (Onstage, Backstage, false),
            (Backstage, Support, false),
            (Customer, Customer, false),
        ];
        for (a, b, touch) in cases {
            assert_eq!(crosses_interaction(a, b), touch, "{a:?} {b:?}");
            let bp = blueprint(&[(a, 0), (b, 2)]);
            let r = route(&bp, &bp.steps[0], &bp.steps[1]);
            assert_eq!(touchpoint_mark(&r).is_some(), touch, "{a:?} {b:?}: {r:?}");
            assert_eq!(is_touchpoint(&bp, &Connector::new(1, 2)), touch);
        }
    }

    #[test]
    fn fitting_shows_the_used_columns_and_all_lanes() {
        let bp = blueprint(&[(Customer, 2), (Support, 5)]);
        let view = fit(&bp);
        assert_eq!(view.x, column_x(2) - FIT_PADDING);
        assert_eq!(view.x + view.width, column_x(6) + FIT_PADDING);
        assert_eq!(view.height, lanes_bottom() + 2.0 * FIT_PADDING);
        let empty = fit(&Blueprint::default());
        assert_eq!(empty.x + empty.width, column_x(4) + FIT_PADDING);
        assert_eq!(canvas(&bp).width, column_x(7));
        assert_eq!(
            ViewBox {
                x: 0.0,
                y: -1.5,
                width: 2.0,
                height: 3.0
            }
            .attribute(),
            "0 -1.5 2 3"
        );
        assert_eq!(
            points_attribute(&[Point::new(1.0, 2.5), Point::new(3.0, 2.5)]),
            "1,2.5 3,2.5"
        );
    }

    #[test]
    fn a_rubber_band_selects_the_steps_it_touches() {
        let bp = blueprint(&[(Customer, 0), (Onstage, 1), (Support, 3)]);
        let a = step_rect(Customer, 0).center();
        let b = step_rect(Onstage, 1).center();
        assert_eq!(steps_in_band(&bp, b, a), [1, 2]);
        assert_eq!(
            steps_in_band(&bp, Point::new(0.0, 0.0), Point::new(1.0, 1.0)),
            Vec::<StepId>::new()
        );
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer_and_pan_moves() {
        let view = ViewBox {
            x: 0.0,
            y: 0.0,
            width: 1000.0,
            height: 500.0,
        };
        let around = Point::new(250.0, 100.0);
        let zoomed = zoom(view, 2.0, around);
        assert_eq!(
            zoomed,
            ViewBox {
                x: 125.0,
                y: 50.0,
                width: 500.0,
                height: 250.0
            }
        );
        // The point keeps its place on the screen: the same share of the width from the left.
        assert_eq!(
            (around.x - zoomed.x) / zoomed.width,
            (around.x - view.x) / view.width
        );
        assert_eq!(zoom(view, 100.0, around).width, ZOOM_WIDTHS.0);
        assert_eq!(zoom(view, 0.0, around), view);
        assert_eq!(
            pan(view, 10.0, -5.0),
            ViewBox {
                x: 10.0,
                y: -5.0,
                ..view
            }
        );
    }

    #[test]
    fn printing_keeps_phases_together_on_a_page() {
        let mut bp = blueprint(&[(Customer, 0), (Customer, 9)]);
        let phase = |from, to| Phase {
            name: String::new(),
            from,
            to,
        };
        bp.phases = vec![phase(0, 2), phase(3, 4), phase(5, 9)];
        // (columns per page, pages)
        let cases: &[(u32, &[(u32, u32)])] = &[
            (10, &[(0, 9)]),
            (5, &[(0, 4), (5, 9)]),
            (4, &[(0, 2), (3, 4), (5, 8), (9, 9)]),
            (
                0,
                &[
                    (0, 0),
                    (1, 1),
                    (2, 2),
                    (3, 3),
                    (4, 4),
                    (5, 5),
                    (6, 6),
                    (7, 7),
                    (8, 8),
                    (9, 9),
                ],
            ),
        ];
        for (per_page, pages) in cases {
            assert_eq!(print_pages(&bp, *per_page), *pages, "{per_page}");
        }
        assert_eq!(print_pages(&Blueprint::default(), 4), []);
    }

    #[test]
    fn the_crossing_test_counts_the_inside_only() {
        let r = Rect {
            x: 0.0,
            y: 0.0,
            width: 10.0,
            height: 10.0,
        };
        let p = Point::new;
        let cases = [
            (p(-5.0, 5.0), p(15.0, 5.0), true),
            (p(5.0, -5.0), p(5.0, 3.0), true),
            (p(-5.0, 0.0), p(15.0, 0.0), false),
            (p(10.0, -5.0), p(10.0, 15.0), false),
            (p(10.0, 5.0), p(20.0, 5.0), false),
            (p(-5.0, 11.0), p(15.0, 11.0), false),
        ];
        for (a, b, cut) in cases {
            assert_eq!(r.cut_by(a, b), cut, "{a:?} {b:?}");
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn routes_never_pass_through_a_step(
                cells in prop::collection::btree_set((0..5usize, 0..6u32), 2..14),
                pick in (0..100usize, 0..100usize),
            ) {
                let cells: Vec<(Lane, u32)> = cells
                    .into_iter()
                    .map(|(l, c)| (Lane::from_index(l).unwrap(), c))
                    .collect();
                let bp = blueprint(&cells);
                let a = &bp.steps[pick.0 % bp.steps.len()];
                let b = &bp.steps[pick.1 % bp.steps.len()];
                prop_assume!(a.id != b.id);
                let r = route(&bp, a, b);
                prop_assert!(only_right_angles(&r), "{:?}", r);
                prop_assert!(clear_of_steps(&bp, &r), "{:?}", r);
                let ra = step_rect(a.lane, a.column);
                let rb = step_rect(b.lane, b.column);
                let on_edge = |p: Point, r: Rect| {
                    (p.x == r.x || p.x == r.right()) && p.y >= r.y && p.y <= r.bottom()
                        || (p.y == r.y || p.y == r.bottom()) && p.x >= r.x && p.x <= r.right()
                };
                prop_assert!(on_edge(r[0], ra), "{:?}", r);
                prop_assert!(on_edge(*r.last().unwrap(), rb), "{:?}", r);
                prop_assert_eq!(touchpoint_mark(&r).is_some(), crosses_interaction(a.lane, b.lane));
            }

            #[test]
            fn all_arrows_at_once_are_the_arrows_one_by_one(
                cells in prop::collection::btree_set((0..5usize, 0..8u32), 1..30),
                ends in prop::collection::vec((0..40u32, 0..40u32), 0..40),
            ) {
                let cells: Vec<(Lane, u32)> = cells
                    .into_iter()
                    .map(|(l, c)| (Lane::from_index(l).unwrap(), c))
                    .collect();
                let mut bp = blueprint(&cells);
                // Ids past the last step stand for missing steps.
                bp.connectors = ends.into_iter().map(|(a, b)| Connector::new(a, b)).collect();
                let one_by_one: Vec<Option<Arrow>> = bp
                    .connectors
                    .iter()
                    .map(|c| {
                        let route = connector_route(&bp, c)?;
                        let touchpoint = is_touchpoint(&bp, c).then(|| touchpoint_mark(&route)).flatten();
                        Some(Arrow { route, touchpoint })
                    })
                    .collect();
                prop_assert_eq!(arrows(&bp), one_by_one);
            }
        }
    }
}
