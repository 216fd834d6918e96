// A static file server for the built app, on 127.0.0.1 only: `dist/` at `/` and the
// sub-path build at `/crm/`. Unknown paths get index.html, as a single-page app needs;
// with `{ fallback: '404' }` it behaves like a plain static host with no SPA rewrite
// (GitHub Pages): an unknown path gets the mount's 404.html with status 404.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** mounts: [[urlPrefix, directory]], longest prefix first. */
export async function serve(mounts, { fallback = 'index' } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? [];
    if (!dir) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    // A directory's address serves its index.html, as every static host does.
    let file = join(dir, rel.endsWith('/') || rel === '.' || rel === '' ? join(rel, 'index.html') : rel);
    let status = 200;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      status = fallback === '404' ? 404 : 200;
      file = join(dir, fallback === '404' ? '404.html' : 'index.html');
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
