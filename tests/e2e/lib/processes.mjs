// Every process the suite starts goes through here: each in its own process group, so that
// stopping it stops everything it started, and every group is killed when this process exits,
// also when a test fails or times out. Commands run by argv, never through a shell.

import { execFile, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";

const liveGroups = new Set();

process.once("exit", () => {
  for (const pgid of liveGroups) killGroup(pgid, "SIGKILL");
});

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
  if (child.pid) liveGroups.add(child.pid);
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
    liveGroups.delete(child.pid);
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

/** Polls `probe` until it returns a value other than undefined/null/false, or fails after `timeoutMs`. */
export async function waitFor(probe, { timeoutMs = 10_000, intervalMs = 50, what = "condition" } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
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
