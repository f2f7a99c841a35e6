// Registers the real seed-attest as the native-messaging host in a scenario's fresh HOME, the
// way a person does it: `seed-attest install --browser NAME`, which writes the manifest where
// that browser reads it (Chromium: ~/.config/chromium/NativeMessagingHosts, the suite's
// --user-data-dir; Firefox: ~/.mozilla/native-messaging-hosts).

import { access } from "node:fs/promises";
import path from "node:path";
import { run } from "./processes.mjs";

export const HOST_NAME = "sg.techpass.seed_attest";
export const CHROMIUM_EXTENSION_ID = "mmcnnnkjjcnbfgnfpdijcfnhicplpoak";
export const FIREFOX_ADDON_ID = "seed-attest@techpass.sg";

/**
 * @param {{program: string, profile: {home: string, env: object}, browser: "chromium"|"firefox"}} options
 * @returns {Promise<string>} the manifest's path
 */
export async function registerHost({ program, profile, browser }) {
  const manifest =
    browser === "firefox"
      ? path.join(profile.home, ".mozilla", "native-messaging-hosts", `${HOST_NAME}.json`)
      : path.join(profile.home, ".config", "chromium", "NativeMessagingHosts", `${HOST_NAME}.json`);
  await run(program, ["install", "--browser", browser], { env: profile.env });
  await access(manifest).catch(() => {
    throw new Error(`seed-attest install --browser ${browser} wrote no ${manifest}`);
  });
  return manifest;
}
