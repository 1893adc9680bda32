// The IAB TCF v2 TC string (IAB Tech Lab, "Transparency and Consent String with Global Vendor & CMP List Formats"
// v2.x, section "TC String Format"): base64url segments joined by '.', the first one the core string. Only the
// core string is read: it carries the purposes, legitimate interests, vendor consents and publisher restrictions
// that tell whether a vendor may fire. Disclosed-vendor and publisher-purpose segments say nothing more about that.

export interface PublisherRestriction {
  purpose: number;
  /** 0 not allowed · 1 consent required · 2 legitimate interest required (the spec's RestrictionType). */
  type: 0 | 1 | 2;
  vendors: number[];
}

export interface TcString {
  version: 2;
  /** Deciseconds since 1970, as encoded, turned into ms. */
  created: number;
  lastUpdated: number;
  cmpId: number;
  cmpVersion: number;
  consentScreen: number;
  consentLanguage: string;
  vendorListVersion: number;
  tcfPolicyVersion: number;
  isServiceSpecific: boolean;
  useNonStandardTexts: boolean;
  specialFeatureOptIns: number[];
  /** Purposes the visitor consented to (ids 1–24). */
  purposeConsents: number[];
  /** Purposes whose legitimate interest was disclosed and not objected to. */
  purposeLegitimateInterests: number[];
  purposeOneTreatment: boolean;
  publisherCC: string;
  vendorConsents: number[];
  vendorLegitimateInterests: number[];
  publisherRestrictions: PublisherRestriction[];
}

export type TcDecode = { ok: true; tc: TcString } | { ok: false; error: string };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A TC string far longer than any CMP writes: not worth reading. */
const MAX_CHARS = 16_384;

class Bits {
  private pos = 0;
  constructor(private readonly bits: Uint8Array) {}
  /** An unsigned integer of `n` bits (n ≤ 36: JavaScript numbers hold it exactly). */
  int(n: number): number {
    if (this.pos + n > this.bits.length)
      throw new RangeError(
        `the string ends at bit ${this.bits.length}, ${n} more bits were expected at bit ${this.pos}`,
      );
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 2 + this.bits[this.pos++]!;
    return v;
  }
  bool(): boolean {
    return this.int(1) === 1;
  }
  /** The ids (1-based) whose bit is set in an `n`-bit field. */
  field(n: number): number[] {
    const out: number[] = [];
    for (let i = 1; i <= n; i++) if (this.bool()) out.push(i);
    return out;
  }
  /** The bits after the last field: none but the zeros that pad the segment to whole characters or bytes. */
  rest(): number[] {
    return Array.from(this.bits.subarray(this.pos));
  }
  letters(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(65 + this.int(6));
    return s;
  }
}

function toBits(segment: string): Uint8Array {
  const bits = new Uint8Array(segment.length * 6);
  for (let i = 0; i < segment.length; i++) {
    const v = B64.indexOf(segment[i]!);
    if (v < 0) throw new RangeError(`"${segment[i]}" at character ${i + 1} is not base64url`);
    for (let b = 0; b < 6; b++) bits[i * 6 + b] = (v >> (5 - b)) & 1;
  }
  return bits;
}

/** `{ start, end }` entries: the spec's range encoding, shared by vendor sections and publisher restrictions. */
function ranges(r: Bits): number[] {
  const out: number[] = [];
  const entries = r.int(12);
  for (let e = 0; e < entries; e++) {
    const isRange = r.bool();
    const start = r.int(16);
    const end = isRange ? r.int(16) : start;
    if (end < start || end - start > 65_535) throw new RangeError(`vendor range ${start}–${end} is reversed`);
    for (let id = start; id <= end; id++) out.push(id);
  }
  return out;
}

/** A vendor section: MaxVendorId, then a bit field of that length or a list of ranges. */
function vendors(r: Bits): number[] {
  const max = r.int(16);
  if (!r.bool()) return r.field(max);
  const ids = ranges(r);
  if (ids.some((id) => id > max)) throw new RangeError(`a vendor range goes past MaxVendorId ${max}`);
  return ids;
}

/**
 * Decode the core string of a TC string. Never throws: a string that is not a TCF v2 TC string, or that ends
 * before its own fields say it should, is an error that says why.
 */
export function decodeTcString(tcString: string): TcDecode {
  if (typeof tcString !== 'string' || tcString.length === 0) return { ok: false, error: 'empty TC string' };
  if (tcString.length > MAX_CHARS)
    return { ok: false, error: `TC string of ${tcString.length} characters is longer than any CMP writes` };
  const core = tcString.split('.')[0]!;
  try {
    const r = new Bits(toBits(core));
    const version = r.int(6);
    if (version !== 2)
      return { ok: false, error: `TC string version ${version}: only TCF v2 strings are read (v1 is retired)` };
    const tc: TcString = {
      version: 2,
      created: r.int(36) * 100,
      lastUpdated: r.int(36) * 100,
      cmpId: r.int(12),
      cmpVersion: r.int(12),
      consentScreen: r.int(6),
      consentLanguage: r.letters(2),
      vendorListVersion: r.int(12),
      tcfPolicyVersion: r.int(6),
      isServiceSpecific: r.bool(),
      useNonStandardTexts: r.bool(),
      specialFeatureOptIns: r.field(12),
      purposeConsents: r.field(24),
      purposeLegitimateInterests: r.field(24),
      purposeOneTreatment: r.bool(),
      publisherCC: r.letters(2),
      vendorConsents: vendors(r),
      vendorLegitimateInterests: vendors(r),
      publisherRestrictions: [],
    };
    const restrictions = r.int(12);
    for (let i = 0; i < restrictions; i++) {
      const purpose = r.int(6);
      const type = r.int(2);
      if (type > 2) throw new RangeError(`publisher restriction type ${type} is undefined`);
      tc.publisherRestrictions.push({ purpose, type: type as 0 | 1 | 2, vendors: ranges(r) });
    }
    // What an encoder leaves after the last field is padding: zeros up to whole bytes, or up to whole groups of four
    // characters (the IAB's own encoder). More, or a one, means the fields were misread: better no answer than a wrong one.
    const rest = r.rest();
    if (rest.length >= 24 || rest.some((b) => b !== 0))
      throw new RangeError(`${rest.length} bits are left after the last field`);
    return { ok: true, tc };
  } catch (error) {
    return { ok: false, error: `not a valid TC string: ${(error as Error).message}` };
  }
}

/** TCF v2.2 purposes a vendor may rely on legitimate interest for (Policies, Appendix A): the rest need consent. */
export const LI_PURPOSES: ReadonlySet<number> = new Set([2, 7, 8, 9, 10, 11]);

/** The TCF v2.2 purposes by name, for messages (IAB Europe, Appendix A of the Policies). */
export const TCF_PURPOSE_NAMES: Readonly<Record<number, string>> = {
  1: 'Store and/or access information on a device',
  2: 'Use limited data to select advertising',
  3: 'Create profiles for personalised advertising',
  4: 'Use profiles to select personalised advertising',
  5: 'Create profiles to personalise content',
  6: 'Use profiles to select personalised content',
  7: 'Measure advertising performance',
  8: 'Measure content performance',
  9: 'Understand audiences through statistics or combinations of data from different sources',
  10: 'Develop and improve services',
  11: 'Use limited data to select content',
};
