// Registers the real seed-attest as the native-messaging host in a scenario's fresh HOME, the
// way a person does it: `seed-attest install --browser NAME`. A build without the install
// command gets the same manifest written here, in the shape install writes (contract section 3).

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { run } from "./processes.mjs";

export const HOST_NAME = "sg.techpass.seed_attest";
export const CHROMIUM_EXTENSION_ID = "mmcnnnkjjcnbfgnfpdijcfnhicplpoak";
export const FIREFOX_ADDON_ID = "seed-attest@techpass.sg";

const supported = new Map();

async function hasInstallCommand(program) {
  if (!supported.has(program)) {
    const { code } = await run(program, ["help", "install"], { allowFailure: true });
    supported.set(program, code === 0);
  }
  return supported.get(program);
}

/**
 * @param {{program: string, profile: {home: string, env: object}, browser: "chromium"|"firefox"}} options
 * @returns {Promise<{how: string, manifest: string}>}
 */
export async function registerHost({ program, profile, browser }) {
  const manifest =
    browser === "firefox"
      ? path.join(profile.home, ".mozilla", "native-messaging-hosts", `${HOST_NAME}.json`)
      : path.join(profile.home, ".config", "chromium", "NativeMessagingHosts", `${HOST_NAME}.json`);
  if (await hasInstallCommand(program)) {
    await run(program, ["install", "--browser", browser], { env: profile.env });
    return { how: "seed-attest install", manifest };
  }
  const callers =
    browser === "firefox"
      ? { allowed_extensions: [FIREFOX_ADDON_ID] }
      : { allowed_origins: [`chrome-extension://${CHROMIUM_EXTENSION_ID}/`] };
  await mkdir(path.dirname(manifest), { recursive: true });
  await writeFile(
    manifest,
    `${JSON.stringify({ name: HOST_NAME, description: "SEED device check helper", path: path.resolve(program), type: "stdio", ...callers }, null, 2)}\n`,
  );
  return { how: "manifest written by the suite (this build has no install command)", manifest };
}
