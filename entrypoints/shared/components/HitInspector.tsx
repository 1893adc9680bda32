import { useMemo, useState } from 'preact/hooks';
import type { StoredHit } from '@/lib/store';
import { comparable, compareHits } from '@/lib/view/compare';
import { copyHit, type CopyFormat } from '@/lib/view/copy-hit';
import {
  BODY_STATE_LABELS,
  clockTime,
  offsetTime,
  requestTypeLabel,
  STATUS_LABELS,
  statusDetail,
  vendorName,
} from '@/lib/view/format';
import type { HitGoal } from '@/lib/view/hit-goals';
import { groupParams, type ParamGroup } from '@/lib/view/param-groups';
import { CopyStatus, useCopyStatus } from './CopyStatus';
import './HitInspector.css';

// One hit, opened: what a developer needs to debug it — its parameters grouped as they read them, the request
// as sent, its timing, the goal it counted for; copied out in three forms; compared with another of its kind.
// The same component opens a row in the popup and the side panel and fills the DevTools panel's detail pane.

export interface HitInspectorProps {
  hit: StoredHit;
  /** When its page began; absent: the time of day only. */
  pageStart?: number;
  /** The goals it counted for; `unknown` while its page's audit is being made; absent: not said here. */
  goals?: HitGoal[] | 'unknown';
  /** Put text on the clipboard; absent: no copy buttons. */
  onCopy?: (text: string) => Promise<void>;
  /** The hits it can be compared with (the DevTools panel): the timeline's, any order. */
  others?: readonly StoredHit[];
  /** An id for the region (the timeline's rows point at it). */
  id?: string;
}

const COPY_LABELS: Record<CopyFormat, { label: string; title: string }> = {
  json: { label: 'Copy as JSON', title: 'The hit as JSON: its parameters, status and request, for a ticket or a test' },
  curl: { label: 'Copy as cURL', title: 'A curl command that sends the same request again (method, URL, body)' },
  url: { label: 'Copy URL', title: 'The URL as it was requested' },
};

export function HitInspector({ hit, pageStart, goals, onCopy, others, id }: HitInspectorProps) {
  const grouped = useMemo(() => groupParams(hit.params), [hit.params]);
  const copy = useCopyStatus<CopyFormat>();
  const doCopy = (format: CopyFormat) => onCopy && copy.track(format, onCopy(copyHit(hit, format)));

  return (
    <div class="details inspector" id={id} data-testid="hit-details" data-hit-id={hit.id}>
      <dl class="facts">
        <dt>Status</dt>
        <dd>{statusDetail(hit)}</dd>
        <dt>Timing</dt>
        <dd data-testid="hit-timing">{timing(hit, pageStart)}</dd>
        {goals !== undefined && (
          <>
            <dt>Goal</dt>
            <dd data-testid="hit-goals">
              <GoalsLine goals={goals} />
            </dd>
          </>
        )}
        <dt>Method</dt>
        <dd>
          {hit.method} · {requestTypeLabel(hit.type)}
        </dd>
        <dt>Body</dt>
        <dd>{BODY_STATE_LABELS[hit.bodyState]}</dd>
        {hit.partial && (
          <>
            <dt>Partial</dt>
            <dd>{hit.partial}</dd>
          </>
        )}
      </dl>
      {onCopy && (
        <div class="copy-bar" role="group" aria-label="Copy this hit">
          {(Object.keys(COPY_LABELS) as CopyFormat[]).map((format) => (
            <button
              type="button"
              key={format}
              data-testid={`copy-${format}`}
              title={COPY_LABELS[format].title}
              onClick={() => void doCopy(format)}
            >
              {copy.copied === format ? 'Copied ✓' : COPY_LABELS[format].label}
            </button>
          ))}
          <CopyStatus state={copy.state} testId="copy-hit-status" />
        </div>
      )}
      {grouped.groups.length === 0 && !grouped.items ? (
        <p class="muted">No parameters decoded.</p>
      ) : (
        <>
          {grouped.groups.map((g) => (
            <ParamTable key={g.id} group={g} />
          ))}
          {grouped.items && (
            <div class="items-wrap">
              <table class="items" data-testid="items-table">
                <caption>Items ({grouped.items.rows.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    {grouped.items.columns.map((c) => (
                      <th scope="col" key={c}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {grouped.items.rows.map((row) => (
                    <tr key={row.index}>
                      <th scope="row">{row.index + 1}</th>
                      {grouped.items!.columns.map((c) => (
                        <td key={c}>{row.values[c] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {hit.body !== undefined && hit.body !== '' && (
        <>
          <p class="raw-label">Raw body</p>
          {/* Focusable so the keyboard can scroll it. */}
          <pre class="raw" data-testid="raw-body">
            {hit.body}
          </pre>
        </>
      )}
      <p class="raw-label">URL</p>
      <p class="url raw-url" data-testid="raw-url">
        {hit.url}
      </p>
      {others && <Compare hit={hit} others={others} />}
    </div>
  );
}

function ParamTable({ group }: { group: ParamGroup }) {
  return (
    <table class="params" data-group={group.id}>
      <caption>{group.title}</caption>
      <thead class="visually-hidden">
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {group.params.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GoalsLine({ goals }: { goals: HitGoal[] | 'unknown' }) {
  if (goals === 'unknown') return <span class="muted">not known yet (the page's goals are being checked)</span>;
  if (goals.length === 0) return <span class="muted">no goal of the plan counted this hit</span>;
  return (
    <ul class="hit-goals">
      {goals.map((g, i) => (
        <li key={i}>
          {g.status === 'sent' ? 'Counted for' : `The ${g.status} attempt at`} <strong>{g.goalName}</strong>{' '}
          <span class="muted">
            (fired {clockTime(g.firedAt).slice(0, 8)}; expected {g.expected})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** `12:00:01.234 (+1.234 s into the page) · answered after 45 ms`. */
export function timing(hit: Pick<StoredHit, 'at' | 'doneAt' | 'status'>, pageStart: number | undefined): string {
  const start =
    pageStart === undefined
      ? clockTime(hit.at)
      : `${clockTime(hit.at)} (${offsetTime(hit.at, pageStart)} into the page)`;
  if (hit.doneAt === undefined) return hit.status === 'pending' ? `${start} · no answer yet` : start;
  const ms = Math.max(0, Math.round(hit.doneAt - hit.at));
  return `${start} · ${hit.status === 'sent' || hit.status === 'failed' ? 'answered' : 'stopped'} after ${ms.toLocaleString('en-US')} ms`;
}

function Compare({ hit, others }: { hit: StoredHit; others: readonly StoredHit[] }) {
  const choices = useMemo(() => comparable(hit, others), [hit, others]);
  const [withId, setWithId] = useState<string>('');
  const other = choices.find((h) => h.id === withId);
  const rows = useMemo(() => (other ? compareHits(hit, other) : []), [hit, other]);
  if (choices.length === 0) return null;
  const what = `${vendorName(hit.vendor)} ${hit.event ?? '(no event name)'}`;
  return (
    <section class="compare" aria-label="Compare with another hit">
      <label class="compare-pick">
        <span>Compare with another {what} hit</span>
        <select data-testid="compare-select" value={withId} onChange={(e) => setWithId(e.currentTarget.value)}>
          <option value="">—</option>
          {choices.map((h) => (
            <option key={h.id} value={h.id}>
              {clockTime(h.at)} · {STATUS_LABELS[h.status]}
              {h.account ? ` · ${h.account}` : ''}
            </option>
          ))}
        </select>
      </label>
      {other && (
        <table class="compare-table" data-testid="compare-table">
          <caption>
            {rows.filter((r) => !r.same).length} of {rows.length} differ
          </caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">This hit ({clockTime(hit.at)})</th>
              <th scope="col">Other ({clockTime(other.at)})</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} class={r.same ? undefined : 'differs'} data-differs={r.same ? 'false' : 'true'}>
                <th scope="row">
                  {r.key}
                  {!r.same && <span class="visually-hidden"> (differs)</span>}
                </th>
                <td>{r.a ?? <span class="muted">absent</span>}</td>
                <td>{r.b ?? <span class="muted">absent</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A hit opened where there is no timeline around it (a goal's hit sent as the page unloaded). */
export function HitDetails({ hit }: { hit: StoredHit }) {
  return <HitInspector hit={hit} />;
}
