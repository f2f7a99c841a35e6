// Fixed names and addresses (design contract sections 1, 2 and 7). Nothing here is configurable:
// the host, the manifests and the tests rely on these exact values.

export const HOST_NAME = "sg.techpass.seed_attest";
export const PROTOCOL_VERSION = 1;

export const PORTAL_ORIGIN = "https://portal.techpass.gov.sg";
export const SERVICE_REQUEST_URL = "https://go.gov.sg/techpass-sr";
export const PREREQUISITES_URL =
  "https://docs.developer.tech.gov.sg/docs/security-suite-for-engineering-endpoint-devices/prerequisites-for-onboarding";

// One request to the host, hello included, may take this long before it counts as not answering.
export const REQUEST_TIMEOUT_MS = 5000;
// How long a status stays fresh: long enough that page loads and re-renders reuse it, short
// enough that a change on the device shows up on the next visit.
export const STATUS_TTL_MS = 60_000;
// The port (and so the host process) is closed after this long without a request.
export const IDLE_DISCONNECT_MS = 5 * 60_000;
// Reconnect backoff after a failed connection: first wait, growth factor, ceiling.
export const BACKOFF_INITIAL_MS = 500;
export const BACKOFF_MAX_MS = 15_000;

// The portal's two buttons, as the page words them (matched case- and whitespace-insensitively).
export const PAGE_STATES = Object.freeze({
  request: "request_for_seed",
  onboard: "onboard_device",
});
export const BUTTON_TEXTS = Object.freeze({
  [PAGE_STATES.request]: "Request for SEED",
  [PAGE_STATES.onboard]: "Onboard device to SEED",
});

export const DEVICE_CLASSES = Object.freeze(["non_se_gsib", "se_gsib", "gmd", "internet_device", "unknown"]);
export const DECIDED_BY = Object.freeze(["certificate", "heuristic", "default"]);
export const OUTCOMES = Object.freeze(["match", "no_match", "error", "skipped"]);

export const ROUTES = Object.freeze({
  requestViaPortal: "request_via_portal",
  serviceRequest: "service_request",
  contactManager: "contact_manager",
  onboardDevice: "onboard_device",
  onboardElsewhere: "onboard_elsewhere",
  alreadyOnboarded: "already_onboarded",
  checkDevice: "check_device",
  installHelper: "install_helper",
});

// Why the helper could not be used; each has its own advice in _locales (helper_reason_<reason>).
export const HELPER_REASONS = Object.freeze([
  "not_installed",        // no host manifest for this browser
  "not_allowed",          // the host manifest does not list this extension
  "start_failed",         // the manifest's program is missing or not executable
  "host_exited",          // the program started and then stopped
  "communication_failed", // the program's output is not native-messaging frames
  "not_responding",       // no reply within REQUEST_TIMEOUT_MS
  "caller_refused",       // the host's own allow-list refused this extension (forbidden_caller)
  "incompatible",         // the host speaks another protocol version or sent a reply we cannot read
  "unsupported",          // this browser offers no native messaging to the extension
  "unknown",              // anything else; the browser's text is shown
]);

export const MODES = Object.freeze({ annotate: "annotate", enforce: "enforce" });
