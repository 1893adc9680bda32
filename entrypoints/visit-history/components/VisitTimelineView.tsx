import { eventWords, tallyWords } from '@/lib/history/tags';
import type { TimelinePage, VisitTimeline } from '@/lib/history/timeline';
import { offsetTime, shortUrl } from '@/lib/view/format';
import { calendarDay, clock, STATUS_WORDS, STEP_WORDS, visitDuration, vendorName } from '@/lib/words';
import { FunnelsView } from '../../shared/components/FunnelsView';
import { StatusIcon } from '../../shared/components/StatusIcon';
import type { Loaded } from '../state';
import { ErrorNote } from './ErrorNote';
import './VisitTimelineView.css';

function Page({ page, start, tabs }: { page: TimelinePage; start: number; tabs: readonly number[] }) {
  return (
    <li class="timeline-page" data-testid="timeline-page">
      <p class="timeline-head">
        <span class="offset">{offsetTime(page.startedAt, start)}</span>{' '}
        <span class="timeline-title">{page.title || shortUrl(page.url)}</span>
        {tabs.length > 1 && <span class="muted small"> · tab {tabs.indexOf(page.tabId) + 1}</span>}
      </p>
      <p class="url muted" title={page.url}>
        {page.url}
      </p>
      {page.routes.length > 0 && (
        <ul class="timeline-routes">
          {page.routes.map((r) => (
            <li key={`${r.at}-${r.url}`} class="small">
              <span class="offset">{offsetTime(r.at, start)}</span> route change to {shortUrl(r.url)}
            </li>
          ))}
        </ul>
      )}
      {page.steps.map((s) => (
        <p key={`${s.funnel}-${s.name}`} class={`timeline-step ${s.state}`} data-testid="timeline-step">
          <span class="offset">{offsetTime(s.at, start)}</span> {s.funnel}: step “{s.name}” {STEP_WORDS[s.state]}
        </p>
      ))}
      {page.firings.length > 0 && (
        <ul class="timeline-firings">
          {page.firings.map((f) => (
            <li key={f.id} data-testid="timeline-firing">
              <span class="offset">{offsetTime(f.at, start)}</span> <strong>{f.goalName}</strong>
              {f.ownedBy && <span class="muted small"> (counted with {f.ownedBy})</span>}
              {f.tags.map((t) => (
                <span key={`${t.vendor}-${t.event ?? ''}`} class={`timeline-tag ${t.status}`}>
                  {' '}
                  <StatusIcon status={t.status} /> {vendorName(t.vendor)} {t.event ?? ''} {STATUS_WORDS[t.status]}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      <p class="timeline-tags small" data-testid="timeline-tags">
        {page.tags.length === 0
          ? 'No tag hits.'
          : page.tags.map((t, i) => (
              <span key={`${t.vendor}-${t.event}`} class={t.blocked || t.failed ? 'bad' : undefined}>
                {i > 0 && ' · '}
                {t.name} {eventWords(t.event)}: {tallyWords(t)}
              </span>
            ))}
      </p>
    </li>
  );
}

/** One visit: its funnels, then its pages in order with what happened on each. */
export function VisitTimelineView({ loaded }: { loaded: Loaded<VisitTimeline> | undefined }) {
  if (!loaded || loaded.state === 'loading') return <p class="muted">Loading the visit…</p>;
  if (loaded.state === 'error') return <ErrorNote message={loaded.message} />;
  const t = loaded.data;
  const tabs = [...new Set(t.pages.map((p) => p.tabId))];
  return (
    <section class="visit-timeline" data-testid="visit-timeline" aria-label="Visit timeline">
      <h2>
        {t.host}{' '}
        <span class="muted small" data-testid="timeline-when">
          {calendarDay(t.startedAt)} {clock(t.startedAt)} · {visitDuration(t.lastAt - t.startedAt)} · {t.funnels.pages}{' '}
          {t.funnels.pages === 1 ? 'page' : 'pages'}
        </span>
      </h2>
      {t.funnels.funnels.length > 0 && <FunnelsView visit={t.funnels} />}
      <h3>Timeline</h3>
      <ol class="timeline">
        {t.pages.map((p) => (
          <Page key={p.sessionId} page={p} start={t.startedAt} tabs={tabs} />
        ))}
      </ol>
    </section>
  );
}
