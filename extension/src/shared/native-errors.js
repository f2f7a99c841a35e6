// Turns what a browser says about a failed native connection into one precise install_helper
// reason. Chromium's texts are fixed strings; Firefox's carry the host name or a path.

const PATTERNS = [
  // Chromium family
  [/^Specified native messaging host not found\.?$/i, "not_installed"],
  [/^Native messaging host .* is not registered/i, "not_installed"],
  [/^Access to the specified native messaging host is forbidden\.?$/i, "not_allowed"],
  [/^Failed to start native messaging host\.?$/i, "start_failed"],
  [/^Native host has exited\.?$/i, "host_exited"],
  [/^Error when communicating with the native messaging host\.?$/i, "communication_failed"],
  [/^Invalid native messaging host name specified\.?$/i, "unsupported"],
  // Firefox
  [/^No such native application /i, "not_installed"],
  [/^This extension does not have permission to use native application /i, "not_allowed"],
  [/^File at path .* does not exist, or is not executable/i, "start_failed"],
  [/^Native application tried to send a message of \d+ bytes/i, "communication_failed"],
  [/^An unexpected error occurred/i, "communication_failed"],
  // Both, when the API itself is missing (no permission, or an unsupported browser)
  [/connectNative is not a function|nativeMessaging.*(?:permission|not available)/i, "unsupported"],
];

/**
 * @param {unknown} error  the browser's message (string), an Error, or {message}
 * @returns {string} one of HELPER_REASONS
 */
export function helperReasonFor(error) {
  const text = messageOf(error);
  // A port that closes with no error at all: the host stopped on its own.
  if (text === "") return "host_exited";
  for (const [pattern, reason] of PATTERNS) {
    if (pattern.test(text)) return reason;
  }
  return "unknown";
}

// The protocol's own errors that make the helper unusable for this extension.
export function helperReasonForHostError(code) {
  if (code === "forbidden_caller") return "caller_refused";
  if (code === "unsupported_protocol") return "incompatible";
  return null;
}

export function messageOf(error) {
  if (error === null || error === undefined) return "";
  if (typeof error === "string") return error.trim();
  if (typeof error === "object" && typeof error.message === "string") return error.message.trim();
  return String(error).trim();
}
