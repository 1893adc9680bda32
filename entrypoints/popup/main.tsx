import { render } from 'preact';
import '../shared/tokens.css';
import { App } from '../shared/components/App';
import { fixedTab } from '../shared/data';
import { openSidePanel } from '../shared/platform';
import { createViewState } from '../shared/state';
import './style.css';

// The quick glance: the tab it was opened on (or `?tabId=N`), for as long as it is open.
const { model, actions, start } = createViewState('page', { openSidePanel: openSidePanel(location.search) });

function Root({ initialView }: { initialView?: string }) {
  return <App model={model.value} actions={actions} layout="popup" {...(initialView ? { initialView } : {})} />;
}

const view = new URLSearchParams(location.search).get('view') ?? undefined;
render(<Root {...(view ? { initialView: view } : {})} />, document.getElementById('app')!);
void start(fixedTab(location.search));
