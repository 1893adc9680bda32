import type { PageSession } from '@/lib/store';
import { plural, sessionLabel, shortUrl } from '@/lib/view/format';
import type { PageCounts } from '@/lib/view/inventory';
import './Header.css';

interface HeaderProps {
  session?: PageSession;
  sessions: readonly PageSession[];
  counts?: PageCounts & { pageEvents: number };
  onSelectSession: (id: string) => void;
  onClear?: () => void;
  /** The DevTools log: earlier pages stay on the timeline (instead of the page picker). */
  preserveLog?: { on: boolean; onChange: (on: boolean) => void };
  /** The popup's way to the side panel. */
  onOpenSidePanel?: () => void;
  /** To the History page: the site's past visits. */
  onOpenHistory?: () => void;
}

/** The page the popup is about, its figures, and the page picker (earlier pages of the tab). */
export function Header({
  session,
  sessions,
  counts,
  onSelectSession,
  onClear,
  preserveLog,
  onOpenSidePanel,
  onOpenHistory,
}: HeaderProps) {
  const figures =
    counts &&
    [
      { text: plural(counts.hits, 'hit'), show: true },
      { text: plural(counts.vendors, 'tag'), show: true },
      { text: `${counts.blocked.toLocaleString('en-US')} blocked`, show: counts.blocked > 0, bad: true },
      { text: `${counts.failed.toLocaleString('en-US')} failed`, show: counts.failed > 0, bad: true },
      { text: plural(counts.pageEvents, 'page event'), show: counts.pageEvents > 0 },
      { text: plural(session?.navigations.length ?? 0, 'route change'), show: (session?.navigations.length ?? 0) > 0 },
    ].filter((f) => f.show);
  return (
    <header class="header">
      {session && (
        <div class="page">
          <h1 class="page-title" title={session.title || session.url}>
            {session.title?.trim() || shortUrl(session.url)}
          </h1>
          <p class="page-url" title={session.url}>
            {shortUrl(session.url)}
          </p>
          {figures && (
            <p class="counts" data-testid="page-counts">
              {figures.map((f, i) => (
                <span key={f.text} class={f.bad ? 'bad' : undefined}>
                  {i > 0 && ' · '}
                  {f.text}
                </span>
              ))}
            </p>
          )}
        </div>
      )}
      {(sessions.length > 0 || onClear || onOpenSidePanel || onOpenHistory) && (
        <div class="header-actions">
          {preserveLog && (
            <label
              class="check"
              title="Keep the hits of earlier pages of this tab on the timeline, one page after the other"
            >
              <input
                type="checkbox"
                data-testid="preserve-log"
                checked={preserveLog.on}
                onChange={(e) => preserveLog.onChange(e.currentTarget.checked)}
              />
              Preserve log
            </label>
          )}
          {!preserveLog && sessions.length > 0 && (
            <label class="session-pick">
              <span class="visually-hidden">Page of this tab</span>
              <select
                data-testid="session-select"
                value={session?.id ?? ''}
                onChange={(e) => onSelectSession(e.currentTarget.value)}
              >
                {!session && (
                  <option value="" disabled>
                    Earlier pages of this tab…
                  </option>
                )}
                {sessions.map((s, i) => (
                  <option key={s.id} value={s.id}>
                    {sessionLabel(s, i === 0)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {onClear && (
            <button
              type="button"
              data-testid="clear-button"
              onClick={onClear}
              title="Forget what Tagwatch recorded for this tab"
            >
              Clear
            </button>
          )}
          {onOpenSidePanel && (
            <button
              type="button"
              data-testid="open-side-panel"
              onClick={onOpenSidePanel}
              title="Keep Tagwatch open beside the page while you click through it"
            >
              Open in side panel
            </button>
          )}
          {onOpenHistory && (
            // A way to another page, not an action on this one: drawn as a link.
            <button
              type="button"
              class="link"
              data-testid="open-history"
              onClick={onOpenHistory}
              title="Past visits of this site with their funnels: open one, or compare two"
            >
              History
            </button>
          )}
        </div>
      )}
    </header>
  );
}
