//! Comparing two figures of the same measure.
//!
//! Each figure stands for the interval its wording allows (see
//! `numbers::interval`): "environ 11 000" is [10 450, 11 550] with the
//! default 5 % tolerance, "au moins 150" is [150, ∞), "jusqu'à 8 000" is
//! [0, 8 000]. Units convert within a dimension (mm and cm, t and kg);
//! currencies only compare with the same currency, since no rate is known.
//!
//! Two figures agree when their intervals overlap. An agreement that rests
//! only on a one-sided bound far from the other figure ("jusqu'à 8 000"
//! and "5 000") is "compatible": it neither contradicts nor confirms.

use crate::lexicon;
use crate::report::{Kind, Qualifier, Quantity};
use crate::text::chars::fnv1a;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    Agree,
    /// Consistent, but only because one side is an open bound.
    Compatible,
    Disagree,
    /// Different kinds or units: no comparison.
    Incomparable,
}

/// What comparison needs of a figure: its interval in its dimension's base
/// unit. Small and inline, since a check weighs thousands of them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    kind: Kind,
    qualifier: Qualifier,
    /// Hash of the dimension's name ("length", "count", or an unknown
    /// unit's own name): equal dimensions, equal hashes.
    dimension: u64,
    /// Stated value, and the interval's ends, in the base unit.
    value: f64,
    low: f64,
    high: f64,
}

impl Figure {
    pub fn of(q: &Quantity) -> Self {
        // The dimension of a figure is its unit's, else its kind's.
        let (dimension, factor) = match &q.unit {
            None => (
                match q.kind {
                    Kind::Percent | Kind::Fraction => "percent",
                    Kind::Money => "money",
                    Kind::Duration => "time",
                    _ => "count",
                },
                // A fraction is a share: "la moitié" meets "50 %".
                if q.kind == Kind::Fraction { 100.0 } else { 1.0 },
            ),
            Some(u) => lexicon::unit_factor(u).unwrap_or((u.as_str(), 1.0)),
        };
        // An exact figure stands for what rounds to it: "7,4 %" is 7.35 to
        // 7.45, not 7.3; a round "2 000" is within 2.5 % of 2 000.
        // Rounding intervals are half-open: "7,3" and "7,4" meet at 7.35
        // without agreeing, and "41,46" and "41,45" at 41.455. The margin
        // that keeps them apart is a thousandth of the rounding itself, so
        // that it outweighs the float tolerance of the overlap test at any
        // magnitude and number of decimals.
        let half = if q.kind == Kind::Fraction && q.qualifier == Qualifier::Exact {
            // A share written as a fraction is rounded to a simple one: "un
            // tiers" stands for 30 to 37 %, "la moitié" for 45 to 55 %.
            q.value * FRACTION_ROUNDING
        } else if q.qualifier == Qualifier::Exact {
            precision(&q.surface, q.value) * (1.0 - 1e-3)
        } else {
            0.0
        };
        let (mut low, mut high) = (q.low.map_or(f64::NEG_INFINITY, |v| v - half), q.high.map_or(f64::INFINITY, |v| v + half));
        // A change is compared by its size: news writes a fall as "-0,1 %"
        // or as "a reculé de 0,1 %", "0.1% lower", and the direction lives
        // in a verb as often as in a sign.
        let mut value = q.value;
        if q.frame.aspect == crate::report::Aspect::Change && value < 0.0 {
            (value, low, high) = (-value, -high, -low);
        }
        // "environ 10 100" is stated to three digits: about it means within
        // a step or two of its last digit, not 5 % ("environ 11 000").
        if q.qualifier == Qualifier::Approx && value != 0.0 {
            let unit = last_digit_unit(&q.surface, value);
            let width = (high - value).max(value - low);
            let narrow = (2.0 * unit).max(width / 5.0).min(width);
            low = value - narrow;
            high = value + narrow;
        }
        Figure {
            kind: if q.kind == Kind::Fraction { Kind::Percent } else { q.kind },
            qualifier: q.qualifier,
            dimension: fnv1a(dimension),
            value: value * factor,
            low: low * factor,
            high: high * factor,
        }
    }
}

/// Relative half-width of a share written as a fraction ("un tiers", "1
/// sur 10"): news rounds a share to the nearest simple fraction, and 10 %
/// of it keeps "un tiers" (30-37 %) apart from a quarter and two-fifths.
const FRACTION_ROUNDING: f64 = 0.1;

/// Half the unit of the last significant digit of a stated figure, the
/// rounding its wording allows. Stated decimals count in full ("7,4": 0.05);
/// trailing zeros of a whole number may be rounding, up to 2.5 % ("2 000":
/// 50, so that 2 012 agrees and 11 000 still disagrees with 12 000).
fn precision(surface: &str, value: f64) -> f64 {
    let v = value.abs();
    let unit = last_digit_unit(surface, value);
    if unit < 1.0 {
        unit / 2.0
    } else if unit == 1.0 || v < 1000.0 {
        // A whole number stands for what rounds to it at the unit, no
        // more: 173 is not 172, "80 %" is not 81 %, but "28 %" is what
        // 28,01 % rounds to. Small ones are stated, not rounded: a
        // magnitude 7 is not 6.8 (within 1 %).
        0.5f64.min(0.01 * v)
    } else {
        (unit / 2.0).min(0.025 * v)
    }
}

/// The unit of the last non-zero digit of a stated figure: 0.1 for "7,4",
/// 100 for "10 100", 10 000 for "1,28 million".
fn last_digit_unit(surface: &str, value: f64) -> f64 {
    let v = value.abs();
    if v == 0.0 || !v.is_finite() {
        return 0.0;
    }
    let mut digits: String = surface.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        digits = format!("{v:.0}");
    }
    let significant = digits.trim_start_matches('0').trim_end_matches('0').len().max(1) as i32;
    let magnitude = v.log10().floor() as i32;
    10f64.powi(magnitude - significant + 1)
}

impl Figure {
    /// The stated value, in the base unit.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The dimension's hash.
    pub fn dimension(&self) -> u64 {
        self.dimension
    }
}

/// The unit of the last significant digit of a stated value: 1 000 for
/// 3 000, 10 for 150, 10 000 for 1 280 000.
fn step(v: f64) -> f64 {
    let v = v.abs();
    if v < 1.0 || v.fract() != 0.0 {
        return 0.0;
    }
    let mut step = 1.0;
    while v % (step * 10.0) == 0.0 && step < 1e15 {
        step *= 10.0;
    }
    step
}

/// Which side of a bound its values lie on: +1 above, -1 below.
fn bound_side(q: Qualifier) -> f64 {
    match q {
        Qualifier::AtLeast | Qualifier::MoreThan => 1.0,
        _ => -1.0,
    }
}

fn is_bound(q: Qualifier) -> bool {
    matches!(q, Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::AtMost | Qualifier::LessThan)
}

/// Compares figure `b` (a source's) with figure `a` (the claim's).
/// Returns the outcome and the relative difference of the stated values.
pub fn compare(a: &Figure, b: &Figure, tolerance: f64) -> (Outcome, f64) {
    let same_kind = a.kind == b.kind || matches!((a.kind, b.kind), (Kind::Count, Kind::Measure) | (Kind::Measure, Kind::Count));
    if !same_kind || a.dimension != b.dimension {
        return (Outcome::Incomparable, 0.0);
    }
    let (va, vb) = (a.value, b.value);
    let diff = if va != 0.0 { (vb - va) / va.abs() } else { 0.0 };
    // An order of magnitude ("hundreds", "des centaines") neither confirms
    // nor contradicts a figure.
    if a.qualifier == Qualifier::Vague || b.qualifier == Qualifier::Vague {
        return (Outcome::Compatible, diff);
    }
    let eps = 1e-9 * va.abs().max(vb.abs()).max(1.0);
    let overlap = a.low.max(b.low) <= a.high.min(b.high) + eps;
    if !overlap {
        return (Outcome::Disagree, diff);
    }
    // A bound agrees when the other figure sits near it: within the
    // tolerance, or within one step of its last significant digit ("plus de
    // 3 000 milliards" and 3 160 milliards; "more than 2 million" and 2.1
    // million). Far inside it is only compatible.
    let near = |bound: &Figure, other: f64| {
        let gap = (other - bound.value).abs();
        gap <= tolerance * bound.value.abs() || gap <= step(bound.value) && (other - bound.value).signum() == bound_side(bound.qualifier)
    };
    // A range whose ends lie several times apart ("between 100 and 1,000",
    // or "fell by 171 to 25,660" read as one) confirms nothing.
    let vague = |f: &Figure| f.qualifier == Qualifier::Range && f.low > 0.0 && f.high / f.low > 4.0;
    if vague(a) || vague(b) {
        return (Outcome::Compatible, diff);
    }
    let outcome = match (is_bound(a.qualifier), is_bound(b.qualifier)) {
        (true, false) if !near(a, vb) => Outcome::Compatible,
        (false, true) if !near(b, va) => Outcome::Compatible,
        (true, true) if a.qualifier != b.qualifier || !near(a, vb) => Outcome::Compatible,
        _ => Outcome::Agree,
    };
    (outcome, diff)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::interval;

    fn q(value: f64, qualifier: Qualifier, unit: Option<&str>) -> Figure {
        figure("", value, qualifier, unit)
    }

    /// A figure as written (its decimals set its rounding), in `unit`.
    fn figure(surface: &str, value: f64, qualifier: Qualifier, unit: Option<&str>) -> Figure {
        let kind = match unit {
            Some("%") => Kind::Percent,
            Some(_) => Kind::Measure,
            None => Kind::Count,
        };
        figure_of_kind(surface, value, qualifier, unit, kind)
    }

    fn figure_of_kind(surface: &str, value: f64, qualifier: Qualifier, unit: Option<&str>, kind: Kind) -> Figure {
        let (low, high) = interval(value, qualifier, 0.05, true);
        Figure::of(&Quantity {
            surface: surface.to_string(),
            span: [0, 0],
            span_utf16: [0, 0],
            value,
            low,
            high,
            qualifier,
            kind,
            unit: unit.map(str::to_string),
            measure: None,
            measure_surface: None,
            measure_span: None,
            measure_span_utf16: None,
            qualifier_surface: None,
            date: None,
            frame: Default::default(),
        })
    }

    #[test]
    fn vague_amounts_neither_confirm_nor_contradict() {
        // "hundreds" against 200, 100 or 5 000: never a verdict.
        for other in [200.0, 100.0, 5000.0] {
            let (o, _) = compare(&q(200.0, Qualifier::Vague, None), &q(other, Qualifier::Exact, None), 0.05);
            assert_eq!(o, Outcome::Compatible, "hundreds vs {other}");
            let (o, _) = compare(&q(other, Qualifier::Exact, None), &q(200.0, Qualifier::Vague, None), 0.05);
            assert_eq!(o, Outcome::Compatible, "{other} vs hundreds");
        }
    }

    #[test]
    fn approximate_and_exact_agree_within_tolerance() {
        assert_eq!(compare(&q(11000.0, Qualifier::Approx, None), &q(11000.0, Qualifier::Exact, None), 0.05).0, Outcome::Agree);
        // 12 000 lies outside "environ 11 000" at ±5 % ([10 450, 11 550]).
        let (o, d) = compare(&q(12000.0, Qualifier::Exact, None), &q(11000.0, Qualifier::Approx, None), 0.05);
        assert_eq!(o, Outcome::Disagree);
        assert!((d + 0.0833).abs() < 1e-3);
    }

    /// An exact percentage as written.
    fn stated(surface: &str, value: f64) -> Figure {
        figure(surface, value, Qualifier::Exact, Some("%"))
    }

    #[test]
    fn neighbouring_roundings_disagree_at_every_number_of_decimals() {
        // Each row: two figures as written, and whether they state the same fact.
        let rows = [
            ("7,4", 7.4, "7,4", 7.4, Outcome::Agree),
            ("7,4", 7.4, "7,3", 7.3, Outcome::Disagree),
            ("7,4", 7.4, "7,40", 7.40, Outcome::Agree),
            // The 2022 French run-off: 41.46 % (ministry) against 41.45 %.
            ("41,46", 41.46, "41,45", 41.45, Outcome::Disagree),
            ("41,46", 41.46, "41.46", 41.46, Outcome::Agree),
            ("58,5", 58.5, "58,55", 58.55, Outcome::Agree),
            ("0,125", 0.125, "0,126", 0.126, Outcome::Disagree),
            ("99,99", 99.99, "99,98", 99.98, Outcome::Disagree),
            // A whole percentage is a rounding at the unit.
            ("28", 28.0, "28,01", 28.01, Outcome::Agree),
            ("28", 28.0, "28,6", 28.6, Outcome::Disagree),
            ("80", 80.0, "81", 81.0, Outcome::Disagree),
            ("173", 173.0, "172", 172.0, Outcome::Disagree),
            // A magnitude 7 (one institute) against 6.8 (another).
            ("7", 7.0, "6,8", 6.8, Outcome::Disagree),
        ];
        for (sa, va, sb, vb, want) in rows {
            assert_eq!(compare(&stated(sa, va), &stated(sb, vb), 0.05).0, want, "{sa} against {sb}");
        }
    }

    #[test]
    fn bounds() {
        assert_eq!(compare(&q(150.0, Qualifier::AtLeast, None), &q(150.0, Qualifier::Exact, None), 0.05).0, Outcome::Agree);
        assert_eq!(compare(&q(8000.0, Qualifier::AtMost, None), &q(5000.0, Qualifier::Exact, None), 0.05).0, Outcome::Compatible);
        assert_eq!(compare(&q(8000.0, Qualifier::AtMost, None), &q(11000.0, Qualifier::Approx, None), 0.05).0, Outcome::Disagree);
    }

    #[test]
    fn units_convert_and_kinds_must_match() {
        assert_eq!(compare(&q(177.0, Qualifier::Exact, Some("mm")), &q(17.7, Qualifier::Exact, Some("cm")), 0.05).0, Outcome::Agree);
        assert_eq!(compare(&q(122.0, Qualifier::Exact, Some("mm")), &q(152.0, Qualifier::Exact, Some("mm")), 0.05).0, Outcome::Disagree);
        assert_eq!(compare(&q(60.0, Qualifier::Exact, Some("%")), &q(60.0, Qualifier::Exact, None), 0.05).0, Outcome::Incomparable);
        assert_eq!(compare(&q(5.0, Qualifier::Exact, Some("USD")), &q(5.0, Qualifier::Exact, Some("EUR")), 0.05).0, Outcome::Incomparable);
    }

    fn fraction(value: f64) -> Figure {
        figure_of_kind("un tiers", value, Qualifier::Exact, None, Kind::Fraction)
    }

    /// A share written as a fraction meets the percentages it rounds, and
    /// never a count.
    #[test]
    fn fractions_are_shares() {
        let third = fraction(1.0 / 3.0);
        assert_eq!(compare(&third, &figure("33", 33.0, Qualifier::Exact, Some("%")), 0.05).0, Outcome::Agree);
        assert_eq!(compare(&third, &figure("31", 31.0, Qualifier::Exact, Some("%")), 0.05).0, Outcome::Agree);
        assert_eq!(compare(&third, &figure("25", 25.0, Qualifier::Exact, Some("%")), 0.05).0, Outcome::Disagree);
        assert_eq!(compare(&fraction(0.5), &figure("49,5", 49.5, Qualifier::Exact, Some("%")), 0.05).0, Outcome::Agree);
        assert_eq!(compare(&third, &q(12e6, Qualifier::Exact, None), 0.05).0, Outcome::Incomparable);
    }
}
