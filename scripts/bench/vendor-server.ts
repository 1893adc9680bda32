import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface VendorServer {
  /** Chromium switches that send every host but the test site's to this server, over TLS it accepts. */
  args: string[];
  /** Requests answered so far. */
  count: () => number;
  close: () => Promise<void>;
}

/**
 * The vendors' hosts for the page-load bench, answered by a local HTTPS server the browser resolves them to —
 * not by Playwright's request routing, which takes every request of the page through the test process and would
 * add more to each load (and more noise) than the extension being measured. Scripts get an empty script, POSTs
 * an empty 200, the rest a 1×1 GIF: what routeVendors answers.
 */
export async function startVendorServer(): Promise<VendorServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tagwatch-vendors-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=vendors.test',
    ],
    { stdio: 'ignore' },
  );
  let answered = 0;
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    answered++;
    req.resume();
    req.on('end', () => {
      const url = req.url ?? '/';
      if (/\.js(\?|$)|\/gtag\/js|\/gtm\.js/.test(url))
        return void res.writeHead(200, { 'content-type': 'text/javascript' }).end('/* vendor library stand-in */');
      if (req.method === 'POST') return void res.writeHead(200, { 'access-control-allow-origin': '*' }).end('');
      res.writeHead(200, { 'content-type': 'image/gif' }).end(GIF);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    args: [
      `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost, EXCLUDE 127.0.0.1`,
      '--ignore-certificate-errors',
    ],
    count: () => answered,
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(() => ok(undefined)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
