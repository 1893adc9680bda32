import { render } from 'preact';
import '../shared/tokens.css';
import '../shared/components/controls.css';
import { HistoryApp } from './components/HistoryApp';
import { createHistoryState } from './state';
import './style.css';

// The History page, shipped as visit-history.html: WXT reads an entrypoint named `history` as an override of the
// browser's own History page (chrome://history), which Tagwatch must never replace.
//
// Past visits, each with its funnels: searchable by site and day, one opened as a timeline, two of a site
// compared. `?site=host` narrows the list (the popup's "History" link passes its page's host).
const { model, actions, start } = createHistoryState(location.search);

function Root() {
  return <HistoryApp model={model.value} actions={actions} />;
}

render(<Root />, document.getElementById('app')!);
void start();
