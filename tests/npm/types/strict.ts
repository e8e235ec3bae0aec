// Compiled with `tsc --noEmit --strict` against the installed package: the
// declarations must describe the results precisely (no `any` leaking out),
// and each `@ts-expect-error` line must really be an error.

import {
  init,
  numbers,
  extract,
  Checker,
  type CheckReport,
  type CheckedClaim,
  type Claim,
  type Entity,
  type EntityKind,
  type Evidence,
  type Qualifier,
  type Quantity,
  type QuantityKind,
  type Relation,
  type SourceInfo,
  type Span,
  type Verdict,
} from 'recoupe';
import { RecoupeCheck } from 'recoupe/widget';

await init();
await init(new URL('https://example.org/recoupe_bg.wasm'));
await init({ module_or_path: new Uint8Array(8) });

const text = 'Environ 11 000 soldats.';
const { lang, quantities } = numbers(text, { lang: 'fr', approxTolerance: 0.1 });
const language: 'fr' | 'en' = lang;
const q: Quantity | undefined = quantities[0];
if (q) {
  const surface: string = text.slice(...q.spanUtf16);
  const [start, end]: Span = q.span;
  const low: number | null = q.low;
  const high: number | null = q.high;
  const qualifier: Qualifier = q.qualifier;
  const kind: QuantityKind = q.kind;
  const measure: string | null = q.measure;
  console.log(surface, start, end, low, high, qualifier, kind, measure, language);

  // @ts-expect-error low may be null (an unbounded interval)
  const lowNumber: number = q.low;
  // @ts-expect-error qualifiers are a closed set
  const badQualifier: Qualifier = 'roughly';
  // @ts-expect-error kinds are a closed set
  const badKind: QuantityKind = 'weight';
  // @ts-expect-error quantities have no `number` field (a typo would be caught)
  console.log(q.number, lowNumber, badQualifier, badKind);
}

const claims: Claim[] = extract(text).claims;
for (const claim of claims) {
  const entities: Entity[] = claim.entities;
  const kinds: EntityKind[] = entities.map((e) => e.kind);
  // Before a check, a claim may have no verdict.
  const maybe: Verdict | undefined = claim.verdict;
  console.log(kinds, maybe, claim.hedged === true, claim.score + 1);
  // @ts-expect-error verdict is optional on an extracted claim
  const sure: Verdict = claim.verdict;
  console.log(sure);
}

// @ts-expect-error text must be a string
numbers(42);
// @ts-expect-error lang is "auto", "fr" or "en"
extract('x', { lang: 'de' });

const checker = new Checker({ lang: 'auto', maxEvidence: 5 });
const info: SourceInfo = checker.addSource({ id: 'a', text: 'Plus de 10 000 soldats.', date: '2025-01-14' });
const copyOf: string | null = info.copyOf;
// @ts-expect-error a source needs its text
checker.addSource({ id: 'b' });
// @ts-expect-error ids are strings
checker.removeSource(1);
const removed: boolean = checker.removeSource('a');
const report: CheckReport = checker.check(text);
for (const claim of report.claims) {
  const checked: CheckedClaim = claim;
  const verdict: Verdict = checked.verdict;
  const evidence: Evidence[] = checked.evidence;
  const relations: Relation[] = evidence.map((e) => e.relation);
  const sourceIds: string[] = evidence.map((e) => e.sourceId);
  // @ts-expect-error verdicts are a closed set
  const badVerdict: Verdict = 'confirmed';
  // @ts-expect-error relations are a closed set
  const badRelation: Relation = 'supports';
  console.log(verdict, relations, sourceIds, badVerdict, badRelation);
}
for (const table of report.discrepancies) {
  for (const row of table.rows) {
    const document: string = row.document;
    const high: number | null = row.high;
    console.log(document, high, row.qualifier satisfies Qualifier);
  }
}
console.log(copyOf, removed, checker.sources().length);
checker.free();
checker[Symbol.dispose]();

const widget: RecoupeCheck = document.createElement('recoupe-check');
widget.setAttribute('for', 'article');
widget.refresh();
const latest: CheckReport | null = widget.report;
widget.addEventListener('recoupe-checked', (event) => {
  const verdicts: Verdict[] = event.detail.report.claims.map((c) => c.verdict);
  const ms: number = event.detail.ms;
  console.log(verdicts, ms);
});
// @ts-expect-error the report is read-only
widget.report = null;
console.log(latest, widget instanceof HTMLElement);
