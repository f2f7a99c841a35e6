// The content script's browser wiring: starts the helper, reads the mode, asks the background and
// hands everything else to PortalButtons and the page relay. Bundled with the modules it imports
// into extension/generated/content-script.js (scripts/bundle-content-script.mjs), which runs it at
// document_start.

import { PORTAL_ORIGIN } from "../shared/constants.js";
import { MESSAGE_TYPES, validateAttestReply, validateRouteReply } from "../shared/messages.js";
import { REMEMBERED_MODE_KEY, modeFrom } from "../shared/mode.js";
import { askBackground } from "./ask-background.js";
import { RouteQuestions } from "./early-routes.js";
import { installPageRelay } from "./page-relay.js";
import { PortalButtons } from "./portal-buttons.js";

// Longer than the background's own worst case (hello and a request, 5 s each; or the first read
// of the administrator's settings, at most 10 s after the background started). A question met by
// silence for ATTEMPT_MS is asked again (ask-background.js).
const ASK_TIMEOUT_MS = 16_000;
const ATTEMPT_MS = 8_000;
const NO_ANSWER = Object.freeze({ ok: false, error: "internal" });

// The administrator's mode, read here too so enforce mode can lock without waiting for the
// background: first as the background last remembered it (fast), then from managed storage.
function readMode(api, onMode) {
  Promise.resolve()
    .then(() => api.storage.local.get(REMEMBERED_MODE_KEY))
    .then((stored) => onMode(modeFrom(stored?.[REMEMBERED_MODE_KEY])))
    .catch(() => {});
  Promise.resolve()
    .then(() => api.storage.managed.get("mode"))
    .then((stored) => onMode(modeFrom(stored?.mode)))
    .catch(() => {});
}

export function run(api) {
  if (window.location.origin !== PORTAL_ORIGIN) return;
  const t = (key, substitutions) => api.i18n.getMessage(key, substitutions);
  const ask = async (message, validate) =>
    validate(await askBackground((m) => api.runtime.sendMessage(m), message, { timeoutMs: ASK_TIMEOUT_MS, attemptMs: ATTEMPT_MS, fallback: NO_ANSWER }));
  const routes = new RouteQuestions({
    ask: (message) => ask(message, validateRouteReply),
    tell: (message) => {
      Promise.resolve()
        .then(() => api.runtime.sendMessage(message))
        .catch(() => {});
    },
  });
  routes.askEarly();

  installPageRelay({
    win: window,
    attest: (nonce) => ask({ type: MESSAGE_TYPES.attest, nonce }, validateAttestReply),
  });
  const buttons = new PortalButtons({
    doc: document,
    t,
    askRoute: (page, refresh) => routes.route(page, refresh),
  });
  buttons.start();
  // Not awaited before start: a first managed-storage read can take seconds (see
  // background/settings.js), and annotate mode, the default, must not wait for it.
  readMode(api, (mode) => buttons.setMode(mode));
}
