// The administrator's settings from managed storage (schema: extension/managed_schema.json).
// Only `mode` exists: "annotate" (the default) or "enforce".
//
// Chromium answers the first managed-storage read of a browser session only once its policy
// service has loaded, which can take seconds; the page must not wait for that. So the read starts
// as soon as the background does, answers wait for it only briefly, and the content script reads
// the mode too and locks as soon as either side knows it is "enforce".

import { modeFrom } from "../shared/mode.js";

export class ManagedSettings {
  #readManaged;
  #now;
  #mode = null;
  #reading = null;
  #startedAt = 0;

  /**
   * @param {() => Promise<Record<string, unknown>>} readManaged  storage.managed.get(), may reject
   * @param {() => number} [now]
   */
  constructor(readManaged, now = () => Date.now()) {
    this.#readManaged = readManaged;
    this.#now = now;
  }

  /** Starts reading now (the background calls this at start-up). */
  load() {
    if (!this.#reading) {
      this.#startedAt = this.#now();
      this.#reading = Promise.resolve()
        .then(() => this.#readManaged())
        .catch(() => ({})) // Firefox rejects when no managed storage is configured: the default applies
        .then((stored) => {
          this.#mode = modeFrom(stored?.mode);
          return this.#mode;
        });
    }
    return this.#reading;
  }

  /**
   * The mode. While the read is in progress, waits only until `waitMs` after the read began,
   * then answers the default: a slow policy service delays the first answer a little, not every one.
   * @param {{waitMs?: number}} options
   */
  async mode({ waitMs = Infinity } = {}) {
    if (this.#mode !== null) return this.#mode;
    const reading = this.load();
    if (!Number.isFinite(waitMs)) return reading;
    const remaining = this.#startedAt + waitMs - this.#now();
    if (remaining <= 0) return modeFrom(undefined);
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => resolve(modeFrom(undefined)), remaining);
    });
    try {
      return await Promise.race([reading, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Called when managed storage changes: read again. */
  invalidate() {
    this.#mode = null;
    this.#reading = null;
    this.load();
  }
}
