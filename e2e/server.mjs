// A small static file server for the end-to-end tests: serves the built site under a
// path prefix (as GitHub Pages does under /<repo>/), optionally with the strict
// Content-Security-Policy the page must work under, and records every 404.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {{ root?: string, prefix?: string, csp?: boolean, pages?: Record<string, string> }} options
 *   root: folder to serve; prefix: URL path it is served under; pages: extra HTML by path.
 */
export async function startServer({ root = 'dist', prefix = '/', csp = false, pages = {} } = {}) {
  const notFound = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const headers = csp ? { 'Content-Security-Policy': CSP } : {};
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'Content-Type': TYPES['.html'], ...headers });
      res.end(pages[path]);
      return;
    }
    if (!path.startsWith(prefix)) {
      notFound.push(path);
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
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
