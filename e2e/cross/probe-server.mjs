// A static server for dist/ that injects an external console probe into every
// HTML page it serves (dist/ itself is not changed). WebDriver classic has no
// console API in Firefox or WebKit, so the probe records console.error,
// uncaught errors and unhandled rejections in window.__probe for the runner.
// The page's CSP allows it: the probe is a same-origin file ('self'), placed
// first in <head>. /__control.js raises one error of each kind: the runner
// loads it as a positive control to prove the probe catches them.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};

const PROBE = `(() => {
  const p = (window.__probe = { started: Date.now(), errors: [], warnings: [] });
  const str = (v) => { try { return v instanceof Error ? (v.message || String(v)) : typeof v === 'string' ? v : JSON.stringify(v) ?? String(v); } catch { return String(v); } };
  const wrap = (name, list) => { const orig = console[name]; console[name] = function (...args) { list.push(args.map(str).join(' ')); return orig.apply(this, args); }; };
  wrap('error', p.errors);
  wrap('warn', p.warnings);
  window.addEventListener('error', (e) => { if (e.target === window || e.target == null) p.errors.push('uncaught: ' + (e.message || str(e.error))); else p.errors.push('resource failed: ' + (e.target.src || e.target.href || e.target.tagName)); }, true);
  window.addEventListener('unhandledrejection', (e) => p.errors.push('unhandled rejection: ' + str(e.reason)));
})();
`;

const CONTROL = `console.error('probe-control: console.error');
Promise.reject(new Error('probe-control: rejection'));
throw new Error('probe-control: uncaught');
`;

const inject = (html) => html.replace(/<head>/i, '<head><script src="/__probe.js"></script>');

export function serveWithProbe(root, port = 0) {
  root = path.resolve(root);
  const pages = {};
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const p = decodeURIComponent(url.pathname);
    const send = (type, body) => { res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }); res.end(body); };
    if (p === '/__probe.js') return send(TYPES['.js'], PROBE);
    if (p === '/__control.js') return send(TYPES['.js'], CONTROL);
    if (pages[p]) return send(TYPES['.html'], inject(pages[p]));
    let file = path.join(root, p);
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); res.end('not found'); return; }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    if (file.endsWith('.html')) return send(type, inject(fs.readFileSync(file, 'utf8')));
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    resolve({ server, pages, base: `http://127.0.0.1:${server.address().port}` });
  }));
}
