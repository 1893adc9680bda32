import { render } from 'preact';

render(<main>Tagwatch</main>, document.getElementById('app')!);
