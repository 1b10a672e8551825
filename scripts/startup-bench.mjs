#!/usr/bin/env node
// Start-up bench: the real app's default view beside the harness's d3-force peer drawing the same
// graph (the app's default view exported by `cargo run --example bench_graph`), in one headless
// Chromium run. Issue #18, "The graph at first paint". Usually run through scripts/startup-bench.sh.
//
//   node scripts/startup-bench.mjs --app target/bench/app --harness target/bench/harness \
//        --graph target/bench/harness/graphs/real.json [--loads 7] [--out target/bench/startup.json]
//
// Per load: a FRESH Chromium (cold HTTP and code caches), viewport 1280x800 @1x, the same launch
// flags as the harness's runner (scripts/run-bench.mjs: its BASE_ARGS plus its default
// --gpu-flags disable-gpu), the same kind of static server (no Content-Encoding, Cache-Control:
// no-store, .wasm as application/wasm). Loads alternate app, d3, app, d3 … after one discarded
// warm-up load of each, and after each pair a floor page (one line of text, its FCP). Measured per load (all times are performance.now(), ms from navigation start):
//   frame mark          the page's own mark of the frame that holds the graph, set by script before
//                       that frame is laid out, painted and rastered: app: window.__bakedFrame (the
//                       requestAnimationFrame callback of the first frame with the default view baked
//                       into the page shown), else window.__firstFrame (the live canvas's first
//                       complete, settled draw); d3: its window.__firstFrame.
//   first graph pixels  the graph on screen: the first paint (First Contentful Paint, which Chromium
//                       times at presentation) when it comes at or after the frame mark, so the
//                       graph is in it. Both pages are timed so, since what follows the mark differs
//                       (the app's page still has its layout, paint and raster ahead; d3's canvas is
//                       drawn). A page whose first paint came before its mark falls back to the mark
//                       (counted in the table).
//   interactive         app: the later of the first graph pixels and the moment a scripted wheel on
//                       the baked picture has moved it (its boot script pans and zooms it until the
//                       canvas takes over), else the later of __firstFrame and the moment a scripted
//                       wheel on the graph canvas has visibly changed what the canvas shows (see
//                       PROBE below); d3: the later of its first graph pixels and the first wheel its
//                       d3-zoom handler took.
//   bytes               response bodies (resource timing encodedBodySize; the server sends no
//                       Content-Encoding, so these are raw bytes) of every response that ended before
//                       the first graph pixels, and brotli q11 of the same files, as a static host
//                       would serve them.
//   layout shift        sum of 'layout-shift' entries without recent input, up to 3 s after load.
// It prints a Markdown table (median, min–max, ratios app/d3 against the targets, machine noise)
// and writes JSON and Markdown to --out (.json and .md).
import { chromium } from 'playwright-core';
import { readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, sep, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zc } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { options, LAUNCH_ARGS, VIEWPORT, fileFor as libFileFor, serveStatic } from './bench-lib.mjs';
import os from 'node:os';

// ---------------------------------------------------------------- CLI
const opt = options();
const APP = resolve(opt('app', 'target/bench/app'));
const HARNESS = resolve(opt('harness', 'target/bench/harness'));
const GRAPH = resolve(opt('graph', join(HARNESS, 'graphs', 'real.json')));
const LOADS = Number(opt('loads', 7));
const OUT = resolve(opt('out', 'target/bench/startup.json'));
const TIMEOUT = Number(opt('timeout', 30000));
const SETTLE_MS = 3000; // layout shift is summed up to this long after the load event
const CHROMIUM = opt('chromium', '/usr/bin/chromium');
const D3 = join(HARNESS, 'dist', 'p1-d3-canvas');
for (const [what, p] of [['app dist (--app)', join(APP, 'index.html')], ['d3 peer (npm run build in the harness)', join(D3, 'index.html')], ['graph (--graph)', GRAPH]]) {
  if (!existsSync(p)) throw new Error(`${what}: ${p} missing`);
}
// The harness's helpers (median, min–max), from its copy.
const { summarize } = await import(pathToFileURL(join(HARNESS, 'scripts', 'lib-stats.mjs')).href);

// ---------------------------------------------------------------- static server (as the harness's)
// Longest prefix first: the app is the site root, as a static host would serve it.
// The floor: the least a page can be (one line of text, no script or stylesheet), written here,
// to show how soon this browser on this machine can paint anything at all.
const FLOOR = resolve(OUT, '..', 'floor');
mkdirSync(FLOOR, { recursive: true });
writeFileSync(join(FLOOR, 'index.html'), '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><p>Artemis Accords vs ILRS</p></body></html>\n');
const MOUNTS = [
  ['/floor/', FLOOR],
  ['/graphs/real.json', GRAPH],
  ['/peers/p1-d3-canvas/', D3],
  ['/', APP],
];
const fileFor = (pathname) => libFileFor(MOUNTS, pathname);
const compressed = new Map();
function brotliOf(file) {
  if (!compressed.has(file)) {
    const buf = readFileSync(file);
    compressed.set(file, {
      raw: buf.length,
      brotli: brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
      gzip: gzipSync(buf, { level: 9 }).length,
    });
  }
  return compressed.get(file);
}

// ---------------------------------------------------------------- in-page probe (before any page script)
// PROBE (the "interactive" moment). For the app, first the baked picture: once it is shown and
// while the canvas has not taken over, each animation frame notes the shown picture's box on
// screen, dispatches one wheel notch at its centre, and looks again on the next frames; the first
// frame whose box differs is the baked picture visibly zoomed (its boot script's CSS transform).
// (Checked in the same callback: a transform set in a requestAnimationFrame callback is drawn in
// the frame that callback begins. An unhandled wheel — the script not listening yet — is tried
// again on the next frame.) Long tasks (PerformanceObserver 'longtask') are recorded for both
// pages: how long input would wait at worst once the graph is on screen.
// Then, as before the page was baked, the live canvas: it waits until the graph canvas exists and its
// first complete, settled frame is drawn (__firstFrame; the node list and data-layout="settled" may
// follow in a later task), then, in a requestAnimationFrame callback (so
// only when the main thread is free to run one), takes a signature of the canvas (drawn scaled to
// 64x40 and read back), dispatches one wheel notch (deltaY -100, cancelable) at the canvas centre,
// and looks at the canvas again on each of the next 10 frames: the first frame whose signature
// differs is the graph visibly responding to input. No change → a new try on the next frame.
// Nothing is dispatched before the first frame: a wheel during the app's fitting animation would
// stop the fit and change the first picture. For d3 (whose canvas is in the HTML from the start,
// and whose picture changes on every layout tick anyway), each frame dispatches a wheel until
// d3-zoom's handler takes one (it calls preventDefault): the moment the handlers are attached.
const PROBE = (mode) => {
  const P = (window.__startup = { mode, fcp: null, lcp: null, shifts: [], tries: 0 });
  const obs = (type, f) => { try { new PerformanceObserver((l) => l.getEntries().forEach(f)).observe({ type, buffered: true }); } catch { /* unsupported */ } };
  obs('paint', (e) => { if (e.name === 'first-contentful-paint') P.fcp = e.startTime; });
  obs('largest-contentful-paint', (e) => { P.lcp = e.startTime; P.lcpElement = e.element ? e.element.tagName.toLowerCase() + (e.element.id ? '#' + e.element.id : '') : null; });
  P.longTasks = [];
  obs('longtask', (e) => P.longTasks.push([e.startTime, e.duration]));
  obs('layout-shift', (e) => P.shifts.push({
    t: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput,
    sources: (e.sources || []).map((s) => (s.node && s.node.nodeType === 1 ? s.node.tagName.toLowerCase() + (s.node.id ? '#' + s.node.id : '') + (s.node.className && typeof s.node.className === 'string' ? '.' + s.node.className.trim().split(/\s+/).join('.') : '') : s.node ? '#text' : null)),
  }));
  const wheel = (c) => {
    if (mode === 'app-control') { P.tries++; return false; } // the control: watch, never touch
    const r = c.getBoundingClientRect();
    const ev = new WheelEvent('wheel', { deltaY: -100, deltaMode: 0, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true, composed: true });
    const notPrevented = c.dispatchEvent(ev);
    P.tries++;
    if (P.firstWheelAt === undefined) P.firstWheelAt = performance.now();
    return !notPrevented; // true: a handler took it (called preventDefault)
  };
  let small = null;
  const signature = (c) => {
    small ||= Object.assign(document.createElement('canvas'), { width: 64, height: 40 });
    const x = small.getContext('2d', { willReadFrequently: true });
    x.clearRect(0, 0, 64, 40);
    x.drawImage(c, 0, 0, 64, 40);
    const d = x.getImageData(0, 0, 64, 40).data;
    let h = 2166136261;
    for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 16777619);
    return h >>> 0;
  };
  let base = null, waited = 0, bakedBase = null;
  // The baked picture (the app's page before its canvas takes over) follows the wheel through its
  // boot script's CSS transform: its signature is the shown picture's box on screen.
  const bakedSvg = () => [...document.querySelectorAll('#baked.shown svg.baked-graph')].find((s) => s.getClientRects().length > 0);
  const boxOf = (el) => { const b = el.getBoundingClientRect(); return [b.x, b.y, b.width, b.height].map((v) => v.toFixed(2)).join(' '); };
  const frame = () => {
    if (mode !== 'd3' && P.bakedRespondedAt === undefined && window.__firstFrame === undefined) {
      const svg = bakedSvg();
      if (svg && mode === 'app-control') {
        // The control: the baked picture must not move by itself.
        bakedBase ??= boxOf(svg);
        P.tries++;
        if (boxOf(svg) !== bakedBase) P.bakedRespondedAt = performance.now();
      } else if (svg) {
        // A CSS transform set now is in the frame this callback begins, so a changed box
        // here is the picture zoomed on screen in this frame; an unhandled wheel (the
        // boot script not listening yet) is tried again next frame.
        const before = boxOf(svg);
        if (wheel(svg)) {
          P.bakedHandlerAt ??= performance.now();
          if (boxOf(svg) !== before) { P.bakedRespondedAt = performance.now(); P.bakedRespondedAfterTries = P.tries; }
        }
      }
    }
    if (mode === 'd3') {
      const c = document.getElementById('c');
      if (c && P.handlerAt === undefined && wheel(c)) P.handlerAt = performance.now();
      if (P.handlerAt !== undefined && window.__firstFrame !== undefined) return;
    } else {
      const c = document.querySelector('#graph canvas');
      if (c && base !== null) {
        waited++;
        if (signature(c) !== base) { P.respondedAt = performance.now(); P.respondedAfterTries = P.tries; return; }
        if (waited >= 10) base = null;
      } else if (c && window.__firstFrame !== undefined) {
        base = signature(c);
        waited = 0;
        P.lastWheelAt = performance.now();
        if (wheel(c) && P.handlerAt === undefined) P.handlerAt = performance.now();
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function runOne(which, origin) {
  const url = which === 'app' ? `${origin}/` : `${origin}/peers/p1-d3-canvas/index.html?graph=${encodeURIComponent('/graphs/real.json')}`;
  const r = { page: which, ok: false };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript(PROBE, which);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text().slice(0, 300)); });
    await page.goto(url, { waitUntil: 'commit' });
    const done = which === 'app'
      ? () => window.__benchError || (window.__startup.respondedAt !== undefined && window.__firstFrame !== undefined)
      : () => window.__benchError || (window.__startup.handlerAt !== undefined && window.__firstFrame !== undefined);
    await page.waitForFunction(done, null, { timeout: TIMEOUT, polling: 50 });
    // Layout shift: up to SETTLE_MS after the load event.
    await page.waitForFunction((ms) => {
      const n = performance.getEntriesByType('navigation')[0];
      return n && n.loadEventEnd > 0 && performance.now() >= n.loadEventEnd + ms;
    }, SETTLE_MS, { timeout: TIMEOUT + SETTLE_MS, polling: 100 });
    // d3 ignores zoom while its layout runs: wait for its end too (for the details line).
    if (which === 'd3') await page.waitForFunction(() => window.__layoutDone !== undefined, null, { timeout: TIMEOUT, polling: 100 }).catch(() => {});
    const m = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = [nav, ...performance.getEntriesByType('resource')].map((e) => ({
        url: e.name, type: e.initiatorType || 'navigation', start: e.startTime, end: e.responseEnd,
        body: e.encodedBodySize, decoded: e.decodedBodySize, transfer: e.transferSize,
      }));
      return {
        error: window.__benchError || null, firstFrame: window.__firstFrame ?? null, bakedFrame: window.__bakedFrame ?? null, layoutDone: window.__layoutDone ?? null,
        probe: window.__startup, loadEventEnd: nav.loadEventEnd, domContentLoaded: nav.domContentLoadedEventEnd, resources: res,
        title: document.title,
      };
    });
    if (m.error) throw new Error('page error: ' + m.error);
    const p = m.probe;
    // The app's page carries its default view baked (issue #18): its frame mark is the first frame
    // with the baked picture shown (__bakedFrame, set by its first-paint script); the live canvas
    // takes over at __firstFrame. Without a baked page, __firstFrame.
    r.frameMarkMs = m.bakedFrame ?? m.firstFrame;
    r.liveFrameMs = m.firstFrame;
    r.fcpMs = p.fcp;
    // The first paint is the first time anything reached the screen: when it comes at or after
    // the frame mark, the graph is in it, so it is when the graph's pixels were shown.
    r.onScreenMs = p.fcp !== null && p.fcp >= r.frameMarkMs ? p.fcp : null;
    r.firstPixelsMs = r.onScreenMs ?? r.frameMarkMs;
    r.lcpMs = p.lcp;
    r.lcpElement = p.lcpElement ?? null;
    r.wheelHandledMs = p.handlerAt ?? null;
    r.respondedMs = p.respondedAt ?? null;
    r.wheelTries = p.tries;
    // The app: the first visible response to the wheel, of the baked picture (its boot script
    // pans and zooms it until the canvas takes over) or else of the live canvas; both kept.
    r.bakedHandledMs = p.bakedHandlerAt ?? null;
    r.bakedRespondedMs = p.bakedRespondedAt ?? null;
    r.liveInteractiveMs = which === 'app' ? Math.max(m.firstFrame, p.respondedAt) : null;
    r.interactiveMs = which === 'app'
      ? (p.bakedRespondedAt !== undefined ? Math.max(r.firstPixelsMs, p.bakedRespondedAt) : r.liveInteractiveMs)
      : Math.max(r.firstPixelsMs, p.handlerAt);
    // Input waits behind long tasks: in the second after the first graph pixels, the longest
    // and the blocking time (each task's time over 50 ms, summed), as Lighthouse's TBT counts it.
    const inSecond = p.longTasks.filter(([t, d]) => t + d > r.firstPixelsMs && t < r.firstPixelsMs + 1000);
    r.longestTaskMs = inSecond.reduce((a, [, d]) => Math.max(a, d), 0);
    r.blockingMs = inSecond.reduce((a, [, d]) => a + Math.max(0, d - 50), 0);
    r.layoutDoneMs = m.layoutDone; // d3: when its zoom starts being honoured (it ignores zoom while the layout runs)
    r.loadEventEndMs = m.loadEventEnd;
    r.domContentLoadedMs = m.domContentLoaded;
    const until = m.loadEventEnd + SETTLE_MS;
    const counted = p.shifts.filter((s) => !s.hadRecentInput && s.t <= until);
    r.cls = counted.reduce((a, s) => a + s.value, 0);
    // The app's probe wheels only after the first frame; shifts before it are the page's alone.
    r.clsBeforeProbe = counted.filter((s) => p.firstWheelAt === undefined || s.t < p.firstWheelAt).reduce((a, s) => a + s.value, 0);
    r.shifts = counted;
    // Bytes of every response that ended before the first graph pixels.
    const before = m.resources.filter((x) => x.end <= r.firstPixelsMs);
    r.bytesRaw = before.reduce((a, x) => a + x.body, 0);
    r.bytesBrotli = 0;
    r.requestsBefore = before.length;
    r.resources = m.resources.map((x) => {
      const path = new URL(x.url).pathname;
      const file = fileFor(path === '/' ? '/index.html' : path);
      const sizes = file ? brotliOf(file) : null;
      const out = { path, type: x.type, startMs: x.start, endMs: x.end, body: x.body, brotli: sizes?.brotli ?? null, beforeFirstPixels: x.end <= r.firstPixelsMs };
      if (out.beforeFirstPixels) r.bytesBrotli += sizes ? sizes.brotli : x.body;
      return out;
    });
    r.errors = errors;
    r.ok = true;
  } catch (e) {
    r.error = String((e && e.message) || e).slice(0, 500);
  } finally {
    await Promise.race([browser.close(), sleep(30000)]).catch(() => {});
  }
  return r;
}

// /proc/stat's aggregate cpu line: steal is the time the hypervisor gave our vCPUs to someone else.
function cpuTimes() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: f.reduce((a, b) => a + b, 0), idle: f[3] + (f[4] || 0), steal: f[7] || 0 };
  } catch { return null; }
}

// The floor page's First Contentful Paint, in a fresh Chromium as the other loads.
async function runFloor(origin) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript(PROBE, 'floor');
    const page = await context.newPage();
    await page.goto(`${origin}/floor/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__startup.fcp !== null, null, { timeout: TIMEOUT, polling: 50 });
    return { page: 'floor', ok: true, fcpMs: await page.evaluate(() => window.__startup.fcp) };
  } catch (e) {
    return { page: 'floor', ok: false, error: String((e && e.message) || e).slice(0, 300) };
  } finally {
    await browser.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- main
const server = await serveStatic(MOUNTS);
const origin = `http://127.0.0.1:${server.address().port}`;
const graph = JSON.parse(readFileSync(GRAPH, 'utf8'));
const started = new Date();
const load0 = os.loadavg();
const cpu0 = cpuTimes();
const version = await (async () => {
  const b = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  try { return b.version(); } finally { await b.close(); }
})();
console.error(`chromium ${version}; ${LOADS} loads each, alternating app, d3; load average ${load0.map((x) => x.toFixed(2)).join(' ')}`);
// Warm-up (OS page cache, fonts), discarded, as the harness does.
await runOne('app', origin);
await runOne('d3', origin);
// The probe's control: an app load where the probe watches the canvas after the first frame the
// same way but dispatches nothing, for 2 s. A change seen here would be the app redrawing by itself
// (which would make "responded" mean nothing); none is expected.
const control = await (async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript(PROBE, 'app-control');
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: TIMEOUT, polling: 50 });
    await sleep(2000);
    return await page.evaluate(() => ({ changedWithoutInputAt: window.__startup.respondedAt ?? null, bakedChangedWithoutInputAt: window.__startup.bakedRespondedAt ?? null, looks: window.__startup.tries }));
  } catch (e) {
    return { error: String(e).slice(0, 300) };
  } finally {
    await browser.close().catch(() => {});
  }
})();
console.error(`probe control (no wheel): ${control.changedWithoutInputAt === null ? `no change in ${control.looks} looks over 2 s` : `CHANGED by itself at ${control.changedWithoutInputAt} ms`}`);
const runs = [];
for (let i = 1; i <= LOADS; i++) {
  for (const which of ['app', 'd3']) {
    const r = await runOne(which, origin);
    r.load = i;
    runs.push(r);
    console.error(`[${i}] ${which.padEnd(3)} ` + (r.ok
      ? `first pixels ${r.firstPixelsMs.toFixed(0)} ms, FCP ${r.fcpMs?.toFixed(0)} ms, interactive ${r.interactiveMs.toFixed(0)} ms, ` +
        `bytes before ${(r.bytesRaw / 1024).toFixed(1)} KB raw / ${(r.bytesBrotli / 1024).toFixed(1)} KB br, CLS ${r.cls.toFixed(4)}`
      : `FAILED: ${r.error}`));
  }
  const f = await runFloor(origin);
  f.load = i;
  runs.push(f);
  console.error(`[${i}] floor ` + (f.ok ? `FCP ${f.fcpMs.toFixed(0)} ms` : `FAILED: ${f.error}`));
}
const cpu1 = cpuTimes();
const load1 = os.loadavg();
server.close();

const of = (page, key) => runs.filter((r) => r.page === page && r.ok).map((r) => r[key]);
const S = (page, key) => summarize(of(page, key));
const keys = ['firstPixelsMs', 'frameMarkMs', 'liveFrameMs', 'onScreenMs', 'fcpMs', 'lcpMs', 'interactiveMs', 'liveInteractiveMs', 'bakedHandledMs', 'bakedRespondedMs', 'longestTaskMs', 'blockingMs', 'wheelHandledMs', 'respondedMs', 'layoutDoneMs', 'bytesRaw', 'bytesBrotli', 'cls', 'clsBeforeProbe', 'requestsBefore'];
const summary = Object.fromEntries(['app', 'd3'].map((p) => [p, Object.fromEntries(keys.map((k) => [k, S(p, k)]))]));
const d3First = summary.d3.firstPixelsMs.median;
const ratios = {
  firstPixels: summary.app.firstPixelsMs.median / d3First,
  frameMark: summary.app.frameMarkMs.median / summary.d3.frameMarkMs.median,
  interactive: summary.app.interactiveMs.median / d3First,
};
// Loads whose first paint came before their frame mark (first graph pixels fell back to the mark).
const fellBack = (page) => runs.filter((r) => r.page === page && r.ok && r.onScreenMs === null).length;
// Per load pair (app i, d3 i): how much the ratio itself moves.
const pairs = runs.filter((r) => r.page === 'app' && r.ok).map((a) => [a, runs.find((d) => d.page === 'd3' && d.ok && d.load === a.load)]).filter(([, d]) => d);
const pairRatio = (k) => summarize(pairs.map(([a, d]) => a[k] / d.firstPixelsMs));
const steal = cpu0 && cpu1 ? (100 * (cpu1.steal - cpu0.steal)) / Math.max(1, cpu1.total - cpu0.total) : null;
const busy = cpu0 && cpu1 ? (100 * (1 - (cpu1.idle - cpu0.idle) / Math.max(1, cpu1.total - cpu0.total))) : null;
const noise = {
  loadAverageBefore: load0, loadAverageAfter: load1, stealPercent: steal, cpuBusyPercent: busy,
  d3FirstFrameSpread: summary.d3.firstPixelsMs.max - summary.d3.firstPixelsMs.min,
  d3FirstFrameSpreadOfMedian: (summary.d3.firstPixelsMs.max - summary.d3.firstPixelsMs.min) / d3First,
  appFirstFrameSpreadOfMedian: (summary.app.firstPixelsMs.max - summary.app.firstPixelsMs.min) / summary.app.firstPixelsMs.median,
};

// ---------------------------------------------------------------- report
const f0 = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(0));
const f2 = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(2));
const f4 = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(4));
const kb = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : (x / 1024).toFixed(1));
const cell = (s, f, unit = '') => (s.n ? `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})` : '—');
const met = (r, t) => (Number.isFinite(r) ? (r <= t ? 'yes' : '**no**') : '—');
const A = summary.app, D = summary.d3;
const floor = summarize(runs.filter((r) => r.page === 'floor' && r.ok).map((r) => r.fcpMs));
const okCount = (p) => runs.filter((r) => r.page === p && r.ok).length;
const md = `Start-up: the app's default view (\`/\`) beside the d3-force peer (\`p1-d3-canvas\`) drawing the same graph
(${graph.nodes.length} nodes, ${graph.edges.length} edges: the app's default view exported by \`examples/bench_graph.rs\`).
Run of ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${okCount('app')}/${LOADS} app and ${okCount('d3')}/${LOADS} d3 loads, alternating, each in a fresh
headless Chromium ${version} (cold cache), 1280×800 @1×, \`${LAUNCH_ARGS.join(' ')}\`; ${os.cpus().length} cores.
Median (min–max) over the loads; times in ms from navigation start.

| measure | app | d3 peer | app ÷ d3's first graph pixels | target | met? |
|---|---|---|---|---|---|
| first graph pixels: the graph on screen (the first paint, at or after the frame mark; ${fellBack('app')} app and ${fellBack('d3')} d3 loads fell back to the mark) | ${cell(A.firstPixelsMs, f0)} | ${cell(D.firstPixelsMs, f0)} | ${f2(ratios.firstPixels)}× (pairs ${f2(pairRatio('firstPixelsMs').min)}–${f2(pairRatio('firstPixelsMs').max)}) | ≤ 0.6× | ${met(ratios.firstPixels, 0.6)} |
| frame mark, before that frame's layout, paint and raster (app: \`__bakedFrame\`, the baked picture shown; d3: \`__firstFrame\`, its canvas drawn) | ${cell(A.frameMarkMs, f0)} | ${cell(D.frameMarkMs, f0)} | ${f2(ratios.frameMark)}× d3's mark | — | — |
| app: live canvas drawn over it (\`__firstFrame\`) | ${cell(A.liveFrameMs, f0)} | — | ${f2(A.liveFrameMs.median / d3First)}× | — | — |
| interactive (the later of the first graph pixels and the first wheel taken) | ${cell(A.interactiveMs, f0)} | ${cell(D.interactiveMs, f0)} | ${f2(ratios.interactive)}× (pairs ${f2(pairRatio('interactiveMs').min)}–${f2(pairRatio('interactiveMs').max)}) | ≤ 1.3× | ${met(ratios.interactive, 1.3)} |
| app: its live canvas interactive (a wheel after \`__firstFrame\`, its zoomed frame seen) | ${cell(A.liveInteractiveMs, f0)} | — | ${f2(A.liveInteractiveMs.median / d3First)}× | — | — |
| longest main-thread task in the second after the first graph pixels (input waits for it) | ${cell(A.longestTaskMs, f0)} | ${cell(D.longestTaskMs, f0)} | — | — | — |
| blocking time in that second (each long task's time over 50 ms, summed) | ${cell(A.blockingMs, f0)} | ${cell(D.blockingMs, f0)} | — | — | — |
| bytes before first graph pixels, raw (as served) | ${cell(A.bytesRaw, kb, ' KB')} | ${cell(D.bytesRaw, kb, ' KB')} | ${f2(A.bytesRaw.median / D.bytesRaw.median)}× | — | — |
| the same files, brotli q11 | ${cell(A.bytesBrotli, kb, ' KB')} | ${cell(D.bytesBrotli, kb, ' KB')} | ${f2(A.bytesBrotli.median / D.bytesBrotli.median)}× | — | — |
| cumulative layout shift, to load + 3 s | ${cell(A.cls, f4)} | ${cell(D.cls, f4)} | — | — | — |

Details: app — before its canvas took over, a wheel on the baked picture was handled (its boot script called
preventDefault) at ${cell(A.bakedHandledMs, f0)} ms and the picture's box zoomed (in the frame then begun) at ${cell(A.bakedRespondedMs, f0)} ms
(on ${runs.filter((r) => r.page === 'app' && r.ok && r.bakedRespondedMs !== null).length} of ${okCount('app')} loads; "interactive" is that, else the live canvas's response);
after it, a wheel on the canvas first handled at ${cell(A.wheelHandledMs, f0)} ms, its zoomed frame seen at
${cell(A.respondedMs, f0)} ms; CLS before the probe's first wheel ${cell(A.clsBeforeProbe, f4)}; LCP ${cell(A.lcpMs, f0)} ms;
${cell(A.requestsBefore, f0)} responses before the first graph pixels. d3 — d3-zoom's handler took a wheel at
${cell(D.wheelHandledMs, f0)} ms (before its graph was on screen on ${runs.filter((r) => r.page === 'd3' && r.ok && r.wheelHandledMs <= r.firstPixelsMs).length} of ${okCount('d3')} loads); it ignores zoom until its layout ends (\`__layoutDone\` ${cell(D.layoutDoneMs, f0)} ms);
${cell(D.requestsBefore, f0)} responses before its graph was on screen. First Contentful Paint: app ${cell(A.fcpMs, f0)}, d3 ${cell(D.fcpMs, f0)} ms.

Floor (what the first-pixels target asks, in this browser on this machine): a page of one line of text,
no script and no stylesheet, loaded the same way after each pair, painted first (FCP) at
${cell(floor, f0)} ms, ${f2(floor.median / D.firstPixelsMs.median)}× d3's first graph pixels; the target, ≤ 0.6×, is ${f0(0.6 * D.firstPixelsMs.median)} ms.

Probe control (an app load watched the same way, with no wheel, for 2 s after its first frame): ${control.error ? 'failed: ' + control.error : control.changedWithoutInputAt === null ? `the canvas did not change by itself (${control.looks} looks)${control.bakedChangedWithoutInputAt === null ? ', nor did the baked picture before it' : `, but **the baked picture moved by itself at ${f0(control.bakedChangedWithoutInputAt)} ms**`}` : `**the canvas changed by itself at ${f0(control.changedWithoutInputAt)} ms**: "interactive" is not trustworthy in this run`}.

Machine noise: load average ${load0.map((x) => x.toFixed(2)).join(' / ')} before, ${load1.map((x) => x.toFixed(2)).join(' / ')} after (1 / 5 / 15 min);
CPU busy ${f0(busy)} %, steal ${f2(steal)} % over the run (/proc/stat); d3's own first graph pixels spread
${f0(noise.d3FirstFrameSpread)} ms across loads (${f0(100 * noise.d3FirstFrameSpreadOfMedian)} % of its median), the app's ${f0(100 * noise.appFirstFrameSpreadOfMedian)} %.
`;
const result = {
  started: started.toISOString(), finished: new Date().toISOString(),
  config: { loads: LOADS, order: 'warm-up app, d3 (discarded); then app, d3 alternating', viewport: VIEWPORT, deviceScaleFactor: 1, launchArgs: LAUNCH_ARGS, settleMs: SETTLE_MS },
  env: { chromium: version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
  graph: { nodes: graph.nodes.length, edges: graph.edges.length, meta: graph.meta },
  summary, floorFcpMs: floor, ratios, probeControl: control, pairRatios: { firstPixels: pairRatio('firstPixelsMs'), interactive: pairRatio('interactiveMs') }, fellBackToMark: { app: fellBack('app'), d3: fellBack('d3') }, noise, runs,
};
mkdirSync(resolve(OUT, '..'), { recursive: true });
const cwd = process.cwd() + sep;
const scrub = (s) => s.split(cwd).join(''); // repository-relative paths only
writeFileSync(OUT, scrub(JSON.stringify(result, null, 1)));
writeFileSync(OUT.replace(/\.json$/, '') + '.md', scrub(md));
console.log(md);
console.error(`wrote ${relative(process.cwd(), OUT)} and its .md`);
