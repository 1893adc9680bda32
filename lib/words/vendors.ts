import { isVendorId, VENDORS, type VendorId } from '../tags/vendors';

/** What a marketer calls the vendor: `Meta Pixel`, `Google Analytics 4`. Unknown slugs are shown as they are. */
export function vendorName(vendor: string): string {
  return isVendorId(vendor) ? VENDORS[vendor].name : vendor;
}

/** The names marketers use in conversation, where shorter than the registry's: `GA4`, `Microsoft Ads`. */
const SHORT_NAMES: Partial<Record<VendorId, string>> = {
  ga4: 'GA4',
  'universal-analytics': 'Universal Analytics',
  gtm: 'GTM',
  'microsoft-uet': 'Microsoft Ads',
  floodlight: 'Floodlight',
  linkedin: 'LinkedIn',
  x: 'X Pixel',
};

export function vendorShortName(vendor: string): string {
  return (isVendorId(vendor) && SHORT_NAMES[vendor]) || vendorName(vendor);
}

/** Who a request was meant for, as a person would say it ("the request never reached Google"): the registry's owner. */
export function vendorOwner(vendor: string): string {
  return isVendorId(vendor) ? VENDORS[vendor].owner : vendor;
}
