import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { HOST_NAME, MODES, PORTAL_ORIGIN } from "../../../extension/src/shared/constants.js";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ENTRY, OUTPUT, bundle } from "../../../scripts/bundle-content-script.mjs";
import { EXTENSION_DIR, filesUnder, readJson, readText } from "../support/repo.js";

const manifest = readJson("extension/manifest.json");

function pngSize(path) {
  const bytes = readFileSync(path);
  assert.equal(bytes.subarray(1, 4).toString("ascii"), "PNG", path);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe("manifest", () => {
  test("MV3 with the fixed Firefox ID and a key", () => {
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.browser_specific_settings.gecko.id, "seed-attest@techpass.sg");
    assert.match(manifest.key, /^MIIB[A-Za-z0-9+/]+=*$/);
  });

  test("asks only for nativeMessaging and storage, and no host permissions", () => {
    assert.deepEqual([...manifest.permissions].sort(), ["nativeMessaging", "storage"]);
    assert.equal(manifest.host_permissions, undefined);
    assert.equal(manifest.optional_permissions, undefined);
    assert.equal(manifest.externally_connectable, undefined);
  });

  test("background: a module service worker for Chromium and scripts for Firefox, the same file", () => {
    const { background } = manifest;
    assert.equal(background.type, "module");
    assert.deepEqual(background.scripts, [background.service_worker]);
    assert.ok(existsSync(`${EXTENSION_DIR}${background.service_worker}`));
  });

  test("the content script runs on the portal only, and nothing of the extension is web-accessible", () => {
    assert.equal(manifest.content_scripts.length, 1);
    const [script] = manifest.content_scripts;
    assert.deepEqual(script.matches, [`${PORTAL_ORIGIN}/*`]);
    assert.equal(script.all_frames ?? false, false);
    assert.equal(script.run_at, "document_start");
    for (const file of [...script.js, ...script.css]) assert.ok(existsSync(`${EXTENSION_DIR}${file}`), file);
    assert.equal(manifest.web_accessible_resources, undefined, "a page cannot load or fingerprint our files");
  });

  test("the content script is the current bundle of content.js and every module it imports", () => {
    const [script] = manifest.content_scripts;
    assert.deepEqual(script.js, [OUTPUT]);
    const { text, modules } = bundle();
    assert.equal(readText(`extension/${OUTPUT}`), text, "run node scripts/bundle-content-script.mjs");
    const graph = new Set();
    const visit = (file) => {
      if (graph.has(file)) return;
      graph.add(file);
      for (const [, relative] of readText(`extension/${file}`).matchAll(/^import[^;]*?from "(\.[^"]+)";/gms)) {
        visit(new URL(relative, `file:///${file}`).pathname.slice(1));
      }
    };
    visit(ENTRY);
    assert.deepEqual([...modules].sort(), [...graph].sort());
    assert.equal(modules.at(-1), ENTRY, "content.js comes last, after everything it imports");
  });

  test("the bundler refuses import and export forms it cannot rewrite, naming the file", () => {
    const forms = ["export default 1;", 'import * as all from "./other.js";', 'export { run } from "./other.js";', "export const { spread } = {};"];
    for (const form of forms) {
      const dir = mkdtempSync(path.join(tmpdir(), "bundle-"));
      try {
        mkdirSync(path.join(dir, "src/content"), { recursive: true });
        writeFileSync(path.join(dir, "src/content/other.js"), "export function run() {}\n");
        writeFileSync(path.join(dir, ENTRY), `${form}\nexport function run() {}\n`);
        assert.throws(() => bundle({ extensionDir: dir }), new RegExp(`${ENTRY.replaceAll(".", "\\.")}: cannot bundle`), form);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  test("action popup and icons of 16 to 128 pixels that exist at their stated size", () => {
    assert.ok(existsSync(`${EXTENSION_DIR}${manifest.action.default_popup}`));
    const icons = { ...manifest.icons, ...manifest.action.default_icon };
    for (const size of ["16", "32", "48", "128"]) assert.ok(manifest.icons[size], `icon ${size}`);
    for (const [size, file] of Object.entries(icons)) {
      assert.deepEqual(pngSize(`${EXTENSION_DIR}${file}`), [Number(size), Number(size)], file);
    }
  });

  test("the managed schema offers mode: annotate or enforce", () => {
    const schema = readJson(`extension/${manifest.storage.managed_schema}`);
    assert.equal(schema.type, "object");
    assert.equal(schema.additionalProperties, undefined, "Chromium refuses additionalProperties at the top");
    assert.deepEqual(schema.properties.mode.enum, Object.values(MODES));
  });

  test("the native host name is the fixed one", () => {
    assert.equal(HOST_NAME, "sg.techpass.seed_attest");
    assert.match(readText("host/src/common/identity.hpp"), /kHostName = "sg\.techpass\.seed_attest"/);
  });

  test("every file the extension ships is referenced or imported (no strays)", () => {
    const shipped = filesUnder("extension").map((path) => path.slice("extension/".length));
    const sources = shipped.filter((file) => /\.(js|html|css|json)$/.test(file)).map((file) => readText(`extension/${file}`)).join("\n");
    for (const file of shipped) {
      if (file === "manifest.json" || file.startsWith("_locales/")) continue;
      const name = file.split("/").pop();
      assert.ok(sources.includes(name) || JSON.stringify(manifest).includes(file), `${file} is not used`);
    }
  });
});

describe("messages (_locales/en)", () => {
  const catalog = readJson("extension/_locales/en/messages.json");
  const sources = filesUnder("extension/src").map((file) => readText(file)).join("\n");
  const manifestText = readText("extension/manifest.json");

  test("the manifest is localised", () => {
    assert.equal(manifest.default_locale, "en");
    for (const key of ["name", "description"]) {
      const name = /^__MSG_(\w+)__$/.exec(manifest[key])?.[1];
      assert.ok(name && catalog[name], key);
    }
  });

  test("every message key named in the sources exists", () => {
    const named = new Set();
    for (const match of sources.matchAll(/\bt\(\s*"([a-z_]+)"/g)) named.add(match[1]);
    for (const match of sources.matchAll(/(?:Key|key):\s*"([a-z_]+)"/g)) named.add(match[1]);
    for (const match of sources.matchAll(/data-i18n="([a-z_]+)"/g)) named.add(match[1]);
    for (const match of manifestText.matchAll(/__MSG_(\w+)__/g)) named.add(match[1]);
    assert.ok(named.size > 30, `found only ${named.size} keys`);
    for (const key of named) assert.ok(catalog[key], `missing message ${key}`);
  });

  test("every message is used somewhere (by name or by a name prefix the code builds)", () => {
    const prefixes = [...sources.matchAll(/`([a-z_]+_)\$\{/g)].map((match) => match[1]);
    for (const key of Object.keys(catalog)) {
      const used =
        sources.includes(`"${key}"`) || manifestText.includes(`__MSG_${key}__`) || prefixes.some((prefix) => key.startsWith(prefix));
      assert.ok(used, `${key} is never used`);
    }
  });

  test("placeholders are well formed and every $NAME$ is defined", () => {
    for (const [key, entry] of Object.entries(catalog)) {
      assert.equal(typeof entry.message, "string", key);
      assert.ok(entry.message.length > 0, key);
      const defined = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        assert.ok(defined.includes(name.toLowerCase()), `${key} uses $${name}$`);
      }
      for (const value of Object.values(entry.placeholders ?? {})) assert.match(value.content, /^\$[1-9]$/, key);
    }
  });

  test("the popup's visible words come from the catalogue", () => {
    const html = readText("extension/src/popup/popup.html");
    const withText = [...html.matchAll(/<(h1|h2|button|th|title)\b([^>]*)>([^<]+)</g)];
    assert.ok(withText.length >= 8);
    for (const [, tag, attributes] of withText) assert.match(attributes, /data-i18n="/, `<${tag}> without data-i18n`);
  });
});
