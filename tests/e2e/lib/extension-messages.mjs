// The extension's own English strings (_locales/en/messages.json), resolved the way
// browser.i18n.getMessage does, so a scenario can look for exactly what the person reads.

import { readFileSync } from "node:fs";
import path from "node:path";

export function loadMessages(extensionDir) {
  const catalogue = JSON.parse(readFileSync(path.join(extensionDir, "_locales", "en", "messages.json"), "utf8"));
  return function message(key, substitutions = []) {
    const entry = catalogue[key];
    if (!entry) throw new Error(`the extension has no message ${key}`);
    const placeholders = entry.placeholders ?? {};
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) => {
      const content = placeholders[name.toLowerCase()]?.content;
      if (content === undefined) return whole;
      return content.replace(/\$(\d)/g, (_, index) => substitutions[Number(index) - 1] ?? "");
    }).replace(/\$\$/g, "$");
  };
}
