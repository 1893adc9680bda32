import type { ComponentChildren } from 'preact';
import type { Navigation, PageSession, StoredFiring, StoredHit } from '@/lib/store';
import { elementWords } from '@/lib/words';
import { clockTime, offsetTime, shortUrl, STATUS_LABELS, statusDetail, vendorName } from '@/lib/view/format';
import { pageSaidText, routeText, type PageSaid } from '@/lib/view/stream';
import { memoRow } from './memo';
import './HitRow.css';

// The rows of the Hits view's timeline, one component per kind of row. Each has one focusable element
// (`data-focus`): the list moves the keyboard between them (VirtualList).

interface RowProps<T> {
  item: T;
  pageStart: number;
  /** The list's tab stop is on this row. */
  active: boolean;
}

interface OpenableProps<T> extends RowProps<T> {
  /** Opened in place (the popup and the side panel), or shown in the detail pane (the DevTools panel). */
  open: boolean;
  /** `inline`: opening shows the details under the row; `pane`: beside the list. */
  opens: 'inline' | 'pane';
  onOpen: (id: string) => void;
  /** The opened details, when `open` and inline. */
  children?: ComponentChildren;
}

export const detailsId = (id: string) => `details-${id}`;
export const INSPECTOR_ID = 'hit-inspector';

function When({ at, pageStart }: { at: number; pageStart: number }) {
  return (
    <span class="when">
      <time dateTime={new Date(at).toISOString()}>{clockTime(at)}</time>
      <span class="offset" title={clockTime(at)}>
        {offsetTime(at, pageStart)}
      </span>
    </span>
  );
}

/** A hit: one line to scan, the decoded request on Enter or click. */
export const HitRow = memoRow(
  function HitRow({ item: hit, pageStart, active, open, opens, onOpen, children }: OpenableProps<StoredHit>) {
    const state =
      opens === 'inline'
        ? { 'aria-expanded': open, 'aria-controls': detailsId(hit.id) }
        : { 'aria-current': open ? ('true' as const) : undefined, 'aria-controls': INSPECTOR_ID };
    return (
      <div
        class={`row hit ${hit.status}${open ? ' open' : ''}`}
        data-testid="hit-row"
        data-hit-id={hit.id}
        data-vendor={hit.vendor}
        data-event={hit.event ?? ''}
        data-status={hit.status}
      >
        <button
          type="button"
          class="row-summary"
          data-focus
          tabIndex={active ? 0 : -1}
          {...state}
          onClick={() => onOpen(hit.id)}
        >
          <span class={`badge ${hit.status}`} title={statusDetail(hit)}>
            {STATUS_LABELS[hit.status]}
          </span>
          <span class="what">
            <span class="line">
              <span class="vendor">{vendorName(hit.vendor)}</span>{' '}
              <span class="event">{hit.event ?? '(no event name)'}</span>
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
        {open && opens === 'inline' && children}
      </div>
    );
  },
  (a, b) =>
    a.open === b.open &&
    a.active === b.active &&
    a.pageStart === b.pageStart &&
    a.onOpen === b.onOpen &&
    a.opens === b.opens &&
    a.children === b.children &&
    a.item === b.item,
);

/** What the page said (dataLayer.push, gtag(), fbq()): drawn apart from what was sent; its data opens in place. */
export const PageEventRow = memoRow(
  function PageEventRow({
    item: event,
    pageStart,
    active,
    open,
    onOpen,
  }: Omit<OpenableProps<PageSaid>, 'opens' | 'children'>) {
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
      <div class="row page-event" data-testid="page-event-row" data-source={event.source} data-event={event.event}>
        {event.data ? (
          <button
            type="button"
            class="row-summary"
            data-focus
            tabIndex={active ? 0 : -1}
            aria-expanded={open}
            aria-controls={detailsId(event.id)}
            onClick={() => onOpen(event.id)}
          >
            {summary}
          </button>
        ) : (
          <div class="row-summary">{summary}</div>
        )}
        {open && event.data && (
          <div class="details" id={detailsId(event.id)} data-testid="page-event-details">
            <pre class="raw" tabIndex={0}>
              {event.data}
            </pre>
          </div>
        )}
      </div>
    );
  },
  (a, b) =>
    a.open === b.open &&
    a.active === b.active &&
    a.pageStart === b.pageStart &&
    a.onOpen === b.onOpen &&
    a.item === b.item,
);

/** A goal of the plan fired here: the hits after it are the ones it expects. */
export const GoalFiringRow = memoRow(
  function GoalFiringRow({
    item: firing,
    pageStart,
    active,
    onShowGoal,
  }: RowProps<StoredFiring> & { onShowGoal: (goalId: string) => void }) {
    const { what } = elementWords(firing);
    return (
      <div class="row goal-event" data-testid="goal-event-row" data-goal={firing.goalId}>
        <button
          type="button"
          class="row-summary"
          data-focus
          tabIndex={active ? 0 : -1}
          title="Show this goal in Goals"
          onClick={() => onShowGoal(firing.goalId)}
        >
          <span class="badge goal">goal</span>
          <span class="what">
            <span class="line">
              goal fired: <strong>{firing.goalName}</strong> <span class="muted">on {what}</span>
            </span>
          </span>
          <When at={firing.at} pageStart={pageStart} />
        </button>
      </div>
    );
  },
  (a, b) => a.active === b.active && a.pageStart === b.pageStart && a.item === b.item && a.onShowGoal === b.onShowGoal,
);

/** An SPA route change (pushState) or a #fragment change: the page's URL changed without a new page. */
export function RouteRow({ item, pageStart }: { item: Navigation; pageStart: number }) {
  return (
    <div class="row route" data-testid="route-row" data-kind={item.kind}>
      <div class="row-summary">
        <span class="badge route">{item.kind === 'fragment' ? '#' : 'route'}</span>
        <span class="what">
          <span class="line" title={item.url}>
            {routeText(item)}
          </span>
        </span>
        <When at={item.at} pageStart={pageStart} />
      </div>
    </div>
  );
}

/** Where a page began, on the DevTools panel's preserved log. */
export function PageSeparator({ session, current }: { session: PageSession; current: boolean }) {
  return (
    <div
      class="row separator"
      data-testid="page-separator"
      data-session={session.id}
      role="separator"
      aria-label={`Page ${shortUrl(session.url)}`}
    >
      <span class="separator-label">
        {current ? 'This page' : 'Earlier page'} ·{' '}
        <strong title={session.url}>{session.title?.trim() || shortUrl(session.url)}</strong>
        {session.title?.trim() && <span class="muted"> · {shortUrl(session.url)}</span>}
      </span>
      <time class="muted" dateTime={new Date(session.startedAt).toISOString()}>
        {clockTime(session.startedAt).slice(0, 8)}
      </time>
    </div>
  );
}
