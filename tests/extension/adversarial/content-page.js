// A portal page with the real content script running in it (content.js under jsdom, the
// background played by a function), for the adversarial tests: what a page can try against it.

import { openPage, settleDom } from "../support/dom.js";
import { fakeBrowser } from "../support/fake-browser.js";
import { routeReply } from "../support/fixtures.js";

export const PORTAL = "https://portal.techpass.gov.sg";

let instance = 0;

/**
 * @param {string} body  the page's markup
 * @param {object} [options]
 * @param {object} [options.route]  the background's route reply (default: enforce, contact_manager)
 * @param {(message: object) => Promise<object>} [options.background]  answers everything instead
 */
export async function contentPage(body, { route = routeReply({ route: "contact_manager", deviceClass: "gmd", mode: "enforce" }), background } = {}) {
  const browser = fakeBrowser({
    managed: { mode: route.mode ?? "annotate" },
    sendMessage: background ?? (async (message) => (message.type === "seed-attest/route" ? route : { ok: false, error: "forbidden" })),
  });
  const win = openPage(body);
  globalThis.window = win;
  globalThis.document = win.document;
  // What the content script posts to the page (the page's own posts are not recorded here).
  const answers = [];
  const post = win.postMessage.bind(win);
  win.postMessage = (message, targetOrigin) => {
    answers.push(message);
    post(message, targetOrigin);
  };
  instance += 1;
  (await import(`../../../extension/src/content/content.js?adversarial=${instance}`)).run(browser.api);
  await settleDom();
  /** What the browser delivers when the page calls window.postMessage(data, ...). */
  const pagePosts = (data, { origin = PORTAL, source = win } = {}) =>
    win.dispatchEvent(new win.MessageEvent("message", { data, origin, source }));
  return { win, doc: win.document, browser, answers, pagePosts };
}

/** Clicks like a person would; false when something cancelled the click. */
export function click(win, element) {
  return element.dispatchEvent(new win.MouseEvent("click", { bubbles: true, cancelable: true, composed: true }));
}

export function pressEnter(win, element) {
  return element.dispatchEvent(new win.KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
}

export { settleDom };
