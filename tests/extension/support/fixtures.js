// Host replies and background replies as the contract shapes them, for tests to vary.

export function hostStatus(overrides = {}) {
  return {
    type: "status",
    device_class: "non_se_gsib",
    decided_by: "certificate",
    readiness: [
      { check: "os", title: "Supported operating system", ok: true, detail: "Debian GNU/Linux 12" },
      { check: "disk", title: "Disk encrypted", ok: false, detail: "no encrypted root volume" },
    ],
    evidence: [
      { probe: "gsib-cert", kind: "device_certificate", outcome: "match", detail: "serial 0a:1b:2c:3d:4e:5f" },
      { probe: "tanium", kind: "process", outcome: "no_match", detail: "" },
    ],
    policy: { source: "system", path: "/etc/seed-attest/policy.json", sha256: "a".repeat(64) },
    checked_at: "2026-11-27T10:15:30Z",
    duration_ms: 12,
    ...overrides,
  };
}

export function hostHello(overrides = {}) {
  return { type: "hello", protocol: 1, host_version: "0.1.0", capabilities: ["hello", "ping", "status", "attest"], ...overrides };
}

export const NONCE = "q0Uc2WvXYbZ0Rj7Kc1o9Lw"; // 22 characters, 16 bytes
export const TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJub25jZSI6InEwVWMyV3ZYWWJaMFJqN0tjMW85THcifQ.c2lnbmF0dXJlLWJ5dGVz";

export function routeReply(overrides = {}) {
  return {
    ok: true,
    route: "request_via_portal",
    page: "request_for_seed",
    helper: { available: true, reason: null, hostVersion: "0.1.0", detail: null },
    deviceClass: "non_se_gsib",
    decidedBy: "certificate",
    readiness: [],
    problem: null,
    mode: "annotate",
    ...overrides,
  };
}
