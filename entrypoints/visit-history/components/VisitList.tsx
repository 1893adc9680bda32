import type { HistoryRow } from '@/lib/history/rows';
import { clock } from '@/lib/words';
import type { HistoryActions, HistoryModel } from '../state';
import './VisitList.css';

/** `2026-12-02 14:05`: a visit's start, its day first (the list spans days). */
export function startWords(row: Pick<HistoryRow, 'day' | 'startedAt'>): string {
  return `${row.day} ${clock(row.startedAt).slice(0, 5)}`;
}

function Funnels({ row }: { row: HistoryRow }) {
  if (!row.funnels) return <span class="muted">Reading…</span>;
  if (row.funnels.length === 0) return <span class="muted">No funnel step reached</span>;
  return (
    <ul class="row-funnels">
      {row.funnels.map((f) => (
        <li key={f.id} class={f.untracked > 0 ? 'bad' : undefined} data-testid="row-funnel">
          {f.text}
        </li>
      ))}
    </ul>
  );
}

/** Past visits, newest first, with the filter above and Compare below. */
export function VisitList({ model, actions }: { model: HistoryModel; actions: HistoryActions }) {
  const { query, rows, limit, selected } = model;
  const shown = rows.slice(0, limit);
  return (
    <section class="visit-list" aria-label="Past visits">
      <div class="history-filter">
        <label>
          Site{' '}
          <input
            type="search"
            data-testid="history-site"
            placeholder="shop.example"
            value={query.site ?? ''}
            onInput={(e) => actions.setQuery({ ...query, site: e.currentTarget.value })}
          />
        </label>
        <label>
          From{' '}
          <input
            type="date"
            data-testid="history-from"
            value={query.from ?? ''}
            onInput={(e) => actions.setQuery({ ...query, from: e.currentTarget.value })}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            data-testid="history-to"
            value={query.to ?? ''}
            onInput={(e) => actions.setQuery({ ...query, to: e.currentTarget.value })}
          />
        </label>
        {(query.site || query.from || query.to) && (
          <button type="button" data-testid="history-clear" onClick={() => actions.setQuery({})}>
            Show all
          </button>
        )}
        <button type="button" onClick={actions.refresh} title="Read the visits again, with those made since">
          Refresh
        </button>
      </div>
      <div class="compare-bar">
        <button
          type="button"
          data-testid="history-compare"
          disabled={model.compareBlock !== undefined}
          onClick={actions.compare}
        >
          Compare selected
        </button>{' '}
        <span class="muted small" data-testid="compare-hint">
          {model.compareBlock ?? 'Compare the earlier visit with the later one, step by step and tag by tag.'}
        </span>
      </div>
      {model.loading && <p class="muted">Loading…</p>}
      {!model.loading && !model.any && (
        <p class="muted" data-testid="history-empty">
          No visits recorded yet. Browse a site with Tagwatch installed: each visit is kept here for 7 days.
        </p>
      )}
      {model.any && rows.length === 0 && (
        <p class="muted" data-testid="history-empty">
          No visit matches this site and these dates.
        </p>
      )}
      {shown.length > 0 && (
        <table data-testid="history-table">
          <thead>
            <tr>
              <th>
                <span class="visually-hidden">Select</span>
              </th>
              <th>Site</th>
              <th>Started</th>
              <th>Duration</th>
              <th>Pages</th>
              <th>Funnels</th>
              <th>
                <span class="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} data-testid="history-row" data-visit={row.id}>
                <td>
                  <input
                    type="checkbox"
                    data-testid="history-select"
                    aria-label={`Select the visit of ${row.host} on ${startWords(row)}`}
                    checked={selected.includes(row.id)}
                    onChange={() => actions.toggle(row.id)}
                  />
                </td>
                <td>
                  <span class="row-host" data-testid="row-host">
                    {row.host}
                  </span>
                  {row.title && <span class="muted small row-title">{row.title}</span>}
                </td>
                <td data-testid="row-start">
                  <time dateTime={new Date(row.startedAt).toISOString()}>{startWords(row)}</time>
                </td>
                <td>{row.duration}</td>
                <td>
                  {row.pages}
                  {row.tabs > 1 && <span class="muted small"> in {row.tabs} tabs</span>}
                </td>
                <td>
                  <Funnels row={row} />
                </td>
                <td>
                  <button type="button" data-testid="history-open" onClick={() => actions.open(row.id)}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > shown.length && (
        <button type="button" class="show-more" onClick={actions.showMore}>
          Show more ({rows.length - shown.length} older)
        </button>
      )}
    </section>
  );
}
