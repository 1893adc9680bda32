import { resolve } from 'node:path';
import { ablations, benchPageLoad } from './page-load';

/** Runs the page-load comparison and prints it: `npm run bench` (with the rest) or `npm run bench:page-load` (alone). */
export async function reportPageLoad(): Promise<void> {
  // Page-load cost: BENCH_LOADS loads a page (≥ 21; 41 by default: with 25, two runs of one build differed by up to
  // 0.07) in each browser; BENCH_ABLATION=0 leaves out the ablation; BENCH_COMPARE="name=dir;…" adds other builds
  // (another branch's .output/chrome-mv3) to the same run; BENCH_PAGES="/shop/index.html" measures only the pages
  // named (comma-separated).
  const loads = Math.max(21, Number(process.env.BENCH_LOADS ?? 41));
  const ablation = process.env.BENCH_ABLATION === '0' ? undefined : ablations();
  const compare = (process.env.BENCH_COMPARE ?? '')
    .split(';')
    .filter(Boolean)
    .map((entry) => {
      const [name, dir] = entry.split('=');
      return { name: name!, dir: resolve(dir!) };
    });
  try {
    // Each page is printed as soon as it is measured (a run takes minutes).
    const pages = process.env.BENCH_PAGES?.split(',').filter(Boolean);
    await benchPageLoad({
      loads,
      ...(pages?.length ? { pages } : {}),
      extra: [...compare, ...(ablation?.configs ?? [])],
      onPage: (page) => {
        console.log(
          `\nPage-load cost: ${page.page} (${page.tagRequests.toFixed(0)} tag requests a load), ${page.loads}× in each browser, interleaved`,
        );
        console.log(
          `  ${'browser'.padEnd(46)} ${'median'.padStart(9)} ${'÷ floor'.padStart(8)} ${'(95 % CI)'.padStart(12)} ${'(middle half)'.padStart(14)} ${'÷ none'.padStart(7)}`,
        );
        for (const c of page.configs) {
          const [q1, q3] = c.toFloorQuartiles;
          const [lo, hi] = c.toFloorInterval;
          const target = c.name === 'Tagwatch' ? '  (target ≤ 1.05 × floor)' : '';
          console.log(
            `  ${c.name.padEnd(46)} ${`${c.medianMs.toFixed(1)} ms`.padStart(9)} ${c.toFloor.toFixed(3).padStart(8)} ${`${lo.toFixed(2)}–${hi.toFixed(2)}`.padStart(12)} ${`${q1.toFixed(2)}–${q3.toFixed(2)}`.padStart(14)} ${c.toNone.toFixed(3).padStart(7)}${target}`,
          );
        }
      },
    });
  } finally {
    ablation?.cleanup();
  }
}
