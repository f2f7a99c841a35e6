// The stand-in portal's TLS: a test CA and a server certificate for the names the browsers reach,
// made with the openssl command at test time (no key is ever committed), and an NSS database
// that trusts the CA, as a person's browser profile would after an administrator installed it.

import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { run } from "./processes.mjs";

const CA_NAME = "SEED e2e Portal Test CA";

/**
 * @param {string} dir  where the files go
 * @param {string[]} hostNames  the server certificate's subjectAltName DNS names
 * @returns {Promise<{caCertificate: string, serverCertificate: string, serverKey: string, cert: Buffer, key: Buffer, ca: Buffer}>}
 */
export async function makeServerCertificates(dir, hostNames) {
  await mkdir(dir, { recursive: true });
  const file = (name) => path.join(dir, name);
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
  await run("openssl", [
    "req", "-x509", ...ec, "-keyout", file("ca.key"), "-out", file("ca.pem"), "-days", "2",
    "-subj", `/O=SEED e2e/CN=${CA_NAME}`,
    "-addext", "basicConstraints=critical,CA:TRUE",
    "-addext", "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  const san = hostNames.map((name) => `DNS:${name}`).join(",");
  await run("openssl", [
    "req", "-new", ...ec, "-keyout", file("server.key"), "-out", file("server.csr"),
    "-subj", `/O=SEED e2e/CN=${hostNames[0]}`,
    "-addext", `subjectAltName=${san}`,
    "-addext", "extendedKeyUsage=serverAuth",
    "-addext", "basicConstraints=critical,CA:FALSE",
  ]);
  await run("openssl", [
    "x509", "-req", "-in", file("server.csr"), "-CA", file("ca.pem"), "-CAkey", file("ca.key"),
    "-CAcreateserial", "-days", "2", "-copy_extensions", "copy", "-out", file("server.pem"),
  ]);
  const [cert, key, ca] = await Promise.all([readFile(file("server.pem")), readFile(file("server.key")), readFile(file("ca.pem"))]);
  return { caCertificate: file("ca.pem"), serverCertificate: file("server.pem"), serverKey: file("server.key"), cert, key, ca };
}

/**
 * Creates an NSS certificate database in `dbDir` (Chromium: $HOME/.pki/nssdb; Firefox: the
 * profile folder) that trusts `caCertificate` for websites.
 */
export async function trustInNssDatabase(dbDir, caCertificate) {
  await mkdir(dbDir, { recursive: true });
  const db = `sql:${dbDir}`;
  const passwordFile = path.join(dbDir, ".empty-password");
  await writeFile(passwordFile, "\n");
  await run("certutil", ["-N", "-d", db, "-f", passwordFile]);
  await run("certutil", ["-A", "-d", db, "-n", CA_NAME, "-t", "C,,", "-i", caCertificate]);
}
