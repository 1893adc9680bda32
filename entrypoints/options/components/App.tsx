import { loaded, notice, plans, selected } from '../state';
import { PlanDetail } from './PlanDetail';
import { PlanList } from './PlanList';
import { SuggestPanel } from './SuggestPanel';
import { ToolbarSetting } from './ToolbarSetting';

export function App() {
  const plan = plans.value[selected.value];
  return (
    <>
      <header class="top">
        <h1>Tagwatch tracking plans</h1>
        <nav class="top-links">
          {/* The same extension origin: a plain link, which a middle click opens in a tab of its own. */}
          <a href="/visit-history.html" data-testid="options-history">
            History: past visits and their funnels
          </a>
        </nav>
        <p class="lead">
          A plan lists the goals a visitor can reach on a site (a newsletter signup, an add to cart…) and the tags each
          one should send. Changes apply to open tabs at once.
        </p>
      </header>
      <p class={notice.value.error ? 'notice error' : 'notice'} role="status" aria-live="polite" data-testid="notice">
        {notice.value.text}
      </p>
      <main>
        <PlanList />
        {loaded.value && plan ? (
          <PlanDetail
            key={`${selected.value}|${plan.name}|${(plan.scope ?? []).join('\n')}`}
            index={selected.value}
            plan={plan}
          />
        ) : null}
        <SuggestPanel />
        <ToolbarSetting />
      </main>
    </>
  );
}
