#!/usr/bin/env node
// Runs one browser's end-to-end suite and guarantees that nothing it started outlives it.
//
//   node tests/e2e/run.mjs --browser chromium|firefox --program PATH/seed-attest
//        --make-test-pki PATH/make-test-pki --artifacts DIR [--timeout-seconds N]
//        [--only REGEX]   (only the scenarios whose names match, for working on one)
//
// The scenarios (chromium.test.mjs, firefox.test.mjs) run under `node --test` in a child process
// group. Every process of the run carries SEED_E2E_RUN=<random id> in its environment (browsers
// pass it on to their children and to the native host); when the suite ends, fails, times out or
// is interrupted, the group is killed and any process still carrying this run's id is killed too.
// The temporary folder (profiles, PKI, TLS) is removed; logs, screenshots and timing.json stay in
// the artifacts folder. Prints the navigation -> annotation timing summary at the end.

import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SUITES = { chromium: "chromium.test.mjs", firefox: "firefox.test.mjs" };

const USAGE =
  "usage: run.mjs --browser chromium|firefox --program FILE --make-test-pki FILE --artifacts DIR [--timeout-seconds N] [--only REGEX]\n";

function usage(problem) {
  process.stderr.write(`run.mjs: ${problem}\n${USAGE}`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      browser: { type: "string" },
      program: { type: "string" },
      "make-test-pki": { type: "string" },
      artifacts: { type: "string" },
      "timeout-seconds": { type: "string", default: "480" },
      only: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  usage(error.message);
}
if (options.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!SUITES[options.browser]) usage("--browser must be chromium or firefox");
for (const name of ["program", "make-test-pki", "artifacts"]) if (!options[name]) usage(`--${name} is required`);
const timeoutMs = Number(options["timeout-seconds"]) * 1000;
if (!(timeoutMs > 0)) usage("--timeout-seconds must be a positive number");

const runId = randomUUID();
const work = await mkdtemp(path.join(os.tmpdir(), `seed-e2e-${options.browser}-`));
const artifacts = path.resolve(options.artifacts);
await mkdir(artifacts, { recursive: true });

// Node 20 has WebSocket (used to speak BiDi and to reach the popup) behind a flag.
const nodeFlags = process.allowedNodeEnvironmentFlags.has("--experimental-websocket") && typeof WebSocket !== "function"
  ? ["--experimental-websocket"]
  : [];
const child = spawn(
  process.execPath,
  [
    ...nodeFlags,
    "--test",
    "--test-reporter=spec",
    "--test-concurrency=1",
    ...(options.only ? [`--test-name-pattern=${options.only}`] : []),
    path.join(HERE, SUITES[options.browser])],
  {
    cwd: HERE,
    detached: true,
    stdio: "inherit",
    env: {
      ...process.env,
      SEED_E2E_RUN: runId,
      SEED_E2E_PROGRAM: path.resolve(options.program),
      SEED_E2E_MAKE_TEST_PKI: path.resolve(options["make-test-pki"]),
      SEED_E2E_ARTIFACTS: artifacts,
      SEED_E2E_WORK: work,
    },
  },
);

let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  for (const pgid of [child.pid, ...browserGroups()]) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // the group is already gone
    }
  }
  for (const pid of processesOfThisRun()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // exited meanwhile
    }
  }
}

// The process groups (browsers and what they started) the scenarios had running, as listed by
// lib/processes.mjs.
function browserGroups() {
  try {
    return readFileSync(path.join(work, "process-groups"), "utf8").split("\n").filter(Boolean).map(Number).filter((id) => id > 1);
  } catch {
    return [];
  }
}

// Every process on this machine whose environment still carries this run's id, except this one.
// (Chromium rewrites its own environment block for its process titles; its group is killed above.)
function processesOfThisRun() {
  const marker = `SEED_E2E_RUN=${runId}`;
  const found = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environment = readFileSync(`/proc/${entry}/environ`, "latin1").split("\0");
      if (environment.includes(marker)) found.push(Number(entry));
    } catch {
      // not ours to read, or gone
    }
  }
  return found;
}

const timer = setTimeout(() => {
  process.stderr.write(`run.mjs: the ${options.browser} suite did not finish in ${timeoutMs / 1000} s; stopping it\n`);
  cleanUp();
}, timeoutMs);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    cleanUp();
    rmSync(work, { recursive: true, force: true });
    process.exit(128 + os.constants.signals[signal]);
  });
}
process.on("exit", cleanUp);

const code = await new Promise((resolve) => child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
clearTimeout(timer);
cleanUp();
const leftovers = processesOfThisRun();
await rm(work, { recursive: true, force: true, maxRetries: 3 });
await printTiming(path.join(artifacts, options.browser, "timing.json"));
if (leftovers.length) {
  process.stderr.write(`run.mjs: processes of this run still alive after cleanup: ${leftovers.join(", ")}\n`);
  process.exit(1);
}
process.exit(code);

async function printTiming(file) {
  let samples;
  let kinds;
  try {
    ({ samples, kinds } = JSON.parse(await readFile(file, "utf8")));
  } catch {
    return;
  }
  if (!samples?.length) return;
  const lines = [`navigation -> annotation in ${options.browser} (${file}):`];
  for (const kind of Object.keys(kinds ?? {})) {
    const values = samples.filter((sample) => sample.kind === kind).map((sample) => sample.navigationToAnnotationMs).sort((a, b) => a - b);
    if (!values.length) continue;
    const middle = Math.floor(values.length / 2);
    const median = values.length % 2 ? values[middle] : Math.round(((values[middle - 1] + values[middle]) / 2) * 10) / 10;
    lines.push(`  ${kind}: median ${median} ms, min ${values[0]} ms, max ${values.at(-1)} ms over ${values.length} runs (${kinds[kind]})`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}
