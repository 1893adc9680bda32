import { useState } from 'preact/hooks';
import type { VisitComparison } from '@/lib/history/compare';
import { eventWords, tallyWords } from '@/lib/history/tags';
import { calendarDay, clock, STEP_SHORT } from '@/lib/words';
import type { Loaded } from '../state';
import { ErrorNote } from './ErrorNote';
import './CompareView.css';

const when = (at: number) => `${calendarDay(at)} ${clock(at)}`;

/** Two visits of a site, the earlier as A: each funnel step and each tag side by side, what changed marked. */
export function CompareView({ loaded }: { loaded: Loaded<VisitComparison> | undefined }) {
  const [onlyChanges, setOnlyChanges] = useState(false);
  if (!loaded || loaded.state === 'loading') return <p class="muted">Loading the two visits…</p>;
  if (loaded.state === 'error') return <ErrorNote message={loaded.message} />;
  const c = loaded.data;
  const steps = onlyChanges ? c.steps.filter((s) => s.change !== 'same') : c.steps;
  const tags = onlyChanges ? c.tags.filter((t) => t.change !== 'same') : c.tags;
  const changed = c.steps.filter((s) => s.change !== 'same').length + c.tags.filter((t) => t.change !== 'same').length;
  return (
    <section class="visit-compare" data-testid="visit-compare" aria-label="Two visits compared">
      <h2>
        {c.a.host && `${c.a.host} — `}A: <span data-testid="compare-a">{when(c.a.startedAt)}</span> · B:{' '}
        <span data-testid="compare-b">{when(c.b.startedAt)}</span>
      </h2>
      <p class="muted small">
        {changed === 0 ? 'The two visits agree on every step and tag.' : `${changed} changed between A and B.`}{' '}
        <label>
          <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.currentTarget.checked)} /> Show
          only what changed
        </label>
      </p>
      <h3>Step by step</h3>
      {c.steps.length === 0 ? (
        <p class="muted">Neither visit reached a step of a funnel of the plans.</p>
      ) : (
        <DiffTable
          heads={['Funnel', 'Step']}
          testId="compare-step"
          rows={steps.map((s) => ({
            key: `${s.funnelId}-${s.goal}`,
            change: s.change,
            cells: [s.funnel, s.name, STEP_SHORT[s.a], STEP_SHORT[s.b], s.change === 'same' ? '—' : s.text],
          }))}
        />
      )}
      <h3>Tag by tag</h3>
      <DiffTable
        heads={['Tag', 'Event']}
        testId="compare-tag"
        rows={tags.map((t) => ({
          key: `${t.vendor}-${t.event}`,
          change: t.change,
          cells: [t.name, eventWords(t.event), tallyWords(t.a), tallyWords(t.b), t.change === 'same' ? '—' : t.change],
        }))}
      />
    </section>
  );
}

interface DiffRow {
  key: string;
  change: string;
  /** What is compared (two cells), then A, B and the change. */
  cells: [string, string, string, string, string];
}

/** One comparison table: what is compared, its value in A and in B, and the change, each row marked by its change. */
function DiffTable({ heads, testId, rows }: { heads: [string, string]; testId: string; rows: DiffRow[] }) {
  return (
    <table>
      <thead>
        <tr>
          {[...heads, 'A', 'B', 'Change'].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} class={`change-${r.change}`} data-testid={testId} data-change={r.change}>
            {r.cells.map((cell, i) => (
              // Fixed columns: a cell's place is its identity.
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
