import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { annotationModel, checkingModel, unavailableModel } from "../../../extension/src/shared/annotation-model.js";
import { badgeFor } from "../../../extension/src/shared/badge.js";
import { diagnosticsText, popupViewModel } from "../../../extension/src/shared/popup-view.js";
import { redact } from "../../../extension/src/shared/redact.js";
import { PREREQUISITES_URL, SERVICE_REQUEST_URL } from "../../../extension/src/shared/constants.js";
import { routeReply } from "../support/fixtures.js";
import { catalog, t } from "../support/i18n.js";

const formatTime = (iso) => `at ${iso}`;

describe("annotation model", () => {
  test("request_via_portal: device verified, nothing locked", () => {
    const model = annotationModel(routeReply(), { t });
    assert.equal(model.route, "request_via_portal");
    assert.match(model.lines[0], /Device verified/);
    assert.equal(model.locked, false);
    assert.equal(model.retry, false);
  });

  test("service_request links the service request form", () => {
    const model = annotationModel(routeReply({ route: "service_request", deviceClass: "se_gsib" }), { t });
    assert.deepEqual(model.links, [{ text: "Submit a service request", url: SERVICE_REQUEST_URL }]);
  });

  test("onboard_device lists the readiness checklist and the prerequisites", () => {
    const model = annotationModel(
      routeReply({
        route: "onboard_device",
        page: "onboard_device",
        deviceClass: "internet_device",
        decidedBy: "default",
        readiness: [
          { check: "os", title: "Supported operating system", ok: true, detail: "" },
          { check: "disk", title: "Disk encrypted", ok: false, detail: "no encrypted root" },
        ],
      }),
      { t },
    );
    assert.equal(model.checklistTitle, "Onboarding checklist for this device");
    assert.deepEqual(model.checklist, [
      { text: "Supported operating system: ready", ok: true },
      { text: "Disk encrypted: not ready (no encrypted root)", ok: false },
    ]);
    assert.equal(model.links[0].url, PREREQUISITES_URL);
  });

  test("check_device says what failed and how to retry", () => {
    const model = annotationModel(
      routeReply({ route: "check_device", deviceClass: "unknown", decidedBy: "default", problem: "policy: duplicate probe id gsib-cert" }),
      { t },
    );
    assert.match(model.lines[1], /What failed: policy: duplicate probe id gsib-cert/);
    assert.match(model.lines[2], /Check again/);
    assert.equal(model.retry, true);
  });

  test("install_helper gives the reason's advice and seed-attest doctor", () => {
    const model = annotationModel(
      routeReply({
        route: "install_helper",
        deviceClass: null,
        decidedBy: null,
        helper: { available: false, reason: "not_allowed", hostVersion: null, detail: "Access to the specified native messaging host is forbidden." },
      }),
      { t },
    );
    assert.match(model.lines.join(" "), /does not list this extension.*seed-attest doctor/);
    assert.equal(model.retry, true);
  });

  test("enforce mode locks Request unless request_via_portal, and says why", () => {
    const locked = annotationModel(routeReply({ route: "contact_manager", deviceClass: "internet_device", mode: "enforce" }), { t });
    assert.equal(locked.locked, true);
    assert.match(locked.lockText, /Locked by your organisation/);
    const missing = annotationModel(
      routeReply({ route: "install_helper", deviceClass: null, helper: { available: false, reason: "not_installed", hostVersion: null, detail: null }, mode: "enforce" }),
      { t },
    );
    assert.equal(missing.locked, true);
    assert.match(missing.lockText, /helper/);
    assert.equal(annotationModel(routeReply({ mode: "enforce" }), { t }).locked, false);
  });

  test("enforce mode leaves the Onboard button alone", () => {
    const model = annotationModel(
      routeReply({ route: "onboard_elsewhere", page: "onboard_device", deviceClass: "non_se_gsib", mode: "enforce" }),
      { t },
    );
    assert.equal(model.locked, false);
  });

  test("annotate mode never locks, whatever the route", () => {
    for (const route of ["service_request", "contact_manager", "check_device", "install_helper"]) {
      assert.equal(annotationModel(routeReply({ route, mode: "annotate" }), { t }).locked, false, route);
    }
    assert.equal(checkingModel({ t, page: "request_for_seed", mode: "annotate" }).locked, false);
  });

  test("checking: locked only in enforce mode on the Request button", () => {
    assert.equal(checkingModel({ t, page: "request_for_seed", mode: "enforce" }).locked, true);
    assert.equal(checkingModel({ t, page: "onboard_device", mode: "enforce" }).locked, false);
    assert.equal(checkingModel({ t, page: "request_for_seed", mode: "enforce" }).route, "checking");
  });

  test("the background unreachable fails closed in enforce mode", () => {
    const model = unavailableModel({ t, page: "request_for_seed", mode: "enforce" });
    assert.equal(model.route, "install_helper");
    assert.equal(model.locked, true);
    assert.match(model.lines.join(" "), /background did not answer/);
  });

  test("a TechPass ID that does not fit the device adds a note", () => {
    const model = annotationModel(routeReply(), { t, techpassId: "dev@techpass.gov.sg" });
    assert.equal(
      model.note,
      "Note: this TechPass ID is the kind used by a vendor on an Internet device, but this device checks as: non-SE GSIB laptop. Make sure you are signed in with the right account on the right device.",
    );
    assert.equal(annotationModel(routeReply(), { t, techpassId: "po@tech.gov.sg" }).note, null);
  });

  test("long host text is clipped", () => {
    const model = annotationModel(routeReply({ route: "check_device", deviceClass: "unknown", problem: "x".repeat(1000) }), { t });
    assert.ok(model.lines[1].length < 350);
  });
});

describe("popup view model", () => {
  const status = {
    deviceClass: "internet_device",
    decidedBy: "heuristic",
    readiness: [{ check: "os", title: "Supported operating system", ok: true, detail: "" }],
    evidence: [{ probe: "tanium", kind: "process", outcome: "no_match", detail: "" }],
    policy: { source: "embedded", sha256: "b".repeat(64) },
    error: null,
    checkedAt: "2026-11-27T10:15:30Z",
    durationMs: 40,
  };
  const reply = (overrides = {}) => ({
    ok: true,
    helper: { available: true, reason: null, hostVersion: "0.1.0", detail: null },
    status,
    problem: null,
    page: "onboard_device",
    mode: "annotate",
    ...overrides,
  });

  test("connected: version, class, what decided it, the next step for the last page", () => {
    const view = popupViewModel(reply(), { t, formatTime });
    assert.deepEqual(view.connection, { connected: true, text: "Helper connected", version: "version 0.1.0" });
    assert.equal(view.device.label, "Internet device");
    assert.equal(view.device.decidedBy, "Decided by device markers named in your agency's policy (not cryptographic)");
    assert.equal(view.nextStep.route, "onboard_device");
    assert.equal(view.nextStep.context, "When the portal shows Onboard device to SEED:");
    assert.equal(view.readiness[0].text, "Supported operating system: ready");
    assert.equal(view.evidence[0].outcomeText, "not matched");
    assert.equal(view.checkedAt, "Checked at 2026-11-27T10:15:30Z");
    assert.equal(view.enforced, null);
    assert.equal(view.evidenceTruncated, null, "nothing was left out");
  });

  test("an evidence list the helper cut says how many checks are missing, in the popup and the diagnostics", () => {
    const cut = reply({ status: { ...status, evidenceTruncated: 7 } });
    assert.equal(popupViewModel(cut, { t, formatTime }).evidenceTruncated,
      "7 more checks were left out: the helper's full list would not fit in one message.");
    assert.match(diagnosticsText(cut, { extensionVersion: "0.1.0", browser: "chromium" }), /\(7 more left out by the helper/);
  });

  test("not connected: install_helper with the reason", () => {
    const view = popupViewModel(
      reply({ helper: { available: false, reason: "not_installed", hostVersion: null, detail: null }, status: null, page: "request_for_seed" }),
      { t, formatTime },
    );
    assert.equal(view.connection.connected, false);
    assert.equal(view.device, null);
    assert.equal(view.nextStep.route, "install_helper");
    assert.match(view.nextStep.details[0], /seed-attest install/);
    assert.equal(view.checkedAt, null);
  });

  test("a host problem shows as check_device with what failed", () => {
    const view = popupViewModel(reply({ status: null, problem: "status is not available in this build" }), { t, formatTime });
    assert.equal(view.nextStep.route, "check_device");
    assert.equal(view.nextStep.details[0], "What failed: status is not available in this build");
  });

  test("enforce mode is mentioned", () => {
    assert.match(popupViewModel(reply({ mode: "enforce" }), { t, formatTime }).enforced, /enforces/);
  });

  test("diagnostics leave out serial numbers, device IDs and tokens", () => {
    const secretStatus = {
      ...status,
      readiness: [{ check: "mdm", title: "No other device management", ok: false, detail: "enrolled, device id 3f2504e0-4f89-11d3-9a0c-0305e82c3301" }],
      evidence: [
        { probe: "gsib-cert", kind: "device_certificate", outcome: "match", detail: "serial 0a:1b:2c:3d:4e:5f:60:71 issuer GSIB CA" },
        { probe: "bios", kind: "command", outcome: "match", detail: "SerialNumber: 5CG1234XYZ" },
        { probe: "user", kind: "file", outcome: "match", detail: "owner dev@techpass.gov.sg token eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlYnl0ZXM" },
      ],
    };
    const text = diagnosticsText(reply({ status: secretStatus }), { extensionVersion: "0.1.0", browser: "chromium" });
    for (const secret of ["3f2504e0", "0a:1b:2c", "5CG1234XYZ", "dev@techpass.gov.sg", "eyJhbGciOiJFUzI1NiJ9"]) {
      assert.equal(text.includes(secret), false, `${secret} leaked:\n${text}`);
    }
    assert.match(text, /device_class: internet_device/);
    assert.match(text, /gsib-cert \(device_certificate\): match/);
    assert.match(text, /issuer GSIB CA/, "the rest of the detail stays");
    assert.match(text, /sha256=b{64}/);
  });
});

describe("redact", () => {
  const cases = [
    ["Windows 11 Enterprise 10.0.22631", "Windows 11 Enterprise 10.0.22631"],
    ["kernel 6.1.0-18-amd64 on x86_64", "kernel 6.1.0-18-amd64 on x86_64"],
    ["serial=ABC123", "serial=[redacted]"],
    ["Serial Number: 7788", "Serial Number: [redacted]"],
    ["hostname gsib-laptop-0042", "hostname [redacted]"],
    ["{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", "[id]"],
    ["fingerprint 0123456789abcdef0123", "fingerprint [redacted]"],
    ["asset tag: \"TAG 001\"", "asset tag: [redacted]"],
  ];
  for (const [input, output] of cases) {
    test(JSON.stringify(input), () => assert.equal(redact(input), output));
  }
  test("not text gives empty text", () => assert.equal(redact(undefined), ""));
});

describe("toolbar badge", () => {
  test("helper missing shows ! in red", () => {
    const badge = badgeFor({ helper: { available: false }, status: null });
    assert.equal(t(badge.textKey), "!");
    assert.equal(badge.titleKey, "badge_title_helper");
  });
  test("each class has a short badge and a tooltip", () => {
    for (const deviceClass of ["non_se_gsib", "se_gsib", "gmd", "internet_device", "unknown"]) {
      const badge = badgeFor({ helper: { available: true }, status: { deviceClass } });
      assert.ok(t(badge.textKey).length <= 4, deviceClass);
      assert.ok(catalog[badge.titleClassKey], deviceClass);
      assert.match(badge.colour, /^#[0-9a-f]{6}$/);
    }
  });
  test("a helper without a status shows ?", () => {
    assert.equal(t(badgeFor({ helper: { available: true }, status: null }).textKey), "?");
  });
});
