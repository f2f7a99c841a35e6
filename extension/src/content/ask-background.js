// One question to the background, answered within a time limit, never thrown.
//
// A message can be lost through no fault of the question: the browser stops a service worker, or
// the extension reloads, just as it is sent. sendMessage then rejects ("message port closed",
// "receiving end does not exist"), or, as seen on a browser's first start, no answer ever comes.
// The next message starts a fresh worker, so a question is asked again: briefly after a
// rejection, and once more after `attemptMs` of silence. The background answers every copy (it
// shares one status fetch and one settings read between them); the first answer wins. Only a
// background that stays silent or keeps refusing for the whole `timeoutMs` gets `fallback`.

const MAX_ATTEMPTS = 3;
const RETRY_PAUSE_MS = 200;

/**
 * @param {(message: object) => Promise<unknown>} send  runtime.sendMessage
 * @param {object} message
 * @param {{timeoutMs: number, attemptMs?: number, fallback: unknown,
 *   timers?: {setTimeout: Function, clearTimeout: Function}}} options
 *   timeoutMs: for all attempts together; attemptMs: silence after which the question is asked again
 * @returns {Promise<unknown>} the reply, or `fallback`
 */
export function askBackground(send, message, { timeoutMs, attemptMs = timeoutMs, fallback, timers = globalThis }) {
  return new Promise((resolve) => {
    const pending = new Set();
    let attempts = 0;
    let settled = false;
    const later = (fn, ms) => {
      const handle = timers.setTimeout(() => {
        pending.delete(handle);
        fn();
      }, ms);
      pending.add(handle);
    };
    const finish = (value) => {
      if (settled) return;
      settled = true;
      for (const handle of pending) timers.clearTimeout(handle);
      pending.clear();
      resolve(value);
    };
    const attempt = () => {
      if (settled) return;
      attempts += 1;
      const thisAttempt = attempts;
      let answered = false;
      if (attempts < MAX_ATTEMPTS) {
        later(() => {
          if (!answered && attempts === thisAttempt) attempt();
        }, attemptMs);
      }
      Promise.resolve()
        .then(() => send(message))
        .then(
          (reply) => finish(reply),
          () => {
            answered = true;
            if (attempts !== thisAttempt) return; // a newer copy is on its way
            if (attempts >= MAX_ATTEMPTS) finish(fallback);
            else later(attempt, RETRY_PAUSE_MS);
          },
        );
    };
    later(() => finish(fallback), timeoutMs);
    attempt();
  });
}
