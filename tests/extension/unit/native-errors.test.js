import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { HELPER_REASONS } from "../../../extension/src/shared/constants.js";
import { helperReasonFor, helperReasonForHostError } from "../../../extension/src/shared/native-errors.js";
import { catalog } from "../support/i18n.js";

// What the browsers actually say (Chromium's fixed strings; Firefox's carry a name or a path).
const BROWSER_ERRORS = [
  ["Specified native messaging host not found.", "not_installed"],
  ["Access to the specified native messaging host is forbidden.", "not_allowed"],
  ["Native host has exited.", "host_exited"],
  ["Error when communicating with the native messaging host.", "communication_failed"],
  ["Failed to start native messaging host.", "start_failed"],
  ["Invalid native messaging host name specified.", "unsupported"],
  ["Native messaging host sg.techpass.seed_attest is not registered", "not_installed"],
  ["No such native application sg.techpass.seed_attest", "not_installed"],
  [
    "This extension does not have permission to use native application sg.techpass.seed_attest (or the application is not installed)",
    "not_allowed",
  ],
  ["File at path /usr/bin/seed-attest does not exist, or is not executable", "start_failed"],
  ["Native application tried to send a message of 2000000 bytes, which exceeds the limit of 1048576 bytes.", "communication_failed"],
  ["An unexpected error occurred", "communication_failed"],
  ["chrome.runtime.connectNative is not a function", "unsupported"],
];

describe("browser error → install_helper reason", () => {
  for (const [text, reason] of BROWSER_ERRORS) {
    test(`"${text.slice(0, 60)}" → ${reason}`, () => {
      assert.equal(helperReasonFor(text), reason);
      assert.equal(helperReasonFor(new Error(text)), reason, "as an Error");
      assert.equal(helperReasonFor({ message: text }), reason, "as Chromium's lastError object");
    });
  }

  test("a port closed with no error means the host stopped", () => {
    assert.equal(helperReasonFor(""), "host_exited");
    assert.equal(helperReasonFor(null), "host_exited");
    assert.equal(helperReasonFor(undefined), "host_exited");
  });

  test("anything else is unknown, never a wrong precise reason", () => {
    assert.equal(helperReasonFor("Something new in Chromium 200"), "unknown");
    assert.equal(helperReasonFor("host not found somewhere"), "unknown");
  });

  test("the protocol's caller and version refusals are reasons too; other codes are not", () => {
    assert.equal(helperReasonForHostError("forbidden_caller"), "caller_refused");
    assert.equal(helperReasonForHostError("unsupported_protocol"), "incompatible");
    assert.equal(helperReasonForHostError("internal"), null);
    assert.equal(helperReasonForHostError("bad_request"), null);
  });

  test("every reason has advice in the English catalogue", () => {
    for (const reason of HELPER_REASONS) assert.ok(catalog[`helper_reason_${reason}`], reason);
    for (const [, reason] of BROWSER_ERRORS) assert.ok(HELPER_REASONS.includes(reason), reason);
  });
});
