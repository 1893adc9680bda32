import { render } from 'preact';
import { App } from './components/App';
import { actions, model, start } from './state';
import './style.css';

function Root({ initialView }: { initialView?: string }) {
  return <App model={model.value} actions={actions} {...(initialView ? { initialView } : {})} />;
}

const view = new URLSearchParams(location.search).get('view') ?? undefined;
render(<Root {...(view ? { initialView: view } : {})} />, document.getElementById('app')!);
void start(location.search);
