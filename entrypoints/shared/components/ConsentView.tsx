import type { ConsentViewModel } from '@/lib/view/consent';

interface ConsentViewProps {
  model: ConsentViewModel;
}

/** What the page said about consent, in order, and the cookies set during the visit (names only). */
export function ConsentView({ model }: ConsentViewProps) {
  return (
    <div class="consent">
      <h2 class="consent-title">Consent answers</h2>
      {model.timeline.length === 0 ? (
        <p class="muted" data-testid="consent-none">
          The page said nothing about consent: no Consent Mode command, no TCF consent string, no known consent banner.
        </p>
      ) : (
        <ol class="consent-timeline">
          {model.timeline.map((row) => (
            <li key={row.key} data-testid="consent-answer" data-kind={row.kind}>
              <span class="muted" title={row.clock}>
                {row.when}
              </span>{' '}
              <strong>{row.source}</strong> <span class="consent-kind">{row.kind}</span>
              {row.purposes.length > 0 && (
                <span class="consent-purposes">
                  {row.purposes.map((p) => (
                    <span
                      key={p.type}
                      class={`chip ${p.state === 'granted' ? 'good' : 'bad'}`}
                      title={p.type}
                      data-purpose={p.type}
                      data-state={p.state}
                    >
                      {p.label} {p.state === 'granted' ? '✓' : '✗'}
                    </span>
                  ))}
                </span>
              )}
              {row.notes.map((n) => (
                <p key={n} class="muted consent-note">
                  {n}
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
      <h2 class="consent-title">Cookies set on this page</h2>
      {model.cookies.length === 0 ? (
        <p class="muted">No cookie was set while the page was open.</p>
      ) : (
        <table class="cookies" data-testid="cookie-inventory">
          <thead>
            <tr>
              <th>Cookie</th>
              <th>Vendor</th>
              <th>Purpose</th>
              <th>Set</th>
              <th>Expires</th>
            </tr>
          </thead>
          <tbody>
            {model.cookies.map((c) => (
              <tr
                key={c.key}
                data-testid="cookie-row"
                data-cookie={c.name}
                class={c.flagged ? `flag-${c.flagged}` : undefined}
              >
                <td>
                  <code>{c.name}</code>
                  <span class="muted"> {c.domain}</span>
                  {c.flagged && <span class={c.flagged === 'error' ? 'bad' : 'warn'}> set before consent</span>}
                </td>
                <td>{c.vendor ?? <span class="muted">–</span>}</td>
                <td>{c.purpose ?? <span class="muted">–</span>}</td>
                <td>{c.when}</td>
                <td>{c.expires}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
