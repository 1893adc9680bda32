// WCAG 2 contrast between two colours: what the badge and the icon are checked with against both toolbar
// themes. https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio

/** Toolbar colours the badge and the icon sit on, by browser and theme (Chromium's GM3 and older, Firefox's Proton). */
export const TOOLBARS = {
  'Chrome light': '#ffffff',
  'Chrome dark': '#3c3c3c',
  'Chrome dark (before 2023)': '#35363a',
  'Firefox light': '#f9f9fb',
  'Firefox dark': '#2b2a33',
} as const satisfies Record<string, string>;

export type Rgb = readonly [number, number, number];

/** `#rrggbb` → [r, g, b] (0–255). */
export function hexToRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`expected a colour like #1864ab, got "${hex}"`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

const channel = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio, 1 (same) to 21 (black on white); order does not matter. */
export function contrast(a: Rgb | string, b: Rgb | string): number {
  const la = luminance(typeof a === 'string' ? hexToRgb(a) : a);
  const lb = luminance(typeof b === 'string' ? hexToRgb(b) : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
