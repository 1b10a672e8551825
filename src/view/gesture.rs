//! The graph's pointer gestures as a state machine: idle, pressing (a click
//! or tap in the making), panning, dragging a node, pinching. Pointer events
//! go in (in canvas pixels, with what the press hit); what the view should do
//! comes out. No browser types, so every gesture is tested natively.

use std::collections::BTreeMap;

use crate::layout::force::Point;

/// How far a press may move and still be a click.
pub const CLICK_SLOP: f32 = 4.0;

/// What the view does after a pointer event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// Nothing (yet).
    None,
    /// The pointer moves over the canvas with no button down: hover.
    Hover(Point),
    /// Move the view by this many pixels.
    Pan(f32, f32),
    /// Two fingers: move the view by `pan` and zoom by `factor` around `at`.
    Pinch {
        /// Midpoint movement.
        pan: (f32, f32),
        /// The new midpoint, the zoom's anchor.
        at: Point,
        /// Change of finger distance.
        factor: f32,
    },
    /// Put a node (pressed, then dragged) at this canvas point.
    MoveNode(usize, Point),
    /// A click or tap: select the node hit, or clear the selection.
    Select(Option<usize>),
}

/// A press in progress.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Press {
    /// Where it started (for a pan: where the last step ended).
    from: Point,
    /// The node under the press, if any.
    hit: Option<usize>,
    /// Moved beyond the click slop.
    moved: bool,
}

/// The gesture state of one canvas.
#[derive(Debug, Clone, Default)]
pub struct Gestures {
    pointers: BTreeMap<i32, Point>,
    press: Option<Press>,
}

impl Gestures {
    /// A pointer goes down at `p`, over node `hit`.
    pub fn down(&mut self, id: i32, p: Point, hit: Option<usize>) {
        self.pointers.insert(id, p);
        self.press = (self.pointers.len() == 1).then_some(Press {
            from: p,
            hit,
            moved: false,
        });
    }

    /// A pointer moves to `p`. One finger on a touch screen scrolls the
    /// page and never moves the graph (only a tap selects); two pinch.
    pub fn moved(&mut self, id: i32, p: Point, touch: bool) -> Action {
        if self.pointers.len() == 2 && self.pointers.contains_key(&id) {
            let before: Vec<Point> = self.pointers.values().copied().collect();
            self.pointers.insert(id, p);
            let after: Vec<Point> = self.pointers.values().copied().collect();
            self.press = None;
            let dist = |v: &[Point]| (v[0][0] - v[1][0]).hypot(v[0][1] - v[1][1]).max(1.0);
            let mid = |v: &[Point]| [(v[0][0] + v[1][0]) / 2.0, (v[0][1] + v[1][1]) / 2.0];
            let (m0, m1) = (mid(&before), mid(&after));
            return Action::Pinch {
                pan: (m1[0] - m0[0], m1[1] - m0[1]),
                at: m1,
                factor: dist(&after) / dist(&before),
            };
        }
        if let Some(q) = self.pointers.get_mut(&id) {
            *q = p;
        }
        let Some(press) = &mut self.press else {
            return if self.pointers.is_empty() {
                Action::Hover(p)
            } else {
                Action::None
            };
        };
        press.moved |= (p[0] - press.from[0]).abs() + (p[1] - press.from[1]).abs() > CLICK_SLOP;
        if touch || !press.moved {
            return Action::None;
        }
        match press.hit {
            Some(i) => Action::MoveNode(i, p),
            None => {
                let (dx, dy) = (p[0] - press.from[0], p[1] - press.from[1]);
                press.from = p;
                Action::Pan(dx, dy)
            }
        }
    }

    /// A pointer goes up: a press that did not move is a click.
    pub fn up(&mut self, id: i32) -> Action {
        self.pointers.remove(&id);
        match self.press.take() {
            Some(p) if !p.moved => Action::Select(p.hit),
            _ => Action::None,
        }
    }

    /// A pointer is cancelled (the browser took it, e.g. for a scroll).
    pub fn cancel(&mut self, id: i32) {
        self.pointers.remove(&id);
        self.press = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_selects_and_a_small_wobble_is_still_a_click() {
        let mut g = Gestures::default();
        g.down(1, [10.0, 10.0], Some(7));
        assert_eq!(g.moved(1, [12.0, 11.0], false), Action::None);
        assert_eq!(g.up(1), Action::Select(Some(7)));
        g.down(1, [10.0, 10.0], None);
        assert_eq!(g.up(1), Action::Select(None), "a click on nothing clears");
    }

    #[test]
    fn dragging_empty_canvas_pans_in_steps_and_a_node_moves() {
        let mut g = Gestures::default();
        g.down(1, [0.0, 0.0], None);
        assert_eq!(g.moved(1, [10.0, 0.0], false), Action::Pan(10.0, 0.0));
        assert_eq!(g.moved(1, [15.0, 5.0], false), Action::Pan(5.0, 5.0));
        assert_eq!(g.up(1), Action::None, "a drag is not a click");
        g.down(1, [0.0, 0.0], Some(3));
        assert_eq!(
            g.moved(1, [20.0, 0.0], false),
            Action::MoveNode(3, [20.0, 0.0])
        );
        assert_eq!(g.up(1), Action::None);
    }

    #[test]
    fn one_finger_never_moves_the_graph_but_taps_select() {
        let mut g = Gestures::default();
        g.down(1, [0.0, 0.0], None);
        assert_eq!(
            g.moved(1, [0.0, 80.0], true),
            Action::None,
            "the page scrolls"
        );
        assert_eq!(g.up(1), Action::None, "a scroll is not a tap");
        g.down(1, [5.0, 5.0], Some(2));
        assert_eq!(g.up(1), Action::Select(Some(2)));
    }

    #[test]
    fn two_fingers_pinch_around_their_midpoint() {
        let mut g = Gestures::default();
        g.down(1, [0.0, 0.0], None);
        g.down(2, [100.0, 0.0], None);
        match g.moved(2, [200.0, 0.0], true) {
            Action::Pinch { pan, at, factor } => {
                assert_eq!(pan, (50.0, 0.0));
                assert_eq!(at, [100.0, 0.0]);
                assert!((factor - 2.0).abs() < 1e-6);
            }
            a => panic!("{a:?}"),
        }
        assert_eq!(g.up(2), Action::None, "a pinch is not a tap");
        assert_eq!(g.up(1), Action::None);
        // Hovering again once every finger is up.
        assert_eq!(g.moved(9, [1.0, 1.0], false), Action::Hover([1.0, 1.0]));
    }

    #[test]
    fn a_cancelled_press_does_nothing() {
        let mut g = Gestures::default();
        g.down(1, [0.0, 0.0], Some(1));
        g.cancel(1);
        assert_eq!(g.up(1), Action::None);
    }
}
