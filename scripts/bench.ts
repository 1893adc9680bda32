import { benchDecode } from './bench/decode';

// `npm run bench`: figures, not pass/fail. Targets are printed beside them; CI does not run this.
const line = (label: string, value: string, target = '') => console.log(`${label.padEnd(44)} ${value.padStart(16)}  ${target}`);

const d = benchDecode();
console.log(`\nDecoding (${d.requests.toLocaleString()} mixed tag requests → ${d.hits.toLocaleString()} hits, one core)`);
line('  tag hits decoded per second', d.hitsPerSecond.toLocaleString(), '(target ≥ 200,000)');
line('  non-tag requests rejected per second', d.nonTagRequestsPerSecond.toLocaleString());
