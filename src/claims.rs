//! Claims: one checkable statement per figure, assembled from the stages
//! below (sentences, figures, measures, entities, attribution) and scored.
//!
//! A figure of a kind worth checking (count, percent, money, measure,
//! duration) makes a claim; dates, years and ordinals are the claims' time
//! references instead. A sentence holding several figures is split into
//! clauses, one per figure, at the last separator between two figures (a
//! comma, a semicolon, or "et"/"and"/"mais"/"but"), so "300 tués et 2 700
//! blessés" gives two claims with their own spans.
//!
//! Check-worthiness (`score`, in [0, 1]) starts from what the figure is (a
//! count of a known measure weighs more than a bare number) and rises when
//! the sentence names its source or the entities it is about.
//!
//! A small bare count that names nothing it counts ("PREUVE 1") is a
//! label, not a claim.
//!
//! A figure restated in the same document (summary bullets, then the body)
//! links to its first statement through `restates`: same measure, same
//! value and qualifier.
//!
//! Invariants: claims are in text order; claim spans lie inside their
//! sentence and never overlap; every claim holds exactly one figure.

use crate::attribution::{self, Attribution};
use crate::entities::{self, DocEntities, EntityMention};
use crate::frame::{self, period::Ymd};
use crate::measure::{self, Measure};
use crate::numbers::{self, Mention};
use crate::report::{Claim, Entity, Extraction, Kind, Lang, Qualifier, Quantity};
use crate::text::chars::fold;
use crate::text::offsets::Utf16Index;
use crate::text::segment::{self, Sentence};
use crate::text::tokens::Tokens;
use crate::text::words::{next, TokKind};
use crate::Options;

/// Everything extraction learns about a document, kept for
/// reconciliation (which needs the declared aliases too).
#[derive(Debug, Clone)]
pub struct Document {
    pub extraction: Extraction,
    pub entities: DocEntities,
    /// The date its figures are read against: the one given, else its
    /// dateline's, else none.
    pub date: Option<Ymd>,
}

fn worth_checking(kind: Kind) -> bool {
    matches!(kind, Kind::Count | Kind::Percent | Kind::Fraction | Kind::Money | Kind::Measure | Kind::Duration)
}

/// Extracts the claims of `text`.
pub fn extract(text: &str, opts: &Options) -> Document {
    let lang = opts.lang.unwrap_or_else(|| crate::text::lang::detect(text));
    let sentences = segment::sentences(text);
    let mentions = numbers::scan(text, lang, &opts.numbers);
    let entities = entities::find(text, &sentences, lang);
    let attributions = attribution::attribute(text, &sentences, &entities.mentions, lang);
    let idx = Utf16Index::new(text);
    let date = opts.date.or_else(|| frame::dateline(text, &mentions));
    let tokens = Tokens::new(text, &sentences);
    let cx = frame::Context { tokens: &tokens, lang, date, entities: &entities.mentions };
    let mut last_population: Option<String> = None;

    let mut claims: Vec<Claim> = Vec::new();
    let mut m = 0;
    for (si, s) in sentences.iter().enumerate() {
        while m < mentions.len() && mentions[m].start < s.start {
            m += 1;
        }
        let first = m;
        while m < mentions.len() && mentions[m].end <= s.end {
            m += 1;
        }
        let in_sentence = &mentions[first..m];
        let exprs = frame::period::expressions(&tokens, tokens.sentences[si].clone(), in_sentence, lang);
        // "the 12 months to July 2023" says when, not how long.
        let in_span = |x: &Mention| x.kind == Kind::Duration && exprs.iter().any(|e| e.is_span() && e.start <= x.start && x.end <= e.end);
        let mut owned: Vec<(Mention, Option<Measure>)> = in_sentence
            .iter()
            // An order of magnitude ("des milliers") gives nothing to check.
            .filter(|x| {
                worth_checking(x.kind)
                    && x.qualifier != Qualifier::Vague
                    && !is_reference(text, x, lang)
                    && !is_ratio(text, x, in_sentence)
                    && !in_span(x)
            })
            .map(|x| {
                let mut m = measure::measure_of(text, x, s.start, s.end, lang);
                // "des ventes de 86,2 milliards d'euros" is a revenue.
                if let Some(m) = m.as_mut().filter(|_| x.kind == Kind::Money) {
                    if let Some(to) = crate::lexicon::money_key(&m.key) {
                        m.key = to.to_string();
                    }
                }
                (x.clone(), m)
            })
            .collect();
        // "Le déficit a atteint 5,8 % du PIB. En valeur, il atteint 169,6
        // milliards d'euros": the pronoun stands for the measure stated
        // last in the sentences before.
        let before = si.checked_sub(1).map(|p| sentences[p].start);
        let stated = claims
            .last()
            .filter(|c| Some(c.sentence_span[0]) == before)
            .and_then(|c| c.quantities[0].measure.clone())
            .filter(|k| !generic_key(k));
        // Once the sentence has stated a measure of its own, its pronouns
        // stand for that one ("les ventes ont plongé de 34 %, la chute
        // atteignant 39 % pour les maisons"): left to `inherit_measures`.
        if let Some(key) = stated {
            for (x, measure) in owned.iter_mut() {
                let generic = measure.as_ref().is_none_or(|m| generic_key(&m.key));
                if !generic {
                    break;
                }
                if let Some((ps, pe)) = measure::pronoun_subject(text, x.qualifier_start.unwrap_or(x.start), s.start, lang) {
                    *measure = Some(Measure { key: key.clone(), start: ps, end: pe, change: false });
                }
            }
        }
        let inherited = inherit_measures(text, &mut owned, lang);
        let mut owned: Vec<(Mention, Option<Measure>, bool)> = owned.into_iter().zip(inherited).map(|((m, x), i)| (m, x, i)).collect();
        // A small bare number that counts nothing named ("PREUVE 1") is
        // a label, not a claim.
        owned.retain(|(x, m, _)| !(looks_like_year(text, x) || x.kind == Kind::Count && m.is_none() && x.value.abs() < 10.0));
        let figures: Vec<(&Mention, Option<Measure>)> = owned.iter().map(|(m, x, _)| (m, x.clone())).collect();
        if figures.is_empty() {
            continue;
        }
        // The first few: a sentence listing more dates is a table, and
        // every claim of it carries this list.
        let time: Vec<String> = in_sentence
            .iter()
            .filter_map(|x| match x.kind {
                Kind::Date => x.date.clone(),
                Kind::Year => Some(format!("{}", x.value)),
                _ => None,
            })
            .take(SENTENCE_TIMES)
            .collect();
        let sentence_entities: Vec<&EntityMention> = entities::within(&entities.mentions, s.start, s.end).iter().collect();
        let bounds = clause_bounds(text, s, &figures, lang);
        let spans: Vec<[usize; 2]> = figures.iter().map(|(x, _)| [x.start, x.end]).collect();
        let times = frame::period::Times::new(exprs, date);
        let cues = frame::Cues::new(&tokens, tokens.sentences[si].clone(), lang);
        for (k, (mention, measure)) in figures.iter().enumerate() {
            let (cs, ce) = bounds[k];
            let mut quantity = quantity(text, &idx, mention, measure.as_ref());
            let attribution = &attributions[si];
            let figure = frame::Figure {
                mention,
                measure: measure.as_ref(),
                clause: [cs, ce],
                sentence: tokens.sentences[si].clone(),
                around: frame::period::Around::new(&spans, k),
                times: &times,
                cues: &cues,
                sentence_counter: attribution.source.as_deref(),
                clause_counter: if figures.len() > 1 {
                    attribution::of_clause(text, cs, ce, s.paragraph, &entities.mentions, lang)
                } else {
                    None
                },
                last_population: last_population.as_deref(),
                previous_clause: if k == 0 { s.start } else { bounds[k - 1].0 },
            };
            quantity.frame = frame::frame_of(&cx, &figure);
            // A figure that took its measure from the one before takes its
            // aspect too when it has none of its own ("s'est contracté de
            // 0,3 % (-0,1 % après correction)"); "a bondi de 202,7 milliards
            // pour atteindre 3 305 milliards" names the level reached.
            let lead = mention.qualifier_start.unwrap_or(mention.start);
            if owned[k].2 && quantity.frame.aspect == crate::report::Aspect::Level && !frame::reaches_level(&tokens, lead, lang) {
                if let Some(prev) = claims.last().filter(|c| c.sentence_span == [s.start, s.end]) {
                    let p = &prev.quantities[0];
                    // Only a figure of the same kind: "en baisse de 5,3 %, ...
                    // 9 760 euros en janvier" changes a price by a share
                    // and then gives the price itself.
                    if p.measure == quantity.measure && p.kind == quantity.kind && p.unit == quantity.unit {
                        quantity.frame.aspect = p.frame.aspect;
                        quantity.frame.basis = p.frame.basis.clone();
                    }
                }
            }
            if quantity.frame.whose.is_empty() {
                if let Some(prev) = claims.last().filter(|c| c.sentence_span == [s.start, s.end]) {
                    let p = &prev.quantities[0];
                    // A measure named between them is a new subject ("33.7%
                    // of the vote, against seat shares of 63.2%").
                    let own_measure = !owned[k].2 && measure.as_ref().is_some_and(|x| x.start >= p.span[1] && x.end <= lead);
                    if !own_measure && coordinated(text, p.span[1], lead, &sentence_entities, lang) {
                        quantity.frame.whose =
                            p.frame.whose.iter().filter(|w| crate::lexicon::measure_class(w).is_none()).cloned().collect();
                    }
                }
            }
            if let Some(key) = measure.as_ref().map(|x| x.key.as_str()) {
                if crate::lexicon::measure_class(key) == Some(crate::lexicon::MeasureClass::Person) {
                    last_population = Some(key.to_string());
                }
            }
            if let Some(p) = quantity.frame.whose.first().filter(|p| crate::lexicon::measure_class(p).is_some()) {
                last_population = Some(p.clone());
            }
            claims.push(Claim {
                id: format!("c{}", claims.len() + 1),
                text: text[cs..ce].to_string(),
                span: [cs, ce],
                span_utf16: idx.span([cs, ce]),
                score: score(mention, measure.as_ref(), attribution, &sentence_entities),
                quantities: vec![quantity],
                entities: sentence_entities.iter().map(|e| entity(text, &idx, e)).collect(),
                attribution: attribution.source.clone(),
                hedged: attribution.hedges_figure(text, mention.start, mention.end, lang),
                restates: None,
                time: time.clone(),
                sentence_span: [s.start, s.end],
                sentence_span_utf16: idx.span([s.start, s.end]),
                verdict: None,
                evidence: None,
                explanation: None,
                newer: None,
            });
        }
    }
    link_restatements(&mut claims);
    Document { extraction: Extraction { lang, claims }, entities, date }
}

/// Whether a measure key names no concept: a bare share or amount, or a
/// noun the lexicon lacks ("fr:zythologu").
fn generic_key(key: &str) -> bool {
    matches!(key, "share" | "money") || key.contains(':') || crate::lexicon::is_dimension(key)
}

/// Whether a noun of `share_nouns.tsv` follows the percentage ending at
/// byte `end` ("a 33.8% share").
fn share_noun_after(text: &str, end: usize, lang: Lang) -> bool {
    crate::text::words::next(text, end).is_some_and(|t| crate::lexicon::is_share_noun(lang, &fold(t.text)))
}

/// Words after which a figure is the whole the one before is part of
/// ("412 of the 650 seats", "1 sur 10"), not the same subject's.
const TOTAL_WORDS: &[&str] = &["of", "out", "sur", "parmi", "among", "des", "de", "d"];

/// Most words between two figures said of one subject.
const COORDINATED_WORDS: usize = 8;

/// Whether the figure at `lead` is said of the subject of the figure
/// ending at `prev_end`: "Labour took 411 seats, a gain of 209", "won
/// fewer than 10 million votes and a 33.8% share", "33.7% of the vote, up
/// from 32.1%". Not when a name, a clause of its own ("while the
/// Conservatives"), a sentence break or a total ("412 of the 650") stands
/// between.
fn coordinated(text: &str, prev_end: usize, lead: usize, entities: &[&EntityMention], lang: Lang) -> bool {
    if prev_end >= lead {
        return false;
    }
    let between = &text[prev_end..lead];
    if between.contains(['.', ';', ':', '(', ')', '\n']) || entities.iter().any(|e| e.start >= prev_end && e.end <= lead) {
        return false;
    }
    let words: Vec<String> =
        between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| fold(w).into_owned()).collect();
    if words.len() > COORDINATED_WORDS || words.first().is_some_and(|w| TOTAL_WORDS.contains(&w.as_str())) {
        return false;
    }
    !words.iter().any(|w| crate::lexicon::is_clause_word(lang, w, crate::lexicon::ClauseWord::Clause))
}

/// How many figures back a figure looks for the one whose measure it
/// inherits (`inherit_measures`).
const INHERIT_REACH: usize = 16;

/// How many of its sentence's dates and years a claim lists.
const SENTENCE_TIMES: usize = 8;

/// A figure that names nothing it counts, after a figure that does in the
/// sentence, counts what that one counts: "7,3 %, contre 7,4 %", "the
/// ministry counted 1.28 million protesters, the CGT more than 2 million",
/// "Labour won 412 seats, the Conservatives 121". A bare number after an
/// amount is an amount of the same currency ("86,2 milliards d'euros,
/// contre 79,2 milliards"), and a bare percentage after a count, an amount
/// or a quantity is its share or change ("soit une hausse de 9 %"), never
/// one of a duration or a date. Returns which figures
/// inherited.
fn inherit_measures(text: &str, figures: &mut [(Mention, Option<Measure>)], lang: Lang) -> Vec<bool> {
    let generic = |m: &Option<Measure>| m.as_ref().is_none_or(|x| generic_key(&x.key));
    let mut out = vec![false; figures.len()];
    for k in 1..figures.len() {
        // A small number in digits is a label or a reference ("alert(1)",
        // "PREUVE 1"), not the ellipsis of a count.
        let small = figures[k].0.kind == Kind::Count && figures[k].0.digits && figures[k].0.value.abs() < 10.0;
        // "un résultat net de 15,2 milliards d'euros et un résultat
        // opérationnel de 22,8 milliards": a bare number that a money noun
        // names is an amount in the currency stated before it.
        let money_noun =
            figures[k].1.as_ref().is_some_and(|m| crate::lexicon::measure_class(&m.key) == Some(crate::lexicon::MeasureClass::Money));
        if figures[k].0.kind == Kind::Count && figures[k].0.unit.is_none() && money_noun {
            if let Some(unit) = figures[..k].iter().rev().take(INHERIT_REACH).find(|(x, _)| x.kind == Kind::Money).map(|(x, _)| x.unit) {
                figures[k].0.kind = Kind::Money;
                figures[k].0.unit = unit;
            }
        }
        if !generic(&figures[k].1) || small {
            continue;
        }
        // "5,8 % du PIB, soit 169,6 milliards d'euros": the same figure in
        // another form, whatever its kind.
        let lead = figures[k].0.qualifier_start.unwrap_or(figures[k].0.start);
        // "6,288 square kilometres (2,428 square miles)": a conversion in
        // brackets restates the figure before it.
        let converted = figures[k].0.kind == figures[k - 1].0.kind && text[figures[k - 1].0.end..lead].trim() == "(";
        if !generic(&figures[k - 1].1) && (converted || crate::measure::restated(text, lead, lang)) {
            figures[k].1 = figures[k - 1].1.clone();
            out[k] = true;
            continue;
        }
        if own_subject(text, &figures[k].0, lang) {
            continue;
        }
        let (kind, unit) = (figures[k].0.kind, figures[k].0.unit);
        // The nearest figures only: a sentence listing hundreds of figures
        // is a table, whose far cells say nothing of this one.
        let from = figures[..k].iter().rev().take(INHERIT_REACH).find(|(x, m)| {
            !generic(m)
                && (x.kind == kind && x.unit == unit
                    || kind == Kind::Count && unit.is_none() && x.kind == Kind::Money
                    // A share or change of a count, an amount or a
                    // quantity; no percentage is one of a time span ("par
                    // rapport aux trois mois précédents, ... 0,0 %").
                    || kind == Kind::Percent && matches!(x.kind, Kind::Count | Kind::Money | Kind::Measure)
                    // The level a change led to: "fell 30.6% ..., to 6,288
                    // square kilometres".
                    // (Not a share: "81 % de part d'audience, avec un pic à
                    // 29,4 millions" counts viewers, not the share.)
                    || x.kind == Kind::Percent
                        && matches!(kind, Kind::Count | Kind::Money | Kind::Measure)
                        && reached(text, lead, lang)
                        && m.as_ref().is_some_and(|m| !m.key.ends_with("share")))
        });
        let Some((prev, m)) = from.map(|(x, m)| (x.clone(), m.clone())) else { continue };
        if kind == Kind::Count && prev.kind == Kind::Money {
            figures[k].0.kind = Kind::Money;
            figures[k].0.unit = prev.unit;
        }
        // An area taken from a share of its measure measures that thing's
        // area ("deforestation" -> "deforestation.area"), as a figure with
        // its own noun would.
        let m = match (m, prev.kind, kind, unit.and_then(crate::lexicon::unit_factor)) {
            (Some(mut x), Kind::Percent, Kind::Measure, Some((dimension, _))) if !x.key.contains('.') => {
                x.key = format!("{}.{dimension}", x.key);
                Some(x)
            }
            // "fewer than 10 million votes and a 33.8% share": a share of
            // what the count before it counts ("vote_share").
            (Some(mut x), Kind::Count | Kind::Money, Kind::Percent, _) if share_noun_after(text, figures[k].0.end, lang) => {
                x.key = crate::lexicon::share_key(&x.key);
                Some(x)
            }
            (m, ..) => m,
        };
        figures[k].1 = m;
        out[k] = true;
    }
    // "existing flats lost 5.3% in a year to 10,090 euros per square
    // metre", "a reculé de 5,3 % à 10 090 euros le mètre carré": a share
    // right before the level it led to is the change of that level's
    // measure.
    for k in 0..figures.len().saturating_sub(1) {
        if figures[k].0.kind != Kind::Percent || !generic(&figures[k].1) || generic(&figures[k + 1].1) {
            continue;
        }
        let next = &figures[k + 1].0;
        if !matches!(next.kind, Kind::Count | Kind::Money | Kind::Measure) {
            continue;
        }
        let between = &text[figures[k].0.end..next.qualifier_start.unwrap_or(next.start)];
        let words: Vec<&str> = between.split_whitespace().collect();
        let reached = matches!(words.last().map(|w| fold(w)).as_deref(), Some("to" | "à"));
        if reached && words.len() <= 6 && !between.contains([';', '.', ':', '(', ')']) {
            figures[k].1 = figures[k + 1].1.clone();
            out[k] = true;
        }
    }
    out
}

fn entity(text: &str, idx: &Utf16Index, e: &EntityMention) -> Entity {
    Entity {
        surface: text[e.start..e.end].to_string(),
        span: [e.start, e.end],
        span_utf16: idx.span([e.start, e.end]),
        canonical: e.canonical.clone(),
        kind: e.kind.to_string(),
    }
}

/// A small number in words after a definite determiner refers back to
/// things already named ("les deux pays", "the two allies"): no claim.
fn is_reference(text: &str, m: &Mention, lang: Lang) -> bool {
    if m.digits || m.value > 10.0 || m.kind != Kind::Count {
        return false;
    }
    let determiners: &[&str] = match lang {
        Lang::Fr => &["les", "ces", "leurs", "ses", "nos", "vos", "mes", "tes"],
        Lang::En => &["the", "these", "those", "its", "their", "our", "both"],
    };
    crate::text::words::prev(text, m.qualifier_start.unwrap_or(m.start)).is_some_and(|t| determiners.iter().any(|d| fold(t.text) == *d))
}

/// Whether the word right before byte `lead` introduces the level reached
/// after a change ("to 6,288", "à 10 090").
fn reached(text: &str, lead: usize, lang: Lang) -> bool {
    crate::text::words::prev(text, lead).is_some_and(|w| matches!((lang, fold(w.text).as_ref()), (Lang::En, "to") | (Lang::Fr, "a")))
}

/// "energy fell 0.9%", "gasoline slid 3.3%": a word the lexicon does not
/// know, then a verb of change, then the figure. The figure has a subject of
/// its own, unnamed: it does not count what the figure before it counts.
fn own_subject(text: &str, m: &Mention, lang: Lang) -> bool {
    let lead = m.qualifier_start.unwrap_or(m.start);
    let table = crate::lexicon::aspects().get(lang);
    let Some(mut last) = crate::text::words::prev(text, lead) else { return false };
    // The level reached after a change ("la division progressant de 9 % à
    // 42,2 milliards", "sales rose 9% to 42.2 billion"): the verb stands
    // before the change.
    if matches!(&*fold(last.text), "a" | "to") {
        let mut pos = last.start;
        for _ in 0..6 {
            let Some(t) = crate::text::words::prev(text, pos) else { break };
            let w = fold(t.text);
            if t.kind == TokKind::Digits || matches!(&*w, "%" | "," | "." | "de" | "by" | "pour" | "cent" | "percent" | "point" | "points")
            {
                pos = t.start;
                last = t;
                continue;
            }
            last = t;
            break;
        }
    }
    let verb_start = table
        .ending_with(&fold(last.text))
        .iter()
        .filter(|p| p.value.0 == "change_verb")
        .find_map(|p| crate::text::words::match_before(text, last.end, &p.tokens));
    let Some(verb_start) = verb_start else { return false };
    // A parenthesis after the subject ("la division mode et maroquinerie
    // (Louis Vuitton, Dior…) progressant") is skipped.
    let mut subject_end = verb_start;
    if text[..verb_start].trim_end().ends_with(')') {
        if let Some(open) = text[..verb_start].rfind('(').filter(|&o| verb_start - o < 200) {
            subject_end = open;
        }
    }
    crate::text::words::prev(text, subject_end).is_some_and(|w| {
        w.kind == TokKind::Word
            && w.text.chars().count() >= 4
            && w.text.starts_with(char::is_lowercase)
            && !crate::lexicon::lang_markers().contains_key(&*fold(w.text))
    })
}

/// A bare four-digit number from 1900 to 2100 is a year the number stage
/// could not place ("the 2023 figure"), never a count.
fn looks_like_year(text: &str, m: &Mention) -> bool {
    m.kind == Kind::Count && m.qualifier_start.is_none() && (1900.0..=2100.0).contains(&m.value) && text[m.start..m.end].len() == 4
}

/// "1 TGV sur 10", "one in four trains", "3 out of 10": a ratio whose
/// parts are no counts of their own. Its part never exceeds its whole:
/// "10 000 manifestants répartis sur 100 points de blocage" is two counts.
fn is_ratio(text: &str, m: &Mention, sentence: &[Mention]) -> bool {
    if m.kind != Kind::Count {
        return false;
    }
    // The figure of the sentence ending or starting at a byte, if any.
    let value_ending = |end: usize| sentence.iter().find(|x| x.end == end).map(|x| x.value);
    let value_starting = |start: usize| sentence.iter().find(|x| x.start == start || x.qualifier_start == Some(start)).map(|x| x.value);
    // The "10" of "1 TGV sur 10".
    if let Some(w) = crate::text::words::prev(text, m.qualifier_start.unwrap_or(m.start)).filter(|w| fold(w.text) == "sur") {
        let mut pos = w.start;
        for _ in 0..3 {
            let Some(t) = crate::text::words::prev(text, pos) else { break };
            if t.kind == TokKind::Digits {
                return value_ending(t.end).is_none_or(|part| part <= m.value);
            }
            if t.kind != TokKind::Word {
                break;
            }
            pos = t.start;
        }
    }
    let mut pos = m.end;
    for _ in 0..3 {
        let Some(t) = next(text, pos).filter(|t| !t.newline_before) else { return false };
        if t.kind != TokKind::Word {
            return false;
        }
        let w = fold(t.text);
        if matches!(&*w, "sur" | "in" | "out") {
            let mut after = next(text, t.end);
            if w == "out" {
                after = after.filter(|o| fold(o.text) == "of").and_then(|o| next(text, o.end));
            }
            return after.is_some_and(|d| {
                (d.kind == TokKind::Digits
                    || crate::lexicon::number_words().get(crate::report::Lang::Fr).contains_key(&*fold(d.text))
                    || crate::lexicon::number_words().get(crate::report::Lang::En).contains_key(&*fold(d.text)))
                    && value_starting(d.start).is_none_or(|whole| m.value <= whole)
            });
        }
        pos = t.end;
    }
    false
}

/// Where each figure's clause starts and ends inside sentence `s`.
fn clause_bounds(text: &str, s: &Sentence, figures: &[(&Mention, Option<Measure>)], lang: Lang) -> Vec<(usize, usize)> {
    let conjunctions: &[&str] = match lang {
        Lang::Fr => &["et", "mais", "tandis", "alors", "ainsi", "avec"],
        Lang::En => &["and", "but", "while", "whereas", "with"],
    };
    let mut cuts = vec![s.start];
    for pair in figures.windows(2) {
        let (a, ma) = &pair[0];
        let (b, _) = &pair[1];
        // The cut lies between the two figures, whatever the measures
        // reach: each clause keeps its own figure ("7 vingt 0t").
        let to = b.qualifier_start.unwrap_or(b.start).clamp(a.end, b.start);
        let from = ma.as_ref().map_or(a.end, |x| x.end.max(a.end)).min(to);
        // The last separator between the two figures.
        let mut cut = None;
        let mut pos = from;
        while let Some(t) = next(text, pos).filter(|t| t.end <= to) {
            match t.kind {
                TokKind::Punct if matches!(t.text, "," | ";" | ":" | "(" | "–" | "—") => cut = Some(t.end),
                TokKind::Word if conjunctions.iter().any(|c| fold(t.text) == *c) => cut = Some(t.start),
                _ => {}
            }
            pos = t.end;
        }
        cuts.push(cut.unwrap_or(to).clamp(a.end, b.start));
    }
    cuts.push(s.end);
    cuts.windows(2)
        .map(|w| {
            // Each piece holds a figure, so it is never blank.
            let piece = &text[w[0]..w[1]];
            let lead = piece.len() - piece.trim_start().len();
            (w[0] + lead, (w[0] + piece.trim_end().len()).max(w[0] + lead))
        })
        .collect()
}

/// Check-worthiness of one figure in its sentence.
fn score(m: &Mention, measure: Option<&Measure>, a: &Attribution, entities: &[&EntityMention]) -> f64 {
    let known = measure.is_some_and(|x| !x.key.contains(':'));
    let mut s: f64 = match m.kind {
        Kind::Count if known => 0.6,
        Kind::Count if measure.is_some() => 0.45,
        Kind::Count => 0.3,
        Kind::Percent | Kind::Fraction | Kind::Money => 0.6,
        Kind::Measure => 0.5,
        _ => 0.25,
    };
    if a.source.is_some() {
        s += 0.15;
    }
    if entities.iter().any(|e| e.kind != "name") {
        s += 0.1;
    }
    if m.qualifier != Qualifier::Exact || m.value.abs() >= 100.0 {
        s += 0.1;
    }
    s.clamp(0.0, 1.0)
}

/// Links a claim to an earlier claim of the document with the same figure.
fn link_restatements(claims: &mut [Claim]) {
    // The first claim of each (measure, value, unit, kind) is the one the
    // others restate.
    type Key = (String, u64, Option<String>, Kind);
    let mut first: std::collections::HashMap<Key, String> = std::collections::HashMap::new();
    for c in claims.iter_mut() {
        let q = &c.quantities[0];
        let Some(measure) = q.measure.clone() else { continue };
        // `+ 0.0` makes -0 and 0 one key, as `==` does.
        let key: Key = (measure, (q.value + 0.0).to_bits(), q.unit.clone(), q.kind);
        match first.get(&key) {
            Some(id) => c.restates = Some(id.clone()),
            None => {
                first.insert(key, c.id.clone());
            }
        }
    }
}

/// The public form of every figure of a text, with its measure. Its frame
/// names the measure only: the whole frame is read for claims (`extract`),
/// which keeps this listing as fast as the number stage itself.
pub fn quantities(text: &str, opts: &Options) -> (Lang, Vec<Quantity>) {
    let lang = opts.lang.unwrap_or_else(|| crate::text::lang::detect(text));
    let idx = Utf16Index::new(text);
    let sentences = segment::sentences(text);
    let mut si = 0;
    let out = numbers::scan(text, lang, &opts.numbers)
        .iter()
        .map(|m| {
            while si < sentences.len() && sentences[si].end < m.end {
                si += 1;
            }
            let measure = sentences.get(si).filter(|s| s.start <= m.start).and_then(|s| measure::measure_of(text, m, s.start, s.end, lang));
            quantity(text, &idx, m, measure.as_ref())
        })
        .collect();
    (lang, out)
}

/// The public form of a mention.
fn quantity(text: &str, idx: &Utf16Index, m: &Mention, measure: Option<&Measure>) -> Quantity {
    let span = [m.start, m.end];
    Quantity {
        surface: text[m.start..m.end].to_string(),
        span,
        span_utf16: idx.span(span),
        value: m.value,
        low: m.low,
        high: m.high,
        qualifier: m.qualifier,
        kind: m.kind,
        unit: m.unit.map(str::to_string),
        measure: measure.map(|x| x.key.clone()),
        measure_surface: measure.map(|x| text[x.start..x.end].to_string()),
        measure_span: measure.map(|x| [x.start, x.end]),
        measure_span_utf16: measure.map(|x| idx.span([x.start, x.end])),
        qualifier_surface: m.qualifier_start.map(|s| text[s..m.start].trim_end().to_string()),
        date: m.date.clone(),
        frame: crate::report::Frame {
            what: measure.map(|x| x.key.clone()),
            domain: measure.and_then(|x| crate::lexicon::concept(crate::reconcile::index::base_key(&x.key))).map(|c| c.domain.to_string()),
            ..Default::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(t: &str) -> Vec<Claim> {
        extract(t, &Options::default()).extraction.claims
    }

    #[test]
    fn one_claim_per_figure_with_its_own_clause() {
        let c = claims("Environ 11 000 soldats ont été déployés, avec des estimations suggérant que 300 soldats ont été tués et environ 2 700 blessés.");
        let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Environ 11 000 soldats ont été déployés,",
                "avec des estimations suggérant que 300 soldats ont été tués",
                "et environ 2 700 blessés."
            ]
        );
        let keys: Vec<&str> = c.iter().map(|c| c.quantities[0].measure.as_deref().unwrap_or("")).collect();
        assert_eq!(keys, vec!["soldier", "killed", "wounded"]);
        // "des estimations suggérant" hedges the figures after it, not the
        // deployment stated before the comma.
        assert_eq!(c.iter().map(|c| c.hedged).collect::<Vec<_>>(), vec![false, true, true]);
    }

    #[test]
    fn a_ratio_is_one_figure_but_a_count_spread_over_another_is_two() {
        let surfaces = |t: &str| claims(t).iter().map(|c| c.quantities[0].surface.replace('\u{a0}', " ")).collect::<Vec<_>>();
        assert_eq!(surfaces("Seul 1 TGV sur 10 circulera jeudi."), vec!["1 TGV sur 10"]);
        assert_eq!(surfaces("Only one in four trains will run."), vec!["one in four"]);
        // The part never exceeds the whole: these are two counts.
        assert_eq!(surfaces("Il a évoqué 10 000 manifestants répartis sur 100 points de blocage."), vec!["10 000", "100"]);
        let c = claims("Il a évoqué 10 000 manifestants répartis sur 100 points de blocage.");
        assert_eq!(c[1].quantities[0].measure.as_deref(), Some("blockade"));
    }

    #[test]
    fn restated_figures_are_linked() {
        let c =
            claims("• Environ 11 000 soldats ont été déployés.\n\nSelon le renseignement, environ 11 000 soldats auraient été déployés.");
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].restates.as_deref(), Some("c1"));
    }

    #[test]
    fn dates_are_time_references_not_claims() {
        let c = claims("En 2025, la Corée du Nord livrera au moins 150 missiles, a déclaré Kyrylo Budanov le 11 février.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].time, vec!["2025".to_string(), "--02-11".to_string()]);
        assert_eq!(c[0].attribution.as_deref(), Some("Kyrylo Budanov"));
        assert!(c[0].entities.iter().any(|e| e.canonical == "North Korea"));
    }
}
