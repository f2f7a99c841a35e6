// The content script's questions to the background: a question lost with a stopped service
// worker, refused or met by silence, is asked again; the fallback comes in time.

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
  assert.equal(clock.pendingTimers, 0);
});

test("a question met by silence is asked again, and the first answer wins", async () => {
  const clock = new FakeClock();
  const sent = [];
  const answers = [];
  const send = () => new Promise((resolve) => {
    sent.push(clock.now());
    answers.push(resolve);
  });
  const answer = askBackground(send, QUESTION, { timeoutMs: 16_000, attemptMs: 8_000, fallback: FALLBACK, timers: clock });
  await settle();
  await clock.advance(7_999);
  assert.equal(sent.length, 1);
  await clock.advance(1);
  assert.equal(sent.length, 2, "asked again after 8 s of silence");
  answers[1]({ ok: true, route: "request_via_portal" });
  assert.deepEqual(await answer, { ok: true, route: "request_via_portal" });
  answers[0]({ ok: true, route: "late" }); // the first copy's late answer changes nothing
  await settle();
  assert.equal(clock.pendingTimers, 0);
});

test("a slow first answer still counts after the question was asked again", async () => {
  const clock = new FakeClock();
  const answers = [];
  const send = () => new Promise((resolve) => answers.push(resolve));
  const answer = askBackground(send, QUESTION, { timeoutMs: 16_000, attemptMs: 8_000, fallback: FALLBACK, timers: clock });
  await settle();
  await clock.advance(9_000);
  assert.equal(answers.length, 2);
  answers[0]({ ok: true, route: "service_request" });
  assert.deepEqual(await answer, { ok: true, route: "service_request" });
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
