// A storage area whose every call settles within a time limit. On a browser's first start a
// storage call was seen to stay unanswered for many seconds, and a question from the page must
// not wait on a cache: a read that does not come in time is "nothing stored", a write that does
// not is given up on (the memory copy still serves).

const STORAGE_LIMIT_MS = 1000;

function within(promise, ms, fallback, timers) {
  let timer;
  const late = new Promise((resolve) => {
    timer = timers.setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([Promise.resolve(promise), late]).finally(() => timers.clearTimeout(timer));
}

/**
 * @param {{get: (key: string) => Promise<unknown>, set: (key: string, value: unknown) => Promise<void>}} area
 * @returns the same interface; get resolves undefined and set resolves when the limit passes
 */
export function boundedStorage(area, { limitMs = STORAGE_LIMIT_MS, timers = globalThis } = {}) {
  return {
    get: (key) => within(Promise.resolve().then(() => area.get(key)), limitMs, undefined, timers),
    set: (key, value) => within(Promise.resolve().then(() => area.set(key, value)), limitMs, undefined, timers),
  };
}
