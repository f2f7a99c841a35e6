// The messages between the extension's own parts: content script and popup ask, the background
// answers. Both directions are validated; the background also checks who is asking.

import {
  DECIDED_BY,
  DEVICE_CLASSES,
  HELPER_REASONS,
  MODES,
  OUTCOMES,
  PAGE_STATES,
  PORTAL_ORIGIN,
  ROUTES,
} from "./constants.js";
import {
  MAX_LIST,
  check,
  compactJwsProblem,
  extraFieldsProblem,
  isPlainObject,
  nonceProblem,
  oneOfProblem,
  textProblem,
} from "./validate.js";

export const MESSAGE_TYPES = Object.freeze({
  route: "seed-attest/route",     // content: the route for a button the page shows (or may soon)
  attest: "seed-attest/attest",   // content: a token for the portal page (page relay)
  status: "seed-attest/status",   // popup: everything the popup shows
});

// Which part of the extension may send which message.
const ALLOWED = Object.freeze({
  content: [MESSAGE_TYPES.route, MESSAGE_TYPES.attest],
  popup: [MESSAGE_TYPES.status],
});

// Failures the background reports instead of a result.
export const FAILURES = Object.freeze([
  "bad_message",        // the request did not validate
  "forbidden",          // the sender may not ask this
  "helper_unavailable", // attest: the helper could not be reached
  "host_error",         // attest: the host answered with an error
  "internal",           // the background failed
]);

const PAGES = Object.values(PAGE_STATES);
const ROUTE_NAMES = Object.values(ROUTES);
const MODE_NAMES = Object.values(MODES);

/** Validates a request to the background; returns a clean copy or throws ValidationError. */
export function validateRequest(message) {
  check(isPlainObject(message) ? null : "a message must be an object");
  switch (message.type) {
    case MESSAGE_TYPES.route:
      check(
        extraFieldsProblem(message, ["type", "page", "refresh", "ahead"], "route"),
        oneOfProblem(message.page, PAGES, "page"),
        optionalBoolean(message.refresh, "refresh"),
        optionalBoolean(message.ahead, "ahead"),
      );
      return { type: message.type, page: message.page, refresh: message.refresh === true, ahead: message.ahead === true };
    case MESSAGE_TYPES.attest:
      check(extraFieldsProblem(message, ["type", "nonce"], "attest"), nonceProblem(message.nonce));
      return { type: message.type, nonce: message.nonce };
    case MESSAGE_TYPES.status:
      check(extraFieldsProblem(message, ["type", "refresh"], "status"), optionalBoolean(message.refresh, "refresh"));
      return { type: message.type, refresh: message.refresh === true };
    default:
      check("unknown message type");
  }
  return null;
}

function optionalBoolean(value, name) {
  return value === undefined || typeof value === "boolean" ? null : `${name} must be true or false`;
}

/** The origin of the frame that sent a runtime message, as the browser reports it. */
export function senderOrigin(sender) {
  if (typeof sender?.origin === "string") return sender.origin;
  return typeof sender?.url === "string" ? originOf(sender.url) : null;
}

// scheme://authority of a URL. Extension URLs (chrome-extension:, moz-extension:) have an opaque
// origin in the URL standard, so the prefix is taken as written; web URLs are normalised.
function originOf(url) {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== "null") return parsed.origin;
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(url)?.[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Who sent a runtime message: "content" (our content script in a portal page's top frame),
 * "popup" (our popup page, also when opened in a tab) or null for anyone else.
 * @param {{id?: string, url?: string, origin?: string, tab?: object, frameId?: number}} sender
 * @param {{extensionId: string, popupUrl: string}} self
 */
export function senderKind(sender, self) {
  if (!sender || typeof sender !== "object") return null;
  if (sender.id !== self.extensionId || typeof sender.url !== "string") return null;
  const origin = senderOrigin(sender);
  const url = sender.url.split(/[?#]/)[0];
  if (origin === originOf(self.popupUrl) && url === self.popupUrl) return "popup";
  if (sender.tab && origin === PORTAL_ORIGIN && originOf(sender.url) === PORTAL_ORIGIN && (sender.frameId ?? 0) === 0) {
    return "content";
  }
  return null;
}

export function mayAsk(kind, type) {
  return Boolean(kind) && ALLOWED[kind].includes(type);
}

// ----- replies, checked by the content script and the popup before use -----

export function failure(error) {
  return { ok: false, error };
}

export function validateFailure(reply) {
  check(isPlainObject(reply) && reply.ok === false ? null : "not a failure", oneOfProblem(reply.error, FAILURES, "error"));
  return { ok: false, error: reply.error };
}

function nullableText(value, name) {
  return value === null ? null : textProblem(value, name);
}

function validateReadinessList(list) {
  check(Array.isArray(list) && list.length <= MAX_LIST ? null : "readiness must be a list");
  return list.map((entry) => {
    check(
      isPlainObject(entry) ? null : "readiness entry must be an object",
      textProblem(entry?.check, "check", { min: 1, max: 128 }),
      textProblem(entry?.title, "title"),
      typeof entry?.ok === "boolean" ? null : "ok must be true or false",
      textProblem(entry?.detail, "detail"),
    );
    return { check: entry.check, title: entry.title, ok: entry.ok, detail: entry.detail };
  });
}

export function validateHelper(helper) {
  check(
    isPlainObject(helper) ? null : "helper must be an object",
    typeof helper?.available === "boolean" ? null : "helper.available must be true or false",
  );
  let reasonProblem = null;
  if (!helper.available) reasonProblem = oneOfProblem(helper.reason, HELPER_REASONS, "helper.reason");
  else if (helper.reason !== null) reasonProblem = "an available helper has no reason";
  check(reasonProblem, nullableText(helper.hostVersion, "helper.hostVersion"), nullableText(helper.detail, "helper.detail"));
  return { available: helper.available, reason: helper.reason, hostVersion: helper.hostVersion, detail: helper.detail };
}

/** The background's answer to a route request. */
export function validateRouteReply(reply) {
  if (isPlainObject(reply) && reply.ok === false) return validateFailure(reply);
  check(
    isPlainObject(reply) && reply.ok === true ? null : "route reply must be an object with ok",
    oneOfProblem(reply.route, ROUTE_NAMES, "route"),
    oneOfProblem(reply.page, PAGES, "page"),
    reply.deviceClass === null ? null : oneOfProblem(reply.deviceClass, DEVICE_CLASSES, "deviceClass"),
    reply.decidedBy === null ? null : oneOfProblem(reply.decidedBy, DECIDED_BY, "decidedBy"),
    nullableText(reply.problem, "problem"),
    oneOfProblem(reply.mode, MODE_NAMES, "mode"),
  );
  return {
    ok: true,
    route: reply.route,
    page: reply.page,
    helper: validateHelper(reply.helper),
    deviceClass: reply.deviceClass,
    decidedBy: reply.decidedBy,
    readiness: validateReadinessList(reply.readiness),
    problem: reply.problem,
    mode: reply.mode,
  };
}

function validateEvidenceList(list) {
  check(Array.isArray(list) && list.length <= MAX_LIST ? null : "evidence must be a list");
  return list.map((entry) => {
    check(
      isPlainObject(entry) ? null : "evidence entry must be an object",
      textProblem(entry?.probe, "probe", { min: 1, max: 128 }),
      textProblem(entry?.kind, "kind", { min: 1, max: 128 }),
      oneOfProblem(entry?.outcome, OUTCOMES, "outcome"),
      textProblem(entry?.detail, "detail"),
    );
    return { probe: entry.probe, kind: entry.kind, outcome: entry.outcome, detail: entry.detail };
  });
}

// The host's status as the background passes it on (device-status.js, validated from the host).
function validateDeviceStatus(status) {
  check(
    isPlainObject(status) ? null : "status must be an object",
    oneOfProblem(status?.deviceClass, DEVICE_CLASSES, "deviceClass"),
    oneOfProblem(status?.decidedBy, DECIDED_BY, "decidedBy"),
    isPlainObject(status?.policy) ? null : "policy must be an object",
    textProblem(status?.checkedAt, "checkedAt", { min: 1, max: 64 }),
    Number.isSafeInteger(status?.durationMs) ? null : "durationMs must be a whole number",
    nullableText(status?.error ?? null, "error"),
    status?.evidenceTruncated === undefined || (Number.isSafeInteger(status.evidenceTruncated) && status.evidenceTruncated >= 0)
      ? null
      : "evidenceTruncated must be a whole number",
  );
  check(textProblem(status.policy.source, "policy.source"), textProblem(status.policy.sha256, "policy.sha256", { max: 64 }));
  return {
    deviceClass: status.deviceClass,
    decidedBy: status.decidedBy,
    readiness: validateReadinessList(status.readiness),
    evidence: validateEvidenceList(status.evidence),
    evidenceTruncated: status.evidenceTruncated ?? 0,
    policy: { source: status.policy.source, sha256: status.policy.sha256 },
    error: status.error ?? null,
    checkedAt: status.checkedAt,
    durationMs: status.durationMs,
  };
}

/** The background's answer to the popup. */
export function validateStatusReply(reply) {
  if (isPlainObject(reply) && reply.ok === false) return validateFailure(reply);
  check(
    isPlainObject(reply) && reply.ok === true ? null : "status reply must be an object with ok",
    oneOfProblem(reply.page, PAGES, "page"),
    oneOfProblem(reply.mode, MODE_NAMES, "mode"),
    nullableText(reply.problem, "problem"),
  );
  return {
    ok: true,
    helper: validateHelper(reply.helper),
    status: reply.status === null ? null : validateDeviceStatus(reply.status),
    problem: reply.problem,
    page: reply.page,
    mode: reply.mode,
  };
}

/** The background's answer to an attest request: a token, or a failure. */
export function validateAttestReply(reply) {
  if (isPlainObject(reply) && reply.ok === false) {
    if (typeof reply.error === "string" && /^[a-z][a-z_]{0,63}$/.test(reply.error)) return { ok: false, error: reply.error };
    return validateFailure(reply);
  }
  check(isPlainObject(reply) && reply.ok === true ? null : "attest reply must be an object with ok", compactJwsProblem(reply.token));
  return { ok: true, token: reply.token };
}
