import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { decodeCaptured } from '../../lib/store/capture';
import { toCapturedRequest } from '../../lib/store/web-request';
import { decodeRequest, mayCarryHits } from '../../lib/tags';
import { captureNonTagCorpus, captureTagCorpus } from './corpus';

// The bench's capture path in a steady loop under V8's profiler, started once the code is warm (the first passes
// are mostly compiling). Bundled first, so the profile names lines of one plain file:
//   npx esbuild scripts/bench/decode-profile.ts --bundle --platform=node --format=esm --outfile=/tmp/decode-profile.mjs
//   taskset -c 0 node /tmp/decode-profile.mjs tags 10 /tmp/tags.cpuprofile      (or: others)
//   npx tsx scripts/bench/profile-top.ts /tmp/tags.cpuprofile 30
const which = process.argv[2] === 'others' ? 'others' : 'tags';
const seconds = Number(process.argv[3] ?? 10);
const out = process.argv[4] ?? `/tmp/decode-${which}.cpuprofile`;
const corpus = which === 'tags' ? captureTagCorpus(12_000) : captureNonTagCorpus(36_000);
const decode = (req: Parameters<typeof decodeRequest>[0]) => decodeRequest(req);

/** One pass, in a function of its own: a loop at the top level of a module is left to the slower tiers. */
function pass(): void {
  for (const d of corpus) if (mayCarryHits(d.url)) decodeCaptured(toCapturedRequest(d), decode);
}

for (let i = 0; i < 15; i++) pass();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const end = Date.now() + seconds * 1000;
let requests = 0;
const start = process.cpuUsage();
while (Date.now() < end) {
  pass();
  requests += corpus.length;
}
const used = process.cpuUsage(start);
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
console.error(
  `${which}: ${requests.toLocaleString()} requests, ${((used.user + used.system) / requests).toFixed(2)} µs of CPU each (profiler on); profile in ${out}`,
);
