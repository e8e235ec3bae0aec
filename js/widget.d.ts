// Types of recoupe/widget. Importing the module defines the
// <recoupe-check> custom element.

import type { CheckReport } from './index.js';

/**
 * `<recoupe-check for="article.story" sources="/sources.json">`: checks an
 * article of the page against sources and annotates it in place.
 *
 * Attributes: `for` (selector of the article), `sources` (address of a
 * corpus JSON, same origin), `lang` (`"fr"` or `"en"`: the labels),
 * `ignore` (selector of parts not to check), `highlight` (`"auto"` or
 * `"marks"`). Sources may also be given in a
 * `<script type="application/json">` child holding the corpus array.
 */
export class RecoupeCheck extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The latest report, as `Checker.check()` returned it (null before the first). */
  readonly report: CheckReport | null;
  /** Checks the article again (its text and the sources are re-read). */
  refresh(): void;
}

/** `detail` of the `recoupe-checked` event, fired after each check. */
export interface RecoupeCheckedDetail {
  report: CheckReport;
  /** Time the core took, in milliseconds. */
  ms: number;
}

declare global {
  interface HTMLElementTagNameMap {
    'recoupe-check': RecoupeCheck;
  }
  interface HTMLElementEventMap {
    'recoupe-checked': CustomEvent<RecoupeCheckedDetail>;
  }
}
