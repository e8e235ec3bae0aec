//! Evidence and verdicts.
//!
//! For each claim, every indexed statement under its measure is weighed:
//! - a figure of the same measure, same scope and same time is compared
//!   (`compare`): it corroborates, contradicts, or, when only an open
//!   bound makes them consistent, is related;
//! - a figure of another scope, another kind ("long-range" against
//!   "self-propelled") or another year, or a mention of the
//!   measure without a figure, is related (a mention only when it shares
//!   a subject or words with the claim, so that "obus" in an unrelated
//!   story is no evidence).
//!
//! Each independent source counts once: a source that repeats the
//! article, or an earlier source, is left out of the count (its evidence
//! still shows). A source counts as agreeing when any of its statements
//! corroborates and none contradicts, and the other way round.
//!
//! Every figure under the claim's measure is weighed; mentions without a
//! figure only up to a sample (`MENTION_SAMPLE`), as they only ever make
//! a claim "related" and show a few sentences.
//!
//! Verdicts: corroborated (agreeing sources only), contradicted
//! (disagreeing only), disputed (both), related (neither, but related
//! evidence), unverified (nothing).

use std::collections::HashMap;

use super::compare::{compare, Figure, Outcome};
use super::index::{EntityKind, Overlay, Statement};
use super::matching::{frames, merged, merged_into, scope, FrameMatch, FrameWhy, Scope, WeightedTerms};
use crate::lexicon::message;
use crate::report::{Evidence, Lang, Newer, Quantity, Relation, Verdict};
use crate::text::offsets::Utf16Index;

/// A claim as the verdict stage needs it.
pub struct ClaimView<'a> {
    pub quantity: &'a Quantity,
    pub measure: &'a str,
    pub entities: Vec<(u32, EntityKind)>,
    pub terms: Vec<u32>,
    /// What narrows the measure ("self_propelled").
    pub refine: Vec<&'static str>,
}

/// What the checker knows of each source, by source number.
pub struct SourceView<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub utf16: &'a Utf16Index,
    /// Source number of the document this one copies, if any.
    pub copy_of: Option<u32>,
    /// This source repeats the article itself.
    pub copies_article: bool,
}

/// Two figures of one frame this many times apart are not compared: a
/// police count and a union count of one march rarely differ by more
/// than a factor of three, two different facts often do.
const FAR_APART: f64 = 4.0;

/// A disagreeing figure under an open frame this close to the claim's
/// (at most 30 % apart) is most likely the same fact told otherwise: the
/// police's 80 % against the channel's 81 %, 7 against 6.8 on another
/// agency's scale.
const CLOSE: f64 = 1.3;

/// Mentions without a comparable figure weighed per claim, at most.
const MENTION_SAMPLE: usize = 200;

/// Why a statement bears on a claim as it does (text is built later).
enum Why {
    Versus(f64),
    Frame(FrameWhy),
    /// A close figure under an open frame: it contradicts once another
    /// source confirms the claim, and is compared then; else the frame says
    /// why it is only related.
    Open(f64, FrameWhy),
    Unnamed,
    Compatible,
    OtherUnits,
    OtherScope(Vec<u32>),
    OtherKind,
    Mention,
}

/// A statement weighed against a claim.
struct Found {
    statement: u32,
    source: u32,
    relation: Relation,
    why: Why,
    similarity: f64,
    figure: bool,
}

/// The figure as a reader reads it: qualifier and surface.
pub fn figure(q: &Quantity) -> String {
    match &q.qualifier_surface {
        // "Environ" opening a sentence reads "environ" inside a line.
        Some(qs) => {
            let mut c = qs.chars();
            let lower = match (c.next(), c.next()) {
                (Some(f), Some(s)) if f.is_uppercase() && s.is_lowercase() => f.to_lowercase().chain(qs.chars().skip(1)).collect(),
                _ => qs.clone(),
            };
            format!("{lower} {}", q.surface)
        }
        None => q.surface.clone(),
    }
}

fn percent(diff: f64, lang: Lang) -> String {
    if diff.abs() < 0.0005 {
        return message(lang, "same").to_string();
    }
    let p = (diff * 100.0).round();
    let sign = if diff < 0.0 { "−" } else { "+" };
    let p = if p == 0.0 { format!("{:.1}", (diff * 100.0).abs()) } else { format!("{}", p.abs()) };
    match lang {
        Lang::Fr => format!("{sign}{p} %"),
        Lang::En => format!("{sign}{p}%"),
    }
}

fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in pairs {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// Display names of entity ids: the checker's, and the article's own.
pub struct Names<'a> {
    pub known: &'a HashMap<u32, String>,
    pub local: HashMap<u32, String>,
}

impl Names<'_> {
    fn get(&self, id: u32) -> Option<&String> {
        self.local.get(&id).or_else(|| self.known.get(&id))
    }
}

/// Names of entity ids, for explanations.
fn names(ids: &[u32], lookup: &Names<'_>) -> String {
    ids.iter().filter_map(|&i| lookup.get(i).cloned()).collect::<Vec<_>>().join(", ")
}

/// The evidence and verdict of one claim.
#[allow(clippy::too_many_arguments)]
pub fn judge(
    claim: &ClaimView<'_>,
    overlay: &Overlay<'_>,
    sources: &[SourceView<'_>],
    candidates: &[&[u32]; 2],
    tolerance: f64,
    max_evidence: usize,
    lang: Lang,
    name_of: &Names<'_>,
    within: &HashMap<u32, u32>,
) -> (Verdict, Vec<Evidence>, String, Option<Newer>) {
    let index = overlay.index;
    let claim_entities = merged(overlay, &claim.entities);
    // Weigh every candidate cheaply; text is only built for the evidence
    // kept, so a measure that thousands of sources discuss stays fast.
    let mut found: Vec<Found> = Vec::new();
    let weights = WeightedTerms::new(index, &claim.terms);
    let claim_measure = index.measures.get(claim.measure);
    let claim_figure = Figure::of(claim.quantity);
    let mut source_entities = Vec::new();
    let mut mentions_kept = 0;
    let concept = crate::lexicon::concept(super::index::base_key(claim.measure));
    let named = concept.is_some();
    let cumulative = concept.is_some_and(|c| c.cumulative);
    let mut newer: Option<(u32, i64, f64)> = None;
    // Figures of the measure are all weighed (they decide the verdict); the
    // others only until a sample of mentions is found, which bounds the work
    // on a measure that thousands of sources discuss.
    for (k, &sid) in candidates[0].iter().chain(candidates[1]).enumerate() {
        if k >= candidates[0].len() && mentions_kept >= MENTION_SAMPLE {
            break;
        }
        let st: &Statement = &index.statements[sid as usize];
        if index.is_removed(st.source) || sources.get(st.source as usize).is_none() {
            continue;
        }
        merged_into(overlay, index.entities(st), &mut source_entities);
        let source_entities = &source_entities;
        let sim = weights.similarity(index.terms(st));
        let sc = scope(&claim_entities, source_entities, within);
        let same_measure = claim_measure == Some(st.measure);
        // Figures of the claim's own measure were all in the first list; the
        // base key's list holds them again when the measure is its own base.
        if k >= candidates[0].len() && same_measure && st.figure.is_some() {
            continue;
        }
        let (relation, why) = match (&st.figure, same_measure) {
            (Some(q), true) => {
                let other_kind = !claim.refine.is_empty() && !st.refine.is_empty() && !claim.refine.iter().any(|r| st.refine.contains(r));
                let source_frame = st.quantity.as_ref().map(|x| &x.frame);
                let mut fm = match source_frame {
                    Some(f) => frames(&claim.quantity.frame, f, cumulative, lang),
                    None => FrameMatch::Same,
                };
                // A type named on one side only ("120 Koksan" among the
                // artillery): maybe the same figure, maybe a part.
                let weapon = |v: &[(u32, EntityKind)]| v.iter().any(|e| e.1 == EntityKind::Weapon);
                if fm == FrameMatch::Same && weapon(&claim_entities) != weapon(source_entities) {
                    fm = FrameMatch::Open(FrameWhy::Part);
                }
                match (sc, fm) {
                    (Scope::Different(ids), _) => (Relation::Related, Why::OtherScope(ids)),
                    (Scope::Same, _) if other_kind => (Relation::Related, Why::OtherKind),
                    // A running total on another day: the same figure confirms
                    // it, another is a step of its timeline.
                    (Scope::Same, FrameMatch::Differ(FrameWhy::Timeline(x))) => match compare(&claim_figure, q, tolerance) {
                        (Outcome::Agree, d) if named => (Relation::Corroborates, Why::Versus(d)),
                        _ => {
                            if let Some(f) = source_frame {
                                newer_candidate(&mut newer, claim, f, q, sid);
                            }
                            (Relation::Related, Why::Frame(FrameWhy::Timeline(x)))
                        }
                    },
                    (Scope::Same, FrameMatch::Differ(w)) => (Relation::Related, Why::Frame(w)),
                    (Scope::Same, fm) => match compare(&claim_figure, q, tolerance) {
                        // A measure the frame could not name ("7 %" alone)
                        // meets every other unnamed figure: never judged.
                        _ if !named => (Relation::Related, Why::Unnamed),
                        (Outcome::Agree, d) => (Relation::Corroborates, Why::Versus(d)),
                        (Outcome::Disagree, d) => match fm {
                            FrameMatch::Open(w) => {
                                // Only a period left unstated, within days of the
                                // other: the frames may well be one. A claim that
                                // names its counter ("selon le Conseil
                                // constitutionnel") is that count, which another
                                // count (the night's) may rightly differ from.
                                let near = || {
                                    claim.quantity.frame.counter.is_none()
                                        && source_frame.is_some_and(|f| near_in_time(&claim.quantity.frame, f))
                                };
                                let soft = !cumulative
                                    && match &w {
                                        FrameWhy::PeriodUnclear => near(),
                                        _ => false,
                                    }
                                    && (1.0 / CLOSE..=CLOSE).contains(&(1.0 + d));
                                (Relation::Related, if soft { Why::Open(d, w) } else { Why::Frame(w) })
                            }
                            // Figures several times apart are far more often
                            // two different facts than one fact disputed.
                            _ if !(1.0 / FAR_APART..=FAR_APART).contains(&(1.0 + d)) => (Relation::Related, Why::Frame(FrameWhy::FarApart)),
                            _ => (Relation::Contradicts, Why::Versus(d)),
                        },
                        (Outcome::Compatible, _) => (Relation::Related, Why::Compatible),
                        (Outcome::Incomparable, _) => (Relation::Related, Why::OtherUnits),
                    },
                }
            }
            _ => {
                // A mention without a comparable figure: only when it shares
                // a subject or words with the claim.
                let shares_entity = claim_entities.iter().any(|e| e.1 != EntityKind::Other && source_entities.contains(e));
                if !(shares_entity || sim >= 0.25) || matches!(sc, Scope::Different(_)) && !shares_weapon(&claim_entities, source_entities)
                {
                    continue;
                }
                mentions_kept += 1;
                (Relation::Related, Why::Mention)
            }
        };
        found.push(Found { statement: sid, source: st.source, relation, why, similarity: sim, figure: st.figure.is_some() });
    }

    // The same specific value in a source sentence about the same subject,
    // under another measure key ("85 044 morts" against "85,044 deaths",
    // read with different words): it corroborates, never contradicts.
    if !found.iter().any(|f| f.relation == Relation::Corroborates) {
        if let Some(key) = super::index::value_key(claim.quantity, &claim_figure) {
            for &sid in index.by_value.get(&key).map_or(&[][..], Vec::as_slice) {
                let st = &index.statements[sid as usize];
                if index.is_removed(st.source) || sources.get(st.source as usize).is_none() || named && Some(st.measure) == claim_measure {
                    continue;
                }
                let (Some(q), Some(sq)) = (st.figure.as_ref(), st.quantity.as_deref()) else { continue };
                merged_into(overlay, index.entities(st), &mut source_entities);
                // Any shared name counts here ("Cerrado"): the value itself
                // is already specific.
                let shares = claim_entities.iter().any(|e| source_entities.contains(e));
                let sim = weights.similarity(index.terms(st));
                if !(shares || sim >= 0.3) || matches!(scope(&claim_entities, &source_entities, within), Scope::Different(_)) {
                    continue;
                }
                if matches!(frames(&claim.quantity.frame, &sq.frame, cumulative, lang), FrameMatch::Differ(_)) {
                    continue;
                }
                if let (Outcome::Agree, d) = compare(&claim_figure, q, tolerance) {
                    found.retain(|f| f.statement != sid);
                    found.push(Found {
                        statement: sid,
                        source: st.source,
                        relation: Relation::Corroborates,
                        why: Why::Versus(d),
                        similarity: sim,
                        figure: true,
                    });
                }
            }
        }
    }

    // Per source number: bit flags of what its statements say.
    const FIGURE: u8 = 1;
    const AGREE: u8 = 2;
    const DISAGREE: u8 = 4;
    const RELATED: u8 = 8;
    const COPY: u8 = 16;
    let mut flags = vec![0u8; sources.len()];
    for f in found.iter().filter(|f| f.figure) {
        flags[f.source as usize] |= FIGURE;
    }

    // A source that gives a figure needs no mere mentions beside it; keep
    // the two closest mentions of any other source.
    let (mut kept, mut mentions): (Vec<Found>, Vec<Found>) = found.into_iter().partition(|f| f.figure);
    mentions.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.statement.cmp(&b.statement)));
    let mut per_source: HashMap<u32, usize> = HashMap::new();
    for f in mentions {
        let n = per_source.entry(f.source).or_default();
        *n += 1;
        if flags[f.source as usize] & FIGURE == 0 && *n <= 2 {
            kept.push(f);
        }
    }
    let mut found = kept;

    // A close figure under an open frame disagrees once another independent
    // source confirms the claim under a frame of its own: then the two
    // sources tell one fact differently (disputed). Alone, it stays related.
    let original = |s: u32| sources[s as usize].copy_of.unwrap_or(s);
    let confirmed: Vec<u32> = found.iter().filter(|f| f.relation == Relation::Corroborates).map(|f| original(f.source)).collect();
    for f in found.iter_mut().filter(|f| matches!(f.why, Why::Open(..))) {
        if confirmed.iter().any(|&s| s != original(f.source)) {
            f.relation = Relation::Contradicts;
        }
    }

    // A source that gives one agreeing figure and others that disagree is
    // not at odds with itself: its other figures are about other things
    // (fully and partly destroyed homes, two parties' seats). They become
    // related.
    let mut agrees = vec![false; sources.len()];
    for f in found.iter().filter(|f| f.relation == Relation::Corroborates) {
        agrees[f.source as usize] = true;
    }
    for f in found.iter_mut().filter(|f| f.relation == Relation::Contradicts && agrees[f.source as usize]) {
        f.relation = Relation::Related;
        f.why = Why::Frame(FrameWhy::Sibling);
    }

    // One vote per independent source: a copy votes as its original, a
    // copy of the article not at all.
    for f in &found {
        let s = f.source as usize;
        let v = &sources[s];
        if v.copies_article {
            flags[s] |= COPY;
            continue;
        }
        let who = v.copy_of.map_or(s, |o| o as usize);
        if who != s {
            flags[s] |= COPY;
        }
        flags[who] |= match f.relation {
            Relation::Corroborates => AGREE,
            Relation::Contradicts => DISAGREE,
            Relation::Related => RELATED,
        };
    }
    let count = |bit: u8| flags.iter().filter(|&&x| x & bit != 0).count();
    let (n, m, r, copies) = (count(AGREE), count(DISAGREE), count(RELATED), count(COPY));
    let verdict = match (n > 0, m > 0) {
        (true, false) => Verdict::Corroborated,
        (false, true) => Verdict::Contradicted,
        (true, true) => Verdict::Disputed,
        (false, false) if r > 0 => Verdict::Related,
        (false, false) => Verdict::Unverified,
    };
    let (n, m, r) = (n.to_string(), m.to_string(), r.to_string());
    let key = match verdict {
        Verdict::Corroborated => "corroborated",
        Verdict::Contradicted => "contradicted",
        Verdict::Disputed => "disputed",
        Verdict::Related => "related",
        Verdict::Unverified => "unverified",
    };
    let mut summary = fill(message(lang, key), &[("n", &n), ("m", &m), ("r", &r)]);
    if copies > 0 && verdict != Verdict::Unverified {
        summary.push(' ');
        summary.push_str(&fill(message(lang, "copies"), &[("c", &copies.to_string())]));
    }

    // Strongest first: contradictions, agreements, then related; closer
    // wording first within each. Only the evidence kept is sorted.
    let rank = |r: Relation| match r {
        Relation::Contradicts => 0,
        Relation::Corroborates => 1,
        Relation::Related => 2,
    };
    let order = |a: &Found, b: &Found| {
        rank(a.relation)
            .cmp(&rank(b.relation))
            .then(b.similarity.total_cmp(&a.similarity))
            .then(sources[a.source as usize].id.cmp(sources[b.source as usize].id))
            .then(a.statement.cmp(&b.statement))
    };
    if found.len() > max_evidence && max_evidence > 0 {
        found.select_nth_unstable_by(max_evidence - 1, order);
        found.truncate(max_evidence);
    }
    found.sort_by(order);
    let a = figure(claim.quantity);
    let evidence: Vec<Evidence> = found
        .iter()
        .take(max_evidence)
        .map(|f| {
            let st = &index.statements[f.statement as usize];
            let src = &sources[st.source as usize];
            let b = st.quantity.as_deref().map(figure).unwrap_or_default();
            let mut explanation = match &f.why {
                Why::Versus(d) => fill(message(lang, "versus"), &[("a", &a), ("b", &b), ("d", &percent(*d, lang))]),
                Why::Compatible => fill(message(lang, "compatible"), &[("a", &a), ("b", &b)]),
                Why::OtherUnits => fill(message(lang, "other_units"), &[("a", &a), ("b", &b)]),
                Why::OtherScope(ids) => fill(message(lang, "other_scope"), &[("x", &names(ids, name_of)), ("a", &a), ("b", &b)]),
                Why::OtherKind => {
                    let x = format!("{} / {}", claim.refine.join(", "), st.refine.join(", ")).replace('_', "-");
                    fill(message(lang, "other_kind"), &[("x", &x), ("a", &a), ("b", &b)])
                }
                Why::Mention => message(lang, "mention").to_string(),
                Why::Unnamed => fill(message(lang, "unnamed"), &[("a", &a), ("b", &b)]),
                Why::Frame(w) => frame_why(w, &a, &b, lang),
                Why::Open(d, _) if f.relation == Relation::Contradicts => {
                    fill(message(lang, "versus"), &[("a", &a), ("b", &b), ("d", &percent(*d, lang))])
                }
                Why::Open(_, w) => frame_why(w, &a, &b, lang),
            };
            if let Some(who) = &st.attribution {
                explanation.push_str(&fill(message(lang, "according"), &[("s", who)]));
            }
            if st.hedged {
                explanation.push(' ');
                explanation.push_str(message(lang, "hedged"));
            }
            let span = st.sentence;
            Evidence {
                source_id: src.id.to_string(),
                sentence: src.text[span[0]..span[1]].to_string(),
                span,
                span_utf16: src.utf16.span(span),
                quantity: st.quantity.as_deref().cloned(),
                relation: f.relation,
                explanation,
                attribution: st.attribution.clone(),
                hedged: st.hedged,
                similarity: (f.similarity * 1000.0).round() / 1000.0,
            }
        })
        .collect();
    let newer = newer.map(|(sid, _, _)| {
        let st = &index.statements[sid as usize];
        let q = st.quantity.as_deref().expect("a newer figure is a figure");
        let b = figure(q);
        let period = q.frame.period.as_ref().map(|p| p.label.clone());
        let by = st.attribution.as_ref().map(|w| fill(message(lang, "according"), &[("s", w)])).unwrap_or_default();
        let explanation = fill(message(lang, "newer"), &[("b", &b), ("x", period.as_deref().unwrap_or("?")), ("s", &by)]);
        Newer {
            source_id: sources[st.source as usize].id.to_string(),
            figure: b,
            value: q.value,
            period,
            attribution: st.attribution.clone(),
            explanation,
        }
    });
    (verdict, evidence, summary, newer)
}

/// Keeps the latest, larger figure of a running total dated after the
/// claim's.
fn newer_candidate(best: &mut Option<(u32, i64, f64)>, claim: &ClaimView<'_>, f: &crate::report::Frame, q: &Figure, sid: u32) {
    let day = |p: Option<&crate::frame::period::Period>| p.and_then(|p| p.bounds()).map(|b| b.1.days());
    let (Some(mine), Some(theirs)) = (day(claim.quantity.frame.period_key.as_ref()), day(f.period_key.as_ref())) else { return };
    let value = q.value();
    if theirs > mine && value > claim.quantity.value && best.is_none_or(|b| theirs > b.1 || theirs == b.1 && value > b.2) {
        *best = Some((sid, theirs, value));
    }
}

/// Whether two periods, one of them unclear, are most likely one moment:
/// they overlap, or one is only its document's date, up to three days
/// after the other (the magnitude of a quake reported the next day). A
/// figure a year away is most likely last year's, and one dated another
/// day in its own sentence is that day's.
fn near_in_time(a: &crate::report::Frame, b: &crate::report::Frame) -> bool {
    const DAYS: i64 = 3;
    let span = |f: &crate::report::Frame| {
        let p = f.period_key.as_ref()?;
        let (s, e) = p.bounds()?;
        Some((s.days(), e.days(), p.implicit))
    };
    let (Some((s1, e1, i1)), Some((s2, e2, i2))) = (span(a), span(b)) else { return false };
    if e1 - s1 > 31 || e2 - s2 > 31 {
        return false;
    }
    let later = |implicit: bool, start: i64, end_before: i64| implicit && start > end_before && start - end_before <= DAYS;
    s1 <= e2 && s2 <= e1 || later(i2, s2, e1) || later(i1, s1, e2)
}

/// One line saying why a figure of the same measure is only related.
fn frame_why(w: &FrameWhy, a: &str, b: &str, lang: Lang) -> String {
    let with = |key: &str, x: &str| fill(message(lang, key), &[("x", x), ("a", a), ("b", b)]);
    match &w {
        FrameWhy::Period(x) => with("other_period", x),
        FrameWhy::Timeline(x) => with("timeline", x),
        FrameWhy::Aspect(key) => with("other_aspect", message(lang, key)),
        FrameWhy::Basis(x) => with("other_basis", x),
        FrameWhy::Population(x) => with("other_population", &x.replace('_', " ")),
        FrameWhy::Restriction(x) => with("restricted", &x.replace('_', " ")),
        FrameWhy::Counter(x) => with("other_counter", x),
        FrameWhy::PeriodUnclear => with("unclear_period", ""),
        FrameWhy::Earlier => with("earlier_value", ""),
        FrameWhy::Part => with("other_aspect", message(lang, "aspect_part")),
        FrameWhy::FarApart => with("far_apart", ""),
        FrameWhy::Anchor(x) => with("other_anchor", x),
        FrameWhy::Owner(x) => with("one_owner", &x.replace('_', " ")),
        FrameWhy::Sibling => with("sibling", ""),
    }
}

fn shares_weapon(a: &[(u32, EntityKind)], b: &[(u32, EntityKind)]) -> bool {
    a.iter().any(|e| e.1 == EntityKind::Weapon && b.contains(e))
}
