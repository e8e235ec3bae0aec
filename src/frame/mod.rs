//! The frame of a figure: what it measures, whose, level or change, when,
//! where, and who gives it.
//!
//! A figure alone is not a fact: "7,3 %" is the unemployment rate of the
//! second quarter of 2024 for all of France according to Insee, and only
//! another figure of that same frame can corroborate or contradict it. This
//! stage reads the frame from the token table around the figure, once the
//! measure is known (`measure`):
//! - *what*: the measure's concept and its domain (`concepts.tsv`);
//! - *whose*: the population of a casualty figure ("soldats" in "300
//!   soldats tués", from the sentences before for "of them"), and the
//!   names the figure's noun phrase belongs to ("soldats nord-coréens",
//!   "45 Russian soldiers");
//! - *aspect*: level, change, rate per period, part of a whole, single
//!   sighting (`aspects.tsv`), and for a change its basis ("sur un an");
//! - *when*: the period (`period`), resolved against the document's date;
//! - *where*: the places of the clause, and the restrictions that narrow
//!   who or where ("15-24 ans", "France métropolitaine",
//!   `populations.tsv`);
//! - *counter*: who gives the figure, read in its own clause first, since
//!   one sentence often holds two counts ("the ministry counted 1.28
//!   million while the CGT claimed 2 million").
//!
//! Invariant: the frame only describes; it never changes the figure.

pub mod period;

use std::ops::Range;

use crate::entities::EntityMention;
use crate::lexicon::{self, MeasureClass};
use crate::measure::Measure;
use crate::numbers::Mention;
use crate::report::{Aspect, Frame, Lang, PeriodInfo};
use crate::text::tokens::Tokens;
use crate::text::words::TokKind;
use period::{Around, Period, Times, Ymd};

/// What the frame of one figure needs to know of its document.
pub struct Context<'a> {
    pub tokens: &'a Tokens<'a>,
    pub lang: Lang,
    pub date: Option<Ymd>,
    pub entities: &'a [EntityMention],
}

/// One figure, placed in its sentence.
pub struct Figure<'a> {
    pub mention: &'a Mention,
    pub measure: Option<&'a Measure>,
    /// Byte span of the figure's clause.
    pub clause: [usize; 2],
    /// Token range of its sentence.
    pub sentence: Range<usize>,
    /// Where the sentence's other figures stand.
    pub around: Around,
    /// The sentence's time expressions.
    pub times: &'a Times,
    /// The sentence's cues of modality and sighting.
    pub cues: &'a Cues,
    /// Who the sentence says gives its figures.
    pub sentence_counter: Option<&'a str>,
    /// Who the clause says gives it.
    pub clause_counter: Option<String>,
    /// The population last counted in the document ("of them" refers back
    /// to it).
    pub last_population: Option<&'a str>,
    /// Where the clause of the figure before it in the sentence starts
    /// (the sentence's start for the first figure).
    pub previous_clause: usize,
}

/// Where a sentence says that its figures are forecasts, targets or
/// proposals, or single sightings (`aspects.tsv`), read once for all its
/// figures: a sentence listing thousands of figures is read in linear
/// time.
pub struct Cues {
    /// Tokens that open a phrase of modality, in order, with its kind.
    modal: Vec<(usize, &'static str)>,
    /// Tokens that open a phrase of sighting, in order.
    sighting: Vec<usize>,
    /// A forecast cue in the sentence's first clause.
    opening_forecast: bool,
}

/// Modality kinds, in the order a token matching several takes them.
const MODALITY: [&str; 3] = ["target", "proposal", "forecast"];

impl Cues {
    /// The cues of the sentence whose tokens are `sentence`.
    pub fn new(t: &Tokens<'_>, sentence: Range<usize>, lang: Lang) -> Self {
        let mut modal = Vec::new();
        let mut sighting = Vec::new();
        for i in sentence.clone() {
            if let Some(kind) = MODALITY.iter().find(|k| aspect_at(t, i, k, lang).is_some()) {
                modal.push((i, *kind));
            }
            if aspect_at(t, i, "sighting", lang).is_some() {
                sighting.push(i);
            }
        }
        let first_clause_end = sentence.clone().find(|&i| t.is_clause_break(i)).unwrap_or(sentence.end);
        let opening_forecast = (sentence.start..first_clause_end).any(|i| aspect_at(t, i, "forecast", lang).is_some());
        Cues { modal, sighting, opening_forecast }
    }

    /// The first modality cue among tokens `range`.
    fn modality(&self, range: Range<usize>) -> Option<&'static str> {
        let k = self.modal.partition_point(|x| x.0 < range.start);
        self.modal.get(k).filter(|x| x.0 < range.end).map(|x| x.1)
    }

    fn opening_forecast(&self) -> Option<&'static str> {
        self.opening_forecast.then_some("forecast")
    }

    /// Whether a sighting cue stands among tokens `range`.
    fn sighting(&self, range: Range<usize>) -> bool {
        let k = self.sighting.partition_point(|&x| x < range.start);
        self.sighting.get(k).is_some_and(|&x| x < range.end)
    }
}

/// The frame of one figure.
pub fn frame_of(cx: &Context<'_>, f: &Figure<'_>) -> Frame {
    let t = cx.tokens;
    let m = f.mention;
    let key = f.measure.map(|x| x.key.as_str());
    let base = key.map(crate::reconcile::index::base_key);
    let concept = base.and_then(lexicon::concept);
    let fig_first = t.at_or_after(m.qualifier_start.unwrap_or(m.start));
    let fig_end = t.ending_by(m.end).max(fig_first);
    let (mut aspect, mut basis, per) = aspect_of(t, fig_first, fig_end, f, cx.lang);
    if f.measure.is_some_and(|x| x.change) {
        // "l'inflation a atteint 2,4 %": the concept is itself a change; a
        // change of it ("a ralenti de 0,3 point") is a change of a rate.
        if aspect == Aspect::Change {
            basis = Some("rate".into());
        }
        aspect = Aspect::Change;
    }

    let mut whose: Vec<String> = Vec::new();
    if let Some(p) = population(t, fig_end, f, cx.lang) {
        whose.push(p);
    }
    for e in owners(t, cx.entities, fig_first, f).into_iter().chain(subject_owner(t, cx.entities, fig_first, f, cx.lang)) {
        if !whose.contains(&e) {
            whose.push(e);
        }
    }
    // Restrictions stand in the clause, or between a subject read before
    // the figure and the figure ("le taux de chômage des 15-24 ans").
    // What follows the figure before this one is that figure's ("dont 310
    // à l'hôpital et 121 en Ehpad": the hospital is the 310's).
    let from = f.measure.map_or(f.clause[0], |x| x.start.min(f.clause[0]));
    let prev = f.around.prev_end;
    let restrictions = if from < prev && prev < f.clause[0] {
        let mut r = restrictions(t, t.range(from, prev), cx.lang);
        r.extend(restrictions(t, t.range(f.clause[0], f.clause[1]), cx.lang));
        r.sort();
        r.dedup();
        r
    } else {
        restrictions(t, t.range(from, f.clause[1]), cx.lang)
    };
    let place: Vec<String> = crate::entities::within(cx.entities, f.clause[0], f.clause[1])
        .iter()
        .filter(|e| e.kind == "place")
        .map(|e| e.canonical.clone())
        .fold(Vec::new(), |mut v, c| {
            if !v.contains(&c) {
                v.push(c);
            }
            v
        });
    let period = period::of_figure(f.times, [m.start, m.end], f.clause, f.around, t, cx.date);
    // A counter is someone ("l'Insee", "the CGT"), not "une première
    // estimation".
    let named = |c: &String| !not_counter(c, cx.lang);
    let counter = f.clause_counter.clone().filter(named).or_else(|| f.sentence_counter.map(str::to_string).filter(named));
    // Who gives a figure is not whose it is: "La CGT a revendiqué plus de
    // 2 millions de manifestants" counts protesters, as the CGT says.
    if let Some(c) = counter.as_deref() {
        let key = crate::reconcile::matching::norm_counter(c);
        whose.retain(|w| {
            let w = crate::reconcile::matching::norm_counter(w);
            w.is_empty() || key.is_empty() || !(key.contains(&w) || w.contains(&key))
        });
    }
    let sentence_span = match (f.sentence.clone().next(), f.sentence.clone().last()) {
        (Some(a), Some(b)) => [t.tokens[a].start, t.tokens[b].end],
        _ => f.clause,
    };
    let types: Vec<String> = match f.measure.filter(|x| x.start >= m.end) {
        Some(x) => crate::entities::within(cx.entities, m.end, x.start)
            .iter()
            .filter(|e| matches!(e.kind, "name" | "weapon"))
            .map(|e| crate::text::chars::fold(&e.canonical).into_owned())
            .collect(),
        None => Vec::new(),
    };
    let anchors =
        [anchors(t.text, cx.entities, f.clause, counter.as_deref()), anchors(t.text, cx.entities, sentence_span, counter.as_deref())];
    // "up from 180", "contre 7,4 %": the phrase ends right before the
    // figure (or its qualifier).
    let earlier = aspect_ending(t, fig_first, "earlier", cx.lang).is_some();
    // A cue in the figure's clause or the one before it ("two members
    // pushed for a half-point move to 5.5%"); a forecast that opens the
    // sentence covers all of it ("the exit poll projects Labour on 410
    // seats, ..., Reform UK on 13").
    // Cues before the figure only: what follows it in the clause is often
    // the next thing said ("to 5.25%: two members voted for 50bps").
    // The figure's own clause first ("the Bank expects it to drop to
    // around 5%" is a forecast, whatever "the 2% target" before it says).
    let own = t.at_or_after(f.clause[0]);
    let before_own = t.at_or_after(f.previous_clause);
    // A target named right after the figure qualifies it too ("the 4.4%
    // hoped for in autumn 2023", "les 6 % visés"): the next two tokens
    // only, with no clause break. Not a forecast word there: "2.9%
    // expected" and "the 2.9% economists had pencilled in" read alike
    // only if neither is taken for a forecast on one side alone.
    let next_two = (fig_end..(fig_end + 2).min(f.sentence.end)).take_while(|&k| !t.is_clause_break(k)).last().map_or(fig_end, |k| k + 1);
    let modality = f
        .cues
        .modality(own..fig_end.max(own))
        .or_else(|| f.cues.modality(fig_end..next_two).filter(|m| *m == "target"))
        .or_else(|| f.cues.modality(before_own..own.max(before_own)))
        .or_else(|| f.cues.opening_forecast())
        .map(str::to_string);
    Frame {
        what: key.map(str::to_string),
        domain: concept.map(|c| c.domain.to_string()),
        whose,
        aspect,
        basis,
        per,
        period: period.map(|p| info(&p, cx.lang)),
        place,
        restrictions,
        counter: counter.clone(),
        modality,
        earlier,
        period_key: period,
        anchors,
        types,
        counter_key: counter.as_deref().map(crate::reconcile::matching::norm_counter).unwrap_or_default(),
    }
}

/// Whether an attribution names no one (`attribution.tsv`, `not_counter`).
fn not_counter(who: &str, lang: Lang) -> bool {
    let table = lexicon::attribution().get(lang);
    let mut pos = 0;
    while let Some(t) = crate::text::words::next(who, pos) {
        pos = t.end;
        if table.starting_with(&crate::text::chars::fold(t.text)).iter().any(|p| p.value == lexicon::AttributionRole::NotCounter) {
            return true;
        }
    }
    false
}

/// Folded canonical names of the people and places named in
/// `span`, less the one who gives the figure.
fn anchors(text: &str, entities: &[EntityMention], span: [usize; 2], counter: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = crate::entities::within(entities, span[0], span[1])
        .iter()
        // Places and people: what a figure is specifically about. Names of
        // events and organisations are more often the story's topic ("the
        // World Cup"), said in one sentence and not the next.
        .filter(|e| matches!(e.kind, "place" | "person") && counter.is_none_or(|who| !who.contains(&text[e.start..e.end])))
        .map(|e| crate::text::chars::fold(&e.canonical).into_owned())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn info(p: &Period, lang: Lang) -> PeriodInfo {
    let bounds = p.bounds();
    PeriodInfo {
        label: p.label(lang),
        grain: p.grain_name().to_string(),
        start: bounds.map(|b| b.0.iso()),
        end: bounds.map(|b| b.1.iso()),
        from_document: p.implicit,
        to_date: p.to_date,
    }
}

/// Longest phrase of the aspects table of kind `kind` starting at token
/// `i`: (value, end).
fn aspect_at(t: &Tokens<'_>, i: usize, kind: &str, lang: Lang) -> Option<(&'static str, usize)> {
    lexicon::aspects()
        .get(lang)
        .starting_with(t.folded(i))
        .iter()
        .filter(|p| p.value.0 == kind)
        .find_map(|p| Some((p.value.1, t.match_at(i, &p.tokens)?)))
}

/// Phrase of kind `kind` ending just before token `end`: (value, start).
fn aspect_ending(t: &Tokens<'_>, end: usize, kind: &str, lang: Lang) -> Option<(&'static str, usize)> {
    let last = end.checked_sub(1)?;
    lexicon::aspects()
        .get(lang)
        .ending_with(t.folded(last))
        .iter()
        .filter(|p| p.value.0 == kind)
        .find_map(|p| Some((p.value.1, t.match_ending(end, &p.tokens)?)))
}

/// Whether a phrase of `aspects.tsv` naming the level reached ends right
/// before the figure at byte `lead` ("pour atteindre 3 305 milliards",
/// "to reach 3,305 billion"): the figure's aspect is its own then, not
/// the change of the figure before it.
pub fn reaches_level(t: &Tokens<'_>, lead: usize, lang: Lang) -> bool {
    aspect_ending(t, t.at_or_after(lead), "level_verb", lang).is_some()
}

fn aspect_of(t: &Tokens<'_>, first: usize, end: usize, f: &Figure<'_>, lang: Lang) -> (Aspect, Option<String>, Option<String>) {
    let sentence_start = f.sentence.start;
    let clause = t.range(f.clause[0], f.clause[1]);
    let mut aspect = Aspect::Level;
    // A sign written on the figure ("+0,2 point", "−3 %").
    if first > 0 && matches!(t.folded(first - 1), "+") && t.tokens[first].start == t.tokens[first - 1].end {
        aspect = Aspect::Change;
    }
    // A verb or noun of change just before the figure: "de"/"by"/nothing
    // between them makes the figure the change, "à"/"to" the level reached.
    let mut k = first;
    let mut between: Vec<&str> = Vec::new();
    for _ in 0..3 {
        if k <= sentence_start {
            break;
        }
        if aspect_ending(t, k, "change_verb", lang).is_some() {
            // "a reculé à 7,3 %", "rose to", "stood at"; "down from 68.3%"
            // gives the level before.
            let level = between.iter().any(|w| matches!(*w, "a" | "to" | "at" | "from"));
            if !level {
                aspect = Aspect::Change;
            }
            break;
        }
        // "reculent sur un an de 6 %", "fell year on year by 2%": the
        // basis between verb and figure is stepped over whole.
        if let Some((_, start)) = aspect_ending(t, k, "basis", lang).filter(|_| matches!(between.last(), None | Some(&"de" | &"by"))) {
            if start < k && start > sentence_start {
                k = start;
                continue;
            }
        }
        let w = t.folded(k - 1);
        // "par logement totalement effondré et de 80 000 dirhams pour": a
        // conjunction opens another clause, whose figure the verb does not
        // govern.
        if matches!(w, "et" | "and" | "ou" | "or") {
            break;
        }
        // "declined, by 25.7%": a comma may stand between verb and figure.
        if t.tokens[k - 1].kind != TokKind::Word && w != "'" && w != "," {
            break;
        }
        between.push(w);
        k -= 1;
    }
    // A noun of change right after the figure ("a 22.3% drop", "a 5%
    // rise").
    if end < t.len() && aspect_at(t, end, "change_after", lang).is_some() {
        aspect = Aspect::Change;
    }
    // "passe de 7,3 % à 7,4 %", "from 7.3% to 7.4%": the first is a level;
    // but "increased by 0.1 hour to 34.4 hours" says "by": a change.
    if aspect == Aspect::Change
        && !between.contains(&"by")
        && end < t.len()
        && matches!(t.folded(end), "a" | "to")
        && t.tokens.get(end + 1).is_some_and(|x| x.kind == TokKind::Digits)
    {
        aspect = Aspect::Level;
    }
    // One part of a total named before ("dont 120", "including 120").
    let mut k = first;
    while k > sentence_start && matches!(t.folded(k - 1), "," | "(") {
        k -= 1;
    }
    if aspect_ending(t, k, "part", lang).is_some() {
        aspect = Aspect::Part;
    }
    // After the figure and its noun: a basis, a rate, a sighting.
    let after_noun = f.measure.map_or(end, |x| t.ending_by(x.end).max(end));
    let mut basis = None;
    let mut per = None;
    let mut i = end;
    while i < clause.end.max(end).min(t.len()) && i < after_noun + 8 {
        if t.tokens[i].kind == TokKind::Digits && i > after_noun {
            break;
        }
        if let Some((v, e)) = aspect_at(t, i, "basis", lang) {
            basis.get_or_insert_with(|| v.to_string());
            i = e;
            continue;
        }
        if let Some((v, e)) = aspect_at(t, i, "rate", lang) {
            let followed =
                t.tokens.get(e).is_some_and(|_| matches!(t.folded(e), "earlier" | "ago" | "before" | "later" | "plus" | "auparavant"));
            if !followed && i >= after_noun.min(end + 1) {
                per.get_or_insert_with(|| v.to_string());
                if aspect == Aspect::Level {
                    aspect = Aspect::Rate;
                }
            }
            i = e;
            continue;
        }
        i += 1;
    }
    if f.cues.sighting(clause) && aspect != Aspect::Change {
        aspect = Aspect::Sighting;
    }
    (aspect, basis, per)
}

/// The population a figure counts, when its measure is what happened to
/// them ("300 soldats tués": soldier), and "of them" figures take the
/// population last counted.
fn population(t: &Tokens<'_>, fig_end: usize, f: &Figure<'_>, lang: Lang) -> Option<String> {
    let measure = f.measure?;
    let class = lexicon::measure_class(&measure.key);
    if class != Some(MeasureClass::Casualty) {
        return None;
    }
    let stop = t.ending_by(measure.end);
    let table = lexicon::measures().get(lang);
    let mut refers_back = false;
    for i in fig_end..stop.min(t.len()) {
        for p in table.starting_with(t.folded(i)) {
            if t.match_at(i, &p.tokens).is_none() {
                continue;
            }
            match p.value.1 {
                MeasureClass::Person => return Some(p.value.0.to_string()),
                MeasureClass::Skip if matches!(p.raw, "d'entre eux" | "d'entre elles" | "of them" | "of whom") => refers_back = true,
                _ => {}
            }
        }
    }
    if refers_back {
        return f.last_population.map(str::to_string);
    }
    None
}

/// Names the figure's noun phrase belongs to: between the figure and its
/// noun ("45 Russian soldiers"), just after the noun ("soldats
/// nord-coréens"), or in a "de"/"of" complement ("sièges du RN").
fn owners(t: &Tokens<'_>, entities: &[EntityMention], first: usize, f: &Figure<'_>) -> Vec<String> {
    let Some(measure) = f.measure.filter(|m| m.start >= f.mention.end) else {
        return beneficiary(t, entities, f).into_iter().collect();
    };
    let noun_end = t.ending_by(measure.end);
    let mut reach = noun_end;
    // One nationality adjective or complement after the noun.
    let mut k = noun_end;
    if k < t.len() && matches!(t.folded(k), "de" | "du" | "des" | "d" | "of" | "for" | "pour") {
        k += 1;
        if k < t.len() && matches!(t.folded(k), "'" | "la" | "le" | "l" | "the") {
            k += 1;
        }
    }
    if k < t.len() {
        reach = k + 1;
    }
    let from = t.tokens[first].start;
    let to = t.tokens.get(reach.saturating_sub(1)).map_or(f.clause[1], |x| x.end).min(f.clause[1]);
    crate::entities::within(entities, from, to)
        .iter()
        .filter(|e| e.kind != "weapon" && (e.start >= f.mention.end))
        .map(|e| e.canonical.clone())
        .collect()
}

/// Whose a figure with no noun of its own is, named right after it by
/// "pour" or "for": "38,52 % pour Emmanuel Macron et 27,28 % pour Marine Le
/// Pen", "51% for Harris". Only a person, party or organisation: "10
/// millions pour l'Ukraine" is a place's aid, not its figure.
fn beneficiary(t: &Tokens<'_>, entities: &[EntityMention], f: &Figure<'_>) -> Option<String> {
    let mut k = t.at_or_after(f.mention.end);
    if k >= t.len() || !matches!(t.folded(k), "pour" | "for") {
        return None;
    }
    k += 1;
    if k < t.len() && matches!(t.folded(k), "la" | "le" | "les" | "l" | "the") {
        k += 1;
    }
    let tok = t.tokens.get(k)?;
    let e = entity_at(entities, tok.start, tok.end)?;
    (e.start == tok.start && e.end <= f.clause[1].max(tok.end) && matches!(e.kind, "organisation" | "name" | "person"))
        .then(|| e.canonical.clone())
}

/// The name a figure's verb is said of, just before it in its clause: "le
/// SNP chute de 47 à 9 sièges", "Reform UK, which won five seats", "LVMH a
/// dégagé 15,2 milliards". A few words between them at most, none of them
/// a figure; a relative pronoun opening the clause reaches the name before
/// its comma. The walk stops at the clause's start and at the figure
/// before, so who gives the figure in a clause of its own ("selon l'Insee,
/// ...") is not taken.
fn subject_owner(t: &Tokens<'_>, entities: &[EntityMention], first: usize, f: &Figure<'_>, lang: Lang) -> Option<String> {
    const REACH: usize = 6;
    let floor = f.clause[0].max(f.around.prev_end);
    let mut k = first;
    let mut words = 0;
    while k > 0 && words < REACH {
        let tok = &t.tokens[k - 1];
        // "Labour took 411 seats, ... yet it won fewer than 10 million
        // votes": a subject pronoun stands for the name the sentence opens
        // with.
        if tok.start >= f.clause[0] && is_subject_pronoun(t, k - 1, lang) {
            return sentence_subject(t, entities, f, k - 1);
        }
        if tok.start < floor {
            // A relative clause: "Reform UK, which won five seats".
            let relative = crate::entities::is_relative_pronoun(t.folded(k));
            if relative && k >= 2 && t.folded(k - 1) == "," {
                let comma = t.tokens[k - 1].start;
                let e = entity_at(entities, t.tokens[k - 2].start, t.tokens[k - 2].end).filter(|e| e.end <= comma)?;
                return (e.kind != "weapon").then(|| e.canonical.clone());
            }
            return None;
        }
        if tok.kind == TokKind::Digits || t.is_clause_break(k - 1) && t.folded(k - 1) != "'" {
            return None;
        }
        if let Some(e) = entity_at(entities, tok.start, tok.end) {
            // "le PIB a reculé de 0,3 %", "German GDP shrank 0.3%": the
            // name is the measure itself, read as the subject, not whose
            // it is.
            let names_measure = f.measure.is_some_and(|m| e.start < m.end && m.start < e.end);
            return (matches!(e.kind, "organisation" | "name" | "person") && !names_measure).then(|| e.canonical.clone());
        }
        k -= 1;
        words += 1;
    }
    None
}

/// Whether token `i` is a subject pronoun of `clause_words.tsv` ("it",
/// "il", "elle").
fn is_subject_pronoun(t: &Tokens<'_>, i: usize, lang: Lang) -> bool {
    lexicon::is_clause_word(lang, t.folded(i), lexicon::ClauseWord::Pronoun)
}

/// The person, party or organisation a sentence opens with, before token
/// `before`: "Labour took 411 seats", "Selon l'Insee, LVMH a dégagé" is
/// not one (a clause break comes first). A name that is the figure's
/// measure ("German GDP") is not whose it is.
fn sentence_subject(t: &Tokens<'_>, entities: &[EntityMention], f: &Figure<'_>, before: usize) -> Option<String> {
    const REACH: usize = 4;
    for k in f.sentence.start..before.min(f.sentence.start + REACH) {
        if t.is_clause_break(k) || t.tokens[k].kind == TokKind::Digits {
            return None;
        }
        let tok = &t.tokens[k];
        if let Some(e) = entity_at(entities, tok.start, tok.end) {
            let names_measure = f.measure.is_some_and(|m| e.start < m.end && m.start < e.end);
            return (matches!(e.kind, "organisation" | "name" | "person") && !names_measure).then(|| e.canonical.clone());
        }
    }
    None
}

/// The entity mention holding the bytes `[start, end)`, from mentions in
/// text order.
fn entity_at(entities: &[EntityMention], start: usize, end: usize) -> Option<&EntityMention> {
    let i = entities.partition_point(|e| e.start <= start);
    entities[..i].last().filter(|e| end <= e.end)
}

/// Restriction keys of a clause ("15-24 ans", "France métropolitaine").
fn restrictions(t: &Tokens<'_>, clause: Range<usize>, lang: Lang) -> Vec<String> {
    let table = lexicon::populations().get(lang);
    let mut out: Vec<String> = Vec::new();
    let mut i = clause.start;
    while i < clause.end {
        let hit = table.starting_with(t.folded(i)).iter().find_map(|p| {
            let e = t.match_at(i, &p.tokens).filter(|&e| e <= clause.end)?;
            if p.case_sensitive && !t.text[t.tokens[i].start..].starts_with(p.raw) {
                return None;
            }
            Some((p.value, e))
        });
        match hit {
            Some((key, e)) => {
                if !out.iter().any(|k| k == key) {
                    out.push(key.to_string());
                }
                i = e;
            }
            None => i += 1,
        }
    }
    out.sort();
    out
}

/// Reads a document's date from its first lines: a dateline or byline
/// holding a full date ("PARIS, 24/12/2024 –", "Published 12 February
/// 2025", "13 novembre 2024"). `None` when none is there: never guessed.
pub fn dateline(text: &str, mentions: &[Mention]) -> Option<Ymd> {
    // The first three lines that hold text (blank lines before a title do
    // not count), within the first 400 bytes of them.
    let mut limit = 0;
    let mut seen = 0;
    let mut first = None;
    for line in text.split_inclusive('\n') {
        if seen >= 3 {
            break;
        }
        if !line.trim().is_empty() {
            seen += 1;
            first.get_or_insert(limit);
        }
        limit += line.len();
    }
    let limit = limit.min(first.unwrap_or(0) + 400).min(text.len());
    mentions
        .iter()
        .take_while(|m| m.start < limit)
        .filter(|m| m.kind == crate::report::Kind::Date)
        .find_map(|m| m.date.as_deref().and_then(Ymd::parse))
}

#[cfg(test)]
mod tests;
