// The one native-messaging connection to seed-attest: a single port, a `hello` version check
// before anything else, request ids, a timeout per request, and reconnection with backoff. The
// browser's port is behind `connect` so tests drive this with a scripted fake.

import {
  BACKOFF_INITIAL_MS,
  BACKOFF_MAX_MS,
  IDLE_DISCONNECT_MS,
  PROTOCOL_VERSION,
  REQUEST_TIMEOUT_MS,
} from "../shared/constants.js";
import { replyId, validateError, validatorFor } from "../shared/host-replies.js";
import { helperReasonFor, helperReasonForHostError, messageOf } from "../shared/native-errors.js";

/** The helper cannot be used: `reason` is one of HELPER_REASONS, `detail` what the browser or host said. */
export class HelperUnavailable extends Error {
  constructor(reason, detail = "") {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = "HelperUnavailable";
    this.reason = reason;
    this.detail = detail;
  }
}

/** The host answered a request with a protocol error that does not make the helper unusable. */
export class HostError extends Error {
  constructor(code, message) {
    super(`${code}: ${message}`);
    this.name = "HostError";
    this.code = code;
    this.hostMessage = message;
  }
}

const realClock = Object.freeze({
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle),
});

export class NativeHostConnection {
  #connect;
  #clock;
  #timeoutMs;
  #idleMs;
  #backoffInitialMs;
  #backoffMaxMs;

  #link = null;          // {post, close} of the open port
  #ready = null;         // Promise of the hello reply for the open port
  #hostInfo = null;      // {hostVersion, capabilities} once hello succeeded
  #pending = new Map();  // id -> {resolve, reject, timer, validate}
  #nextId = 1;
  #idleTimer = null;
  #failures = 0;
  #retryAt = 0;
  #lastFailure = null;

  /**
   * @param {object} options
   * @param {(handlers: {onMessage: Function, onDisconnect: Function}) => {post: Function, close: Function}} options.connect
   *   opens the port; onDisconnect receives the browser's error text ("" when none). May throw.
   */
  constructor({
    connect,
    clock = realClock,
    timeoutMs = REQUEST_TIMEOUT_MS,
    idleMs = IDLE_DISCONNECT_MS,
    backoffInitialMs = BACKOFF_INITIAL_MS,
    backoffMaxMs = BACKOFF_MAX_MS,
  }) {
    this.#connect = connect;
    this.#clock = clock;
    this.#timeoutMs = timeoutMs;
    this.#idleMs = idleMs;
    this.#backoffInitialMs = backoffInitialMs;
    this.#backoffMaxMs = backoffMaxMs;
  }

  /** {hostVersion, capabilities} of the connected host, or null. */
  get hostInfo() {
    return this.#hostInfo;
  }

  get connected() {
    return this.#link !== null && this.#hostInfo !== null;
  }

  /**
   * Sends one request and resolves with its validated reply.
   * Rejects with HelperUnavailable (no usable helper) or HostError (an error reply).
   * @param {"ping"|"status"|"attest"} type
   * @param {object} fields  the request's other fields
   * @param {{force?: boolean}} options  force: ignore the reconnect backoff (a person asked)
   */
  async request(type, fields = {}, { force = false } = {}) {
    if (!this.#link && !force && this.#clock.now() < this.#retryAt && this.#lastFailure) {
      throw this.#lastFailure;
    }
    const hostInfo = await this.#open();
    if (!hostInfo.capabilities.includes(type)) {
      throw new HelperUnavailable("incompatible", `the helper does not offer ${type}`);
    }
    return this.#send(type, fields);
  }

  /** Closes the port; the next request opens a new one. */
  close() {
    this.#teardown(new HelperUnavailable("host_exited", "the connection was closed"));
  }

  #open() {
    if (!this.#ready) {
      const ready = this.#startHost().catch((error) => {
        const failure =
          error instanceof HelperUnavailable ? error : new HelperUnavailable("incompatible", messageOf(error));
        if (failure !== this.#lastFailure) this.#recordFailure(failure);
        if (this.#ready === ready) this.#teardown(failure);
        throw failure;
      });
      this.#ready = ready;
    }
    return this.#ready;
  }

  async #startHost() {
    let link;
    const handlers = {
      onMessage: (message) => this.#onMessage(link, message),
      onDisconnect: (errorText) => this.#onDisconnect(link, errorText),
    };
    try {
      link = this.#connect(handlers);
    } catch (error) {
      throw new HelperUnavailable(helperReasonFor(error), messageOf(error));
    }
    this.#link = link;
    const hello = await this.#send("hello", { protocol: PROTOCOL_VERSION });
    // A disconnect may have raced the reply; only a still-open port counts.
    if (this.#link !== link) throw new HelperUnavailable("host_exited");
    this.#hostInfo = hello;
    this.#failures = 0;
    this.#retryAt = 0;
    this.#lastFailure = null;
    return hello;
  }

  #send(type, fields) {
    const link = this.#link;
    if (!link) return Promise.reject(new HelperUnavailable("host_exited"));
    const id = this.#nextId++;
    this.#clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    return new Promise((resolve, reject) => {
      const timer = this.#clock.setTimeout(() => {
        const failure = new HelperUnavailable("not_responding", `no reply to ${type} within ${this.#timeoutMs} ms`);
        // The host answers in order: a request stuck in it blocks every later one, so start afresh.
        this.#recordFailure(failure);
        this.#teardown(failure);
      }, this.#timeoutMs);
      this.#pending.set(id, { resolve, reject, timer, validate: validatorFor(type) });
      try {
        link.post({ ...fields, type, id });
      } catch (error) {
        const failure = new HelperUnavailable(helperReasonFor(error), messageOf(error));
        this.#recordFailure(failure);
        this.#teardown(failure);
      }
    });
  }

  #onMessage(link, message) {
    if (link !== this.#link) return;
    let id;
    try {
      id = replyId(message);
    } catch {
      id = null;
    }
    // Errors about an unreadable request carry no id: the host answers in order, so it is the oldest.
    if (id === null || !this.#pending.has(id)) {
      if (message?.type !== "error" || this.#pending.size === 0) return;
      id = this.#pending.keys().next().value;
    }
    const entry = this.#pending.get(id);
    this.#pending.delete(id);
    this.#clock.clearTimeout(entry.timer);
    this.#settle(entry, message);
    if (this.#pending.size === 0) this.#armIdleTimer();
  }

  #settle(entry, message) {
    try {
      if (message?.type === "error") {
        const error = validateError(message);
        const reason = helperReasonForHostError(error.code);
        entry.reject(reason ? new HelperUnavailable(reason, error.message) : new HostError(error.code, error.message));
        return;
      }
      entry.resolve(entry.validate(message));
    } catch (problem) {
      entry.reject(new HelperUnavailable("incompatible", messageOf(problem)));
    }
  }

  #onDisconnect(link, errorText) {
    if (link !== this.#link) return;
    const hadWork = this.#pending.size > 0 || this.#hostInfo === null;
    const failure = new HelperUnavailable(helperReasonFor(errorText), messageOf(errorText));
    this.#link = null; // the browser closed it already
    if (hadWork) this.#recordFailure(failure);
    this.#teardown(failure);
  }

  #armIdleTimer() {
    this.#clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = this.#clock.setTimeout(() => {
      if (this.#pending.size === 0) this.close();
    }, this.#idleMs);
  }

  #recordFailure(failure) {
    if (!(failure instanceof HelperUnavailable)) return;
    this.#failures += 1;
    const delay = Math.min(this.#backoffInitialMs * 2 ** (this.#failures - 1), this.#backoffMaxMs);
    this.#retryAt = this.#clock.now() + delay;
    this.#lastFailure = failure;
  }

  #teardown(failure) {
    const link = this.#link;
    this.#link = null;
    this.#ready = null;
    this.#hostInfo = null;
    this.#clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of pending) {
      this.#clock.clearTimeout(entry.timer);
      entry.reject(failure);
    }
    if (link) {
      try {
        link.close();
      } catch {
        // already gone
      }
    }
  }
}
