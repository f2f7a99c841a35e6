// The device a scenario runs on, as the host sees it: one agency policy (the shape an agency
// would deploy, docs/POLICY.md) and, per scenario, the evidence on the "disk" that makes the
// device the class the scenario needs. GSIB devices carry a device certificate from the test
// PKI (make-test-pki), so their class is decided cryptographically and they can sign tokens.

import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export const NON_SE_POLICY_OID = "1.3.6.1.4.1.99999.1.1";
export const SE_POLICY_OID = "1.3.6.1.4.1.99999.1.2";

// What the onboarding checklist shows on an Internet device: two ready, one not.
export const READINESS = Object.freeze([
  { check: "os", title: "Supported operating system", ok: true },
  { check: "disk-encryption", title: "Disk encrypted", ok: false },
  { check: "no-seed-agents", title: "No SEED agent installed yet", ok: true },
]);

/** The agency policy, with every path inside `deviceDir`. */
export function agencyPolicy(deviceDir, pkiDir) {
  const certificateProbe = (id, oid) => ({
    id,
    kind: "device_certificate",
    certificate: path.join(deviceDir, "gsib", "device.pem"),
    key: path.join(deviceDir, "gsib", "device.key"),
    anchors: [path.join(pkiDir, "root-ca.pem")],
    intermediates: [path.join(pkiDir, "issuing-ca.pem")],
    policy_oids: [oid],
    subject: { OU: "^GSIB" },
  });
  return {
    version: 1,
    probes: [
      certificateProbe("gsib-non-se-certificate", NON_SE_POLICY_OID),
      certificateProbe("gsib-se-certificate", SE_POLICY_OID),
      { id: "seed-agents", kind: "file", path: path.join(deviceDir, "opt", "Tanium", "TaniumClient") },
      { id: "disk-encryption", kind: "file", path: path.join(deviceDir, "disk-encryption"), match: "^enabled$" },
      { id: "os-supported", kind: "os", field: "name", match: "^(Debian GNU/Linux|Ubuntu|Windows 1[01]|macOS)" },
    ],
    classes: [
      { class: "non_se_gsib", any: ["gsib-non-se-certificate"] },
      { class: "se_gsib", any: ["gsib-se-certificate"] },
      { class: "gmd", all: ["seed-agents"] },
    ],
    default: "internet_device",
    readiness: [
      { check: "os", title: READINESS[0].title, probe: "os-supported", pass_when: "match" },
      { check: "disk-encryption", title: READINESS[1].title, probe: "disk-encryption", pass_when: "match" },
      { check: "no-seed-agents", title: READINESS[2].title, probe: "seed-agents", pass_when: "no_match" },
    ],
  };
}

// A policy the host must refuse: the probe field name is misspelt, which leaves the device
// `unknown` and the person with "what failed, and how to retry".
export const BROKEN_POLICY_FIELD = "certifcate";

/**
 * Lays out the device for `deviceClass` under `dir` and writes the policy; returns its path
 * (for SEED_ATTEST_POLICY, which the browser passes on to the host it starts).
 * @param {"non_se_gsib"|"se_gsib"|"gmd"|"internet_device"|"unknown"} deviceClass
 */
export async function prepareDevice(dir, deviceClass, pkiDir) {
  const deviceDir = path.join(dir, "device");
  await mkdir(path.join(deviceDir, "gsib"), { recursive: true });
  const certificate = { non_se_gsib: "device-non-se", se_gsib: "device-se" }[deviceClass];
  if (certificate) {
    await copyFile(path.join(pkiDir, `${certificate}.pem`), path.join(deviceDir, "gsib", "device.pem"));
    await copyFile(path.join(pkiDir, `${certificate}.key`), path.join(deviceDir, "gsib", "device.key"));
  }
  if (deviceClass === "gmd") {
    await mkdir(path.join(deviceDir, "opt", "Tanium"), { recursive: true });
    await writeFile(path.join(deviceDir, "opt", "Tanium", "TaniumClient"), "");
  }
  const policy = agencyPolicy(deviceDir, pkiDir);
  if (deviceClass === "unknown") {
    const probe = policy.probes[0];
    probe[BROKEN_POLICY_FIELD] = probe.certificate;
    delete probe.certificate;
  }
  const policyFile = path.join(dir, "policy.json");
  await writeFile(policyFile, `${JSON.stringify(policy, null, 2)}\n`, { mode: 0o644 });
  return policyFile;
}
