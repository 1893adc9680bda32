import type { PageSession } from '@/lib/store';
import { plural, sessionLabel, shortUrl } from '@/lib/view/format';
import type { PageCounts } from '@/lib/view/inventory';

interface HeaderProps {
  session?: PageSession;
  sessions: readonly PageSession[];
  counts?: PageCounts & { pageEvents: number };
  onSelectSession: (id: string) => void;
  onClear?: () => void;
}

/** The page the popup is about, its figures, and the page picker (earlier pages of the tab). */
export function Header({ session, sessions, counts, onSelectSession, onClear }: HeaderProps) {
  const figures = counts && [
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
          <h1 class="page-title" title={session.title || session.url}>{session.title?.trim() || shortUrl(session.url)}</h1>
          <p class="page-url" title={session.url}>{shortUrl(session.url)}</p>
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
      {(sessions.length > 0 || onClear) && (
        <div class="header-actions">
          {sessions.length > 0 && (
            <label class="session-pick">
              <span class="visually-hidden">Page of this tab</span>
              <select data-testid="session-select" value={session?.id ?? ''} onChange={(e) => onSelectSession(e.currentTarget.value)}>
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
            <button type="button" data-testid="clear-button" onClick={onClear} title="Forget what Tagwatch recorded for this tab">
              Clear
            </button>
          )}
        </div>
      )}
    </header>
  );
}
