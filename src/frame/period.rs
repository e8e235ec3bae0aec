//! When a figure holds: the period words of a sentence, resolved against
//! the document's date.
//!
//! `periods.tsv` lists the words (quarters, halves, relative expressions,
//! weekdays); dates and years come from the number stage. A sentence's time
//! expressions are found once; each figure then takes the one that follows
//! it in its clause ("7,4 % au troisième trimestre 2024"), else the nearest
//! one before it with no other figure in between ("Au deuxième trimestre
//! 2024, le chômage a reculé à 7,3 %"), else the sentence's first absolute
//! one, else the document's date as an "as of" date.
//!
//! A month or quarter without a year takes the document's year, the year
//! before when it has not begun by the document's date. "Un an plus tôt"
//! and "the previous quarter" shift the sentence's reference period;
//! "l'an dernier", "lundi" and "yesterday" shift the document's date.
//!
//! Invariant: a period whose year is unknown has no start or end; it
//! compares only by its grain ("T3" against "T3").

use crate::lexicon;
use crate::numbers::Mention;
use crate::report::{Kind, Lang};
use crate::text::tokens::Tokens;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub y: i32,
    pub m: u8,
    pub d: u8,
}

impl Ymd {
    /// Reads "2024-09-10" (a time may follow: "2024-09-10T08:00:00Z").
    pub fn parse(s: &str) -> Option<Ymd> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.len() > 10 && !matches!(b[10], b'T' | b' ') {
            return None;
        }
        let y: i32 = s.get(0..4)?.parse().ok()?;
        let m: u8 = s.get(5..7)?.parse().ok()?;
        let d: u8 = s.get(8..10)?.parse().ok()?;
        (1..=12).contains(&m).then_some(())?;
        (1..=days_in_month(y, m)).contains(&d).then_some(Ymd { y, m, d })
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Ymd {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Ymd { y, m, d }
    }

    /// 1 = Monday ... 7 = Sunday.
    pub fn weekday(self) -> u8 {
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// The month `by` months before month `m` of year `y`: (year, month).
fn months_back(y: i32, m: u8, by: i32) -> (i32, u8) {
    let total = y * 12 + i32::from(m) - 1 - by;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// The span of time a period covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    Year,
    Half(u8),
    Quarter(u8),
    Month(u8),
    Day(u8, u8),
    /// Consecutive months ending in the period's year: first month, how
    /// many years before the end it lies (0 or 1), last month. "the 12
    /// months from August 2023 to July 2024", "août 2022-juillet 2023".
    Span(u8, u8, u8),
    /// Said to be relative ("le trimestre précédent") to a period the
    /// sentence does not give: another period than the sentence's, but
    /// which one is unknown.
    Unresolved,
}

/// A figure's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub year: Option<i32>,
    pub grain: Grain,
    /// Taken from the document's date, not from the text: "as of".
    pub implicit: bool,
    /// A running total up to the date ("depuis le début de la guerre").
    pub to_date: bool,
    /// Read from elsewhere in the sentence, not next to the figure: a
    /// likely period, too loose to call two figures different facts.
    pub loose: bool,
}

impl Period {
    fn day(d: Ymd, implicit: bool) -> Period {
        Period { year: Some(d.y), grain: Grain::Day(d.m, d.d), implicit, to_date: false, loose: false }
    }

    /// First and last day, when the year is known.
    pub fn bounds(&self) -> Option<(Ymd, Ymd)> {
        let y = self.year?;
        let month_end = |m: u8| Ymd { y, m, d: days_in_month(y, m) };
        Some(match self.grain {
            Grain::Year => (Ymd { y, m: 1, d: 1 }, Ymd { y, m: 12, d: 31 }),
            Grain::Half(h) => (Ymd { y, m: 6 * h - 5, d: 1 }, month_end(6 * h)),
            Grain::Quarter(q) => (Ymd { y, m: 3 * q - 2, d: 1 }, month_end(3 * q)),
            Grain::Month(m) => (Ymd { y, m, d: 1 }, month_end(m)),
            Grain::Day(m, d) => (Ymd { y, m, d }, Ymd { y, m, d }),
            Grain::Span(m1, back, m2) => (Ymd { y: y - i32::from(back), m: m1, d: 1 }, month_end(m2)),
            Grain::Unresolved => return None,
        })
    }

    pub fn grain_name(&self) -> &'static str {
        match self.grain {
            Grain::Year => "year",
            Grain::Half(_) => "half",
            Grain::Quarter(_) => "quarter",
            Grain::Month(_) => "month",
            Grain::Day(..) => "day",
            Grain::Span(..) => "span",
            Grain::Unresolved => "relative",
        }
    }

    /// How a reader names it: "T3 2024", "Q3 2024", "septembre 2024",
    /// "2023", "24 déc. 2024".
    pub fn label(&self, lang: Lang) -> String {
        let year = self.year.map(|y| format!(" {y}")).unwrap_or_default();
        let months_fr = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
        let months_en = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
        let month = |m: u8| match lang {
            Lang::Fr => months_fr[usize::from(m - 1)],
            Lang::En => months_en[usize::from(m - 1)],
        };
        let base = match (self.grain, lang) {
            (Grain::Year, _) => return self.year.map_or_else(String::new, |y| y.to_string()),
            (Grain::Half(h), Lang::Fr) => format!("S{h}{year}"),
            (Grain::Half(h), Lang::En) => format!("H{h}{year}"),
            (Grain::Quarter(q), Lang::Fr) => format!("T{q}{year}"),
            (Grain::Quarter(q), Lang::En) => format!("Q{q}{year}"),
            (Grain::Month(m), _) => format!("{}{year}", month(m)),
            (Grain::Day(m, d), Lang::Fr) => format!("{d} {}{year}", month(m)),
            (Grain::Day(m, d), Lang::En) => format!("{} {d}{}", month(m), self.year.map(|y| format!(", {y}")).unwrap_or_default()),
            (Grain::Span(m1, back, m2), _) => {
                let y = self.year.unwrap_or_default();
                format!("{} {}–{} {y}", month(m1), y - i32::from(back), month(m2))
            }
            (Grain::Unresolved, Lang::Fr) => "autre période".to_string(),
            (Grain::Unresolved, Lang::En) => "another period".to_string(),
        };
        if self.to_date {
            match lang {
                Lang::Fr => format!("cumul au {base}"),
                Lang::En => format!("total to {base}"),
            }
        } else {
            base
        }
    }

    /// This period moved back by `months` months (or `days` days for a day).
    fn shifted(&self, months: i32, days: i64) -> Period {
        let mut p = *self;
        p.implicit = false;
        let Some(y) = self.year else {
            p.grain = Grain::Unresolved;
            return p;
        };
        let back = |m: u8, by: i32| months_back(y, m, by);
        match self.grain {
            Grain::Year => p.year = Some(y - months.max(12) / 12),
            Grain::Half(h) => {
                let (ny, nm) = back(6 * h, months.max(6));
                p.year = Some(ny);
                p.grain = Grain::Half(nm.div_ceil(6));
            }
            Grain::Quarter(q) => {
                let (ny, nm) = back(3 * q, months.max(3));
                p.year = Some(ny);
                p.grain = Grain::Quarter(nm.div_ceil(3));
            }
            Grain::Month(m) => {
                let (ny, nm) = back(m, months.max(1));
                p.year = Some(ny);
                p.grain = Grain::Month(nm);
            }
            Grain::Day(m, d) => {
                let day = Ymd { y, m, d };
                let moved = if days != 0 {
                    Ymd::from_days(day.days() - days)
                } else {
                    let (ny, nm) = back(m, months);
                    Ymd { y: ny, m: nm, d: d.min(days_in_month(ny, nm)) }
                };
                return Period::day(moved, false);
            }
            Grain::Span(m1, years, m2) => {
                // The same run of months, moved back as a whole.
                let (ny, nm) = back(m2, months.max(1));
                let (sy, sm) = months_back(y - i32::from(years), m1, months.max(1));
                p.year = Some(ny);
                p.grain = Grain::Span(sm, (ny - sy).clamp(0, 1) as u8, nm);
            }
            Grain::Unresolved => {}
        }
        p
    }
}

/// How two periods relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodMatch {
    Same,
    /// One side's period is unknown or only implied: they may be the same.
    Open,
    Differ,
}

/// Whether two figures' periods are the same. `cumulative` measures (tolls,
/// deliveries) grow day by day: their "as of" dates must be the same day.
pub fn relate(a: Option<&Period>, b: Option<&Period>, cumulative: bool) -> PeriodMatch {
    let strict = relate_strict(a, b, cumulative);
    if strict == PeriodMatch::Differ && (a.is_some_and(|p| p.loose) || b.is_some_and(|p| p.loose)) {
        return PeriodMatch::Open;
    }
    strict
}

fn relate_strict(a: Option<&Period>, b: Option<&Period>, cumulative: bool) -> PeriodMatch {
    let (a, b) = match (a, b) {
        (None, None) => return PeriodMatch::Same,
        (Some(a), Some(b)) => (a, b),
        // Only one document is dated and neither figure states a period:
        // read them as of the same time, as figures of undated documents
        // are. A period stated on one side only leaves it open.
        (Some(p), None) | (None, Some(p)) if p.implicit => return PeriodMatch::Same,
        _ => return PeriodMatch::Open,
    };
    if matches!(a.grain, Grain::Unresolved) || matches!(b.grain, Grain::Unresolved) {
        return PeriodMatch::Open;
    }
    match (a.implicit || a.to_date, b.implicit || b.to_date) {
        (true, true) => {
            let (Some((x, _)), Some((y, _))) = (a.bounds(), b.bounds()) else { return PeriodMatch::Open };
            let gap = (x.days() - y.days()).abs();
            if gap == 0 || !cumulative && gap <= 7 {
                PeriodMatch::Same
            } else if cumulative {
                PeriodMatch::Differ
            } else {
                PeriodMatch::Open
            }
        }
        (true, false) | (false, true) => {
            // An "as of" date against a stated period: the same only when
            // the stated period is that very day.
            let (implied, stated) = if a.implicit || a.to_date { (a, b) } else { (b, a) };
            match (implied.bounds(), stated.bounds()) {
                (Some((d, _)), Some((s, e))) if s == e && s == d => PeriodMatch::Same,
                (Some((d, _)), Some((s, e))) if cumulative && (d < s || s == e) && e != d => PeriodMatch::Differ,
                _ => PeriodMatch::Open,
            }
        }
        (false, false) => {
            let day = |p: &Period| matches!(p.grain, Grain::Day(..));
            if (day(a) || day(b)) && a != b && !cumulative {
                // A day is mostly when something was said or paid; two
                // figures of one fact may carry different ones.
                return PeriodMatch::Open;
            }
            // Another grain: another period ("2023" is not "T4 2023").
            if a.grain != b.grain {
                return PeriodMatch::Differ;
            }
            match (a.year, b.year) {
                (Some(x), Some(y)) if x == y => PeriodMatch::Same,
                (Some(_), Some(_)) => PeriodMatch::Differ,
                (None, None) => PeriodMatch::Same,
                _ => PeriodMatch::Open,
            }
        }
    }
}

/// What a time expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Spec {
    /// A stated period; its year may be missing.
    Stated(Period),
    /// Back from the sentence's reference period by (months, days).
    Earlier(i32, i64),
    /// Back from the document's date by (months, days); `grain` is what
    /// "last year" or "last month" names.
    Ago(i32, i64, char),
    This(char),
    Day(i64),
    Weekday(u8),
    Since,
}

/// A time expression of a sentence: byte span and meaning.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    spec: Spec,
    /// Introduced by a `baseline` phrase ("par rapport à 2017"), or said of
    /// a name by a possessive ("close to Tony Blair's 1997 landslide"): the
    /// moment compared with, never the sentence's period for its figures.
    baseline: bool,
}

impl TimeExpr {
    /// A run of months ("the 12 months to July 2023"), whose length in
    /// months is part of the expression, not a figure of its own.
    pub fn is_span(&self) -> bool {
        matches!(self.spec, Spec::Stated(Period { grain: Grain::Span(..), .. }))
    }

    /// A single day: a date, a weekday, "hier".
    fn is_day(&self) -> bool {
        matches!(self.spec, Spec::Day(_) | Spec::Weekday(_) | Spec::Stated(Period { grain: Grain::Day(..), .. }))
    }
}

fn shift(value: &str) -> (i32, i64) {
    let (n, unit) = value.split_at(value.len() - 1);
    let n: i64 = n.parse().unwrap_or(1);
    match unit {
        "y" => (12 * n as i32, 0),
        "q" => (3 * n as i32, 0),
        "m" => (n as i32, 0),
        "w" => (0, 7 * n),
        _ => (0, n),
    }
}

/// The time expressions of the token range `toks` (one sentence), with the
/// sentence's date and year mentions.
pub fn expressions(t: &Tokens<'_>, toks: std::ops::Range<usize>, mentions: &[Mention], lang: Lang) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::new();
    // Dates and years the number stage read, in order.
    let mut read: Vec<TimeExpr> = Vec::new();
    let (start_byte, end_byte) = match (toks.clone().next(), toks.clone().last()) {
        (Some(a), Some(b)) => (t.tokens[a].start, t.tokens[b].end),
        _ => return out,
    };
    // Dates and years the number stage read.
    for m in mentions.iter().filter(|m| m.start >= start_byte && m.end <= end_byte) {
        let spec = match m.kind {
            Kind::Year => {
                Spec::Stated(Period { year: Some(m.value as i32), grain: Grain::Year, implicit: false, to_date: false, loose: false })
            }
            Kind::Date => match m.date.as_deref().map(date_period) {
                Some(Some(p)) => Spec::Stated(p),
                _ => continue,
            },
            _ => continue,
        };
        read.push(TimeExpr { start: m.start, end: m.end, spec, baseline: false });
    }
    // Found below, in order; a year the number stage read can be absorbed
    // into the quarter before it.
    let mut absorbed = vec![false; read.len()];
    let table = lexicon::periods().get(lang);
    let basis = lexicon::aspects().get(lang);
    let months = lexicon::months().get(lang);
    let mut i = toks.start;
    while i < toks.end {
        // A basis ("from a year earlier") is not a period.
        if let Some(end) = basis.starting_with(t.folded(i)).iter().filter(|p| p.value.0 == "basis").find_map(|p| t.match_at(i, &p.tokens)) {
            i = end;
            continue;
        }
        let hit = table.starting_with(t.folded(i)).iter().find_map(|p| {
            let end = t.match_at(i, &p.tokens).filter(|&e| e <= toks.end)?;
            if p.case_sensitive && !t.text[t.tokens[i].start..].starts_with(p.raw) {
                return None;
            }
            Some((end, p.value))
        });
        if let Some((end, (kind, value))) = hit {
            let spec = match kind {
                "quarter" | "half" => {
                    let n: u8 = value.parse().unwrap_or(1);
                    let grain = if kind == "quarter" { Grain::Quarter(n) } else { Grain::Half(n) };
                    Some(Spec::Stated(Period { year: None, grain, implicit: false, to_date: false, loose: false }))
                }
                "earlier" => {
                    let (mo, d) = shift(value);
                    Some(Spec::Earlier(mo, d))
                }
                "ago" => {
                    let (mo, d) = shift(value);
                    Some(Spec::Ago(mo, d, value.chars().last().unwrap_or('d')))
                }
                "this" => Some(Spec::This(value.chars().next().unwrap_or('y'))),
                "day" => Some(Spec::Day(-value.parse::<i64>().unwrap_or(0))),
                "weekday" => Some(Spec::Weekday(value.parse().unwrap_or(1))),
                "since" => Some(Spec::Since),
                // "mi-janvier": the month that follows carries the meaning.
                _ => None,
            };
            if let Some(spec) = spec {
                let e = t.tokens[end - 1].end;
                // A year right after a quarter ("T3 2024") is its year; the
                // number stage reported it as a year expression, now absorbed.
                let mut spec = spec;
                let mut e2 = e;
                if let Spec::Stated(ref mut p) = spec {
                    let mut j = end;
                    if j < toks.end && matches!(t.folded(j), "de" | "of") {
                        j += 1;
                    }
                    let at = t.tokens.get(j).map_or(usize::MAX, |k| k.start);
                    let y = read.partition_point(|x| x.start < at);
                    if let Some(x) = read.get(y).filter(|x| x.start == at && !absorbed[y]) {
                        if let Spec::Stated(Period { year: Some(yr), grain: Grain::Year, .. }) = x.spec {
                            p.year = Some(yr);
                            e2 = x.end;
                            absorbed[y] = true;
                        }
                    }
                }
                out.push(TimeExpr { start: t.tokens[i].start, end: e2, spec, baseline: false });
                i = end;
                continue;
            }
        }
        // A month alone ("en septembre", "in September"), not a date the
        // number stage already read.
        if let Some(&m) = months.get(t.folded(i)) {
            let pos = t.tokens[i].start;
            let word = t.text(i);
            // Expressions do not overlap: only the last one starting at or
            // before the month can hold it.
            let holds = |x: &TimeExpr| x.start <= pos && pos < x.end;
            let r = read.partition_point(|x| x.start <= pos);
            let taken = r > 0 && !absorbed[r - 1] && holds(&read[r - 1]) || out.last().is_some_and(holds);
            let cue = i > toks.start
                && (t.folded(i - 1) == "'"
                    || matches!(
                        t.folded(i - 1),
                        "en" | "de" | "d'" | "in" | "of" | "since" | "depuis" | "-" | "mi" | "fin" | "debut" | "mid" | "late" | "early"
                            // The end of a run of months: "the 12 months through July".
                            | "through" | "to" | "until" | "ending" | "ended"
                    ));
            let capital_ok = lang == Lang::Fr || word.starts_with(char::is_uppercase);
            if !taken && cue && capital_ok {
                let p = Period { year: None, grain: Grain::Month(m as u8), implicit: false, to_date: false, loose: false };
                out.push(TimeExpr { start: pos, end: t.tokens[i].end, spec: Spec::Stated(p), baseline: false });
            }
        }
        i += 1;
    }
    let mut all: Vec<TimeExpr> = read.into_iter().zip(absorbed).filter(|(_, a)| !a).map(|(x, _)| x).collect();
    all.extend(out);
    all.sort_by_key(|x| x.start);
    spans(t, &mut all, table);
    for x in &mut all {
        let k = t.at_or_after(x.start);
        let possessive = k > toks.start && {
            let before = t.text[..x.start].trim_end();
            before.ends_with("'s") || before.ends_with("\u{2019}s")
        };
        x.baseline = possessive
            || k > toks.start
                && basis.ending_with(t.folded(k - 1)).iter().any(|p| p.value.0 == "baseline" && t.match_ending(k, &p.tokens).is_some());
    }
    all
}

/// Joins two months into one run ("from August 2023 to July 2024") and
/// makes a month after a `trailing` phrase the last of twelve ("the 12
/// months to July 2023"). Runs longer than two years are left alone:
/// "from 2010 to 2024" style spans are trends, not one figure's period.
fn spans(t: &Tokens<'_>, all: &mut Vec<TimeExpr>, table: &lexicon::PhraseTable<(&'static str, &'static str)>) {
    let month_of = |x: &TimeExpr| match x.spec {
        Spec::Stated(p) => match p.grain {
            Grain::Month(m) => Some((p.year, m)),
            _ => None,
        },
        _ => None,
    };
    let rows = |kind: &str, i: usize| -> Vec<(usize, &'static str)> {
        if i >= t.len() {
            return Vec::new();
        }
        table
            .starting_with(t.folded(i))
            .iter()
            .filter(|p| p.value.0 == kind)
            .filter_map(|p| t.match_at(i, &p.tokens).map(|e| (e, p.value.1)))
            .collect()
    };
    let span = |y2: i32, m1: u8, y1: i32, m2: u8| -> Option<Period> {
        let back = y2 - y1;
        ((0..=1).contains(&back) && (y1, m1) < (y2, m2)).then_some(Period {
            year: Some(y2),
            grain: Grain::Span(m1, back as u8, m2),
            implicit: false,
            to_date: false,
            loose: false,
        })
    };
    let mut k = 0;
    while k + 1 < all.len() {
        if let (Some((y1, m1)), Some((Some(y2), m2))) = (month_of(&all[k]), month_of(&all[k + 1])) {
            let (a, b) = (t.at_or_after(all[k].end), t.at_or_after(all[k + 1].start));
            let first = t.at_or_after(all[k].start);
            let between_before = first > 0 && table.ending_with(t.folded(first - 1)).iter().any(|p| p.value.0 == "span_from");
            let joined = rows("span_to", a).iter().any(|&(e, v)| e == b && (v != "between" || between_before));
            let y1 = y1.unwrap_or(if m1 < m2 { y2 } else { y2 - 1 });
            if let Some(p) = span(y2, m1, y1, m2).filter(|_| joined) {
                let start = length_before(t, first).unwrap_or(all[k].start);
                all[k] = TimeExpr { start, end: all[k + 1].end, spec: Spec::Stated(p), baseline: false };
                all.remove(k + 1);
                continue;
            }
        }
        k += 1;
    }
    for x in all.iter_mut() {
        let Some((y, m)) = month_of(x) else { continue };
        let first = t.at_or_after(x.start);
        let trailing = if first > 0 {
            table
                .ending_with(t.folded(first - 1))
                .iter()
                .filter(|p| p.value.0 == "trailing" && p.value.1 == "12")
                .find_map(|p| t.match_ending(first, &p.tokens))
        } else {
            None
        };
        if let Some(from) = trailing {
            x.start = t.tokens[from].start;
            let (back, m1) = if m == 12 { (0, 1) } else { (1, m + 1) };
            // A yearless end month ("the 12 months through July") takes
            // its year from the document's date, as a month alone does.
            x.spec = Spec::Stated(Period { year: y, grain: Grain::Span(m1, back, m), implicit: false, to_date: false, loose: false });
        }
    }
}

/// The start of "the 12 months" right before "from August 2023 to July
/// 2024": a length in months and a word opening the run, up to the token
/// `first`.
fn length_before(t: &Tokens<'_>, first: usize) -> Option<usize> {
    let from = (first.saturating_sub(4)..first).rev().find(|&k| matches!(t.folded(k), "months" | "mois"))?;
    let opens = (from + 1..first).all(|k| matches!(t.folded(k), "from" | "between" | "de" | "d" | "'" | "entre" | "allant"));
    (from > 0
        && opens
        && (t.tokens[from - 1].kind == crate::text::words::TokKind::Digits || matches!(t.folded(from - 1), "twelve" | "douze")))
    .then(|| t.tokens[from - 1].start)
}

/// The period of an ISO date from the number stage ("2024-12-24",
/// "2024-09", "--02-11").
fn date_period(iso: &str) -> Option<Period> {
    if let Some(rest) = iso.strip_prefix("--") {
        let m: u8 = rest.get(0..2)?.parse().ok()?;
        let d: u8 = rest.get(3..5)?.parse().ok()?;
        return Some(Period { year: None, grain: Grain::Day(m, d), implicit: false, to_date: false, loose: false });
    }
    let y: i32 = iso.get(0..4)?.parse().ok()?;
    let m: u8 = iso.get(5..7)?.parse().ok()?;
    let grain = match iso.get(8..10).and_then(|d| d.parse().ok()) {
        Some(d) => Grain::Day(m, d),
        None => Grain::Month(m),
    };
    Some(Period { year: Some(y), grain, implicit: false, to_date: false, loose: false })
}

/// Gives a yearless stated period the document's year (the year before
/// when it has not begun by the document's date).
fn with_year(mut p: Period, doc: Option<Ymd>) -> Period {
    if p.year.is_some() {
        return p;
    }
    let Some(d) = doc else { return p };
    let first_month = match p.grain {
        Grain::Half(h) => 6 * h - 5,
        Grain::Quarter(q) => 3 * q - 2,
        Grain::Month(m) | Grain::Day(m, _) => m,
        // A run of months has begun when its last month has.
        Grain::Span(_, _, m) => m,
        Grain::Year | Grain::Unresolved => return p,
    };
    let begun = match p.grain {
        Grain::Day(m, day) => (m, day) <= (d.m, d.d),
        _ => first_month <= d.m,
    };
    p.year = Some(if begun { d.y } else { d.y - 1 });
    p
}

fn resolve(spec: Spec, reference: Option<Period>, doc: Option<Ymd>) -> Option<Period> {
    let doc_period = doc.map(|d| Period::day(d, false));
    match spec {
        Spec::Stated(p) => Some(with_year(p, doc)),
        Spec::Earlier(mo, d) => Some(match reference {
            Some(r) => r.shifted(mo, d),
            None => Period { year: None, grain: Grain::Unresolved, implicit: false, to_date: false, loose: false },
        }),
        Spec::Ago(mo, d, unit) => {
            let Some(doc) = doc else {
                return Some(Period { year: None, grain: Grain::Unresolved, implicit: false, to_date: false, loose: false });
            };
            let base = match unit {
                'y' => Period { year: Some(doc.y), grain: Grain::Year, implicit: false, to_date: false, loose: false },
                'q' => {
                    Period { year: Some(doc.y), grain: Grain::Quarter(doc.m.div_ceil(3)), implicit: false, to_date: false, loose: false }
                }
                'm' => Period { year: Some(doc.y), grain: Grain::Month(doc.m), implicit: false, to_date: false, loose: false },
                _ => Period::day(doc, false),
            };
            Some(base.shifted(mo, d))
        }
        Spec::This(unit) => {
            let doc = doc?;
            Some(match unit {
                'm' => Period { year: Some(doc.y), grain: Grain::Month(doc.m), implicit: false, to_date: false, loose: false },
                _ => Period { year: Some(doc.y), grain: Grain::Year, implicit: false, to_date: false, loose: false },
            })
        }
        Spec::Day(back) => doc_period.map(|p| p.shifted(0, back)),
        Spec::Weekday(w) => {
            let doc = doc?;
            let back = i64::from((doc.weekday() + 7 - w) % 7);
            Some(Period::day(Ymd::from_days(doc.days() - back), false))
        }
        Spec::Since => Some(Period { to_date: true, ..doc_period? }),
    }
}

/// A sentence's time expressions, in order, with what every figure of the
/// sentence reads from them alike: the reference that relative
/// expressions count from ("un an plus tôt" after "au deuxième trimestre
/// 2024"), and the first stated period, the sentence's own.
pub struct Times {
    exprs: Vec<TimeExpr>,
    reference: Option<Period>,
    first_stated: Option<TimeExpr>,
}

impl Times {
    /// `exprs` as `expressions` returns them (sorted by start).
    pub fn new(exprs: Vec<TimeExpr>, doc: Option<Ymd>) -> Self {
        // A moment compared with ("par rapport à 2017") is neither what
        // relative words count from nor the sentence's period.
        let reference = exprs.iter().filter(|x| !x.baseline).find_map(|x| match x.spec {
            Spec::Stated(_) | Spec::Ago(..) | Spec::This(_) | Spec::Day(_) | Spec::Weekday(_) => resolve(x.spec, None, doc),
            _ => None,
        });
        let first_stated = exprs.iter().find(|x| !x.baseline && matches!(x.spec, Spec::Stated(_))).copied();
        Times { exprs, reference, first_stated }
    }
}

/// Where the other figures of a sentence stand around one of them (byte
/// offsets), so that each figure's period is found without walking the
/// others.
#[derive(Debug, Clone, Copy)]
pub struct Around {
    /// End of the figure just before (0 if none).
    pub prev_end: usize,
    /// Start of the figure just after (`usize::MAX` if none).
    pub next_start: usize,
    /// End of the sentence's first figure, when that is another one.
    pub first_end: Option<usize>,
}

impl Around {
    /// Figure `k` of `spans`, the sentence's figures in order.
    pub fn new(spans: &[[usize; 2]], k: usize) -> Self {
        Around {
            prev_end: if k > 0 { spans[k - 1][1] } else { 0 },
            next_start: spans.get(k + 1).map_or(usize::MAX, |x| x[0]),
            first_end: if k > 0 { Some(spans[0][1]) } else { None },
        }
    }
}

/// Tokens a bracketed conversion may hold ("(3,475 square miles)").
const CONVERSION: usize = 6;

/// The end of the brackets that follow the figure `[start, end)` and hold
/// a figure, or that hold the figure itself.
fn bracket_end(t: &Tokens<'_>, figure: [usize; 2]) -> Option<usize> {
    use crate::text::words::TokKind;
    let k = t.at_or_after(figure[1]);
    let close = |from: usize| (from..(from + CONVERSION).min(t.len())).find(|&j| t.folded(j) == ")");
    if k < t.len() && t.folded(k) == "(" {
        let c = close(k + 1)?;
        // (A comma inside the brackets is mostly a digit group's: "3,475".)
        let breaks = |j: usize| t.is_clause_break(j) && t.folded(j) != ",";
        return ((k + 1..c).any(|j| t.tokens[j].kind == TokKind::Digits) && !(k + 1..c).any(breaks)).then(|| t.tokens[c].end);
    }
    let open = t.ending_by(figure[0]).checked_sub(1)?;
    if t.folded(open) == "(" {
        let c = close(k)?;
        return (!(k..c).any(|j| t.is_clause_break(j))).then(|| t.tokens[c].end);
    }
    None
}

/// Whether a subject pronoun (`clause_words.tsv`) stands between the bytes
/// `from` and `to`: "Tony Blair's 1997 majority, usually given as 179" is
/// the 1997 majority; in "close to Tony Blair's 1997 landslide, yet it won
/// fewer than 10 million votes" the votes are not of 1997.
fn pronoun_between(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    (t.at_or_after(from)..t.ending_by(to)).any(|k| {
        [Lang::Fr, Lang::En].iter().any(|&lang| crate::lexicon::is_clause_word(lang, t.folded(k), crate::lexicon::ClauseWord::Pronoun))
    })
}

/// The period of the figure spanning `[start, end)`, whose clause is
/// `[clause_start, clause_end)`, among the sentence's expressions.
pub fn of_figure(
    times: &Times,
    figure: [usize; 2],
    clause: [usize; 2],
    around: Around,
    t: &Tokens<'_>,
    doc: Option<Ymd>,
) -> Option<Period> {
    let exprs = &times.exprs;
    // After the figure, in its clause, before the next figure, with no
    // clause break between. Only the first expression after the figure
    // can qualify: any later one is further past each of these bounds.
    // No clause break between the bytes `from` and `to`.
    let no_break = |from: usize, to: usize| {
        let (a, b) = (t.ending_by(from), t.at_or_after(to));
        !(a..b).any(|k| t.is_clause_break(k))
    };
    // A figure and its conversion in brackets ("9,001 square kilometers
    // (3,475 square miles) ... in the 12 months through July") share the
    // period that follows the brackets.
    let end = bracket_end(t, figure).unwrap_or(figure[1]);
    let next_start = if around.next_start < end { usize::MAX } else { around.next_start };
    let first_after = exprs.partition_point(|x| x.start < end);
    let after = exprs
        .get(first_after)
        .filter(|x| x.start < next_start && (x.start < clause[1].max(end) + 1 || end > figure[1]) && no_break(end, x.start));
    // Before the figure, a day ("lundi", "le 15 janvier") is more often when
    // something was said than the period a figure measures; a period that
    // follows the figure before in its clause is that figure's ("contre 3
    // millions en 2018, et a vu 173 buts").
    let before = || {
        exprs[..exprs.partition_point(|x| x.start < figure[0])].iter().rev().take_while(|x| x.start >= around.prev_end).find(|x| {
            x.end <= figure[0]
                && !(x.baseline && pronoun_between(t, x.end, figure[0]))
                && (!x.is_day() || no_break(x.end, figure[0]))
                && !(around.prev_end > 0 && no_break(around.prev_end, x.start) && !no_break(x.end, figure[0]))
        })
    };
    // "8,8 millions d'hectares en 2023 en date du 27 juin": a period
    // followed at once by a narrower one inside it is dated by the
    // narrower ("as of 27 June 2023").
    let narrower = |p: Period| {
        // At most "en date du" between the two.
        let close =
            |x: &&TimeExpr, y: &TimeExpr| t.at_or_after(y.start).saturating_sub(t.ending_by(x.end)) <= 4 && no_break(x.end, y.start);
        let next = exprs.get(first_after + 1).filter(|y| y.start < next_start && after.is_some_and(|x| close(&x, y)))?;
        let mut q = resolve(next.spec, times.reference, doc)?;
        // "en 2023 en date du 27 juin": the day is of that year.
        q.year = q.year.or(p.year);
        let ((a, b), (c, d)) = (p.bounds()?, q.bounds()?);
        (a.days() <= c.days() && d.days() <= b.days() && (c, d) != (a, b)).then_some(q)
    };
    let chosen = after.or_else(before);
    let implicit = doc.map(|d| Period::day(d, true));
    match chosen {
        Some(x) if after.is_some() => resolve(x.spec, times.reference, doc).map(|p| narrower(p).unwrap_or(p)),
        Some(x) => resolve(x.spec, times.reference, doc),
        None => match times.first_stated {
            // The sentence's period, when no figure nearer claims it: no
            // other figure stands wholly between it and this one.
            // After this figure, past other figures, it is theirs unless
            // no clause break stands between ("7,3 % contre 7,4 % au T3"
            // shares it; "a net gain of 211, …, who had won 365 seats in
            // 2019" does not).
            Some(x)
                if x.start >= figure[0] && (x.start < around.next_start || no_break(figure[1], x.start))
                    || x.start < figure[0] && around.first_end.is_none_or(|e| e > x.start) =>
            {
                resolve(x.spec, times.reference, doc).map(|p| Period { loose: true, ..p })
            }
            _ => implicit,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::{scan, NumberOptions};
    use crate::text::segment::sentences;

    fn periods(text: &str, lang: Lang, doc: Option<&str>) -> Vec<(String, Option<String>)> {
        let doc = doc.and_then(Ymd::parse);
        let sents = sentences(text);
        let t = Tokens::new(text, &sents);
        let mentions = scan(text, lang, &NumberOptions::default());
        let figures: Vec<[usize; 2]> = mentions
            .iter()
            .filter(|m| matches!(m.kind, Kind::Percent | Kind::Fraction | Kind::Count | Kind::Money))
            .map(|m| [m.start, m.end])
            .collect();
        let times = Times::new(expressions(&t, t.sentences[0].clone(), &mentions, lang), doc);
        figures
            .iter()
            .enumerate()
            .map(|(k, f)| {
                let p = of_figure(&times, *f, [0, text.len()], Around::new(&figures, k), &t, doc);
                (text[f[0]..f[1]].to_string(), p.map(|p| p.label(lang)))
            })
            .collect()
    }

    #[test]
    fn each_figure_takes_its_own_period() {
        let got = periods(
            "Le chômage a reculé à 7,3 % au deuxième trimestre 2024, contre 7,4 % au troisième trimestre 2023 et 7,5 % en 2023.",
            Lang::Fr,
            None,
        );
        let labels: Vec<_> = got.iter().map(|x| x.1.clone().unwrap_or_default()).collect();
        assert_eq!(labels, ["T2 2024", "T3 2023", "2023"]);
    }

    #[test]
    fn a_moment_compared_with_is_not_the_period_of_the_other_figures() {
        // 41,46 % is the 2022 score; 2017 is what the gain is measured against.
        let got = periods("Avec 41,46 % des suffrages, Marine Le Pen gagne 7,56 points par rapport à 2017.", Lang::Fr, Some("2022-04-25"));
        assert_eq!(got[0].1.as_deref(), Some("25 avr. 2022"), "{got:?}");
        let got = periods("Turnout fell to 59.9%, compared with 2019.", Lang::En, Some("2024-07-05"));
        assert_ne!(got[0].1.as_deref(), Some("2019"), "{got:?}");
        // A period the sentence states for itself still is one.
        let got = periods("Depuis 2017, le chômage a reculé de 2 points.", Lang::Fr, Some("2022-04-25"));
        assert_eq!(got[0].1.as_deref(), Some("2017"), "{got:?}");
    }

    #[test]
    fn a_period_followed_by_a_narrower_one_is_dated_by_the_narrower() {
        let got = periods("Au total, 3 412 feux s'étaient déclarés en 2023 en date du 27 juin.", Lang::Fr, None);
        assert_eq!(got[0].1.as_deref(), Some("27 juin 2023"), "{got:?}");
        let got = periods("Unemployment stood at 4.2% in 2024 in the second quarter.", Lang::En, None);
        assert_eq!(got[0].1.as_deref(), Some("Q2 2024"), "{got:?}");
        // Another figure's period, past a comma, is not narrower.
        let got = periods("Le chômage était de 7,3 % en 2024, contre 7,1 % au deuxième trimestre.", Lang::Fr, None);
        assert_eq!(got[0].1.as_deref(), Some("2024"), "{got:?}");
    }

    #[test]
    fn the_period_of_the_figure_before_is_not_the_next_one_s() {
        let got = periods(
            "Le tournoi a attiré 3,4 millions de spectateurs, contre 3 millions en 2018, et a vu 173 buts.",
            Lang::Fr,
            Some("2023-01-18"),
        );
        assert_eq!(got[1].1.as_deref(), Some("2018"), "{got:?}");
        assert_ne!(got[2].1.as_deref(), Some("2018"), "{got:?}");
        // With no break between, the period before still dates the figure.
        let got = periods("Depuis 2017, le chômage a reculé de 2 points.", Lang::Fr, Some("2022-04-25"));
        assert_eq!(got[0].1.as_deref(), Some("2017"), "{got:?}");
    }

    #[test]
    fn relative_periods_follow_the_reference_or_the_document() {
        let got = periods("Au deuxième trimestre 2024, le chômage atteint 7,3 %, contre 7,5 % un an plus tôt.", Lang::Fr, None);
        assert_eq!(got[0].1.as_deref(), Some("T2 2024"));
        assert_eq!(got[1].1.as_deref(), Some("T2 2023"));
        let got = periods("Consumer prices rose 2.2% in September, after 2.5% last month.", Lang::En, Some("2024-10-10"));
        assert_eq!(got[0].1.as_deref(), Some("Sept. 2024"));
        assert_eq!(got[1].1.as_deref(), Some("Sept. 2024"));
        // A month not yet begun at the document's date is last year's.
        let got = periods("Les prix ont augmenté de 3 % en décembre.", Lang::Fr, Some("2024-01-15"));
        assert_eq!(got[0].1.as_deref(), Some("déc. 2023"));
        let got = periods("Plus de 2 millions de personnes ont manifesté mardi.", Lang::Fr, Some("2023-03-09"));
        assert_eq!(got[0].1.as_deref(), Some("7 mars 2023"));
    }

    #[test]
    fn without_any_time_word_the_document_date_is_implied() {
        let text = "Le bilan atteint 2 946 morts.";
        let sents = sentences(text);
        let t = Tokens::new(text, &sents);
        let mentions = scan(text, Lang::Fr, &NumberOptions::default());
        let m = &mentions[0];
        let alone = Around::new(&[[m.start, m.end]], 0);
        let doc = Ymd::parse("2023-09-13");
        let times = Times::new(expressions(&t, t.sentences[0].clone(), &mentions, Lang::Fr), doc);
        let p = of_figure(&times, [m.start, m.end], [0, text.len()], alone, &t, doc).unwrap();
        assert!(p.implicit);
        assert_eq!(p.bounds().unwrap().0.iso(), "2023-09-13");
        let times = Times::new(expressions(&t, t.sentences[0].clone(), &mentions, Lang::Fr), None);
        assert_eq!(of_figure(&times, [m.start, m.end], [0, text.len()], alone, &t, None), None);
    }

    #[test]
    fn relations() {
        let q = |y: Option<i32>, n: u8| Period { year: y, grain: Grain::Quarter(n), implicit: false, to_date: false, loose: false };
        let day = |s: &str| Period::day(Ymd::parse(s).unwrap(), true);
        assert_eq!(relate(Some(&q(Some(2024), 2)), Some(&q(Some(2024), 2)), false), PeriodMatch::Same);
        assert_eq!(relate(Some(&q(Some(2024), 2)), Some(&q(Some(2024), 3)), false), PeriodMatch::Differ);
        assert_eq!(relate(Some(&q(None, 3)), Some(&q(None, 3)), false), PeriodMatch::Same);
        assert_eq!(relate(Some(&q(None, 3)), Some(&q(Some(2024), 3)), false), PeriodMatch::Open);
        assert_eq!(relate(Some(&q(Some(2024), 3)), None, false), PeriodMatch::Open);
        // A dated document's "as of" figure against an undated one's.
        assert_eq!(relate(Some(&day("2024-12-24")), None, true), PeriodMatch::Same);
        assert_eq!(relate(None, None, true), PeriodMatch::Same);
        // Tolls: the same day compares, another day is another figure.
        assert_eq!(relate(Some(&day("2023-09-10")), Some(&day("2023-09-10")), true), PeriodMatch::Same);
        assert_eq!(relate(Some(&day("2023-09-10")), Some(&day("2023-09-13")), true), PeriodMatch::Differ);
        assert_eq!(relate(Some(&day("2023-09-10")), Some(&day("2023-09-13")), false), PeriodMatch::Same);
        let year = Period { year: Some(2023), grain: Grain::Year, implicit: false, to_date: false, loose: false };
        assert_eq!(relate(Some(&year), Some(&q(Some(2023), 4)), false), PeriodMatch::Differ);
    }

    #[test]
    fn calendar() {
        let d = Ymd::parse("2024-02-29").unwrap();
        assert_eq!(Ymd::from_days(d.days()), d);
        assert_eq!(Ymd::parse("2024-12-02").unwrap().weekday(), 1);
        assert!(Ymd::parse("2023-02-29").is_none());
        assert!(Ymd::parse("2024-09-10T08:00:00Z").is_some());
        assert!(Ymd::parse("bientôt").is_none());
    }
}
