// Paths and files of the repository, for tests run from anywhere.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const EXTENSION_DIR = `${ROOT}extension/`;

export function readText(relative) {
  return readFileSync(`${ROOT}${relative}`, "utf8");
}

export function readJson(relative) {
  return JSON.parse(readText(relative));
}

/** Every file under `relative` (a folder), as repository-relative paths. */
export function filesUnder(relative) {
  const out = [];
  for (const name of readdirSync(`${ROOT}${relative}`)) {
    const path = `${relative}/${name}`;
    if (statSync(`${ROOT}${path}`).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}
