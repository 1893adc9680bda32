import { useRef, useState } from 'preact/hooks';
import type { ExportKind } from '@/lib/view/export';
import { CopyStatus, useCopyStatus } from './CopyStatus';
import './ExportBar.css';

interface ExportBarProps {
  onExport: (kind: ExportKind) => void;
  onCopy: () => Promise<void>;
  /**
   * False until the page's audit is ready: the buttons are drawn, disabled, from the start, so that nothing
   * below them moves when the audit arrives (a click aimed at a view's tab would land on an export).
   */
  ready: boolean;
}

const DOWNLOADS: ReadonlyArray<{ kind: ExportKind; testId: string; label: string; title: string }> = [
  {
    kind: 'json',
    testId: 'export-json',
    label: 'JSON',
    title: 'Download the full audit report (JSON, for tools and the audit command)',
  },
  {
    kind: 'csv-hits',
    testId: 'export-csv-hits',
    label: 'Hits CSV',
    title: 'Download every hit as a spreadsheet (CSV)',
  },
  {
    kind: 'csv-goals',
    testId: 'export-csv-goals',
    label: 'Goals CSV',
    title: 'Download each goal and its tags as a spreadsheet (CSV)',
  },
  {
    kind: 'markdown',
    testId: 'export-markdown',
    label: 'Markdown',
    title: 'Download a summary for a client document or a ticket (Markdown)',
  },
  {
    kind: 'har',
    testId: 'export-har',
    label: 'HAR',
    title: "Download this page's tag requests as HAR 1.2 (for a HAR viewer, DevTools, or npm run audit -- --har)",
  },
];

const WAIT = 'The report is being prepared: a moment';

/** The report's exports: a WAI-ARIA toolbar — one tab stop, arrow keys move between the buttons. */
export function ExportBar({ onExport, onCopy, ready }: ExportBarProps) {
  const bar = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const copy = useCopyStatus<'summary'>();

  const count = DOWNLOADS.length + 1;
  const onKeyDown = (e: KeyboardEvent) => {
    const to = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: count - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = (to + count) % count;
    setCurrent(next);
    bar.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };
  const copySummary = () => {
    setCurrent(count - 1);
    void copy.track('summary', onCopy());
  };

  return (
    <div class="exportbar">
      <span class="export-label" id="export-label">
        Export
      </span>
      <div class="export-buttons" role="toolbar" aria-labelledby="export-label" ref={bar} onKeyDown={onKeyDown}>
        {DOWNLOADS.map((d, i) => (
          <button
            type="button"
            key={d.kind}
            data-testid={d.testId}
            title={ready ? d.title : WAIT}
            disabled={!ready}
            tabIndex={i === current ? 0 : -1}
            onClick={() => {
              setCurrent(i);
              onExport(d.kind);
            }}
          >
            {d.label}
          </button>
        ))}
        <button
          type="button"
          data-testid="copy-summary"
          title={ready ? 'Copy the summary (Markdown) to paste into an email, a chat or a ticket' : WAIT}
          disabled={!ready}
          tabIndex={current === count - 1 ? 0 : -1}
          onClick={copySummary}
        >
          {copy.copied ? 'Copied ✓' : 'Copy summary'}
        </button>
      </div>
      <CopyStatus state={copy.state} testId="copy-status" />
    </div>
  );
}
