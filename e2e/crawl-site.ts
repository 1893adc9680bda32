import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';

// The crawl fixture site (e2e/site/crawl) on its own server: robots.txt and the sitemaps at its root, where a
// crawler looks for them, with {{ORIGIN}} / {{OTHER_ORIGIN}} filled in (sitemaps need absolute URLs, and the
// port is only known once listening). It logs what browsers navigated to, so a test can say which pages a
// crawl visited and how often. Also serves generated sites for the crawl bench.

export const CRAWL_SITE_DIR = resolve('e2e/site/crawl');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
};
const TEXT = new Set(['.html', '.js', '.xml', '.txt', '.json']);

export interface CrawlSite {
  origin: string;
  /** Another host on the same server (127.0.0.1): an off-site link. */
  otherOrigin: string;
  /** Paths browsers navigated to (Sec-Fetch-Dest: document), in order, on either host: `/`, `/blog/`, … */
  visits: string[];
  /** Every request to the other host: a crawl must send none. */
  otherHostRequests: string[];
  /** Serve another copy of the site from now on (a changed release of it), on the same origin. */
  useDir: (dir: string) => void;
  close: () => Promise<void>;
}

/** `generate(path)` answers paths the folder does not have (the bench's generated pages). */
export async function serveCrawlSite(
  dir = CRAWL_SITE_DIR,
  generate?: (path: string) => string | undefined,
): Promise<CrawlSite> {
  let root = dir;
  const visits: string[] = [];
  const otherHostRequests: string[] = [];
  let origin = '';
  let otherOrigin = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const other = (req.headers.host ?? '').startsWith('127.0.0.1');
    if (other) otherHostRequests.push(url.pathname);
    if (req.headers['sec-fetch-dest'] === 'document') visits.push(url.pathname);
    const fill = (text: string) => text.replaceAll('{{ORIGIN}}', origin).replaceAll('{{OTHER_ORIGIN}}', otherOrigin);
    const generated = generate?.(url.pathname);
    if (generated !== undefined)
      return void res.writeHead(200, { 'content-type': TYPES['.html']! }).end(fill(generated));
    let path = join(root, decodeURIComponent(url.pathname));
    if (!path.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path))
      return void res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title>');
    const ext = extname(path);
    const body = TEXT.has(ext) ? fill(readFileSync(path, 'utf8')) : readFileSync(path);
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://localhost:${port}`;
  otherOrigin = `http://127.0.0.1:${port}`;
  return {
    origin,
    otherOrigin,
    visits,
    otherHostRequests,
    useDir: (next) => {
      root = next;
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
