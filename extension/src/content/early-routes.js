// The route questions of the content script. It asks for both page states while the page is still
// loading: warm, the background answers from its cached status, so the answer is here before the
// button is; cold, the same question starts the helper early. An early answer is used once, and
// only while young: a later check (a re-rendered button, "check again") asks afresh.

import { PAGE_STATES } from "../shared/constants.js";
import { MESSAGE_TYPES } from "../shared/messages.js";

export const EARLY_ANSWER_MAX_AGE_MS = 10_000;

export class RouteQuestions {
  #ask;
  #tell;
  #now;
  #early = new Map(); // page -> {reply: Promise<object|null>, answeredAt: number|null}

  /**
   * @param {object} options
   * @param {(message: object) => Promise<object>} options.ask  a validated reply (or {ok: false})
   * @param {(message: object) => void} options.tell  a message whose answer nobody waits for
   * @param {() => number} [options.now]
   */
  constructor({ ask, tell, now = () => Date.now() }) {
    this.#ask = ask;
    this.#tell = tell;
    this.#now = now;
  }

  /** Asks for every page state now, before the page shows a button. */
  askEarly() {
    for (const page of Object.values(PAGE_STATES)) {
      const early = { reply: null, answeredAt: null };
      early.reply = Promise.resolve()
        .then(() => this.#ask({ type: MESSAGE_TYPES.route, page, ahead: true }))
        .catch(() => null)
        .then((reply) => {
          early.answeredAt = this.#now();
          return reply;
        });
      this.#early.set(page, early);
    }
  }

  /** The route for a button the page shows now. */
  async route(page, refresh) {
    const early = refresh ? null : await this.#takeEarly(page);
    if (early) {
      // The background remembers which button the portal showed last (the popup names it).
      this.#tell({ type: MESSAGE_TYPES.route, page });
      return early;
    }
    return this.#ask({ type: MESSAGE_TYPES.route, page, refresh });
  }

  async #takeEarly(page) {
    const early = this.#early.get(page);
    if (!early) return null;
    this.#early.delete(page);
    const reply = await early.reply;
    if (this.#now() - early.answeredAt > EARLY_ANSWER_MAX_AGE_MS) return null;
    return reply?.ok === true ? reply : null;
  }
}
