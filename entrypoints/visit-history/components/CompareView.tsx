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
        <table>
          <thead>
            <tr>
              <th>Funnel</th>
              <th>Step</th>
              <th>A</th>
              <th>B</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr
                key={`${s.funnelId}-${s.goal}`}
                class={`change-${s.change}`}
                data-testid="compare-step"
                data-change={s.change}
              >
                <td>{s.funnel}</td>
                <td>{s.name}</td>
                <td>{STEP_SHORT[s.a]}</td>
                <td>{STEP_SHORT[s.b]}</td>
                <td>{s.change === 'same' ? '—' : s.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Tag by tag</h3>
      <table>
        <thead>
          <tr>
            <th>Tag</th>
            <th>Event</th>
            <th>A</th>
            <th>B</th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((t) => (
            <tr
              key={`${t.vendor}-${t.event}`}
              class={`change-${t.change}`}
              data-testid="compare-tag"
              data-change={t.change}
            >
              <td>{t.name}</td>
              <td>{eventWords(t.event)}</td>
              <td>{tallyWords(t.a)}</td>
              <td>{tallyWords(t.b)}</td>
              <td>{t.change === 'same' ? '—' : t.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
