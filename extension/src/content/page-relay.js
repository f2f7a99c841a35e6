// The page relay of contract section 7: the portal page asks for an attestation token with
// window.postMessage({source: "seed-attest-page", type: "attest", nonce}); the content script
// answers {source: "seed-attest-extension", type: "attestation", nonce, token | error}, once per
// request, only on the portal origin. The page never names the origin: the background takes it
// from the browser.

import { PORTAL_ORIGIN } from "../shared/constants.js";
import { nonceProblem } from "../shared/validate.js";

export const PAGE_SOURCE = "seed-attest-page";
export const EXTENSION_SOURCE = "seed-attest-extension";
const RELAY_TIMEOUT_MS = 15_000; // above the background's worst case (hello + attest)
const MAX_IN_FLIGHT = 4;
const MAX_NONCES_REMEMBERED = 1000;

/**
 * @param {object} options
 * @param {Window} options.win  the portal page's window
 * @param {(nonce: string) => Promise<{ok: boolean, token?: string, error?: string}>} options.attest
 * @returns {() => void} removes the relay
 */
export function installPageRelay({ win, attest, timeoutMs = RELAY_TIMEOUT_MS }) {
  if (win.location.origin !== PORTAL_ORIGIN) return () => {};
  const seen = new Set();
  let inFlight = 0;

  const answer = (fields) => {
    win.postMessage({ source: EXTENSION_SOURCE, type: "attestation", ...fields }, PORTAL_ORIGIN);
  };

  const onMessage = (event) => {
    // Only the page itself, on the portal origin; frames and other windows are ignored.
    if (event.source !== win || event.origin !== PORTAL_ORIGIN) return;
    const data = event.data;
    if (data === null || typeof data !== "object") return;
    if (data.source !== PAGE_SOURCE || data.type !== "attest") return;
    const nonce = data.nonce;
    if (nonceProblem(nonce)) {
      answer({ error: "bad_nonce" });
      return;
    }
    if (seen.has(nonce)) {
      answer({ nonce, error: "nonce_reused" });
      return;
    }
    if (inFlight >= MAX_IN_FLIGHT) {
      answer({ nonce, error: "busy" });
      return;
    }
    if (seen.size >= MAX_NONCES_REMEMBERED) seen.clear();
    seen.add(nonce);
    inFlight += 1;
    relay(nonce).then((fields) => {
      inFlight -= 1;
      answer({ nonce, ...fields });
    });
  };

  // Resolves exactly once, with {token} or {error}, whatever the background does.
  const relay = (nonce) =>
    new Promise((resolve) => {
      const timer = win.setTimeout(() => resolve({ error: "timeout" }), timeoutMs);
      Promise.resolve()
        .then(() => attest(nonce))
        .then(
          (reply) => resolve(reply?.ok === true ? { token: reply.token } : { error: reply?.error ?? "internal" }),
          () => resolve({ error: "helper_unavailable" }),
        )
        .finally(() => win.clearTimeout(timer));
    });

  win.addEventListener("message", onMessage);
  return () => win.removeEventListener("message", onMessage);
}
