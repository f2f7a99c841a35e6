// A fresh, throw-away world for one browser run: its own HOME, XDG folders and TMPDIR inside the
// test's temporary folder, so the browser, the host and `seed-attest install` write only there.

import { chmod, cp, mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * @param {string} parent  the run's temporary folder
 * @param {string} name    a folder name for this scenario
 * @param {{nssDatabase?: string}} options  an NSS database to copy to $HOME/.pki/nssdb
 * @returns {Promise<{dir: string, home: string, env: Record<string, string>, file: (...parts: string[]) => string}>}
 */
export async function makeProfile(parent, name, { nssDatabase } = {}) {
  const dir = path.join(parent, name);
  const home = path.join(dir, "home");
  const folders = {
    XDG_CONFIG_HOME: path.join(home, ".config"),
    XDG_CACHE_HOME: path.join(home, ".cache"),
    XDG_DATA_HOME: path.join(home, ".local", "share"),
    XDG_RUNTIME_DIR: path.join(dir, "run"),
    TMPDIR: path.join(dir, "tmp"),
  };
  for (const folder of Object.values(folders)) await mkdir(folder, { recursive: true });
  await chmod(folders.XDG_RUNTIME_DIR, 0o700);
  if (nssDatabase) await cp(nssDatabase, path.join(home, ".pki", "nssdb"), { recursive: true });

  const env = { ...process.env, HOME: home, ...folders };
  // Nothing from the caller's session may leak into the browser or the host.
  for (const key of ["SEED_ATTEST_POLICY", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"]) delete env[key];
  return { dir, home, env, file: (...parts) => path.join(dir, ...parts) };
}
