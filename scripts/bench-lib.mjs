// What the app's own bench scripts (startup-bench.mjs, layout-interaction.mjs) share with the
// shared harness's runner (its scripts/run-bench.mjs): the command-line reading, Chromium's
// launch flags, the viewport and the kind of static server (no Content-Encoding, no caching).
import http from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve, extname, sep } from 'node:path';

/** `opt('loads', 7)`: the value after `--loads` on the command line, or the default. */
export function options(argv = process.argv.slice(2)) {
  return (name, dflt) => {
    const i = argv.indexOf('--' + name);
    return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : dflt;
  };
}

// The harness runner's launch flags (scripts/run-bench.mjs BASE_ARGS + GPU_VARIANTS['disable-gpu']).
export const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-gpu',
];
export const VIEWPORT = { width: 1280, height: 800 };

export const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file a path is served from: `mounts` are `[prefix, path]`, longest prefix first; a prefix
 * ending in `/` serves a folder (its index.html for a folder), any other one file.
 */
export function fileFor(mounts, pathname) {
  const m = mounts.find(([prefix]) => pathname === prefix || (prefix.endsWith('/') && pathname.startsWith(prefix)));
  if (!m) return null;
  if (!m[0].endsWith('/')) return m[1];
  let file = resolve(m[1], '.' + sep + pathname.slice(m[0].length));
  if (!file.startsWith(m[1])) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

/** A static server of `mounts` on a free port, as the harness serves: raw bytes, no caching. */
export function serveStatic(mounts) {
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/favicon.ico')) { res.writeHead(204).end(); return; }
    const file = fileFor(mounts, path);
    if (!file) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file)); // no Content-Encoding: raw bytes on the wire
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
