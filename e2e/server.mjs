// A small static file server for the end-to-end tests: serves the built site under a
// path prefix (as GitHub Pages does under /<repo>/), optionally with the strict
// Content-Security-Policy the page must work under, and records every 404.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {{ root?: string, prefix?: string, csp?: boolean, pages?: Record<string, string>,
 *   gzip?: boolean, mounts?: Record<string, string> }} options
 *   root: folder to serve; prefix: URL path it is served under; pages: extra HTML by path;
 *   gzip: compress text responses for clients that accept it (as GitHub Pages does);
 *   mounts: further folders by URL prefix (e.g. the benchmark's peer page).
 */
export async function startServer({ root = 'dist', prefix = '/', csp = false, pages = {}, gzip = false, mounts = {} } = {}) {
  const compressed = new Map();
  const send = (req, res, status, type, body, headers) => {
    const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (gzip && accepts && !/png/.test(type)) {
      if (!compressed.has(body)) compressed.set(body, gzipSync(body, { level: 9 }));
      res.writeHead(status, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', ...headers });
      res.end(compressed.get(body));
    } else {
      res.writeHead(status, { 'Content-Type': type, ...headers });
      res.end(body);
    }
  };
  const files = new Map(); // path → contents
  const notFound = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const headers = csp ? { 'Content-Security-Policy': CSP } : {};
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'Content-Type': TYPES['.html'], ...headers });
      res.end(pages[path]);
      return;
    }
    const mount = Object.keys(mounts).find((m) => path.startsWith(m));
    const [base, dir] = mount ? [mount, mounts[mount]] : [prefix, root];
    if (!path.startsWith(base)) {
      notFound.push(path);
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      // With gzip (the benchmark) each file is read and compressed once; otherwise afresh.
      if (!gzip || !files.has(file)) files.set(file, await readFile(file));
      send(req, res, 200, TYPES[extname(file)] ?? 'application/octet-stream', files.get(file), headers);
    } catch {
      notFound.push(path);
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}`,
    notFound,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
