import { reportPageLoad } from './bench/page-load-report';

// `npm run bench:page-load`: the page-load part of `npm run bench` alone (it takes a few minutes).
await reportPageLoad();
