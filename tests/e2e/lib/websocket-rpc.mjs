// A small client for the JSON command protocols browsers speak over a WebSocket: Chrome DevTools
// (a target Playwright does not attach to, such as the action popup) and WebDriver BiDi (Firefox).
// Both send {id, method, params} and answer {id, result} or an error; everything else is an event.
// Needs the WebSocket global (Node 22, or Node 20 with --experimental-websocket; run.mjs adds it).

export class WebSocketRpc {
  #socket;
  #nextId = 1;
  #pending = new Map();
  #listeners = new Set();

  /** @param {string} url  ws:// address */
  static async connect(url, { timeoutMs = 10_000 } = {}) {
    if (typeof WebSocket !== "function") throw new Error("this Node has no WebSocket: run with --experimental-websocket");
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no WebSocket connection to ${url}`)), timeoutMs);
      socket.addEventListener("open", () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
      socket.addEventListener("error", () => {
        clearTimeout(timer);
        reject(new Error(`WebSocket connection to ${url} failed`));
      }, { once: true });
    });
    return new WebSocketRpc(socket);
  }

  constructor(socket) {
    this.#socket = socket;
    socket.addEventListener("message", (event) => this.#receive(event.data));
    socket.addEventListener("close", () => {
      for (const { reject } of this.#pending.values()) reject(new Error("the browser closed the connection"));
      this.#pending.clear();
    });
  }

  /** Sends a command; resolves with its result, rejects with the browser's error text. */
  send(method, params = {}, { timeoutMs = 20_000 } = {}) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.#socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `listener(method, params)` for every event; returns a function that removes it. */
  onEvent(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close() {
    this.#socket.close();
  }

  #receive(data) {
    let message;
    try {
      message = JSON.parse(typeof data === "string" ? data : Buffer.from(data).toString("utf8"));
    } catch {
      return;
    }
    if (message.id !== undefined && this.#pending.has(message.id)) {
      const { resolve, reject } = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      // CDP: {error: {message}}; BiDi: {type: "error", error: "code", message}
      if (message.error !== undefined || message.type === "error") {
        const text = typeof message.error === "object" ? message.error.message : `${message.error}: ${message.message ?? ""}`;
        reject(new Error(text));
      } else {
        resolve(message.result);
      }
      return;
    }
    if (message.method) for (const listener of this.#listeners) listener(message.method, message.params);
  }
}
