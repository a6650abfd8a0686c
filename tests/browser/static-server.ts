/**
 * A tiny static file server for the browser tests: one journal's built folder at the server's
 * root on 127.0.0.1, as a static host or CloudFront serves the site bucket. `/path/` gets
 * `/path/index.html`, a folder without its slash is redirected to it, misses get the site's
 * `404.html` with status 404, and each file goes out with the Content-Type its name calls for
 * (the same types the publish step gives S3).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CSL_JSON_CONTENT_TYPE, CSL_JSON_FILE } from '#core/cite/index';
import { CONTENT_TYPES } from '#core/publish/outputs';
import { NOT_FOUND_KEY, SITE_CONTENT_TYPES } from '#core/site/index';
import { ARTICLE_FILES } from '#core/urls';

/** By file name first (files whose extension says too little), then by extension. */
const BY_NAME: Readonly<Record<string, string>> = { [CSL_JSON_FILE]: CSL_JSON_CONTENT_TYPE, [ARTICLE_FILES.referencesCsl]: CONTENT_TYPES.referencesCsl };
const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.html': SITE_CONTENT_TYPES.html,
  '.xml': CONTENT_TYPES.jats,
  '.ris': CONTENT_TYPES.ris,
  '.bib': CONTENT_TYPES.bibtex,
  '.txt': SITE_CONTENT_TYPES.text,
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
};

export const contentTypeOf = (path: string): string => BY_NAME[path.split(/[\\/]/).at(-1) ?? ''] ?? BY_EXTENSION[extname(path).toLowerCase()] ?? 'application/octet-stream';

export type StaticServer = { readonly url: string; close(): Promise<void> };

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();
const isDir = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** Serves `root` until closed; `requests` counts what was asked, for tests that want to know. */
export async function serveStatic(root: string, requests: string[] = []): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = normalize(join(root, decodeURIComponent(url.pathname)));
    } catch {
      res.writeHead(400, { 'content-type': SITE_CONTENT_TYPES.text }).end('bad path\n');
      return;
    }
    if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) {
      res.writeHead(403, { 'content-type': SITE_CONTENT_TYPES.text }).end('outside the site\n');
      return;
    }
    if (isDir(path) && !url.pathname.endsWith('/')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const file = isDir(path) ? join(path, 'index.html') : path;
    const found = isFile(file);
    const body = found ? file : join(root, NOT_FOUND_KEY);
    const headers = { 'content-type': contentTypeOf(body), 'content-length': isFile(body) ? statSync(body).size : 0 };
    res.writeHead(found ? 200 : 404, headers);
    if (req.method === 'HEAD' || !isFile(body)) res.end();
    else createReadStream(body).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
