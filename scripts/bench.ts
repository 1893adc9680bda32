import { benchAudit } from './bench/audit';
import { benchCapture } from './bench/capture';
import { benchDecode } from './bench/decode';
import { benchPageLoad } from './bench/page-load';
import { benchCrawl } from './bench/crawl';
import { benchPopup } from './bench/popup';
import { contentScriptSizes } from './bench/sizes';

// `npm run bench`: figures, not pass/fail. Targets are printed beside them; CI does not run this.
// Needs a built extension (`npm run build`, done by the npm script) and /usr/bin/chromium for the browser parts.
const line = (label: string, value: string, target = '') => console.log(`  ${label.padEnd(52)} ${value.padStart(14)}  ${target}`);

const d = benchDecode();
console.log(`\nDecoding (${d.requests.toLocaleString()} mixed tag requests, ${d.compressed.toLocaleString()} of them gzipped → ${d.hits.toLocaleString()} hits, one core)`);
line('tag hits decoded per second', d.hitsPerSecond.toLocaleString(), '(target ≥ 200,000)');
line('non-tag requests rejected per second', d.nonTagRequestsPerSecond.toLocaleString());

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

const p = await benchPageLoad();
console.log(`\nPage-load cost (bench.html loaded ${p.loads}× in each browser, interleaved; medians)`);
line('no extension', `${p.medianMs.none.toFixed(1)} ms`);
line('floor: bare extension with the same webRequest listener', `${p.medianMs.floor.toFixed(1)} ms`);
line('Tagwatch', `${p.medianMs.tagwatch.toFixed(1)} ms`);
line('Tagwatch / floor (median of pairwise ratios)', p.ratio.tagwatchToFloor.toFixed(3), '(target ≤ 1.05)');
line('Tagwatch / no extension', p.ratio.tagwatchToNone.toFixed(3));
line('floor / no extension', p.ratio.floorToNone.toFixed(3));

const crawl = await benchCrawl();
console.log(`\nCrawl (npm run audit -- --crawl --max-pages ${crawl.pages} --concurrency 2, --settle ${crawl.settleMs} ms a page; generated site)`);
line('pages per minute, start to end (browser start, build check, reports)', crawl.pagesPerMinute.toLocaleString());
line('pages per minute, steady (first page done → last)', crawl.steadyPagesPerMinute.toLocaleString(), `(ceiling at this settle: ${Math.round((2 * 60_000) / crawl.settleMs)})`);
line('whole run', `${(crawl.totalMs / 1000).toFixed(1)} s`);
console.log(`  (the audit said: ${crawl.summary})`);
