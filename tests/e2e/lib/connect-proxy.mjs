// An HTTP CONNECT proxy for Firefox that sends the given host names (port 443) to the stand-in
// portal's local port and refuses everything else, so the browser reaches the portal under its
// real name and nothing outside this machine.

import http from "node:http";
import net from "node:net";

/**
 * @param {string[]} hostNames  names that lead to the stand-in
 * @param {number} targetPort   the stand-in's port on 127.0.0.1
 * @returns {Promise<{port: number, close: () => Promise<void>}>}
 */
export async function startConnectProxy(hostNames, targetPort) {
  const allowed = new Set(hostNames.map((name) => `${name}:443`));
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const server = http.createServer((_request, response) => response.writeHead(405).end());
  server.on("connection", track);
  server.on("connect", (request, client, head) => {
    if (!allowed.has(request.url)) {
      client.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    const upstream = net.connect(targetPort, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
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
