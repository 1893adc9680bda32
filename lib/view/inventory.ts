import type { StoredHit } from '../store/types';
import type { VendorId } from '../tags/vendors';
import { failureReason, vendorName } from './format';

export const LIBRARY_LOAD = 'library_load';

/** One row of the Tags view: what one vendor was told on this page. */
export interface VendorSummary {
  vendor: VendorId;
  name: string;
  /** Distinct account ids, in the order first seen. */
  accounts: string[];
  /** Hits other than library loads. */
  hits: number;
  /** Requests that loaded the vendor's script. */
  libraryLoads: number;
  /** The newest event other than a library load, and when it was sent. */
  lastEvent?: string;
  lastEventAt?: number;
  lastAt: number;
  firstAt: number;
  /** Counted over every request, library loads included: a blocked gtm.js is the first thing to know. */
  blocked: number;
  failed: number;
  pending: number;
  /** Distinct reasons of the failures (`HTTP 404`, `net::ERR_NAME_NOT_RESOLVED`), in the order first seen. */
  failureReasons: string[];
}

/** True when the vendor's script loaded but it has not sent anything (yet). */
export function onlyLibraryLoaded(summary: VendorSummary): boolean {
  return summary.hits === 0 && summary.libraryLoads > 0;
}

/** One summary per vendor, in the order the vendors first appeared on the page (rows do not jump as hits arrive). */
export function tagInventory(hits: readonly StoredHit[]): VendorSummary[] {
  const byVendor = new Map<VendorId, VendorSummary>();
  // Looked up by set, not by the lists' includes: a busy page names thousands of accounts or reasons, and the
  // DevTools panel takes this inventory again on every new hit.
  const accountsOf = new Map<VendorId, Set<string>>();
  const reasonsOf = new Map<VendorId, Set<string>>();
  for (const hit of hits) {
    let s = byVendor.get(hit.vendor);
    if (!s) {
      s = {
        vendor: hit.vendor,
        name: vendorName(hit.vendor),
        accounts: [],
        hits: 0,
        libraryLoads: 0,
        lastAt: hit.at,
        firstAt: hit.at,
        blocked: 0,
        failed: 0,
        pending: 0,
        failureReasons: [],
      };
      byVendor.set(hit.vendor, s);
      accountsOf.set(hit.vendor, new Set());
      reasonsOf.set(hit.vendor, new Set());
    }
    const accounts = accountsOf.get(hit.vendor)!;
    if (hit.account && !accounts.has(hit.account)) {
      accounts.add(hit.account);
      s.accounts.push(hit.account);
    }
    if (hit.event === LIBRARY_LOAD) {
      s.libraryLoads++;
    } else {
      s.hits++;
      if (hit.event && (s.lastEventAt === undefined || hit.at >= s.lastEventAt)) {
        s.lastEvent = hit.event;
        s.lastEventAt = hit.at;
      }
    }
    s.lastAt = Math.max(s.lastAt, hit.at);
    s.firstAt = Math.min(s.firstAt, hit.at);
    if (hit.status === 'blocked') s.blocked++;
    else if (hit.status === 'pending') s.pending++;
    else if (hit.status === 'failed') {
      s.failed++;
      const reason = failureReason(hit);
      const reasons = reasonsOf.get(hit.vendor)!;
      if (reason && !reasons.has(reason)) {
        reasons.add(reason);
        s.failureReasons.push(reason);
      }
    }
  }
  return [...byVendor.values()].sort((a, b) => a.firstAt - b.firstAt || a.name.localeCompare(b.name));
}

/** The header's figures. */
export interface PageCounts {
  hits: number;
  vendors: number;
  blocked: number;
  failed: number;
}

export function pageCounts(inventory: readonly VendorSummary[]): PageCounts {
  const counts: PageCounts = { hits: 0, vendors: inventory.length, blocked: 0, failed: 0 };
  for (const s of inventory) {
    counts.hits += s.hits + s.libraryLoads;
    counts.blocked += s.blocked;
    counts.failed += s.failed;
  }
  return counts;
}
