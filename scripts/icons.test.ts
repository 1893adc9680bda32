import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { contrast, hexToRgb, TOOLBARS, type Rgb } from '../lib/view/contrast';
import { ICON_SIZES, iconFile } from './icon-sizes';
import { iconPixels, PUBLIC_DIR, renderIcon } from './icons';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

type Target = { browser: string; manifestVersion: 2 | 3 };
const TARGETS: Target[] = [
  { browser: 'chrome', manifestVersion: 3 },
  { browser: 'firefox', manifestVersion: 2 },
];

/** The icons wxt.config.ts declares for a target: `icons` and the toolbar action's `default_icon`. */
async function declaredIcons({ browser, manifestVersion }: Target): Promise<Array<[string, string]>> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function')
    throw new Error('wxt.config.ts: expected `manifest` to be a function of the target');
  const m = (await manifest({ browser, manifestVersion, mode: 'production', command: 'build' })) as {
    icons?: Record<string, string>;
    action?: { default_icon?: Record<string, string> };
    browser_action?: { default_icon?: Record<string, string> };
  };
  const action = manifestVersion === 2 ? m.browser_action : m.action;
  return [...Object.entries(m.icons ?? {}), ...Object.entries(action?.default_icon ?? {})];
}

describe.each(TARGETS)('the $browser manifest (MV$manifestVersion)', (target) => {
  it('declares icons at 16, 32, 48 and 128 px for the browser and the toolbar', async () => {
    const declared = await declaredIcons(target);
    expect(new Set(declared.map(([size]) => Number(size)))).toEqual(new Set(ICON_SIZES));
    expect(declared).toHaveLength(ICON_SIZES.length * 2);
  });

  it('names PNGs that exist in public/ with the size declared', async () => {
    for (const [size, path] of await declaredIcons(target)) {
      const file = join(PUBLIC_DIR, path);
      expect(existsSync(file), `${path} is missing: run npm run icons`).toBe(true);
      expect(pngSize(readFileSync(file))).toEqual({ width: Number(size), height: Number(size) });
    }
  });
});

it.each(ICON_SIZES)(
  'public/icon/%i.png is rendered from assets/icon.svg as it is now (else run npm run icons)',
  (size) => {
    expect(readFileSync(join(PUBLIC_DIR, iconFile(size))).equals(renderIcon(size))).toBe(true);
  },
);

describe('the 16 px toolbar icon reads on light and dark toolbars', () => {
  const px = iconPixels(16);
  /** Each pixel as the toolbar shows it: the icon drawn over the toolbar colour. */
  const over = (bg: Rgb): Rgb[] => {
    const out: Rgb[] = [];
    for (let i = 0; i < px.length; i += 4) {
      const a = px[i + 3]! / 255;
      out.push([0, 1, 2].map((c) => Math.round(px[i + c]! * a + bg[c]! * (1 - a))) as unknown as Rgb);
    }
    return out;
  };

  // A shape of at least a quarter of the icon stands out at 3:1 (WCAG 1.4.11, graphical objects) on every
  // toolbar: the blue tile on light ones, the white tag on dark ones.
  it.each(Object.entries(TOOLBARS))('on the %s toolbar (%s)', (_, hex) => {
    const bg = hexToRgb(hex);
    const standingOut = over(bg).filter((p) => contrast(p, bg) >= 3).length;
    expect(standingOut / 256).toBeGreaterThanOrEqual(0.25);
  });

  it('its figure stands out from its tile at 3:1 whatever the toolbar', () => {
    // The tag is read against the tile, so this holds on any toolbar, themed or not.
    const opaque = over([0, 0, 0]).filter((_, i) => px[i * 4 + 3] === 255);
    const tile = over([0, 0, 0])[1 * 16 + 8]!; // top edge, middle: the tile
    const figure = opaque.filter((p) => contrast(p, tile) >= 3).length;
    expect(figure).toBeGreaterThanOrEqual(40);
    expect(opaque.length - figure).toBeGreaterThanOrEqual(40);
  });
});
