// The icon sizes the manifest declares (toolbar 16/32, extensions page 48, stores and install dialog 128) and
// where their PNGs live. Plain data: read by wxt.config.ts, scripts/icons.ts and its test.

export const ICON_SIZES = [16, 32, 48, 128] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/** The one source every PNG is rendered from. */
export const ICON_SOURCE = 'assets/icon.svg';

/** The PNG of one size, relative to public/ (and so to the built extension's root). */
export const iconFile = (size: IconSize): string => `icon/${size}.png`;

/** `{ "16": "icon/16.png", … }`: the manifest's `icons` and `action.default_icon`. */
export function manifestIcons(): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), iconFile(size)]));
}
