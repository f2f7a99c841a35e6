// A scripted stand-in for the browser's native port and the seed-attest host behind it, with the
// shapes NativeHostConnection's `connect` must provide. Replies arrive asynchronously, as from a
// real port.

import { hostHello, hostStatus } from "./fixtures.js";

export class FakeNativeHost {
  connections = 0;
  closedByExtension = 0;
  /** Every request the extension sent, in order, across connections. */
  sent = [];
  /** When set, the next connections fail with this browser error text. */
  failWith = null;
  /** When set, connect() itself throws this. */
  throwOnConnect = null;
  #handlers = null;
  #open = false;

  /**
   * @param {Record<string, (request: object) => object|undefined>} answers
   *   per request type, the reply (the request id is added unless the reply sets `id`);
   *   undefined means no reply (a hung host)
   */
  constructor(answers = {}) {
    this.answers = {
      hello: () => hostHello(),
      ping: () => ({ type: "pong" }),
      status: () => hostStatus(),
      ...answers,
    };
  }

  get open() {
    return this.#open;
  }

  connect = (handlers) => {
    if (this.throwOnConnect) throw this.throwOnConnect;
    this.connections += 1;
    this.#handlers = handlers;
    this.#open = true;
    const failure = this.failWith;
    if (failure !== null) {
      // Browsers report a missing or refused host after connectNative returned.
      setImmediate(() => this.exit(failure));
    }
    const ownHandlers = handlers;
    return {
      post: (message) => {
        if (!this.#open || this.#handlers !== ownHandlers) throw new Error("Attempt to postMessage on disconnected port");
        this.sent.push(structuredClone(message));
        if (failure !== null) return;
        const answer = this.answers[message.type];
        const reply = answer ? answer(message) : { type: "error", id: message.id, code: "unknown_type", message: "unknown request type" };
        if (reply === undefined) return;
        setImmediate(() => {
          if (this.#open && this.#handlers === ownHandlers) ownHandlers.onMessage({ id: message.id, ...reply });
        });
      },
      close: () => {
        if (this.#handlers === ownHandlers) {
          this.#open = false;
          this.closedByExtension += 1;
        }
      },
    };
  };

  /** The host (or the browser) ends the connection, with the browser's error text. */
  exit(errorText = "Native host has exited.") {
    if (!this.#open) return;
    this.#open = false;
    this.#handlers.onDisconnect(errorText);
  }

  /** Sends a message the extension did not ask for. */
  push(message) {
    this.#handlers.onMessage(message);
  }

  requestsOf(type) {
    return this.sent.filter((message) => message.type === type);
  }
}
