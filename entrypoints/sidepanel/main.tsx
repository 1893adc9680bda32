import { render } from 'preact';
import '../shared/tokens.css';
import { App } from '../shared/components/App';
import { activeTab } from '../shared/data';
import { createViewState } from '../shared/state';
import './style.css';

// The popup's views beside the page (Chrome's side panel, Firefox's sidebar): the active tab, followed as the
// user switches tabs and navigates, kept current as goals fire and hits arrive.
const { model, actions, start } = createViewState('page');

function Root({ initialView }: { initialView?: string }) {
  return <App model={model.value} actions={actions} layout="sidepanel" {...(initialView ? { initialView } : {})} />;
}

const view = new URLSearchParams(location.search).get('view') ?? undefined;
render(<Root {...(view ? { initialView: view } : {})} />, document.getElementById('app')!);
void start(activeTab(location.search));
