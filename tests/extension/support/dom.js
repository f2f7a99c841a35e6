// jsdom pages for the DOM tests.

import { JSDOM } from "jsdom";

export const PORTAL_URL = "https://portal.techpass.gov.sg/my-account";

/** A page at `url` whose body is `body`; returns its window. */
export function openPage(body = "", { url = PORTAL_URL } = {}) {
  const dom = new JSDOM(`<!doctype html><html><head><title>My Account</title></head><body>${body}</body></html>`, {
    url,
    pretendToBeVisual: true,
  });
  return dom.window;
}

/** Lets mutation observers, promise jobs and zero-delay timers run. */
export async function settleDom() {
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

export { deferred } from "./deferred.js";

/** Clicks like a person would: a cancelable, bubbling click. Returns false when cancelled. */
export function click(win, element) {
  return element.dispatchEvent(new win.MouseEvent("click", { bubbles: true, cancelable: true, composed: true }));
}
