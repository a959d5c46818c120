import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodePng } from "./encode-png.ts";

/**
 * The Teams app icons, drawn in code: a lightning bolt (charging) on cpbot's accent colour for the 192×192
 * colour icon, and the same bolt in white on transparent for the 32×32 outline icon Teams requires.
 * Run `node --import tsx adapters/teams/teams-icons.ts` to rewrite teams/color.png and teams/outline.png.
 */

export const accentColor = "#0E7C3A";

// The bolt, in a 0..1 square.
const bolt: [number, number][] = [
  [0.58, 0.08],
  [0.24, 0.56],
  [0.46, 0.56],
  [0.38, 0.92],
  [0.76, 0.42],
  [0.54, 0.42],
  [0.66, 0.08],
];

function inside(x: number, y: number, polygon: [number, number][]): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Share of the pixel covered by the shape, from 4×4 samples, so edges are smooth. */
function coverage(px: number, py: number, size: number, test: (x: number, y: number) => boolean): number {
  let covered = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) if (test((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size)) covered++;
  }
  return covered / 16;
}

function roundedSquare(x: number, y: number, radius: number): boolean {
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

const hex = (color: string) =>
  [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16)) as [number, number, number];

export function colorIcon(size = 192): Buffer {
  const [r, g, b] = hex(accentColor);
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const background = coverage(x, y, size, (u, v) => roundedSquare(u, v, 0.18));
      const mark = coverage(x, y, size, (u, v) => inside(u, v, bolt));
      const o = (y * size + x) * 4;
      // White bolt over the accent colour, both anti-aliased.
      pixels[o] = Math.round(r + (255 - r) * mark);
      pixels[o + 1] = Math.round(g + (255 - g) * mark);
      pixels[o + 2] = Math.round(b + (255 - b) * mark);
      pixels[o + 3] = Math.round(255 * Math.max(background, mark));
    }
  }
  return encodePng(size, size, pixels);
}

export function outlineIcon(size = 32): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const o = (y * size + x) * 4;
      pixels[o] = 255;
      pixels[o + 1] = 255;
      pixels[o + 2] = 255;
      pixels[o + 3] = Math.round(255 * coverage(x, y, size, (u, v) => inside(u, v, bolt)));
    }
  }
  return encodePng(size, size, pixels);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("../../teams/color.png", import.meta.url), colorIcon());
  writeFileSync(new URL("../../teams/outline.png", import.meta.url), outlineIcon());
  console.log("wrote teams/color.png (192×192) and teams/outline.png (32×32)");
}
