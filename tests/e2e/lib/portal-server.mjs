// The stand-in portal: an HTTPS server on 127.0.0.1 serving tests/e2e/portal/ as a single-page
// app (every path without a file extension is the app), under whichever host name the browser
// was pointed at. Firefox reaches it through a CONNECT proxy (connect-proxy.mjs) because its
// host-name mapping cannot change the port.

import { readFile } from "node:fs/promises";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PORTAL_DIR = fileURLToPath(new URL("../portal/", import.meta.url));
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml" };

/**
 * @param {{cert: Buffer, key: Buffer}} tls
 * @returns {Promise<{port: number, close: () => Promise<void>}>}
 */
export async function startPortalServer(tls) {
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (request, response) => {
    serve(request, response).catch(() => {
      response.writeHead(500).end();
    });
  });
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function serve(request, response) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405).end();
    return;
  }
  const { pathname } = new URL(request.url, "https://stand-in");
  const extension = path.extname(pathname);
  const relative = extension ? pathname.slice(1) : "index.html";
  const file = path.resolve(PORTAL_DIR, relative);
  if (!file.startsWith(PORTAL_DIR) || (extension && !TYPES[extension])) {
    response.writeHead(404).end();
    return;
  }
  let body;
  try {
    body = await readFile(file);
  } catch {
    response.writeHead(404).end();
    return;
  }
  // Like a real site: the app's page is always fetched, its scripts and styles are cached.
  const caching = extension ? "max-age=600" : "no-store";
  response.writeHead(200, { "content-type": TYPES[path.extname(file)], "cache-control": caching });
  response.end(request.method === "HEAD" ? undefined : body);
}
