// The page's and the widget's side of worker.js: keeps the worker's sources
// in step with a list (only the differences are sent), asks for checks, and
// hands back the answer to the latest question only.

const FIELDS = ['text', 'title', 'url', 'date', 'lang'];

function sameSource(a, b) {
  return FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));
}

/** What the core accepts of a source: strings only, no unknown fields. */
function forCore(source) {
  const out = { id: String(source.id), text: source.text };
  for (const f of ['title', 'url', 'date']) if (typeof source[f] === 'string') out[f] = source[f];
  if (source.lang === 'fr' || source.lang === 'en') out.lang = source.lang;
  return out;
}

export class CheckerClient {
  #createWorker;
  #worker = null;
  /** id → the source as last sent to the worker. */
  #synced = new Map();
  #nextId = 0;
  /** The check being computed, and the latest one asked for while busy. */
  #running = null;
  #waiting = null;
  #onSourceError;

  /**
   * @param {() => Worker} createWorker starts worker.js. The caller writes
   *   `new Worker(new URL('./worker.js', import.meta.url), {type: 'module'})`
   *   itself: bundlers only recognise and bundle the worker in that form.
   * @param {{onSourceError?: (id: string, error: string) => void}} [options]
   */
  constructor(createWorker, { onSourceError } = {}) {
    this.#createWorker = createWorker;
    this.#onSourceError = onSourceError ?? (() => {});
  }

  /** Starts the worker (and so loads the core) ahead of the first check. */
  warm() {
    this.#ensure();
  }

  #ensure() {
    if (this.#worker) return this.#worker;
    const worker = this.#createWorker();
    worker.addEventListener('message', (event) => this.#onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail(event.message || 'the checker could not be loaded');
    });
    this.#worker = worker;
    this.#synced.clear();
    return worker;
  }

  /** Drops the worker: the next check starts a fresh one with every source. */
  #fail(error) {
    this.#worker?.terminate();
    this.#worker = null;
    this.#synced.clear();
    const pending = [this.#running, this.#waiting].filter(Boolean);
    this.#running = null;
    this.#waiting = null;
    for (const job of pending) job.reject(new Error(error));
  }

  #onMessage(data) {
    if (data?.type === 'fatal') {
      this.#fail(data.error);
      return;
    }
    if (data?.type === 'source-error') {
      this.#synced.delete(data.id);
      this.#onSourceError(data.id, data.error);
      return;
    }
    if (data?.type !== 'result' || !this.#running || data.id !== this.#running.id) return;
    const job = this.#running;
    this.#running = null;
    if (data.ok) {
      if (this.#waiting) job.resolve(null);
      else job.resolve({ report: data.report, ms: data.ms });
    } else {
      // A core that failed (a trap, say) may be left in a bad state: the
      // next check gets a fresh worker.
      this.#worker?.terminate();
      this.#worker = null;
      this.#synced.clear();
      if (this.#waiting) job.resolve(null);
      else job.reject(new Error(data.error));
    }
    this.#next();
  }

  #send(sources, text, job) {
    const worker = this.#ensure();
    const wanted = new Map(sources.map((s) => [String(s.id), s]));
    for (const id of [...this.#synced.keys()]) {
      if (!wanted.has(id)) {
        worker.postMessage({ type: 'remove', id });
        this.#synced.delete(id);
      }
    }
    for (const [id, source] of wanted) {
      const had = this.#synced.get(id);
      if (had && sameSource(had, source)) continue;
      worker.postMessage({ type: 'add', source: forCore(source) });
      this.#synced.set(id, { ...source });
    }
    job.id = ++this.#nextId;
    this.#running = job;
    worker.postMessage({ type: 'check', id: job.id, text, date: job.date ?? null });
  }

  #next() {
    if (this.#running || !this.#waiting) return;
    const job = this.#waiting;
    this.#waiting = null;
    this.#send(job.sources, job.text, job);
  }

  /**
   * Checks `text` against `sources`. Resolves with `{report, ms}`, or with
   * null when a newer check was asked for meanwhile (its answer would be
   * stale); rejects when the core fails. `date` (ISO 8601) is the
   * article's publication date, which relative periods are read against.
   */
  check(text, sources, date = null) {
    return new Promise((resolve, reject) => {
      const job = { text, sources: [...sources], date, resolve, reject };
      if (this.#waiting) this.#waiting.resolve(null);
      this.#waiting = job;
      this.#next();
    });
  }

  /** Stops the worker. */
  close() {
    this.#fail('closed');
  }
}
