import type { Finding } from '../audit/findings';
import type { AuditReport, ReportConsentAnswer } from '../audit/report';
import type { ConsentSource, GcmType } from '../consent/answers';
import { TCF_PURPOSE_NAMES } from '../consent/tc-string';
import { clockTime, offsetTime, vendorName } from './format';

// The Consent view: what the page said about consent, in order, and the cookies set during the visit, flagged
// where one was set before consent. Pure: built from the audit's report and findings.

export interface PurposeChip {
  type: GcmType;
  label: string;
  state: 'granted' | 'denied';
}

export interface ConsentRow {
  key: string;
  at: number;
  /** `+1.2 s` from the page's start. */
  when: string;
  clock: string;
  source: string;
  /** Default (the page's own setting) or the visitor's answer. */
  kind: 'Default' | 'Answer';
  purposes: PurposeChip[];
  /** Region, wait_for_update, what a TC string holds or why it could not be read. */
  notes: string[];
}

export interface CookieRow {
  key: string;
  name: string;
  domain: string;
  vendor?: string;
  purpose?: string;
  when: string;
  expires: string;
  /** Set before consent: the finding's severity. */
  flagged?: 'error' | 'warning';
}

export interface ConsentViewModel {
  timeline: ConsentRow[];
  cookies: CookieRow[];
  /** Cookies a well-known vendor sets for tracking. */
  trackingCookies: number;
  /** Consent findings (before_consent, cookie_before_consent) that are errors. */
  errors: number;
}

const SOURCE_LABELS: Record<ConsentSource, string> = {
  gcm_default: 'Consent Mode',
  gcm_update: 'Consent Mode',
  tcf: 'IAB TCF',
  onetrust: 'OneTrust',
  cookiebot: 'Cookiebot',
  usercentrics: 'Usercentrics',
  didomi: 'Didomi',
};

const TYPE_LABELS: Record<GcmType, string> = {
  ad_storage: 'ads',
  analytics_storage: 'analytics',
  ad_user_data: 'ad user data',
  ad_personalization: 'ad personalisation',
  functionality_storage: 'functional',
  personalization_storage: 'personalisation',
  security_storage: 'security',
};

function list(ids: readonly number[]): string {
  return ids.length === 0 ? 'none' : ids.join(', ');
}

function notes(a: ReportConsentAnswer): string[] {
  const out: string[] = [];
  if (a.region) out.push(`for visitors in ${a.region.join(', ')}`);
  if (a.waitForUpdateMs !== undefined) out.push(`Google tags wait ${a.waitForUpdateMs} ms for an update`);
  if (a.tcf) {
    if (a.tcf.error) out.push(`TC string not readable: ${a.tcf.error}`);
    else if (!a.tcf.gdprApplies) out.push('the CMP says the GDPR does not apply');
    else if (a.kind === 'default') out.push('banner shown, no answer stored yet');
    else {
      out.push(
        `purposes consented: ${list(a.tcf.purposeConsents)}${a.tcf.purposeLegitimateInterests.length ? `; legitimate interest: ${list(a.tcf.purposeLegitimateInterests)}` : ''}`,
      );
      out.push(
        `${a.tcf.vendorConsents.length} vendors consented${a.tcf.cmpId !== undefined ? ` (CMP ${a.tcf.cmpId})` : ''}`,
      );
    }
  }
  return out;
}

function expiry(expires: number | undefined, firstSet: number): string {
  if (expires === undefined) return 'session';
  const days = Math.round((expires - firstSet) / 86_400_000);
  return days >= 1
    ? `${days} ${days === 1 ? 'day' : 'days'}`
    : `${Math.max(1, Math.round((expires - firstSet) / 60_000))} min`;
}

export function consentView(report: AuditReport, findings: readonly Finding[], pageStart: number): ConsentViewModel {
  const timeline = (report.consent?.timeline ?? []).map(
    (a, i): ConsentRow => ({
      key: `${a.at}-${i}`,
      at: a.at,
      when: offsetTime(a.at, pageStart),
      clock: clockTime(a.at),
      source: SOURCE_LABELS[a.source],
      kind: a.kind === 'default' ? 'Default' : 'Answer',
      purposes: (Object.entries(a.purposes) as Array<[GcmType, 'granted' | 'denied']>).map(([type, state]) => ({
        type,
        label: TYPE_LABELS[type],
        state,
      })),
      notes: notes(a),
    }),
  );
  const flagged = new Map<string, 'error' | 'warning'>();
  for (const f of findings) {
    if (f.kind !== 'cookie_before_consent') continue;
    const key = `${f.domain}\u0000${f.cookie}`;
    if (flagged.get(key) !== 'error') flagged.set(key, f.severity);
  }
  const cookies = (report.consent?.cookies ?? []).map((c): CookieRow => {
    const row: CookieRow = {
      key: `${c.domain}|${c.name}`,
      name: c.name,
      domain: c.domain,
      when: offsetTime(c.firstSet, pageStart),
      expires: expiry(c.expires, c.firstSet),
    };
    if (c.vendor) row.vendor = vendorName(c.vendor);
    if (c.purpose) row.purpose = TYPE_LABELS[c.purpose];
    const f = flagged.get(`${c.domain}\u0000${c.name}`);
    if (f) row.flagged = f;
    return row;
  });
  return {
    timeline,
    cookies,
    trackingCookies: cookies.filter((c) => c.vendor).length,
    errors: findings.filter(
      (f) => (f.kind === 'before_consent' || f.kind === 'cookie_before_consent') && f.severity === 'error',
    ).length,
  };
}

/** A TCF purpose by number and name, for tooltips. */
export function tcfPurposeLabel(id: number): string {
  return `${id}. ${TCF_PURPOSE_NAMES[id] ?? 'unknown purpose'}`;
}
