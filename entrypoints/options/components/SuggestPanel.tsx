import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Goal } from '@/lib/goals/types';
import { TriggerText } from './TriggerText';
import { expectListWords } from '@/lib/words';
import { addSuggestion } from '../state';
import { suggestForTab, webTabs, type WebTab } from '../suggest-tab';
import { ErrorList } from './ErrorList';

const errors = signal<string[]>([]);

/** `options.html?tab=42` opens with that tab picked and its suggestions listed (the popup links here). */
function tabFromAddress(): number | undefined {
  const n = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function SuggestPanel() {
  const [tabs, setTabs] = useState<WebTab[]>([]);
  const [tabId, setTabId] = useState<number | undefined>(tabFromAddress());
  const [result, setResult] = useState<{ url: string; goals: Goal[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<Record<string, string>>({});

  const refresh = () =>
    void webTabs().then((list) => {
      setTabs(list);
      setTabId((cur) => (cur !== undefined && list.some((t) => t.id === cur) ? cur : list[0]?.id));
    });

  const run = async (id: number | undefined) => {
    const tab = tabs.find((t) => t.id === id) ?? (await webTabs()).find((t) => t.id === id);
    if (id === undefined || !tab) return;
    setBusy(true);
    errors.value = [];
    try {
      const goals = await suggestForTab(id);
      setResult({ url: tab.url, goals });
      setAdded({});
    } catch (e) {
      setResult(null);
      errors.value = [e instanceof Error ? e.message : String(e)];
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    refresh();
    const preset = tabFromAddress();
    if (preset !== undefined) void run(preset);
    // The list follows the tabs the user opens, closes and navigates.
    const onChange = () => refresh();
    browser.tabs.onCreated.addListener(onChange);
    browser.tabs.onRemoved.addListener(onChange);
    browser.tabs.onUpdated.addListener(onChange);
    return () => {
      browser.tabs.onCreated.removeListener(onChange);
      browser.tabs.onRemoved.removeListener(onChange);
      browser.tabs.onUpdated.removeListener(onChange);
    };
  }, []);

  const host = result ? new URL(result.url).host : '';
  return (
    <section aria-labelledby="suggest-title" data-testid="suggest-panel">
      <h2 id="suggest-title">Suggest goals for a tab</h2>
      <p class="hint">
        Tagwatch reads the page for forms, videos, add-to-cart buttons, downloads and search, and proposes goals for a
        plan of that site.
      </p>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void run(tabId);
        }}
      >
        <label for="suggest-tab">Tab</label>
        <select
          id="suggest-tab"
          value={tabId === undefined ? '' : String(tabId)}
          onChange={(e) => setTabId(Number(e.currentTarget.value))}
          data-testid="suggest-tab"
          disabled={tabs.length === 0}
        >
          {tabs.length === 0 ? <option value="">No web page open</option> : null}
          {tabs.map((t) => (
            <option key={t.id} value={String(t.id)}>
              {t.title} — {t.url}
            </option>
          ))}
        </select>
        <button type="submit" class="primary" disabled={tabId === undefined || busy} data-testid="suggest-run">
          {busy ? 'Reading the page…' : 'Suggest goals'}
        </button>
      </form>
      <ErrorList errors={errors.value} testId="suggest-errors" title="No suggestions:" />
      {result ? (
        result.goals.length === 0 ? (
          <p class="empty" data-testid="suggest-empty">
            Nothing to suggest on this page.
          </p>
        ) : (
          <ul class="suggestions" aria-label={`Suggestions for ${host}`}>
            {result.goals.map((goal) => (
              <li key={goal.id} data-testid="suggestion-row" data-goal-id={goal.id}>
                <div>
                  <strong>{goal.name}</strong>
                  <div>
                    <TriggerText trigger={goal.trigger} />
                  </div>
                  <div class="meta">Expects: {expectListWords(goal.expect)}</div>
                </div>
                {added[goal.id] ? (
                  <span class="done" data-testid="suggestion-added">
                    Added to “{added[goal.id]}”
                  </span>
                ) : (
                  <button
                    type="button"
                    data-testid="suggestion-add"
                    onClick={() =>
                      void addSuggestion(result.url, goal, errors).then((plan) => {
                        if (plan) setAdded((a) => ({ ...a, [goal.id]: plan }));
                      })
                    }
                  >
                    Add to plan
                    <span class="visually-hidden">
                      {' '}
                      for {host}: {goal.name}
                    </span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
