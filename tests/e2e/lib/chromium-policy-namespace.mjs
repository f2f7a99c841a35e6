// Runs a program with a private view of /etc/chromium, so Chromium reads the managed policies a
// test wrote into its own temporary folder, and nothing outside that folder changes. Started as
//   unshare --mount --propagation private -- node chromium-policy-namespace.mjs ETC_DIR PROGRAM ARGS...
// it bind-mounts ETC_DIR over /etc/chromium inside the new mount namespace, then runs PROGRAM.

import { execFileSync, spawn } from "node:child_process";

const [etcDir, program, ...args] = process.argv.slice(2);
if (!etcDir || !program) {
  process.stderr.write("usage: chromium-policy-namespace.mjs ETC_DIR PROGRAM [ARGS...]\n");
  process.exit(2);
}
execFileSync("mount", ["--bind", etcDir, "/etc/chromium"], { stdio: "inherit" });
const child = spawn(program, args, { stdio: "inherit" });
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
