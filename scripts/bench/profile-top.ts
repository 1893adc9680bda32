import { readFileSync } from 'node:fs';

// The functions and the lines that took the most time in a V8 .cpuprofile (node --cpu-prof), by self time:
//   npx tsx scripts/bench/profile-top.ts FILE.cpuprofile [N]
// Given several files (node writes one per thread), it reads the one with the most samples: the main thread.
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  positionTicks?: Array<{ line: number; ticks: number }>;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 25);
const files = args.filter((a) => !/^\d+$/.test(a));
if (files.length === 0) throw new Error('Usage: npx tsx scripts/bench/profile-top.ts FILE.cpuprofile… [N]');
const profile = files
  .map((f) => JSON.parse(readFileSync(f, 'utf8')) as Profile)
  .reduce((a, b) => (b.samples.length > a.samples.length ? b : a));

const file = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const byFunction = new Map<string, number>();
const byLine = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = `${functionName || '(anonymous)'}${url ? ` ${file(url)}:${lineNumber + 1}` : ''}`;
  const hits = node.hitCount ?? 0;
  total += hits;
  byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
  for (const { line, ticks } of node.positionTicks ?? []) {
    const key = `${file(url)}:${line} (${functionName || 'anonymous'})`;
    byLine.set(key, (byLine.get(key) ?? 0) + ticks);
  }
}
const show = (title: string, table: Map<string, number>) => {
  console.log(title);
  for (const [key, n] of [...table].sort((a, b) => b[1] - a[1]).slice(0, count))
    console.log(`${((n / total) * 100).toFixed(1).padStart(6)} %  ${key}`);
};
console.log(`${total} samples`);
show('\nBy function (self time):', byFunction);
show('\nBy line:', byLine);
