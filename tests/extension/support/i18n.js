// chrome.i18n.getMessage for tests, from the extension's own _locales/en/messages.json, with the
// browsers' placeholder rules ($NAME$ -> placeholder content, $1..$9 -> substitutions). A
// missing key throws, where a browser would quietly return "".

import { readJson } from "./repo.js";

export const catalog = readJson("extension/_locales/en/messages.json");

export function translatorFrom(messages) {
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message named ${key}`);
    const values = Array.isArray(substitutions) ? substitutions : [substitutions];
    const placeholders = Object.fromEntries(
      Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
    );
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) => {
        const content = placeholders[name.toLowerCase()];
        if (content === undefined) return whole;
        return content.replace(/\$([1-9])/g, (_, n) => String(values[Number(n) - 1] ?? ""));
      })
      .replace(/\$\$/g, "$");
  };
}

export const t = translatorFrom(catalog);
