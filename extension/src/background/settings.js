// The administrator's settings from managed storage (schema: extension/managed_schema.json).
// Only `mode` exists: "annotate" (the default) or "enforce".
//
// Chromium answers the first managed-storage read of a browser session only once its policy
// service has loaded, which was seen to take seconds. So the read starts as soon as the
// background does, and its result is remembered in storage.local (read in milliseconds) for the
// next start. An answer that cannot wait uses, in order: the fresh read if it comes within
// `waitMs`, the remembered mode, the default. An answer that must be right (may the Request
// button be used?) waits for the read when nothing is remembered: enforce mode fails closed.

import { REMEMBERED_MODE_KEY, modeFrom } from "../shared/mode.js";
// The longest after the read began that a must-know answer waits for it before taking the default.
const MUST_KNOW_MAX_WAIT_MS = 10_000;

export class ManagedSettings {
  #readManaged;
  #remembered;
  #now;
  #mode = null;
  #reading = null;
  #startedAt = 0;
  #rememberedMode;

  /**
   * @param {() => Promise<Record<string, unknown>>} readManaged  storage.managed.get(), may reject
   * @param {{remembered?: {get: (key: string) => Promise<unknown>, set: (key: string, value: unknown) => Promise<void>}|null,
   *   now?: () => number}} [options]  remembered: storage.local
   */
  constructor(readManaged, { remembered = null, now = () => Date.now() } = {}) {
    this.#readManaged = readManaged;
    this.#remembered = remembered;
    this.#now = now;
    this.#rememberedMode = remembered ? null : undefined; // undefined: nothing to look up
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
          this.#remember(this.#mode);
          return this.#mode;
        });
    }
    return this.#reading;
  }

  /**
   * @param {{waitMs?: number, mustKnow?: boolean}} options
   *   waitMs: how long after the read began an answer may wait for it;
   *   mustKnow: with nothing remembered, wait for the read itself (up to 10 s)
   */
  async mode({ waitMs = Infinity, mustKnow = false } = {}) {
    if (this.#mode !== null) return this.#mode;
    const reading = this.load();
    const quick = await this.#within(reading, this.#startedAt + waitMs - this.#now());
    if (quick !== null) return quick;
    const remembered = await this.#rememberedValue();
    if (remembered) return remembered;
    // Measured from the read's start, so a question asked again waits no longer than the first.
    if (mustKnow) return (await this.#within(reading, this.#startedAt + MUST_KNOW_MAX_WAIT_MS - this.#now())) ?? modeFrom(undefined);
    return modeFrom(undefined);
  }

  /** Called when managed storage changes: read again. */
  invalidate() {
    this.#mode = null;
    this.#reading = null;
    this.load();
  }

  // The promise's value if it settles within `ms`, else null.
  async #within(promise, ms) {
    if (this.#mode !== null) return this.#mode;
    if (!(ms > 0)) return null;
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), Math.min(ms, 2 ** 31 - 1));
    });
    try {
      return await Promise.race([promise, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #rememberedValue() {
    if (this.#rememberedMode === null) {
      try {
        const stored = await this.#remembered.get(REMEMBERED_MODE_KEY);
        this.#rememberedMode = stored === undefined ? undefined : modeFrom(stored);
      } catch {
        this.#rememberedMode = undefined;
      }
    }
    return this.#rememberedMode;
  }

  #remember(mode) {
    this.#rememberedMode = mode;
    if (!this.#remembered) return;
    Promise.resolve()
      .then(() => this.#remembered.set(REMEMBERED_MODE_KEY, mode))
      .catch(() => {});
  }
}
