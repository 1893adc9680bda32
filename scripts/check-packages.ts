import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { ICON_SIZES, iconFile } from './icon-sizes';
import { TEST_HELPERS } from './package-files';

// `npm run test:packages` (part of `npm test`): checks the store packages `npm run zip` wrote to .output/ —
// - the Firefox zip passes `web-ext lint` with no error and no warning of ours;
// - both zips carry the icons their manifest names, and no remote code (what the Chrome Web Store checks);
// - the sources zip (for AMO's reviewers) holds what the build needs and no test or test artifact.
// Ends with "N passed, N failed"; exits 1 on any failure.

const OUT = resolve('.output');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const zipName = (what: string) => join(OUT, `${pkg.name}-${pkg.version}-${what}.zip`);

/**
 * Warnings of code we ship but did not write. Each names the file pattern, the linter's code, and text that must
 * stand at the flagged spot, so that the same warning on our own code is still reported.
 */
const NOT_OURS = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Whichever shared chunk the bundler puts Preact's renderer in (its name follows the modules around it).
    file: /^chunks\/[^/]+\.js$/,
    // Preact's renderer setting `dangerouslySetInnerHTML` (props.__html); Tagwatch never passes that prop
    // (checked below). AMO's reviewers see the same note in every Preact add-on.
    at: /innerHTML\s*=\s*[\w$.]*__html/,
    why: "Preact's dangerouslySetInnerHTML, which Tagwatch does not use",
  },
] as const;

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LintResult {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

let passed = 0;
let failed = 0;
function check(name: string, problems: string[]): void {
  if (problems.length === 0) {
    passed++;
    console.log(`✓ ${name}`);
  } else {
    failed++;
    console.log(`✗ ${name}\n    ${problems.join('\n    ')}`);
  }
}

async function unzip(file: string): Promise<{ dir: string; files: string[] }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const dir = mkdtempSync(join(tmpdir(), 'tagwatch-zip-'));
  const files: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(dir, entry.name);
    if (!target.startsWith(dir)) throw new Error(`${file}: entry ${entry.name} points outside the archive`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
    files.push(entry.name);
  }
  return { dir, files: files.sort() };
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): string {
  return bytes.subarray(1, 4).toString('latin1') === 'PNG'
    ? `${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)}`
    : 'not a PNG';
}

/** The manifest's icons exist in the package with the size their key names. */
function iconProblems(dir: string, files: string[]): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    icons?: Record<string, string>;
    action?: { default_icon?: Record<string, string> };
    browser_action?: { default_icon?: Record<string, string> };
  };
  const declared = [manifest.icons, (manifest.action ?? manifest.browser_action)?.default_icon];
  const problems: string[] = [];
  for (const [i, icons] of declared.entries()) {
    const where = i === 0 ? 'icons' : 'the toolbar action';
    if (!icons) {
      problems.push(`manifest: ${where} names no icon`);
      continue;
    }
    for (const size of ICON_SIZES)
      if (icons[size] !== iconFile(size)) problems.push(`manifest: ${where} has no ${size} px icon`);
    for (const [size, path] of Object.entries(icons)) {
      if (!files.includes(path)) problems.push(`${path}: named by the manifest, missing from the package`);
      else if (pngSize(readFileSync(join(dir, path))) !== `${size}×${size}`)
        problems.push(`${path}: ${pngSize(readFileSync(join(dir, path)))}, declared ${size}×${size}`);
    }
  }
  return problems;
}

/** Code loaded from elsewhere or made from strings: refused by the Chrome Web Store (MV3) and by AMO. */
function remoteCodeProblems(dir: string, files: string[]): string[] {
  const problems: string[] = [];
  const patterns: Array<[RegExp, string]> = [
    [/<script[^>]+src\s*=\s*["']?(https?:)?\/\//i, 'loads a script from another site'],
    [/\bimport\s*\(\s*["'`]https?:/, 'imports a module from another site'],
    [/\bimportScripts\s*\(/, 'imports scripts at run time'],
    [/\beval\s*\(/, 'calls eval'],
    [/\bnew\s+Function\s*\(/, 'builds a function from a string'],
  ];
  for (const file of files.filter((f) => /\.(m?js|html)$/.test(f))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [pattern, what] of patterns) if (pattern.test(text)) problems.push(`${file} ${what}`);
  }
  const csp = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_security_policy?: unknown })
    .content_security_policy;
  if (csp !== undefined && /unsafe-eval|https?:/.test(JSON.stringify(csp)))
    problems.push(`manifest: content_security_policy allows remote or eval'd code: ${JSON.stringify(csp)}`);
  return problems;
}

function lint(dir: string): LintResult {
  const run = spawnSync(
    process.platform === 'win32' ? 'npx.cmd' : 'npx',
    ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8' },
  );
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  try {
    return JSON.parse(json) as LintResult;
  } catch {
    throw new Error(`web-ext lint gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** Whether a warning is one of NOT_OURS: the code, the file, and the flagged text all match. */
function notOurs(dir: string, w: LintMessage): string | undefined {
  for (const rule of NOT_OURS) {
    if (w.code !== rule.code || !w.file || !rule.file.test(w.file)) continue;
    const lines = readFileSync(join(dir, w.file), 'utf8').split('\n');
    const line = lines[(w.line ?? 1) - 1] ?? '';
    const near = line.slice(Math.max(0, (w.column ?? 0) - 200), (w.column ?? 0) + 200);
    if (rule.at.test(near)) return rule.why;
  }
  return undefined;
}

async function main(): Promise<number> {
  const names = { chrome: zipName('chrome'), firefox: zipName('firefox'), sources: zipName('sources') };
  const missing = Object.values(names).filter(
    (f) => !readdirSync(OUT, { withFileTypes: true }).some((e) => join(OUT, e.name) === f),
  );
  if (missing.length > 0) {
    console.log(`No package at ${missing.join(', ')}. Run \`npm run zip\` first.`);
    return 1;
  }
  const temp: string[] = [];
  try {
    for (const browser of ['chrome', 'firefox'] as const) {
      const { dir, files } = await unzip(names[browser]);
      temp.push(dir);
      check(`${browser} package: icons at ${ICON_SIZES.join(', ')} px, as declared`, iconProblems(dir, files));
      check(`${browser} package: no remote code, no eval`, remoteCodeProblems(dir, files));
      if (browser !== 'firefox') continue;
      const result = lint(dir);
      check(
        'firefox package: web-ext lint, 0 errors',
        result.errors.map((e) => `${e.code} ${e.file ?? ''}:${e.line ?? ''} ${e.message}`),
      );
      const ours = result.warnings.filter((w) => notOurs(dir, w) === undefined);
      for (const w of result.warnings) {
        const why = notOurs(dir, w);
        if (why) console.log(`  (not ours: ${w.code} in ${w.file} — ${why})`);
      }
      check(
        'firefox package: web-ext lint, 0 warnings of ours',
        ours.map((w) => `${w.code} ${w.file ?? ''}:${w.line ?? ''} ${w.message}`),
      );
      check(
        'firefox package: web-ext lint, 0 notices',
        result.notices.map((n) => `${n.code} ${n.file ?? ''} ${n.message}`),
      );
    }

    // Tagwatch itself never hands HTML to Preact; were it to, the Preact warning above would be ours.
    const ownHtml = spawnSync('grep', ['-rln', 'dangerouslySetInnerHTML', 'entrypoints', 'lib'], {
      encoding: 'utf8',
    }).stdout.trim();
    check('our code sets no raw HTML (dangerouslySetInnerHTML)', ownHtml ? ownHtml.split('\n') : []);

    const { dir, files } = await unzip(names.sources);
    temp.push(dir);
    const testish = files.filter(
      (f) =>
        /(^|\/)(e2e|__tests__|artifacts|bench)\//.test(f) ||
        /\.(test|spec|e2e)\.[cm]?[jt]sx?$/.test(f) ||
        /^vitest/.test(f),
    );
    check('sources package: no tests, fixtures or test artifacts', testish);
    const tracked = spawnSync('git', ['ls-files', 'entrypoints', 'lib', 'public', 'assets'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean);
    const needed = [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'scripts/icon-sizes.ts',
      ...tracked.filter((f) => !/\.test\.tsx?$/.test(f) && !TEST_HELPERS.includes(f)),
    ];
    check(
      'sources package: everything `npm ci && npm run build:firefox` needs',
      needed.filter((f) => !files.includes(f)).map((f) => `${f} is missing`),
    );
  } finally {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\npackages: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
