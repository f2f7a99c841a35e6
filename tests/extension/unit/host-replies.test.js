import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  replyId,
  validateAttest,
  validateError,
  validateHello,
  validatePong,
  validateStatus,
  validatorFor,
} from "../../../extension/src/shared/host-replies.js";
import { ValidationError } from "../../../extension/src/shared/validate.js";
import { TOKEN, hostHello, hostStatus } from "../support/fixtures.js";

const rejects = (fn, pattern) => assert.throws(fn, (error) => error instanceof ValidationError && pattern.test(error.message));

describe("hello reply", () => {
  test("a good hello gives the version and capabilities", () => {
    assert.deepEqual(validateHello(hostHello()), { hostVersion: "0.1.0", capabilities: ["hello", "ping", "status", "attest"] });
  });
  test("another protocol version is refused", () => rejects(() => validateHello(hostHello({ protocol: 2 })), /protocol 2/));
  test("a version that is not X.Y.Z is refused", () => {
    rejects(() => validateHello(hostHello({ host_version: "latest" })), /host_version/);
    rejects(() => validateHello(hostHello({ host_version: 1 })), /host_version/);
  });
  test("capabilities must be a list of short strings", () => {
    rejects(() => validateHello(hostHello({ capabilities: "status" })), /capabilities/);
    rejects(() => validateHello(hostHello({ capabilities: [1] })), /capability/);
  });
  test("not an object, or the wrong type", () => {
    rejects(() => validateHello(null), /object/);
    rejects(() => validateHello([]), /object/);
    rejects(() => validateHello({ ...hostHello(), type: "pong" }), /wrong type/);
  });
});

describe("status reply", () => {
  test("a good status is copied with the known fields only", () => {
    const status = validateStatus({ ...hostStatus(), extra: "ignored" });
    assert.equal(status.deviceClass, "non_se_gsib");
    assert.equal(status.decidedBy, "certificate");
    assert.equal(status.readiness.length, 2);
    assert.deepEqual(status.evidence[1], { probe: "tanium", kind: "process", outcome: "no_match", detail: "" });
    assert.deepEqual(status.policy, { source: "system", sha256: "a".repeat(64) });
    assert.equal(status.checkedAt, "2026-11-27T10:15:30Z");
    assert.equal(status.error, null);
    assert.equal(status.evidenceTruncated, 0, "nothing left out");
    assert.equal("extra" in status, false);
  });

  test("an evidence list the host cut to fit says how many entries it left out", () => {
    assert.equal(validateStatus(hostStatus({ evidence_truncated: 12 })).evidenceTruncated, 12);
  });

  test("an unknown class carries the host's reason", () => {
    const status = validateStatus(hostStatus({ device_class: "unknown", decided_by: "default", error: "policy: unknown field probes[0].pth" }));
    assert.equal(status.error, "policy: unknown field probes[0].pth");
  });

  const bad = [
    ["device_class", { device_class: "laptop" }, /device_class/],
    ["decided_by", { decided_by: "guess" }, /decided_by/],
    ["readiness not a list", { readiness: {} }, /readiness/],
    ["readiness ok not boolean", { readiness: [{ check: "os", title: "OS", ok: "yes", detail: "" }] }, /ok/],
    ["readiness check empty", { readiness: [{ check: "", title: "OS", ok: true, detail: "" }] }, /check/],
    ["evidence outcome", { evidence: [{ probe: "p", kind: "file", outcome: "maybe", detail: "" }] }, /outcome/],
    ["evidence too long", { evidence: Array.from({ length: 300 }, () => ({ probe: "p", kind: "file", outcome: "match", detail: "" })) }, /256/],
    ["detail too long", { evidence: [{ probe: "p", kind: "file", outcome: "match", detail: "x".repeat(5000) }] }, /longer/],
    ["policy missing", { policy: undefined }, /policy/],
    ["policy sha256", { policy: { source: "embedded", sha256: "xyz" } }, /sha256/],
    ["checked_at", { checked_at: "yesterday" }, /checked_at/],
    ["checked_at impossible", { checked_at: "2026-13-45T99:99:99Z" }, /checked_at/],
    ["duration_ms", { duration_ms: -1 }, /duration_ms/],
    ["duration_ms fraction", { duration_ms: 1.5 }, /duration_ms/],
    ["error not text", { error: 5 }, /error/],
    ["evidence_truncated zero", { evidence_truncated: 0 }, /evidence_truncated/],
    ["evidence_truncated not a number", { evidence_truncated: "12" }, /evidence_truncated/],
    ["evidence_truncated fraction", { evidence_truncated: 1.5 }, /evidence_truncated/],
  ];
  for (const [name, change, pattern] of bad) {
    test(`refuses: ${name}`, () => rejects(() => validateStatus(hostStatus(change)), pattern));
  }
});

describe("attest reply", () => {
  test("a token comes through", () => {
    const reply = validateAttest({ ...hostStatus(), type: "attest", token: TOKEN });
    assert.equal(reply.token, TOKEN);
    assert.equal(reply.tokenError, null);
  });
  test("a null token needs its reason", () => {
    const reply = validateAttest({ ...hostStatus(), type: "attest", token: null, token_error: "no_device_key" });
    assert.equal(reply.tokenError, "no_device_key");
    rejects(() => validateAttest({ ...hostStatus(), type: "attest", token: null }), /token_error/);
  });
  test("a token that is not a compact JWS is refused", () => {
    for (const token of ["abc", "a.b", "a..c", "a.b.c.d", "a b.c.d", 7]) {
      rejects(() => validateAttest({ ...hostStatus(), type: "attest", token }), /token/);
    }
  });
});

describe("error reply and ids", () => {
  test("error codes are words; unknown future codes are accepted", () => {
    assert.deepEqual(validateError({ type: "error", id: 3, code: "forbidden_caller", message: "no" }), { code: "forbidden_caller", message: "no" });
    assert.equal(validateError({ type: "error", code: "some_new_code", message: "" }).code, "some_new_code");
    rejects(() => validateError({ type: "error", code: "Bad Code", message: "" }), /code/);
    rejects(() => validateError({ type: "error", code: 1 }), /code/);
  });
  test("reply ids: integer or short string; null when absent", () => {
    assert.equal(replyId({ id: 7 }), 7);
    assert.equal(replyId({ id: "r1" }), "r1");
    assert.equal(replyId({}), null);
    assert.equal(replyId({ id: null }), null);
    assert.throws(() => replyId({ id: { nested: 1 } }), ValidationError);
    assert.throws(() => replyId({ id: "x".repeat(129) }), ValidationError);
  });
  test("pong, and the validator table", () => {
    assert.deepEqual(validatePong({ type: "pong" }), {});
    rejects(() => validatePong({ type: "ping" }), /pong/);
    assert.equal(validatorFor("status"), validateStatus);
    assert.throws(() => validatorFor("explain"), TypeError);
  });
});
