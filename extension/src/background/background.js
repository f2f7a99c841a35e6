// The background: a service worker in Chromium, an event page in Firefox. Only browser wiring
// lives here; listeners are registered at once so a restarted worker receives the waking event.

import { badgeFor } from "../shared/badge.js";
import { boundedStorage } from "./bounded-storage.js";
import { HOST_NAME } from "../shared/constants.js";
import { DeviceStatus } from "./device-status.js";
import { MessageRouter } from "./message-router.js";
import { NativeHostConnection } from "./native-connection.js";
import { PageMemory } from "./page-memory.js";
import { ManagedSettings } from "./settings.js";

const api = globalThis.browser ?? globalThis.chrome;
const t = (key, substitutions) => api.i18n.getMessage(key, substitutions);

function connectNative({ onMessage, onDisconnect }) {
  const port = api.runtime.connectNative(HOST_NAME);
  port.onMessage.addListener(onMessage);
  port.onDisconnect.addListener((closed) => {
    // Firefox puts the reason on the port, Chromium in runtime.lastError (read it, or it is logged).
    const error = closed?.error ?? api.runtime.lastError;
    onDisconnect(error?.message ?? "");
  });
  return { post: (message) => port.postMessage(message), close: () => port.disconnect() };
}

function sessionStorage() {
  const area = api.storage?.session;
  if (!area) return null;
  return boundedStorage({
    get: async (key) => (await area.get(key))?.[key],
    set: (key, value) => area.set({ [key]: value }),
  });
}

function quietly(result) {
  Promise.resolve(result).catch(() => {});
}

function showBadge(result) {
  const badge = badgeFor(result);
  const title = badge.titleClassKey ? t(badge.titleKey, [t(badge.titleClassKey)]) : t(badge.titleKey);
  quietly(api.action.setBadgeText({ text: t(badge.textKey) }));
  quietly(api.action.setBadgeBackgroundColor({ color: badge.colour }));
  quietly(api.action.setTitle({ title }));
}

const session = sessionStorage();
function localStorageArea() {
  const area = api.storage?.local;
  if (!area) return null;
  return boundedStorage({
    get: async (key) => (await area.get(key))?.[key],
    set: (key, value) => area.set({ [key]: value }),
  });
}

const settings = new ManagedSettings(() => api.storage.managed.get(), { remembered: localStorageArea() });
settings.load();
const router = new MessageRouter({
  self: { extensionId: api.runtime.id, popupUrl: api.runtime.getURL("src/popup/popup.html") },
  status: new DeviceStatus({
    connection: new NativeHostConnection({ connect: connectNative }),
    storage: session,
    onResult: showBadge,
  }),
  settings,
  pages: new PageMemory(session),
  log: (text) => console.warn(`seed-attest: ${text}`),
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  router.handle(message, sender).then(sendResponse, () => sendResponse({ ok: false, error: "internal" }));
  return true; // the answer is sent asynchronously
});

api.storage.onChanged.addListener((_changes, area) => {
  if (area === "managed") settings.invalidate();
});
