// The content script's questions to the background: a question lost with a stopped service
// worker is asked again; silence gets the fallback in time.

import assert from "node:assert/strict";
import { test } from "node:test";

import { askBackground } from "../../../extension/src/content/ask-background.js";
import { FakeClock, settle } from "../support/fake-clock.js";

const FALLBACK = Object.freeze({ ok: false, error: "internal" });
const QUESTION = Object.freeze({ type: "seed-attest/route", page: "request_for_seed", refresh: false });

test("an answer is passed through untouched", async () => {
  const clock = new FakeClock();
  const sent = [];
  const reply = await askBackground(async (m) => (sent.push(m), { ok: true, route: "request_via_portal" }), QUESTION, { timeoutMs: 12_000, fallback: FALLBACK, timers: clock });
  assert.deepEqual(reply, { ok: true, route: "request_via_portal" });
  assert.deepEqual(sent, [QUESTION]);
  assert.equal(clock.pendingTimers, 0, "no timer left behind");
});

test("a question lost with the service worker is asked again and answered", async () => {
  const clock = new FakeClock();
  let calls = 0;
  const send = async () => {
    calls += 1;
    if (calls === 1) throw new Error("The message port closed before a response was received.");
    return { ok: true, route: "service_request" };
  };
  const answer = askBackground(send, QUESTION, { timeoutMs: 12_000, fallback: FALLBACK, timers: clock });
  await settle(); // the first attempt is refused
  await clock.advance(199);
  assert.equal(calls, 1, "not asked again at once");
  await clock.advance(1);
  assert.deepEqual(await answer, { ok: true, route: "service_request" });
  assert.equal(calls, 2);
});

test("a background that keeps refusing gets the fallback after three attempts", async () => {
  const clock = new FakeClock();
  let calls = 0;
  const send = async () => {
    calls += 1;
    throw new Error("Could not establish connection. Receiving end does not exist.");
  };
  const answer = askBackground(send, QUESTION, { timeoutMs: 12_000, fallback: FALLBACK, timers: clock });
  await settle();
  await clock.advance(1000);
  assert.equal(await answer, FALLBACK);
  assert.equal(calls, 3);
  assert.equal(clock.pendingTimers, 0);
});

test("silence gets the fallback at the time limit, not later", async () => {
  const clock = new FakeClock();
  let settled = false;
  const answer = askBackground(() => new Promise(() => {}), QUESTION, { timeoutMs: 12_000, fallback: FALLBACK, timers: clock }).then((value) => {
    settled = true;
    return value;
  });
  await clock.advance(11_999);
  assert.equal(settled, false);
  await clock.advance(1);
  assert.equal(await answer, FALLBACK);
});

test("retries count against the one time limit", async () => {
  const clock = new FakeClock();
  let calls = 0;
  const send = () => {
    calls += 1;
    return calls === 1 ? Promise.reject(new Error("port closed")) : new Promise(() => {});
  };
  const answer = askBackground(send, QUESTION, { timeoutMs: 1000, fallback: FALLBACK, timers: clock });
  await settle();
  await clock.advance(1000);
  assert.equal(await answer, FALLBACK);
  assert.equal(calls, 2);
});
