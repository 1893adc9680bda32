import type { AuditReport } from '../audit/report';
import type { SkipReason } from '../audit/site';

// A crawl's journal (`--state DIR`): one JSON line per page as it finishes, appended at once, so a crawl
// stopped at any moment — Ctrl-C, a crash, a CI timeout — resumes where it was: pages done are not visited
// again, and the links they led to are the frontier. Pure: reading and planning; the command appends.

export type JournalEntry =
  | { kind: 'crawl'; version: 1; seeds: string[]; crawl: boolean; shard?: string; maxPages: number }
  | { kind: 'page'; url: string; report: AuditReport; links: string[] }
  | { kind: 'failed'; url: string; error: string; links: string[] }
  | { kind: 'skipped'; url: string; reason: SkipReason }
  /** A page another shard audits, read only for its links. */
  | { kind: 'followed'; url: string; links: string[] }
  | { kind: 'finished'; at: number };

export interface Journal {
  header?: Extract<JournalEntry, { kind: 'crawl' }>;
  pages: Map<string, Extract<JournalEntry, { kind: 'page' }>>;
  failed: Map<string, Extract<JournalEntry, { kind: 'failed' }>>;
  skipped: Map<string, SkipReason>;
  followed: Map<string, string[]>;
  finished: boolean;
  /** Lines that could not be read: a line cut short when the process was killed mid-write. */
  unreadable: number;
}

export function readJournal(text: string): Journal {
  const journal: Journal = {
    pages: new Map(),
    failed: new Map(),
    skipped: new Map(),
    followed: new Map(),
    finished: false,
    unreadable: 0,
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      journal.unreadable++;
      continue;
    }
    switch (entry.kind) {
      case 'crawl':
        journal.header = entry;
        break;
      case 'page':
        journal.pages.set(entry.url, entry);
        journal.failed.delete(entry.url);
        break;
      case 'failed':
        journal.failed.set(entry.url, entry);
        break;
      case 'skipped':
        journal.skipped.set(entry.url, entry.reason);
        break;
      case 'followed':
        journal.followed.set(entry.url, entry.links);
        break;
      case 'finished':
        journal.finished = true;
        break;
    }
  }
  return journal;
}

/** Every URL the journal has settled: audited, skipped or followed. Not visited again on resume (failed pages are). */
export function settledUrls(journal: Journal): Set<string> {
  return new Set([...journal.pages.keys(), ...journal.skipped.keys(), ...journal.followed.keys()]);
}

/** Links found on settled pages, in the order found: what a resumed crawl must still consider. */
export function journalLinks(journal: Journal): string[] {
  return [
    ...[...journal.pages.values()].flatMap((p) => p.links),
    ...[...journal.failed.values()].flatMap((p) => p.links),
    ...[...journal.followed.values()].flat(),
  ];
}

/** Does a journal belong to this crawl? A message saying why not, or undefined. */
export function journalMismatch(
  journal: Journal,
  header: Extract<JournalEntry, { kind: 'crawl' }>,
  dir: string,
): string | undefined {
  const was = journal.header;
  if (!was) return undefined;
  const same =
    JSON.stringify(was.seeds) === JSON.stringify(header.seeds) &&
    was.crawl === header.crawl &&
    was.shard === header.shard;
  return same
    ? undefined
    : `The crawl state in ${dir} is of another audit (${was.seeds.join(' ')}${was.shard ? ` --shard ${was.shard}` : ''}). ` +
        'Give another --state folder, or delete this one to start over.';
}
