// The popup's browser wiring: asks the background, renders, copies diagnostics.

import { MESSAGE_TYPES, validateStatusReply } from "../shared/messages.js";
import { diagnosticsText, popupViewModel } from "../shared/popup-view.js";
import { applyI18n, notify, renderFailure, renderPopup, setBusy } from "./popup-render.js";

const api = globalThis.browser ?? globalThis.chrome;
const t = (key, substitutions) => api.i18n.getMessage(key, substitutions);
const timeFormat = new Intl.DateTimeFormat(api.i18n.getUILanguage(), { dateStyle: "medium", timeStyle: "medium" });
const formatTime = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
};

let lastReply = null;

async function load(refresh) {
  setBusy(document, true);
  notify(document, refresh ? t("popup_checking") : "");
  try {
    const reply = validateStatusReply(await api.runtime.sendMessage({ type: MESSAGE_TYPES.status, refresh }));
    if (reply.ok) {
      lastReply = reply;
      renderPopup(document, popupViewModel(reply, { t, formatTime }), t);
      if (refresh) notify(document, "");
    } else {
      renderFailure(document, t);
    }
  } catch {
    renderFailure(document, t);
  } finally {
    setBusy(document, false);
  }
}

async function copyDiagnostics() {
  if (!lastReply) return;
  const browser = api.runtime.getURL("").startsWith("moz-extension:") ? "firefox" : "chromium";
  const text = diagnosticsText(lastReply, { extensionVersion: api.runtime.getManifest().version, browser });
  try {
    await navigator.clipboard.writeText(text);
    notify(document, t("popup_copied"));
  } catch {
    notify(document, t("popup_copy_failed"));
  }
}

applyI18n(document, t);
document.getElementById("recheck").addEventListener("click", () => load(true));
document.getElementById("copy").addEventListener("click", copyDiagnostics);
load(false);
