// Types of the recoupe package: the data model returned by the WebAssembly
// core, as seen from JavaScript.

/** Language of a text: detected with `"auto"` (the default) or forced. */
export type Lang = 'fr' | 'en';

/** Options of `numbers()` and `extract()`. */
export interface Options {
  /** `"auto"` (the default) detects French or English from the text. */
  lang?: 'auto' | Lang | null;
  /** Relative half-width of the interval given to approximate figures, in [0, 1); 0.05 by default. */
  approxTolerance?: number;
}

/** Options of a `Checker`: those of `extract()`, applied to the article and every source. */
export interface CheckerOptions extends Options {
  /** Most evidence sentences kept per claim (a whole number). */
  maxEvidence?: number;
}

/** Half-open `[start, end)` offsets. */
export type Span = [start: number, end: number];

/** How the text qualifies a figure: "about 300", "at least 150"... */
export type Qualifier =
  | 'exact'
  | 'approx'
  | 'at_least'
  | 'more_than'
  | 'at_most'
  | 'less_than'
  | 'range'
  /** An order of magnitude ("hundreds", "des dizaines de milliers"): never corroborated or contradicted. */
  | 'vague';

/** What sort of figure it is. */
export type QuantityKind =
  | 'count'
  | 'percent'
  | 'measure'
  | 'money'
  | 'ordinal'
  | 'date'
  | 'year'
  | 'duration'
  /** A share written as a fraction ("la moitié des obus", "two-thirds of the seats", "1 sur 10"): `value` is the fraction (0.5); it compares with percentages of the same whole. */
  | 'fraction';

/** A figure found in the text, with its value and its interval. */
export interface Quantity {
  /** The text of the figure, exactly as written. */
  surface: string;
  /** Offsets in UTF-8 bytes (for Rust and byte buffers). */
  span: Span;
  /** Offsets in UTF-16 code units: `text.slice(...spanUtf16) === surface`. */
  spanUtf16: Span;
  /** The stated figure, in `unit` (2,5 milliards -> 2500000000; a range gives its midpoint). */
  value: number;
  /** Lowest value compatible with the wording; `null` when unbounded. */
  low: number | null;
  /** Highest value compatible with the wording; `null` when unbounded ("at least 150"). */
  high: number | null;
  qualifier: Qualifier;
  /** The words the qualifier was read from ("environ", "au moins"), if any. */
  qualifierSurface: string | null;
  kind: QuantityKind;
  /** Normalised unit ("mm", "kg", "EUR", "USD", "year"...); `null` for plain counts and percentages. */
  unit: string | null;
  /** What the figure counts, as a language-independent key ("soldier"). */
  measure: string | null;
  /** The words the measure was read from ("soldats nord-coréens"). */
  measureSurface: string | null;
  /** Offsets of `measureSurface` in UTF-8 bytes. */
  measureSpan: Span | null;
  /** Offsets of `measureSurface` in UTF-16 code units. */
  measureSpanUtf16: Span | null;
  /** ISO 8601 form of a date ("2024-12-24"; "--02-11" when the year is not given). */
  date: string | null;
  /** What the figure is about. Two figures are compared only when their frames agree. */
  frame: Frame;
}

/** What a figure says of its measure. */
export type Aspect = 'level' | 'change' | 'rate' | 'part' | 'sighting';

/** When a figure holds. */
export interface PeriodInfo {
  /** How a reader names it: "T2 2024", "Q3 2024", "sept. 2024", "2023". */
  label: string;
  grain: 'year' | 'half' | 'quarter' | 'month' | 'day' | 'relative';
  /** First and last day, ISO 8601, when the year is known. */
  start: string | null;
  end: string | null;
  /** Not stated in the text: the document's date, read as "as of". */
  fromDocument: boolean;
  /** A running total up to that date ("depuis le début de la guerre"). */
  toDate: boolean;
}

/** The frame of a figure: what, whose, aspect, when, where, who gives it. */
export interface Frame {
  /** The measure as a language-independent concept ("unemployment", "killed"). */
  what: string | null;
  /** The concept's domain ("economy", "elections", "disaster"...). */
  domain: string | null;
  /** The population counted ("soldier" in "300 soldats tués") and the names it belongs to ("North Korea"). */
  whose: string[];
  aspect: Aspect;
  /** For a change, what it is measured against: "year", "quarter", "month", or "rate" for a rate's change. */
  basis: string | null;
  /** For a rate, its period: "day", "week", "month", "year". */
  per: string | null;
  period: PeriodInfo | null;
  /** Places named in the figure's clause (canonical names). */
  place: string[];
  /** What narrows who or where ("age_15_24", "metropolitan", "care_homes"). */
  restrictions: string[];
  /** Who gives the figure, read in its own clause first ("CGT"). */
  counter: string | null;
  /** Not an outcome: a forecast, a target or a proposal. */
  modality: 'forecast' | 'target' | 'proposal' | null;
  /** An earlier value the sentence measures against ("up from 180",
   * "contre 7,4 %"), not the figure it reports now. */
  earlier: boolean;
}

/**
 * What sort of thing an entity is. `"name"`: a capitalised name of no
 * known sort.
 */
export type EntityKind = 'person' | 'place' | 'organisation' | 'weapon' | 'name';

/** A named thing mentioned in a claim: a country, an agency, a person. */
export interface Entity {
  /** The name as written. */
  surface: string;
  span: Span;
  spanUtf16: Span;
  /** Canonical name shared by all aliases and languages ("North Korea"). */
  canonical: string;
  kind: EntityKind;
}

/** What the sources say of a claim. */
export type Verdict = 'corroborated' | 'contradicted' | 'disputed' | 'related' | 'unverified';

/** How one source sentence bears on a claim. */
export type Relation = 'corroborates' | 'contradicts' | 'related';

/** One source sentence bearing on a claim. */
export interface Evidence {
  sourceId: string;
  /** The source's sentence. */
  sentence: string;
  /** Offsets of the sentence in the source's text, UTF-8 bytes. */
  span: Span;
  /** Offsets of the sentence in the source's text, UTF-16 code units. */
  spanUtf16: Span;
  /** The source's figure, when it gives one. */
  quantity: Quantity | null;
  relation: Relation;
  /** One line a reader understands ("12 000 vs environ 11 000 (−8 %), selon NIS"). */
  explanation: string;
  /** Who the source says said it. */
  attribution: string | null;
  hedged: boolean;
  /** Content-word similarity of the two sentences, in [0, 1]. */
  similarity: number;
}

/**
 * A checkable statement: the clause around one figure. A sentence with
 * figures about different things holds one claim per figure; their spans
 * never overlap.
 */
export interface Claim {
  id: string;
  /** The clause of the claim. */
  text: string;
  span: Span;
  spanUtf16: Span;
  quantities: Quantity[];
  entities: Entity[];
  /** Who the text says makes the claim ("Kyrylo Budanov"), if anyone. */
  attribution: string | null;
  /** True when reported with reserve ("aurait", "selon certaines informations"). */
  hedged: boolean;
  /** Check-worthiness, in [0, 1]. */
  score: number;
  /** Id of an earlier claim of the same text stating the same figure. */
  restates: string | null;
  /** Dates and years of the sentence ("2025", "2024-12-24"). */
  time: string[];
  /** The whole sentence holding the claim, UTF-8 bytes. */
  sentenceSpan: Span;
  /** The whole sentence holding the claim, UTF-16 code units. */
  sentenceSpanUtf16: Span;
  /** Set by a check against sources; absent from `extract()`. */
  verdict?: Verdict;
  /** Set by a check: the source sentences behind the verdict. */
  evidence?: Evidence[];
  /** Set by a check: a one-line summary of the verdict for a reader. */
  explanation?: string;
}

export interface NumbersResult {
  lang: Lang;
  quantities: Quantity[];
}

export interface ExtractResult {
  lang: Lang;
  claims: Claim[];
}

/** A claim as `Checker.check()` returns it: with its verdict and evidence. */
export interface CheckedClaim extends Claim {
  verdict: Verdict;
  evidence: Evidence[];
  explanation: string;
  /** A newer figure for the same frame (a toll that grew), when a source gives one. */
  newer?: Newer;
}

/** A newer figure for the same frame than the claim's. */
export interface Newer {
  sourceId: string;
  /** The figure as the source writes it, qualifier included. */
  figure: string;
  value: number;
  /** When it holds ("13 sept. 2023"). */
  period: string | null;
  attribution: string | null;
  /** One line for the reader ("chiffre dépassé : 2 946 (13 sept. 2023), selon …"). */
  explanation: string;
}

/** Options of `Checker.check()`. */
export interface CheckOptions {
  /** The article's publication date, ISO 8601 ("2024-09-10"); by default read from its dateline, else unknown. */
  date?: string | null;
}

/** A source to index: the text of an article, with its metadata. */
export interface Source {
  /** Non-empty and unique among the checker's sources; evidence and discrepancies name it. */
  id: string;
  text: string;
  title?: string | null;
  url?: string | null;
  /** Publication date, ISO 8601 ("2025-01-14"); dates the source's figures. */
  date?: string | null;
  /** `"auto"` (the default) detects French or English from the text. */
  lang?: 'auto' | Lang | null;
}

/** A source as the checker sees it. */
export interface SourceInfo {
  id: string;
  /** The source's language, as given or detected. */
  lang: Lang;
  title: string | null;
  url: string | null;
  date: string | null;
  /**
   * The id of an earlier source this one mostly repeats: the two count as
   * one. (A source repeating the article is never counted as corroboration.)
   */
  copyOf: string | null;
}

/** One figure of a discrepancy table. */
export interface DiscrepancyRow {
  /** `"article"`, or a source id. */
  document: string;
  surface: string;
  value: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  unit: string | null;
  attribution: string | null;
  hedged: boolean;
  /** The source's publication date, else the dates of the sentence. */
  date: string | null;
  sentence: string;
  /**
   * Whose and where the figure is ("North Korea · Kursk"), from its frame:
   * a timeline joins figures of one series only. `null` when the frame
   * names neither.
   */
  series: string | null;
}

/** Every figure given for one measure across the article and the sources. */
export interface Discrepancy {
  /** The measure key ("soldier"). */
  measure: string;
  rows: DiscrepancyRow[];
}

/** The result of `Checker.check()`. */
export interface CheckReport {
  /** The article's language. */
  lang: Lang;
  claims: CheckedClaim[];
  sources: SourceInfo[];
  /** One table per measure the article gives a figure for. */
  discrepancies: Discrepancy[];
}

/** Anything the module can be loaded from. */
export type InitSource =
  | URL
  | string
  | Response
  | ArrayBuffer
  | ArrayBufferView
  | WebAssembly.Module;

/**
 * Loads the WebAssembly core. Idempotent; must be awaited before anything
 * else. Without an argument it loads the `recoupe_bg.wasm` shipped with the
 * package (fetched in browsers, read from disk in Node).
 */
export function init(input?: InitSource | { module_or_path: InitSource }): Promise<void>;

/**
 * Finds the figures in a text.
 * @throws {Error} before `init()` has completed, or on a bad option value.
 * @throws {TypeError} if an argument has the wrong type.
 */
export function numbers(text: string, options?: Options): NumbersResult;

/**
 * Finds the checkable claims in a text.
 * @throws {Error} before `init()` has completed, or on a bad option value.
 * @throws {TypeError} if an argument has the wrong type.
 */
export function extract(text: string, options?: Options): ExtractResult;

/**
 * Sources indexed once, checked against many articles. Holds memory of the
 * WebAssembly core: release it with `free()` or a `using` declaration (it is
 * also released when the checker is garbage-collected, at the runtime's
 * leisure).
 * @throws {Error} from the constructor before `init()` has completed.
 */
export class Checker {
  constructor(options?: CheckerOptions);
  /**
   * Extracts and indexes a source.
   * @throws {TypeError} if `source` is not an object with string `id` and `text`.
   * @throws {Error} if the id is empty or already loaded (remove it first).
   */
  addSource(source: Source): SourceInfo;
  /** Removes a source by id; `false` when there was none. */
  removeSource(id: string): boolean;
  /** The loaded sources. */
  sources(): SourceInfo[];
  /** Checks an article against the sources. */
  check(article: string, options?: CheckOptions): CheckReport;
  /** Releases the checker's memory; later calls throw. Safe to call twice. */
  free(): void;
  [Symbol.dispose](): void;
}

// Declared here so that the types also compile with libraries older than
// ES2024's disposable (it merges with theirs where present).
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}
