// The device's status as the background knows it: asked of the host on first need, kept for a
// short time in memory and in session storage (so a restarted service worker answers at once),
// and never thrown as an error: every failure becomes a result the routes table understands.

import { STATUS_TTL_MS } from "../shared/constants.js";
import { HelperUnavailable, HostError } from "./native-connection.js";

const CACHE_KEY = "seedAttest.status";

/**
 * @typedef {{available: boolean, reason: string|null, hostVersion: string|null, detail: string|null}} Helper
 * @typedef {{helper: Helper, status: object|null, problem: string|null, fetchedAt: number}} StatusResult
 *   status: the validated host status (host-replies.js), or null when it could not be had;
 *   problem: why the host could not give a status although it answered (check_device).
 */

export class DeviceStatus {
  #connection;
  #storage;
  #now;
  #ttlMs;
  #onResult;
  #cached = null;
  #restoring = null;
  #inflight = null;

  /**
   * @param {object} options
   * @param {import("./native-connection.js").NativeHostConnection} options.connection
   * @param {{get: (key: string) => Promise<unknown>, set: (key: string, value: unknown) => Promise<void>}|null} options.storage
   *   session storage (survives a service-worker restart, not a browser restart); null if absent
   * @param {(result: StatusResult) => void} [options.onResult]  told of every fresh result (badge)
   */
  constructor({ connection, storage = null, now = () => Date.now(), ttlMs = STATUS_TTL_MS, onResult = () => {} }) {
    this.#connection = connection;
    this.#storage = storage;
    this.#now = now;
    this.#ttlMs = ttlMs;
    this.#onResult = onResult;
  }

  /**
   * The status, from the cache when fresh. `refresh` asks the host to evaluate again and ignores
   * the reconnect backoff (a person pressed Re-check).
   * @returns {Promise<StatusResult>}
   */
  async get({ refresh = false } = {}) {
    if (!refresh) {
      const cached = await this.#fresh();
      if (cached) return cached;
      if (this.#inflight) return this.#inflight;
    }
    const inflight = this.#fetch(refresh).finally(() => {
      if (this.#inflight === inflight) this.#inflight = null;
    });
    this.#inflight = inflight;
    return inflight;
  }

  /** A token for `origin` bound to `nonce`: {token} or {error}. Never throws. */
  async attest(nonce, origin) {
    try {
      const reply = await this.#connection.request("attest", { nonce, origin });
      return reply.token ? { token: reply.token } : { error: reply.tokenError };
    } catch (error) {
      if (error instanceof HelperUnavailable) return { error: "helper_unavailable" };
      if (error instanceof HostError) return { error: "host_error" };
      return { error: "internal" };
    }
  }

  async #fresh() {
    // Every caller waits for the one restore, so none starts the host while it is under way.
    this.#restoring ??= this.#read().then((stored) => {
      if (!this.#cached && isResult(stored)) this.#cached = stored;
    });
    await this.#restoring;
    const cached = this.#cached;
    if (!cached) return null;
    const age = this.#now() - cached.fetchedAt;
    return age >= 0 && age < this.#ttlMs ? cached : null;
  }

  async #fetch(refresh) {
    let result;
    try {
      const status = await this.#connection.request("status", { refresh }, { force: refresh });
      result = { helper: this.#helperAvailable(), status, problem: null, fetchedAt: this.#now() };
    } catch (error) {
      result = this.#failureResult(error);
    }
    // Only a real status is worth keeping: a failure must not hide a helper installed a moment later.
    if (result.status) {
      this.#cached = result;
      // Not awaited: the answer is in memory already, and the first status of a cold worker
      // should not wait for the storage round trip (the browser keeps the worker for the call).
      void this.#write(result);
    } else {
      this.#cached = null;
    }
    this.#onResult(result);
    return result;
  }

  #helperAvailable() {
    return { available: true, reason: null, hostVersion: this.#connection.hostInfo?.hostVersion ?? null, detail: null };
  }

  #failureResult(error) {
    const fetchedAt = this.#now();
    if (error instanceof HelperUnavailable) {
      return {
        helper: { available: false, reason: error.reason, hostVersion: null, detail: error.detail || null },
        status: null,
        problem: null,
        fetchedAt,
      };
    }
    const problem = error instanceof HostError ? error.hostMessage || error.code : String(error?.message ?? error);
    return { helper: this.#helperAvailable(), status: null, problem, fetchedAt };
  }

  async #read() {
    if (!this.#storage) return null;
    try {
      return await this.#storage.get(CACHE_KEY);
    } catch {
      return null;
    }
  }

  async #write(result) {
    if (!this.#storage) return;
    try {
      await this.#storage.set(CACHE_KEY, result);
    } catch {
      // session storage full or gone: the memory copy still serves this worker's lifetime
    }
  }
}

function isResult(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof value.fetchedAt === "number" &&
    value.helper?.available === true &&
    value.status !== null &&
    typeof value.status === "object"
  );
}
