import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { JSDOM } from "jsdom";

import { applyI18n, renderFailure, renderPopup, setBusy } from "../../../extension/src/popup/popup-render.js";
import { popupViewModel } from "../../../extension/src/shared/popup-view.js";
import { PREREQUISITES_URL } from "../../../extension/src/shared/constants.js";
import { readText } from "../support/repo.js";
import { t } from "../support/i18n.js";

function popupDocument() {
  // The real popup.html, without running popup.js (no browser APIs here).
  const html = readText("extension/src/popup/popup.html").replace(/<script[^>]*><\/script>/, "");
  const { document } = new JSDOM(html, { url: "chrome-extension://mmcnnnkjjcnbfgnfpdijcfnhicplpoak/src/popup/popup.html" }).window;
  applyI18n(document, t);
  return document;
}

const connectedReply = {
  ok: true,
  helper: { available: true, reason: null, hostVersion: "0.1.0", detail: null },
  status: {
    deviceClass: "internet_device",
    decidedBy: "default",
    readiness: [
      { check: "os", title: "Supported operating system", ok: true, detail: "" },
      { check: "disk", title: "Disk encrypted", ok: false, detail: "no encrypted root volume" },
    ],
    evidence: [
      { probe: "gsib-cert", kind: "device_certificate", outcome: "no_match", detail: "certificate file missing" },
      { probe: "tanium", kind: "process", outcome: "match", detail: "<script>alert(1)</script>" },
    ],
    policy: { source: "embedded", sha256: "c".repeat(64) },
    error: null,
    checkedAt: "2026-11-27T10:15:30Z",
    durationMs: 31,
  },
  problem: null,
  page: "onboard_device",
  mode: "annotate",
};

const text = (doc, id) => doc.getElementById(id).textContent.replace(/\s+/g, " ").trim();

describe("popup", () => {
  test("every label comes from the catalogue; buttons have names", () => {
    const doc = popupDocument();
    assert.equal(doc.documentElement.lang, "en");
    assert.equal(text(doc, "recheck"), "Re-check");
    assert.equal(text(doc, "copy"), "Copy diagnostics");
    assert.equal(doc.querySelector("h1").textContent, "SEED device check");
    for (const heading of doc.querySelectorAll("h2")) assert.ok(heading.textContent.trim(), heading.id);
    for (const section of doc.querySelectorAll("section[aria-labelledby]")) {
      assert.ok(doc.getElementById(section.getAttribute("aria-labelledby")), "each section is named by its heading");
    }
  });

  test("shows connection, version, class, what decided it, next step, checklist, evidence and time", () => {
    const doc = popupDocument();
    renderPopup(doc, popupViewModel(connectedReply, { t, formatTime: () => "27 Nov 2026, 18:15:30" }), t);
    assert.equal(doc.getElementById("connection").dataset.state, "connected");
    assert.equal(text(doc, "connection"), "Helper connected version 0.1.0");
    assert.equal(text(doc, "device-class"), "Internet device");
    assert.equal(text(doc, "decided-by"), "Decided by the policy's default: no rule matched");
    assert.equal(text(doc, "next-context"), "When the portal shows Onboard device to SEED:");
    assert.match(text(doc, "next-text"), /can be onboarded/);
    assert.equal(doc.querySelector("#next-links a").href, PREREQUISITES_URL);
    const items = [...doc.querySelectorAll("#readiness li")];
    assert.deepEqual(
      items.map((li) => [li.dataset.ok, li.textContent]),
      [
        ["true", "✓Supported operating system: ready"],
        ["false", "✗Disk encrypted: not ready (no encrypted root volume)"],
      ],
    );
    assert.equal(items[0].querySelector(".mark").getAttribute("aria-hidden"), "true", "marks are decoration; the words say it");
    const rows = [...doc.querySelectorAll("#evidence-rows tr")];
    assert.equal(rows.length, 2);
    assert.equal(rows[1].querySelector("script"), null);
    assert.match(rows[1].textContent, /<script>alert\(1\)<\/script>/);
    assert.equal(text(doc, "evidence-count"), "(2)");
    assert.equal(text(doc, "checked-at"), "Checked 27 Nov 2026, 18:15:30");
    assert.equal(doc.getElementById("copy").disabled, false);
  });

  test("not connected: says so and what to do", () => {
    const doc = popupDocument();
    const reply = {
      ...connectedReply,
      helper: { available: false, reason: "not_installed", hostVersion: null, detail: null },
      status: null,
      page: "request_for_seed",
    };
    renderPopup(doc, popupViewModel(reply, { t, formatTime: String }), t);
    assert.equal(doc.getElementById("connection").dataset.state, "disconnected");
    assert.equal(text(doc, "connection"), "Helper not connected");
    assert.equal(text(doc, "device-class"), "Not checked: the helper is needed to check this device.");
    assert.match(text(doc, "next-details"), /seed-attest install/);
    assert.equal(text(doc, "readiness"), "Known once the helper has checked this device.");
    assert.equal(doc.getElementById("evidence-empty").hidden, false);
  });

  test("an evidence list the helper cut shows how many checks are missing, below the table", () => {
    const doc = popupDocument();
    renderPopup(doc, popupViewModel(connectedReply, { t, formatTime: String }), t);
    assert.equal(doc.getElementById("evidence-truncated").hidden, true, "hidden when nothing was left out");
    renderPopup(doc, popupViewModel({ ...connectedReply, status: { ...connectedReply.status, evidenceTruncated: 40 } }, { t, formatTime: String }), t);
    assert.equal(doc.getElementById("evidence-truncated").hidden, false);
    assert.match(text(doc, "evidence-truncated"), /^40 more checks were left out/);
  });

  test("a policy without readiness checks says so", () => {
    const doc = popupDocument();
    renderPopup(doc, popupViewModel({ ...connectedReply, status: { ...connectedReply.status, readiness: [] } }, { t, formatTime: String }), t);
    assert.equal(text(doc, "readiness"), "Your agency's policy lists no readiness checks.");
  });

  test("busy while checking; a failed background leaves Re-check usable", () => {
    const doc = popupDocument();
    setBusy(doc, true);
    assert.equal(doc.getElementById("popup").getAttribute("aria-busy"), "true");
    assert.equal(doc.getElementById("recheck").disabled, true);
    renderFailure(doc, t);
    setBusy(doc, false);
    assert.equal(doc.getElementById("recheck").disabled, false);
    assert.equal(doc.getElementById("copy").disabled, true);
    assert.match(text(doc, "next-text"), /could not get the device status/);
  });
});
