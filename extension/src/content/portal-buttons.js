// Watches the portal page for its two buttons (the portal is a single-page app: they may come
// late, be re-rendered or change their label) and keeps exactly one annotation per button.

import { MODES, PORTAL_ORIGIN } from "../shared/constants.js";
import { annotationModel, checkingModel, unavailableModel } from "../shared/annotation-model.js";
import { CANDIDATE_SELECTOR, buttonPageState, candidatesAround } from "./button-finder.js";
import { withinOurNote } from "./our-notes.js";
import { ROUTE_ATTRIBUTE, attachNote, createNote, detachNote, renderNote } from "./annotation.js";
import { lockButton, unlockButton } from "./lock.js";
import { techpassIdOnPage } from "./page-text.js";

// A page that keeps removing our note is not fought forever.
const MAX_REATTACHMENTS = 20;

export class PortalButtons {
  #doc;
  #askRoute;
  #t;
  #mode;
  #entries = new Map(); // button element -> {page, note, generation, reattachments, model: mode -> model}
  #observer = null;

  /** Counters for tests and diagnostics: how often mutations led to work. */
  stats = { mutationBatches: 0, routeRequests: 0 };

  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {(page: string, refresh: boolean) => Promise<object>} options.askRoute
   *   resolves with a validated route reply (or {ok: false}); may reject
   * @param {(key: string, substitutions?: string[]) => string} options.t
   * @param {"annotate"|"enforce"} [options.mode]  the administrator's mode as far as known now
   */
  constructor({ doc, askRoute, t, mode = MODES.annotate }) {
    this.#doc = doc;
    this.#askRoute = askRoute;
    this.#t = t;
    this.#mode = mode;
  }

  /** Starts watching; does nothing (and returns false) off the portal. */
  start() {
    if (this.#doc.location?.origin !== PORTAL_ORIGIN) return false;
    const begin = () => {
      if (this.#observer) return;
      this.#observer = new this.#doc.defaultView.MutationObserver((records) => this.#onMutations(records));
      this.#observer.observe(this.#doc.documentElement, { childList: true, subtree: true, characterData: true });
      for (const candidate of candidatesAround(this.#doc.documentElement)) this.#evaluate(candidate);
    };
    // At document_start the root element usually exists already: watching from then on sees the
    // button the moment it is parsed or rendered, not only after DOMContentLoaded.
    if (this.#doc.documentElement) begin();
    else this.#doc.addEventListener("DOMContentLoaded", begin, { once: true });
    return true;
  }

  /**
   * The administrator's mode, learnt after start (the content script's own managed-storage read,
   * or a route reply). Once "enforce" is known it stays for this page: the lock never loosens
   * because a slower source still says the default.
   */
  setMode(mode) {
    if (mode !== MODES.enforce || this.#mode === MODES.enforce) return;
    this.#mode = MODES.enforce;
    for (const [button, entry] of this.#entries) this.#show(button, entry);
  }

  /** Stops watching and removes every trace from the page. */
  stop() {
    this.#observer?.disconnect();
    this.#observer = null;
    for (const button of [...this.#entries.keys()]) this.#untrack(button);
  }

  #onMutations(records) {
    const dirty = new Set();
    let removals = false;
    for (const record of records) {
      const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      if (!target || withinOurNote(target)) continue;
      // A change inside a candidate (its label, its inner markup) re-checks that candidate.
      const container = target.closest(CANDIDATE_SELECTOR);
      if (container) dirty.add(container);
      if (record.type !== "childList") continue;
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || withinOurNote(node) || !node.isConnected) continue;
        if (node.matches(CANDIDATE_SELECTOR)) dirty.add(node);
        // Only subtrees that can hold a button are searched.
        if (node.firstElementChild) for (const inner of node.querySelectorAll(CANDIDATE_SELECTOR)) dirty.add(inner);
      }
      if (this.#entries.size > 0 && record.removedNodes.length > 0) removals = true;
    }
    if (!removals && dirty.size === 0) return;
    this.stats.mutationBatches += 1;
    if (removals) this.#settleRemovals();
    for (const candidate of dirty) this.#evaluate(candidate);
  }

  #settleRemovals() {
    for (const [button, entry] of this.#entries) {
      if (!button.isConnected) {
        // The page re-rendered: the old button's note goes with it.
        entry.note.remove();
        unlockButton(button);
        this.#entries.delete(button);
      } else if (!entry.note.isConnected || entry.note.previousElementSibling !== button) {
        if (entry.reattachments++ < MAX_REATTACHMENTS) attachNote(button, entry.note);
      }
    }
  }

  #evaluate(candidate) {
    if (!candidate.isConnected) return;
    const page = buttonPageState(candidate);
    if (page) this.#track(candidate, page);
    else if (this.#entries.has(candidate)) this.#untrack(candidate);
  }

  #track(button, page) {
    let entry = this.#entries.get(button);
    if (entry && entry.page === page) return;
    if (!entry) {
      entry = { page, note: createNote(this.#doc, this.#t("annotation_label")), generation: 0, reattachments: 0, model: null };
      this.#entries.set(button, entry);
    }
    entry.page = page;
    this.#check(button, entry, false);
  }

  #untrack(button) {
    const entry = this.#entries.get(button);
    if (!entry) return;
    this.#entries.delete(button);
    unlockButton(button);
    detachNote(button, entry.note);
  }

  async #check(button, entry, refresh) {
    const generation = ++entry.generation;
    const page = entry.page;
    const t = this.#t;
    entry.model = (mode) => checkingModel({ t, page, mode });
    this.#show(button, entry);
    this.stats.routeRequests += 1;
    let reply;
    try {
      reply = await this.#askRoute(page, refresh);
    } catch {
      reply = null;
    }
    // The button may have gone, or changed its label, while the background answered.
    if (this.#entries.get(button) !== entry || entry.generation !== generation) return;
    if (reply?.ok === true) {
      const techpassId = techpassIdOnPage(this.#doc);
      entry.model = (mode) => annotationModel({ ...reply, mode }, { t, techpassId });
    } else {
      entry.model = (mode) => unavailableModel({ t, page, mode });
    }
    if (reply?.mode === MODES.enforce && this.#mode !== MODES.enforce) this.setMode(MODES.enforce); // shows every entry
    else this.#show(button, entry);
  }

  // Renders the entry's current verdict under the current mode.
  #show(button, entry) {
    const model = entry.model(this.#mode);
    renderNote(entry.note, model, {
      retryLabel: this.#t("check_again"),
      onRetry: () => this.#check(button, entry, true),
    });
    button.setAttribute(ROUTE_ATTRIBUTE, model.route);
    attachNote(button, entry.note);
    if (model.locked) lockButton(button);
    else unlockButton(button);
  }
}
