import { benchAudit } from './bench/audit';
import { benchCapture } from './bench/capture';
import { benchDecode, type Spread } from './bench/decode';
import { reportPageLoad } from './bench/page-load-report';
import { benchCrawl } from './bench/crawl';
import { benchPopup } from './bench/popup';
import { printPanelBench } from './bench/panels';
import { contentScriptSizes } from './bench/sizes';

// `npm run bench`: figures, not pass/fail. Targets are printed beside them; CI does not run this.
// Needs a built extension (`npm run build`, done by the npm script) and /usr/bin/chromium for the browser parts.
const line = (label: string, value: string, target = '') =>
  console.log(`  ${label.padEnd(52)} ${value.padStart(14)}  ${target}`);

const d = benchDecode();
const perSecond = (s: Spread) => `${s.median.toLocaleString()}/s`;
const range = (s: Spread) => `(${s.min.toLocaleString()}–${s.max.toLocaleString()})`;
console.log(
  `\nDecoding on the capture path (URL check, bodyText, decodeRequest), ${d.registry.decoders} decoders (${d.registry.anyHost} any-host), ${d.core}; CPU time, median of ${d.rounds} rounds (min–max)`,
);
console.log(
  `  tag requests: ${d.tags.requests.toLocaleString()} (${d.tags.get.toLocaleString()} GET, ${d.tags.post.toLocaleString()} POST, ${d.tags.compressed.toLocaleString()} gzipped) → ${d.tags.hits.toLocaleString()} hits; gzipped bodies read: ${d.tags.compressedRead.toLocaleString()} of ${d.tags.compressed.toLocaleString()}`,
);
line('tag requests decoded', perSecond(d.tags.requestsPerSecond), range(d.tags.requestsPerSecond));
line('tag hits decoded', perSecond(d.tags.hitsPerSecond), range(d.tags.hitsPerSecond));
line(
  `non-tag requests rejected (${d.others.post.toLocaleString()} of ${d.others.requests.toLocaleString()} POST)`,
  perSecond(d.others.requestsPerSecond),
  range(d.others.requestsPerSecond),
);
line(
  `page traffic: ${d.mixed.othersPerTag} non-tag requests per tag request`,
  perSecond(d.mixed.requestsPerSecond),
  `${range(d.mixed.requestsPerSecond)}  target ≥ 200,000/s`,
);
line('share of its time spent rejecting non-tag requests', `${(d.mixed.rejectShare * 100).toFixed(0)} %`);
console.log(
  `  with the registry grown to ${d.large.decoders} decoders (${d.large.anyHost} any-host; scripts/bench/large-registry.ts):`,
);
line(
  'tag requests decoded',
  perSecond(d.large.tagRequestsPerSecond),
  `${range(d.large.tagRequestsPerSecond)}  cost ×${d.large.tagCostRatio.toFixed(2)} of today's`,
);
line(
  'non-tag requests rejected',
  perSecond(d.large.nonTagRequestsPerSecond),
  `${range(d.large.nonTagRequestsPerSecond)}  cost ×${d.large.nonTagCostRatio.toFixed(2)} of today's`,
);

const a = benchAudit();
console.log(`\nAudit (auditTab over one page of ${a.hits.toLocaleString()} hits, default plan: popup and badge)`);
line('first run', `${a.firstMs.toFixed(0)} ms`);
line('again (the badge after the next burst)', `${a.againMs.toFixed(0)} ms`);

const sizes = contentScriptSizes();
console.log('\nContent scripts (minified, as shipped)');
for (const s of sizes.files) line(s.name, `${(s.bytes / 1024).toFixed(1)} KB`);
line('all content scripts together', `${(sizes.total / 1024).toFixed(1)} KB`, '(target ≤ 20 KB)');

const c = await benchCapture();
console.log('\nCapture in Chromium (webRequest → decode → IndexedDB, outcome recorded)');
line(`${c.hits} pixel hits fired at once, all stored after`, `${c.storedMs} ms`);
line('the same requests with no extension load in', `${c.baselineLoadMs} ms`);
line('hits stored per second', c.hitsPerSecond.toLocaleString());

const pop = await benchPopup();
console.log(`\nPopup on a page of ${pop.hits.toLocaleString()} hits (Chromium, median of 5 openings)`);
line('IndexedDB read', `${pop.readMs.toFixed(0)} ms`);
line('render (data in hand → DOM built)', `${pop.renderMs.toFixed(0)} ms`, '(target < 150 ms)');
line('goals and findings computed after the render', `${pop.auditMs.toFixed(0)} ms`);

await printPanelBench(line);

await reportPageLoad();

const crawl = await benchCrawl();
console.log(
  `\nCrawl (npm run audit -- --crawl --max-pages ${crawl.pages} --concurrency 2, --settle ${crawl.settleMs} ms a page; generated site)`,
);
line('pages per minute, start to end (browser start, build check, reports)', crawl.pagesPerMinute.toLocaleString());
line(
  'pages per minute, steady (first page done → last)',
  crawl.steadyPagesPerMinute.toLocaleString(),
  `(ceiling at this settle: ${Math.round((2 * 60_000) / crawl.settleMs)})`,
);
line('whole run', `${(crawl.totalMs / 1000).toFixed(1)} s`);
console.log(`  (the audit said: ${crawl.summary})`);
