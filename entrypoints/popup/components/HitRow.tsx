import type { StoredHit } from '@/lib/store';
import { BODY_STATE_LABELS, clockTime, offsetTime, requestTypeLabel, STATUS_LABELS, statusDetail, vendorName } from '@/lib/view/format';
import { pageSaidText, type PageSaid } from '@/lib/view/stream';
import { memoRow } from './memo';

interface RowProps<T> {
  item: T;
  pageStart: number;
  expanded: boolean;
  onToggle: (id: string) => void;
}

const detailsId = (id: string) => `details-${id}`;

function When({ at, pageStart }: { at: number; pageStart: number }) {
  return (
    <span class="when">
      <time dateTime={new Date(at).toISOString()}>{clockTime(at)}</time>
      <span class="offset">{offsetTime(at, pageStart)}</span>
    </span>
  );
}

/** A hit: one line to scan, the decoded request on Enter or click. */
export const HitRow = memoRow(
  function HitRow({ item: hit, pageStart, expanded, onToggle }: RowProps<StoredHit>) {
    return (
      <li class={`row hit ${hit.status}`} data-testid="hit-row" data-hit-id={hit.id} data-vendor={hit.vendor} data-event={hit.event ?? ''} data-status={hit.status}>
        <button type="button" class="row-summary" aria-expanded={expanded} aria-controls={detailsId(hit.id)} onClick={() => onToggle(hit.id)}>
          <span class={`badge ${hit.status}`} title={statusDetail(hit)}>
            {STATUS_LABELS[hit.status]}
          </span>
          <span class="what">
            <span class="line">
              <span class="vendor">{vendorName(hit.vendor)}</span> <span class="event">{hit.event ?? '(no event name)'}</span>
            </span>
            <span class="line sub">
              {hit.account && <span class="account">{hit.account}</span>}
              {hit.partial && (
                <span class="partial" title={`Only part of this hit could be read: ${hit.partial}`}>
                  partial: {hit.partial}
                </span>
              )}
            </span>
          </span>
          <When at={hit.at} pageStart={pageStart} />
        </button>
        {expanded && <HitDetails hit={hit} />}
      </li>
    );
  },
  (a, b) =>
    a.expanded === b.expanded && a.pageStart === b.pageStart && a.onToggle === b.onToggle &&
    a.item.id === b.item.id && a.item.status === b.item.status && a.item.statusCode === b.item.statusCode &&
    a.item.bodyState === b.item.bodyState && a.item.partial === b.item.partial && a.item.body === b.item.body,
);

export function HitDetails({ hit }: { hit: StoredHit }) {
  const params = Object.entries(hit.params);
  return (
    <div class="details" id={detailsId(hit.id)} data-testid="hit-details">
      <dl class="facts">
        <dt>Status</dt>
        <dd>{statusDetail(hit)}</dd>
        <dt>URL</dt>
        <dd class="url">{hit.url}</dd>
        <dt>Method</dt>
        <dd>{hit.method}</dd>
        <dt>Type</dt>
        <dd>{requestTypeLabel(hit.type)}</dd>
        <dt>Body</dt>
        <dd>{BODY_STATE_LABELS[hit.bodyState]}</dd>
        {hit.partial && (
          <>
            <dt>Partial</dt>
            <dd>{hit.partial}</dd>
          </>
        )}
      </dl>
      {params.length > 0 ? (
        <table class="params">
          <caption class="visually-hidden">Decoded parameters</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {params.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No parameters decoded.</p>
      )}
      {hit.body !== undefined && hit.body !== '' && (
        <>
          <p class="raw-label">Raw body</p>
          {/* Focusable so the keyboard can scroll it. */}
          <pre class="raw" tabIndex={0}>{hit.body}</pre>
        </>
      )}
    </div>
  );
}

/** What the page said (dataLayer.push, gtag(), fbq()): drawn apart from what was sent. */
export const PageEventRow = memoRow(
  function PageEventRow({ item: event, pageStart, expanded, onToggle }: RowProps<PageSaid>) {
    const summary = (
      <>
        <span class="badge page">page</span>
        <span class="what">
          <span class="line">{pageSaidText(event)}</span>
        </span>
        <When at={event.at} pageStart={pageStart} />
      </>
    );
    return (
      <li class="row page-event" data-testid="page-event-row" data-source={event.source} data-event={event.event}>
        {event.data ? (
          <button type="button" class="row-summary" aria-expanded={expanded} aria-controls={detailsId(event.id)} onClick={() => onToggle(event.id)}>
            {summary}
          </button>
        ) : (
          <div class="row-summary">{summary}</div>
        )}
        {expanded && event.data && (
          <div class="details" id={detailsId(event.id)} data-testid="page-event-details">
            <pre class="raw" tabIndex={0}>{event.data}</pre>
          </div>
        )}
      </li>
    );
  },
  (a, b) => a.expanded === b.expanded && a.pageStart === b.pageStart && a.onToggle === b.onToggle && a.item.id === b.item.id,
);
