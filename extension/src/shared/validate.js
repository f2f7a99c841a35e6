// Small checks shared by the validators. Each returns the problem as text, or null when fine.

export const MAX_TEXT = 4096;
export const MAX_LIST = 256;

export function isPlainObject(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function textProblem(value, name, { max = MAX_TEXT, min = 0 } = {}) {
  if (typeof value !== "string") return `${name} must be a string`;
  if (value.length < min) return `${name} must not be empty`;
  if (value.length > max) return `${name} is longer than ${max} characters`;
  return null;
}

export function oneOfProblem(value, allowed, name) {
  return allowed.includes(value) ? null : `${name} must be one of ${allowed.join(", ")}`;
}

// Fields not in `allowed` (for messages we define ourselves, where extra fields mean a bug or an attack).
export function extraFieldsProblem(value, allowed, name) {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  return extra.length ? `${name} has unexpected field ${extra[0]}` : null;
}

export class ValidationError extends Error {
  constructor(problem) {
    super(problem);
    this.name = "ValidationError";
  }
}

// Throws ValidationError for the first problem found.
export function check(...problems) {
  for (const problem of problems) {
    if (problem) throw new ValidationError(problem);
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE64URL_VALUES = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Mirrors the host's nonce rule (contract section 4): 22 to 256 base64url characters without
// padding, canonical (unused trailing bits zero), carrying at least 16 bytes.
export function nonceProblem(nonce) {
  if (typeof nonce !== "string") return "nonce must be a string";
  if (nonce.length < 22 || nonce.length > 256) return "nonce must be 22 to 256 base64url characters";
  if (!BASE64URL.test(nonce) || nonce.length % 4 === 1) return "nonce must be base64url without padding";
  const leftoverBits = (nonce.length * 6) % 8;
  if (leftoverBits > 0) {
    const last = BASE64URL_VALUES.indexOf(nonce[nonce.length - 1]);
    if ((last & ((1 << leftoverBits) - 1)) !== 0) return "nonce must be base64url without padding";
  }
  if (Math.floor((nonce.length * 6) / 8) < 16) return "nonce must carry at least 16 bytes";
  return null;
}

// A compact JWS: three base64url segments, the signature not empty.
export function compactJwsProblem(token) {
  if (typeof token !== "string") return "token must be a string";
  if (token.length > 900_000) return "token is too long";
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((part) => part === "" || !BASE64URL.test(part))) {
    return "token must be a compact JWS";
  }
  return null;
}
