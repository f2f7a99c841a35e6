// A stand-in for the `chrome` / `browser` object, enough for the extension's thin wiring files
// (background.js, content.js, popup.js) to run under Node. It records what they did.

import { t } from "./i18n.js";

export const EXTENSION_ID = "mmcnnnkjjcnbfgnfpdijcfnhicplpoak";

function event() {
  const listeners = [];
  return {
    listeners,
    addListener: (fn) => listeners.push(fn),
    removeListener: (fn) => listeners.splice(listeners.indexOf(fn), 1),
  };
}

/**
 * @param {object} options
 * @param {(port: object) => void} [options.onConnectNative]  plays the host on a new port
 * @param {object} [options.managed]  managed storage contents
 * @param {object} [options.local]  storage.local contents
 * @param {(message: object) => Promise<object>} [options.sendMessage]  the background, for content/popup
 */
export function fakeBrowser({ onConnectNative = () => {}, managed = {}, local: localValues = {}, sendMessage = async () => undefined } = {}) {
  const session = new Map();
  const local = new Map(Object.entries(localValues));
  const badge = {};
  const nativeConnections = [];
  const sent = [];
  const api = {
    runtime: {
      id: EXTENSION_ID,
      lastError: undefined,
      getURL: (path) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, "")}`,
      getManifest: () => ({ version: "0.1.0" }),
      onMessage: event(),
      sendMessage: async (message) => {
        sent.push(message);
        return sendMessage(message);
      },
      connectNative: (name) => {
        const port = {
          name,
          posted: [],
          onMessage: event(),
          onDisconnect: event(),
          error: null,
          disconnected: false,
          postMessage: (message) => {
            if (port.disconnected) throw new Error("Attempt to postMessage on disconnected port");
            port.posted.push(message);
            port.onPost?.(message);
          },
          disconnect: () => {
            port.disconnected = true;
          },
          /** The host replies. */
          reply: (message) => setImmediate(() => port.onMessage.listeners.forEach((fn) => fn(message, port))),
          /** Chromium: the reason is in runtime.lastError while the listeners run. */
          closeChromium: (text) =>
            setImmediate(() => {
              port.disconnected = true;
              api.runtime.lastError = text ? { message: text } : undefined;
              port.onDisconnect.listeners.forEach((fn) => fn(port));
              api.runtime.lastError = undefined;
            }),
          /** Firefox: the reason is on the port. */
          closeFirefox: (text) =>
            setImmediate(() => {
              port.disconnected = true;
              port.error = text ? { message: text } : null;
              port.onDisconnect.listeners.forEach((fn) => fn(port));
            }),
        };
        nativeConnections.push(port);
        onConnectNative(port);
        return port;
      },
    },
    storage: {
      session: {
        get: async (key) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: async (items) => {
          for (const [key, value] of Object.entries(items)) session.set(key, structuredClone(value));
        },
      },
      local: {
        get: async (key) => (local.has(key) ? { [key]: structuredClone(local.get(key)) } : {}),
        set: async (items) => {
          for (const [key, value] of Object.entries(items)) local.set(key, structuredClone(value));
        },
      },
      managed: { get: async () => structuredClone(managed) },
      onChanged: event(),
    },
    action: {
      setBadgeText: async ({ text }) => {
        badge.text = text;
      },
      setBadgeBackgroundColor: async ({ color }) => {
        badge.colour = color;
      },
      setTitle: async ({ title }) => {
        badge.title = title;
      },
    },
    i18n: {
      getMessage: (key, substitutions) => t(key, substitutions),
      getUILanguage: () => "en-SG",
    },
  };
  return { api, session, local, badge, nativeConnections, sent };
}

/** Delivers a runtime message the way the browser does; resolves with what sendResponse got. */
export function deliver(api, message, sender) {
  return new Promise((resolve) => {
    let answered = false;
    const results = api.runtime.onMessage.listeners.map((fn) =>
      fn(message, sender, (reply) => {
        answered = true;
        resolve(reply);
      }),
    );
    if (!answered && !results.includes(true)) resolve(undefined);
  });
}
