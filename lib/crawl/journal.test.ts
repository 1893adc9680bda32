import { describe, expect, it } from 'vitest';
import { journalLinks, journalMismatch, readJournal, settledUrls, type JournalEntry } from './journal';
import type { AuditReport } from '../audit/report';

const report = { version: 1, page: { url: 'https://s.example/' } } as unknown as AuditReport;
const header: JournalEntry = { kind: 'crawl', version: 1, seeds: ['https://s.example/'], crawl: true, maxPages: 50 };
const lines = (entries: JournalEntry[]) => entries.map((e) => JSON.stringify(e)).join('\n');

describe('readJournal', () => {
  it('knows what was done, what failed, what was skipped and where the links lead', () => {
    const journal = readJournal(
      `${lines([
        header,
        { kind: 'page', url: 'https://s.example/', report, links: ['https://s.example/a', 'https://s.example/b'] },
        { kind: 'failed', url: 'https://s.example/a', error: 'HTTP 500', links: [] },
        { kind: 'skipped', url: 'https://s.example/c.pdf', reason: 'not_html' },
        { kind: 'followed', url: 'https://s.example/d', links: ['https://s.example/e'] },
      ])}\n`,
    );
    // The failed page is not settled: a resumed crawl tries it again.
    expect([...settledUrls(journal)].sort()).toEqual([
      'https://s.example/',
      'https://s.example/c.pdf',
      'https://s.example/d',
    ]);
    expect(journalLinks(journal)).toEqual(['https://s.example/a', 'https://s.example/b', 'https://s.example/e']);
    expect(journal.finished).toBe(false);
  });

  it('survives a last line cut short by a kill, and counts it', () => {
    const text = `${lines([header, { kind: 'page', url: 'https://s.example/', report, links: [] }])}\n{"kind":"page","url":"https://s.ex`;
    const journal = readJournal(text);
    expect(journal.pages.size).toBe(1);
    expect(journal.unreadable).toBe(1);
  });

  it('a page audited after failing counts as audited', () => {
    const journal = readJournal(
      lines([
        { kind: 'failed', url: 'https://s.example/', error: 'timeout', links: [] },
        { kind: 'page', url: 'https://s.example/', report, links: [] },
      ]),
    );
    expect([journal.pages.size, journal.failed.size]).toEqual([1, 0]);
  });

  it('refuses the state of another audit, saying what to do', () => {
    const journal = readJournal(lines([header]));
    expect(journalMismatch(journal, { ...header, seeds: ['https://other.example/'] }, 'state')).toMatch(
      /state is of another audit .* Give another --state folder/,
    );
    expect(journalMismatch(journal, header, 'state')).toBeUndefined();
  });
});
