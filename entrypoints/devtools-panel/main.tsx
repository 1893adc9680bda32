import { render } from 'preact';
import browser from 'webextension-polyfill';
import '../shared/tokens.css';
import { App } from '../shared/components/App';
import { saveFilter, savedFilter, tabIdParam, tabTarget, type TabSource } from '../shared/data';
import { createViewState } from '../shared/state';
import './style.css';

// The "Tagwatch" tab of DevTools: the inspected tab's hits as they are sent, with what the page did around them,
// kept across its navigations. Opened as an extension page, `?tabId=N` names the tab (tests, a detached view).
const { model, actions, start } = createViewState('log');

const inspected: TabSource = {
  first: () => {
    const tabId = tabIdParam(location.search) ?? browser.devtools?.inspectedWindow.tabId;
    return tabId === undefined ? Promise.resolve({ exists: false }) : tabTarget(tabId);
  },
};

const filter = await savedFilter().catch(() => ({}));
const view = new URLSearchParams(location.search).get('view') ?? 'hits';

function Root() {
  return (
    <App
      model={model.value}
      actions={actions}
      layout="devtools"
      initialView={view}
      initialFilter={filter}
      onFilterChange={saveFilter}
    />
  );
}

render(<Root />, document.getElementById('app')!);
void start(inspected);
