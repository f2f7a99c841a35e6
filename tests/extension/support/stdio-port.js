// What a browser does for connectNative, done in Node: start the host program with the browser's
// arguments and speak native-messaging frames (32-bit length in native byte order, then UTF-8
// JSON) over its stdin and stdout. Shaped as NativeHostConnection's `connect`.

import { spawn } from "node:child_process";
import { endianness } from "node:os";

const LITTLE = endianness() === "LE";

function encode(message) {
  const body = Buffer.from(JSON.stringify(message), "utf8");
  const header = Buffer.alloc(4);
  if (LITTLE) header.writeUInt32LE(body.length);
  else header.writeUInt32BE(body.length);
  return Buffer.concat([header, body]);
}

/**
 * @param {string} program  path of the host
 * @param {string[]} args   what the browser passes (chrome-extension://ID/, or manifest path and add-on ID)
 * @returns {{connect: Function, children: import("node:child_process").ChildProcess[]}}
 */
export function stdioHost(program, args) {
  const children = [];
  const connect = ({ onMessage, onDisconnect }) => {
    const child = spawn(program, args, { stdio: ["pipe", "pipe", "pipe"] });
    children.push(child);
    let buffered = Buffer.alloc(0);
    let closed = false;
    const disconnect = (text) => {
      if (closed) return;
      closed = true;
      onDisconnect(text);
    };
    child.stdout.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4) {
        const length = LITTLE ? buffered.readUInt32LE(0) : buffered.readUInt32BE(0);
        if (buffered.length < 4 + length) break;
        const body = buffered.subarray(4, 4 + length).toString("utf8");
        buffered = buffered.subarray(4 + length);
        let message;
        try {
          message = JSON.parse(body);
        } catch {
          disconnect("Error when communicating with the native messaging host.");
          child.kill();
          return;
        }
        onMessage(message);
      }
    });
    child.stdin.on("error", () => {});
    child.on("error", () => disconnect("Failed to start native messaging host."));
    child.on("exit", () => disconnect("Native host has exited."));
    return {
      post: (message) => {
        if (closed) throw new Error("Attempt to postMessage on disconnected port");
        child.stdin.write(encode(message));
      },
      close: () => {
        closed = true;
        child.stdin.end();
      },
    };
  };
  return { connect, children };
}

/** Waits until every started host has exited (the extension closed stdin, or it was killed). */
export async function allExited(children, timeoutMs = 5000) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            child.kill("SIGKILL");
            resolve();
          }, timeoutMs);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
        }),
    ),
  );
}
