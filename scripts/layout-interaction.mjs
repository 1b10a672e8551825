#!/usr/bin/env node
// Pan and zoom DURING the bench page's force layout (issue #18, "large graphs at the machine's
// speed"). The shared harness measures its scripted interaction only after `__layoutDone`; this
// runs the very same interaction (a copy of scripts/run-bench.mjs's `interact`: drag-pan along a
// figure-8, 8 wheel notches −100 every 60 ms, drag again, 8 notches +100) while the layout runs,
// and reports the requestAnimationFrame intervals, plus each load's first frame and layout time.
//
//   node scripts/layout-interaction.mjs --app target/bench/app --harness target/bench/harness \
//        [--sizes 10000] [--loads 3] [--threads auto,main] [--start-after 1500] [--quiet-loads 1]
//
// --threads: `auto` opens `bench.html?graph=…` as the harness does; `main` / `worker` add
// `&layout-thread=…` (the bench page's override). Each load is a fresh Chromium with the
// harness runner's flags (its BASE_ARGS + --disable-gpu), 1280×800 at 1×, the harness's kind of
// static server. Loads alternate between the threads. `--quiet-loads N` adds N loads per thread
// without interaction (the layout time as the harness sees it). A load whose layout ended before
// the interaction did is flagged: its frames are partly after the layout.
import { chromium } from 'playwright-core';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { options, LAUNCH_ARGS, VIEWPORT, serveStatic } from './bench-lib.mjs';
import os from 'node:os';

const opt = options();
const APP = resolve(opt('app', 'target/bench/app'));
const HARNESS = resolve(opt('harness', 'target/bench/harness'));
const SIZES = opt('sizes', '10000').split(',').map(Number);
const LOADS = Number(opt('loads', 3));
const QUIET = Number(opt('quiet-loads', 0));
const THREADS = opt('threads', 'auto').split(',');
const START_AFTER = Number(opt('start-after', 1500));
const TIMEOUT = Number(opt('timeout', 120000));
const CHROMIUM = opt('chromium', '/usr/bin/chromium');
const { frameStats, summarize } = await import(pathToFileURL(join(HARNESS, 'scripts', 'lib-stats.mjs')).href);
const INTERACTION_MS = 3000;

const MOUNTS = [['/graphs/', join(HARNESS, 'graphs')], ['/app/', APP]];

const RECORDER = `(() => {
  const rec = { ts: [], gen: 0 };
  rec.start = () => { const gen = ++rec.gen; rec.ts = []; const f = (t) => { if (gen !== rec.gen) return; rec.ts.push(t); requestAnimationFrame(f); }; requestAnimationFrame(f); };
  rec.stop = () => { rec.gen++; return rec.ts; };
  Object.defineProperty(window, '__benchFrames', { value: rec, enumerable: false });
})();`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A copy of the harness runner's `interact` (scripts/run-bench.mjs).
async function interact(page, totalMs) {
  const cx = VIEWPORT.width / 2, cy = VIEWPORT.height / 2;
  const phases = [{ until: 1 / 3, kind: 'drag' }, { until: 1 / 2, kind: 'zoomIn' }, { until: 5 / 6, kind: 'drag' }, { until: 1, kind: 'zoomOut' }];
  const counts = { moves: 0, wheels: 0 };
  let dragging = false, lastWheel = -1e9, phaseIdx = -1, phaseStart = 0;
  const t0 = Date.now();
  for (;;) {
    const stepStart = Date.now();
    const el = stepStart - t0;
    if (el >= totalMs) break;
    const pi = phases.findIndex((p) => el < p.until * totalMs);
    if (pi !== phaseIdx) { phaseIdx = pi; phaseStart = el; }
    const ph = phases[pi];
    const phaseDur = (ph.until - (pi ? phases[pi - 1].until : 0)) * totalMs;
    if (ph.kind === 'drag') {
      if (!dragging) { await page.mouse.move(cx, cy); await page.mouse.down(); dragging = true; }
      const u = Math.min(1, (el - phaseStart) / phaseDur);
      await page.mouse.move(cx + 200 * Math.sin(2 * Math.PI * u), cy + 100 * Math.sin(4 * Math.PI * u));
      counts.moves++;
    } else {
      if (dragging) { await page.mouse.move(cx, cy); await page.mouse.up(); dragging = false; }
      if (el - lastWheel >= 60) { await page.mouse.wheel(0, ph.kind === 'zoomIn' ? -100 : 100); lastWheel = el; counts.wheels++; }
    }
    const spent = Date.now() - stepStart;
    if (spent < 16) await sleep(16 - spent);
  }
  if (dragging) await page.mouse.up();
  return counts;
}

function cpuTimes() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { total: f.reduce((a, b) => a + b, 0), idle: f[3] + f[4], steal: f[7] || 0 };
}

async function load(origin, size, thread, withInput) {
  const q = `graph=${encodeURIComponent(`/graphs/graph-${size}.json`)}` + (thread === 'auto' ? '' : `&layout-thread=${thread}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript(RECORDER);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${origin}/app/bench.html?${q}`, { waitUntil: 'commit' });
    // A function, not a string: the page's CSP allows no eval.
    const mark = async (name) => (await page.waitForFunction((k) => (window.__benchError ? 'ERR:' + window.__benchError : window[k]), name, { timeout: TIMEOUT, polling: 50 })).jsonValue();
    const first = await mark('__firstFrame');
    if (typeof first === 'string') throw new Error(first);
    const r = { size, thread, withInput, firstFrameMs: first };
    if (withInput) {
      await sleep(START_AFTER);
      await page.evaluate(() => window.__benchFrames.start());
      const t0 = await page.evaluate(() => performance.now());
      r.input = await interact(page, INTERACTION_MS);
      const ts = await page.evaluate(() => window.__benchFrames.stop());
      r.frames = frameStats(ts, 1000 / 60);
      r.interactionStartMs = t0;
    }
    const done = await mark('__layoutDone');
    if (typeof done === 'string') throw new Error(done);
    r.layoutDoneMs = done;
    r.info = await page.evaluate(() => ({ iterations: window.__benchInfo.iterations, layoutThread: window.__benchInfo.layoutThread }));
    r.layoutEndedDuringInput = withInput && done < r.interactionStartMs + INTERACTION_MS;
    // (Builds before the layout worker have no `positions`.)
    const pos = await page.evaluate(() => (window.__benchInfo.positions ? Array.from(window.__benchInfo.positions()) : []));
    r.positionsFinite = pos.every(Number.isFinite);
    r.errors = errors;
    return r;
  } finally {
    await browser.close();
  }
}

const server = await serveStatic(MOUNTS);
const origin = `http://127.0.0.1:${server.address().port}`;
const cpu0 = cpuTimes();
console.log(`# layout-interaction ${new Date().toISOString()} — load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const runs = [];
for (const size of SIZES) {
  const plan = [];
  for (let i = 0; i < LOADS; i++) for (const t of THREADS) plan.push([t, true]);
  for (let i = 0; i < QUIET; i++) for (const t of THREADS) plan.push([t, false]);
  for (const [thread, withInput] of plan) {
    const r = await load(origin, size, thread, withInput);
    runs.push(r);
    const f = r.frames;
    console.log(`${size} ${thread.padEnd(6)} ${withInput ? 'pan/zoom' : 'quiet   '} (${r.info.layoutThread}): first ${r.firstFrameMs.toFixed(0)} ms, layout done ${r.layoutDoneMs.toFixed(0)} ms (${r.info.iterations} ticks)` +
      (f ? `; frames during layout median ${f.medianMs.toFixed(1)} / p95 ${f.p95Ms.toFixed(1)} / max ${f.maxMs.toFixed(1)} ms, ${f.dropped} dropped, ${r.input.moves + r.input.wheels} input events${r.layoutEndedDuringInput ? ' (LAYOUT ENDED DURING THE INPUT)' : ''}` : '') +
      `; positions finite: ${r.positionsFinite}${r.errors.length ? '; errors: ' + r.errors.join(' | ') : ''}`);
  }
  for (const t of THREADS) {
    const rs = runs.filter((r) => r.size === size && r.thread === t);
    const s = (xs) => { const v = summarize(xs); return `${v.median?.toFixed(1)} (${v.min?.toFixed(1)}–${v.max?.toFixed(1)})`; };
    console.log(`summary ${size} ${t}: first frame ${s(rs.map((r) => r.firstFrameMs))} ms; layout done ${s(rs.map((r) => r.layoutDoneMs))} ms; ` +
      `p95 during layout ${s(rs.filter((r) => r.frames).map((r) => r.frames.p95Ms))} ms`);
  }
}
const cpu1 = cpuTimes();
const dt = cpu1.total - cpu0.total;
console.log(`# CPU over the run: busy ${(100 * (1 - (cpu1.idle - cpu0.idle) / dt)).toFixed(0)} %, steal ${(100 * (cpu1.steal - cpu0.steal) / dt).toFixed(1)} %; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
server.close();
