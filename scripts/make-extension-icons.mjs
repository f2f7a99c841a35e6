// Draws the extension's toolbar and store icons (extension/icons/icon-<size>.png): a blue rounded
// square holding a white shield with a check mark. Run with `node scripts/make-extension-icons.mjs`
// after changing the drawing; the PNGs are committed so a build needs no image tools.

import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 48, 128];
const SAMPLES = 4; // per axis, for anti-aliasing
const BLUE = [11, 79, 156];
const WHITE = [255, 255, 255];

// Coverage tests in unit coordinates (0..1, y down).
function inRoundedSquare(x, y) {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

function inShield(x, y) {
  const cx = 0.5;
  const top = 0.17;
  const shoulder = 0.3;
  const bottom = 0.86;
  const halfWidth = 0.3;
  if (y < top || y > bottom) return false;
  if (y < shoulder) {
    // a gently arched top edge
    const arch = top + 0.05 * ((x - cx) / halfWidth) ** 2;
    return Math.abs(x - cx) <= halfWidth && y >= arch;
  }
  // sides curve in to the point at the bottom
  const t = (y - shoulder) / (bottom - shoulder);
  return Math.abs(x - cx) <= halfWidth * Math.sqrt(1 - t * t);
}

function nearSegment(x, y, [ax, ay], [bx, by], width) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const dx = x - (ax + t * vx);
  const dy = y - (ay + t * vy);
  return dx * dx + dy * dy <= (width / 2) ** 2;
}

function inCheck(x, y) {
  const a = [0.36, 0.5];
  const b = [0.47, 0.62];
  const c = [0.65, 0.39];
  return nearSegment(x, y, a, b, 0.085) || nearSegment(x, y, b, c, 0.085);
}

function pixel(x, y) {
  if (!inRoundedSquare(x, y)) return null;
  if (inShield(x, y) && !inCheck(x, y)) return WHITE;
  return BLUE;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = pixel((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!colour) continue;
          covered += 1;
          r += colour[0];
          g += colour[1];
          b += colour[2];
        }
      }
      const at = (py * size + px) * 4;
      if (covered) {
        rgba[at] = Math.round(r / covered);
        rgba[at + 1] = Math.round(g / covered);
        rgba[at + 2] = Math.round(b / covered);
      }
      rgba[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // no filter
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "extension", "icons");
for (const size of SIZES) {
  writeFileSync(join(out, `icon-${size}.png`), png(size, render(size)));
}
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to ${out}`);
