// Which button the portal showed last, so the popup (on any tab) can give the next step that
// fits where the person is. Kept in session storage to outlive a service-worker restart.

import { PAGE_STATES } from "../shared/constants.js";

const KEY = "seedAttest.lastPage";
const PAGES = Object.values(PAGE_STATES);

export class PageMemory {
  #storage;
  #page = null;

  constructor(storage = null) {
    this.#storage = storage;
  }

  async remember(page) {
    if (!PAGES.includes(page) || page === this.#page) return;
    this.#page = page;
    try {
      await this.#storage?.set(KEY, page);
    } catch {
      // memory copy only
    }
  }

  async last() {
    if (this.#page === null && this.#storage) {
      try {
        const stored = await this.#storage.get(KEY);
        if (PAGES.includes(stored)) this.#page = stored;
      } catch {
        // nothing remembered
      }
    }
    return this.#page ?? PAGE_STATES.request;
  }
}
