// The administrator's settings from managed storage (schema: extension/managed_schema.json).
// Only `mode` exists: "annotate" (the default) or "enforce".

import { modeFrom } from "../shared/mode.js";

export class ManagedSettings {
  #readManaged;
  #mode = null;

  /** @param {() => Promise<Record<string, unknown>>} readManaged  storage.managed.get(), may reject */
  constructor(readManaged) {
    this.#readManaged = readManaged;
  }

  async mode() {
    if (this.#mode === null) {
      let stored = {};
      try {
        stored = (await this.#readManaged()) ?? {};
      } catch {
        // Firefox rejects when no managed storage is configured: the default applies
      }
      this.#mode = modeFrom(stored.mode);
    }
    return this.#mode;
  }

  /** Called when managed storage changes: read again on next use. */
  invalidate() {
    this.#mode = null;
  }
}
