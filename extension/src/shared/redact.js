// Removes what identifies a device or a person from free text before it leaves the popup
// (Copy diagnostics): serial numbers, device and hardware IDs, e-mail addresses, tokens.

const RULES = [
  // compact JWS / JWT and other long dotted base64url blobs
  [/[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, "[token]"],
  // e-mail addresses (TechPass IDs)
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, "[address]"],
  // GUIDs / UUIDs (Intune and Azure AD device IDs, SMBIOS UUIDs)
  [/\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?/g, "[id]"],
  // the value after a label that names an identifier
  [
    /\b(serial(?:[ _-]?(?:number|no))?|device[ _-]?id|machine[ _-]?id|asset[ _-]?tag|hardware[ _-]?id|host[ _-]?name|uuid|sn)(\s*[:=#]\s*|\s+)("[^"]*"|'[^']*'|[^\s,;)]+)/gi,
    "$1$2[redacted]",
  ],
  // byte strings written with separators (certificate serials: 0a:1b:2c:...)
  [/\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){3,}\b/g, "[redacted]"],
  // long hex runs
  [/\b[0-9A-Fa-f]{12,}\b/g, "[redacted]"],
  // long words mixing letters and digits (vendor serial numbers such as 5CG1234XYZ)
  [/\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{10,}\b/g, "[redacted]"],
];

export function redact(text) {
  if (typeof text !== "string") return "";
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
