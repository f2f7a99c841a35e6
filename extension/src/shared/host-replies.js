// Validation of every reply the native host can send (protocol v1, contract section 3). Each
// validator returns a fresh object holding only the fields this extension knows, or throws
// ValidationError: nothing the host sends reaches the page or the popup unchecked.

import { DECIDED_BY, DEVICE_CLASSES, OUTCOMES, PROTOCOL_VERSION } from "./constants.js";
import {
  MAX_LIST,
  ValidationError,
  check,
  compactJwsProblem,
  isPlainObject,
  oneOfProblem,
  textProblem,
} from "./validate.js";

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;
const SEMVER = /^\d{1,6}\.\d{1,6}\.\d{1,6}(?:[-+][0-9A-Za-z.+-]{1,64})?$/;
const SHA256_HEX = /^(?:[0-9a-f]{64})?$/;
const ERROR_CODE = /^[a-z][a-z_]{0,63}$/;
const IDENTIFIER_MAX = 128;

export function validateHello(reply) {
  check(isPlainObject(reply) ? null : "hello reply must be an object");
  check(
    reply.type === "hello" ? null : "hello reply has the wrong type",
    reply.protocol === PROTOCOL_VERSION ? null : `hello reply names protocol ${String(reply.protocol)}`,
    typeof reply.host_version === "string" && SEMVER.test(reply.host_version)
      ? null
      : "host_version must be a version X.Y.Z",
    Array.isArray(reply.capabilities) && reply.capabilities.length <= 64 ? null : "capabilities must be a list",
  );
  for (const capability of reply.capabilities) check(textProblem(capability, "capability", { max: 64 }));
  return { hostVersion: reply.host_version, capabilities: [...reply.capabilities] };
}

export function validatePong(reply) {
  check(isPlainObject(reply) && reply.type === "pong" ? null : "ping reply must be a pong");
  return {};
}

function validateReadiness(entry) {
  check(
    isPlainObject(entry) ? null : "readiness entry must be an object",
    textProblem(entry?.check, "readiness check", { max: IDENTIFIER_MAX, min: 1 }),
    textProblem(entry?.title, "readiness title"),
    typeof entry?.ok === "boolean" ? null : "readiness ok must be true or false",
    textProblem(entry?.detail ?? "", "readiness detail"),
  );
  return { check: entry.check, title: entry.title, ok: entry.ok, detail: entry.detail ?? "" };
}

function validateEvidence(entry) {
  check(
    isPlainObject(entry) ? null : "evidence entry must be an object",
    textProblem(entry?.probe, "evidence probe", { max: IDENTIFIER_MAX, min: 1 }),
    textProblem(entry?.kind, "evidence kind", { max: IDENTIFIER_MAX, min: 1 }),
    oneOfProblem(entry?.outcome, OUTCOMES, "evidence outcome"),
    textProblem(entry?.detail ?? "", "evidence detail"),
  );
  return { probe: entry.probe, kind: entry.kind, outcome: entry.outcome, detail: entry.detail ?? "" };
}

function listOf(value, name, validateEntry) {
  check(Array.isArray(value) ? null : `${name} must be a list`);
  check(value.length <= MAX_LIST ? null : `${name} has more than ${MAX_LIST} entries`);
  return value.map(validateEntry);
}

// The status fields shared by `status` and `attest` replies.
function statusFields(reply) {
  check(
    oneOfProblem(reply.device_class, DEVICE_CLASSES, "device_class"),
    oneOfProblem(reply.decided_by, DECIDED_BY, "decided_by"),
    isPlainObject(reply.policy) ? null : "policy must be an object",
    typeof reply.checked_at === "string" && RFC3339.test(reply.checked_at) && !Number.isNaN(Date.parse(reply.checked_at))
      ? null
      : "checked_at must be an RFC 3339 time",
    Number.isSafeInteger(reply.duration_ms) && reply.duration_ms >= 0 ? null : "duration_ms must be a whole number",
    reply.evidence_truncated === undefined || (Number.isSafeInteger(reply.evidence_truncated) && reply.evidence_truncated > 0)
      ? null
      : "evidence_truncated must be a positive whole number",
  );
  check(
    textProblem(reply.policy.source, "policy source", { max: IDENTIFIER_MAX, min: 1 }),
    typeof reply.policy.sha256 === "string" && SHA256_HEX.test(reply.policy.sha256)
      ? null
      : "policy sha256 must be 64 hex digits",
    reply.error === undefined || reply.error === null ? null : textProblem(reply.error, "error"),
  );
  return {
    deviceClass: reply.device_class,
    decidedBy: reply.decided_by,
    readiness: listOf(reply.readiness, "readiness", validateReadiness),
    evidence: listOf(reply.evidence, "evidence", validateEvidence),
    // Entries the host left out to keep its reply under the 1,000,000-byte limit.
    evidenceTruncated: reply.evidence_truncated ?? 0,
    policy: { source: reply.policy.source, sha256: reply.policy.sha256 },
    error: typeof reply.error === "string" ? reply.error : null,
    checkedAt: reply.checked_at,
    durationMs: reply.duration_ms,
  };
}

export function validateStatus(reply) {
  check(isPlainObject(reply) && reply.type === "status" ? null : "status reply has the wrong type");
  return statusFields(reply);
}

export function validateAttest(reply) {
  check(isPlainObject(reply) && reply.type === "attest" ? null : "attest reply has the wrong type");
  const status = statusFields(reply);
  if (reply.token === null) {
    check(textProblem(reply.token_error, "token_error", { max: IDENTIFIER_MAX, min: 1 }));
    return { ...status, token: null, tokenError: reply.token_error };
  }
  check(compactJwsProblem(reply.token));
  return { ...status, token: reply.token, tokenError: null };
}

export function validateError(reply) {
  check(
    isPlainObject(reply) && reply.type === "error" ? null : "error reply has the wrong type",
    typeof reply.code === "string" && ERROR_CODE.test(reply.code) ? null : "error code must be a word",
    textProblem(reply.message ?? "", "error message"),
  );
  return { code: reply.code, message: reply.message ?? "" };
}

// The request id the reply echoes: null when absent, else a string (at most 128 chars) or integer.
export function replyId(reply) {
  if (!isPlainObject(reply) || reply.id === undefined || reply.id === null) return null;
  if (Number.isSafeInteger(reply.id)) return reply.id;
  if (typeof reply.id === "string" && reply.id.length <= 128) return reply.id;
  throw new ValidationError("reply id must be a string or an integer");
}

const VALIDATORS = Object.freeze({
  hello: validateHello,
  ping: validatePong,
  status: validateStatus,
  attest: validateAttest,
});

// The validator for the reply to a request of `type`.
export function validatorFor(type) {
  const validator = VALIDATORS[type];
  if (!validator) throw new TypeError(`no request type ${type}`);
  return validator;
}
