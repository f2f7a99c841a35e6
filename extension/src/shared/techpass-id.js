// The TechPass ID hint of design contract section 1: the ID's shape says who the person is
// expected to be, which is only a consistency check against what the device attests.

export const ID_KINDS = Object.freeze({
  publicOfficer: "public_officer",     // *@<agency>.gov.sg
  vendorOnGsib: "vendor_gsib",         // *_from.<vendor>@<agency>.gov.sg
  vendorOnInternet: "vendor_internet", // *@techpass.gov.sg
});

const GSIB_CLASSES = new Set(["non_se_gsib", "se_gsib"]);
const NON_GSIB_CLASSES = new Set(["internet_device", "gmd"]);

const LOCAL_PART = /^[a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9_])?$/;
const AGENCY_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+gov\.sg$/;
const VENDOR_SUFFIX = /_from\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

// The kind of a TechPass ID, or null when the text is not one of the three shapes.
export function techpassIdKind(id) {
  if (typeof id !== "string" || id.length > 254) return null;
  const text = id.trim().toLowerCase();
  const at = text.lastIndexOf("@");
  if (at <= 0) return null;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!LOCAL_PART.test(local) || !AGENCY_DOMAIN.test(domain)) return null;
  if (domain === "techpass.gov.sg") return ID_KINDS.vendorOnInternet;
  if (VENDOR_SUFFIX.test(local)) return ID_KINDS.vendorOnGsib;
  return ID_KINDS.publicOfficer;
}

/**
 * The hint for one page: the ID's kind and whether it contradicts the attested class.
 * A vendor's Internet-device ID on a GSIB is a mismatch on any page. A vendor's GSIB ID on a
 * non-GSIB device is a mismatch only where the person asks for SEED; on the onboarding page
 * everyone is expected to be on their Internet device. Public officers use every kind of device.
 * @returns {{kind: string|null, mismatch: boolean}}
 */
export function techpassIdHint(id, deviceClass, page) {
  const kind = techpassIdKind(id);
  let mismatch = false;
  if (kind === ID_KINDS.vendorOnInternet) mismatch = GSIB_CLASSES.has(deviceClass);
  if (kind === ID_KINDS.vendorOnGsib) mismatch = page === "request_for_seed" && NON_GSIB_CLASSES.has(deviceClass);
  return { kind, mismatch };
}

// Where the page shows the signed-in ID: the first *.gov.sg address in its text.
const ID_IN_TEXT = /[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.)+gov\.sg\b/;

export function findTechpassId(text) {
  if (typeof text !== "string") return null;
  const found = ID_IN_TEXT.exec(text.slice(0, 200_000));
  return found && techpassIdKind(found[0]) ? found[0] : null;
}
