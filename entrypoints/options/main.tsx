import { render } from 'preact';
import '../shared/tokens.css';
import { App } from './components/App';
import { start } from './state';
import './style.css';

start();
render(<App />, document.getElementById('app')!);
