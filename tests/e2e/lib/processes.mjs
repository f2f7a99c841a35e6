// Every process the suite starts goes through here: each in its own process group, so that
// stopping it stops everything it started, and every group is killed when this process exits,
// also when a test fails or times out. Commands run by argv, never through a shell.

import { execFile, spawn } from "node:child_process";
import { createWriteStream, writeFileSync } from "node:fs";
import path from "node:path";

const liveGroups = new Set();

// The live groups are also listed in a file run.mjs reads, so that it can kill them even when
// this process is killed before it could clean up (a timeout, ctest giving up).
const GROUPS_FILE_NAME = "process-groups"; // run.mjs reads the same name
const groupsFile = process.env.SEED_E2E_WORK ? path.join(process.env.SEED_E2E_WORK, GROUPS_FILE_NAME) : null;

function trackGroup(pgid, live) {
  if (live) liveGroups.add(pgid);
  else liveGroups.delete(pgid);
  if (groupsFile) writeFileSync(groupsFile, [...liveGroups].map((id) => `${id}\n`).join(""));
}

process.once("exit", () => {
  for (const pgid of liveGroups) killGroup(pgid, "SIGKILL");
});
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.once(signal, () => process.exit(1)); // runs the exit handler above
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/**
 * Starts `file` with `args` as the leader of a new process group. stdout and stderr go to
 * `logFile` (appended) and, line by line, to `onLine` when given.
 * @returns {{child: import("node:child_process").ChildProcess, exited: Promise<{code: number|null, signal: string|null}>, stop: (graceMs?: number) => Promise<void>}}
 */
export function startGroup(file, args, { env, cwd, logFile, onLine } = {}) {
  const child = spawn(file, args, { env, cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log = logFile ? createWriteStream(logFile, { flags: "a" }) : null;
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (error) => resolve({ code: null, signal: null, error }));
  });
  if (child.pid) trackGroup(child.pid, true);
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream.on("data", (chunk) => {
      log?.write(chunk);
      if (!onLine) return;
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop();
      for (const line of lines) onLine(line);
    });
  }
  exited.then(() => log?.end());

  async function stop(graceMs = 3000) {
    if (!child.pid || !liveGroups.has(child.pid)) return;
    killGroup(child.pid, "SIGTERM");
    const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([exited, timer]);
    // The leader may be gone while others in its group linger: the group is killed either way.
    killGroup(child.pid, "SIGKILL");
    trackGroup(child.pid, false);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  }
  return { child, exited, stop };
}

/**
 * Runs a command to completion with a timeout; rejects with its stderr when it fails.
 * @returns {Promise<{code: number, stdout: string, stderr: string}>}
 */
export function run(file, args, { env, cwd, timeoutMs = 30_000, input, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { env, cwd, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = typeof error?.code === "number" ? error.code : error ? -1 : 0;
        if (error && (!allowFailure || error.killed || typeof error.code !== "number")) {
          const why = error.killed ? `timed out after ${timeoutMs} ms` : `exit ${error.code ?? error.signal}`;
          reject(new Error(`${file} ${args.join(" ")}: ${why}\n${stderr}`));
          return;
        }
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin.end(input);
  });
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it returns a value other than undefined/null/false, or fails after
 * `timeoutMs`, or at once when `abortIf()` returns a reason.
 */
export async function waitFor(probe, { timeoutMs = 10_000, intervalMs = 50, what = "condition", abortIf } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    const reason = abortIf?.();
    if (reason) throw new Error(`gave up waiting for ${what}: ${reason}`);
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? `: ${last.message}` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await delay(intervalMs);
  }
}
