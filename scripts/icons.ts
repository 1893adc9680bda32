import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES, ICON_SOURCE, iconFile, type IconSize } from './icon-sizes';

// `npm run icons`: the toolbar and store icons, rendered from the one SVG source into public/icon/<size>.png.
// The PNGs are committed (a build needs no renderer); scripts/icons.test.ts fails when they are stale.

export const PUBLIC_DIR = resolve('public');

/** The icon at `size` × `size` px, as PNG bytes. resvg is deterministic: the same SVG gives the same bytes. */
export function renderIcon(size: IconSize, svg = readFileSync(ICON_SOURCE, 'utf8')): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

/** The icon at `size` as straight RGBA pixels (row by row), for the contrast checks. */
export function iconPixels(size: IconSize, svg = readFileSync(ICON_SOURCE, 'utf8')): Uint8Array {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  // resvg gives premultiplied alpha; undo it so a half-covered edge pixel has its real colour.
  const px = new Uint8Array(image.pixels);
  for (let i = 0; i < px.length; i += 4) {
    const a = px[i + 3]!;
    if (a === 0 || a === 255) continue;
    for (let c = 0; c < 3; c++) px[i + c] = Math.min(255, Math.round((px[i + c]! * 255) / a));
  }
  return px;
}

function main(): void {
  for (const size of ICON_SIZES) {
    const file = join(PUBLIC_DIR, iconFile(size));
    writeFileSync(file, renderIcon(size));
    console.log(`${file} (${size}×${size})`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
