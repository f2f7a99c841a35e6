// A clock whose time moves only when a test says so.

export class FakeClock {
  #now = 1_000_000;
  #timers = new Map();
  #nextHandle = 1;

  now = () => this.#now;

  setTimeout = (fn, ms) => {
    const handle = this.#nextHandle++;
    this.#timers.set(handle, { at: this.#now + Math.max(0, ms), fn });
    return handle;
  };

  clearTimeout = (handle) => {
    this.#timers.delete(handle);
  };

  get pendingTimers() {
    return this.#timers.size;
  }

  /** Moves time forward, running each timer that falls due, in order. */
  async advance(ms) {
    const until = this.#now + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [handle, timer] = due;
      this.#timers.delete(handle);
      this.#now = timer.at;
      timer.fn();
      await settle();
    }
    this.#now = until;
    await settle();
  }
}

/** Lets every queued promise job and immediate run. */
export function settle() {
  return new Promise((resolve) => setImmediate(resolve));
}
