// One question to the background, answered within a time limit, never thrown.
//
// A message can be lost through no fault of the question: the browser stops an idle service
// worker, or the extension reloads, just as it is sent, and sendMessage rejects ("message port
// closed", "receiving end does not exist"). The next message starts a fresh worker, so a
// rejected question is asked again, briefly later; only a background that stays silent for the
// whole time limit, or keeps refusing, gets the fallback answer.

const ATTEMPTS = 3;
const RETRY_PAUSE_MS = 200;

/**
 * @param {(message: object) => Promise<unknown>} send  runtime.sendMessage
 * @param {object} message
 * @param {{timeoutMs: number, fallback: unknown, timers?: {setTimeout: Function, clearTimeout: Function}}} options
 *   timeoutMs: for all attempts together
 * @returns {Promise<unknown>} the reply, or `fallback`
 */
export async function askBackground(send, message, { timeoutMs, fallback, timers = globalThis }) {
  let timer;
  const expired = new Promise((resolve) => {
    timer = timers.setTimeout(() => resolve(fallback), timeoutMs);
  });
  const attempt = async () => {
    for (let left = ATTEMPTS; ; left -= 1) {
      try {
        return await send(message);
      } catch {
        if (left <= 1) return fallback;
        await new Promise((resolve) => timers.setTimeout(resolve, RETRY_PAUSE_MS));
      }
    }
  };
  try {
    return await Promise.race([attempt(), expired]);
  } finally {
    timers.clearTimeout(timer);
  }
}
