#!/usr/bin/env node
// The bench page's first frame beside other pages, in interleaved loads, with where its time goes
// (issue #18). The shared harness gives each page's first frame over a few repetitions; this
// alternates pages load by load (a fresh Chromium each, the harness runner's flags), so that the
// machine's drift hits them alike, and reads the bench page's own performance marks:
//
//   node scripts/first-frame.mjs [--size 1000] [--loads 11] [--harness target/bench/harness]
//        [--page bench=target/bench/bench-page] [--page d3=target/bench/harness/dist/p1-d3-canvas]
//        [--page name=folder@file.html …] [--marks]
//
// A page is a folder served at /<name>/ and opened at <file>?graph=/graphs/graph-<size>.json
// (file: its index.html unless given). The defaults are the bench page as scripts/bench.sh makes
// it (dist/bench.html as the folder's index.html) and the harness's d3 peer, built by that script:
// run it once first (`bash scripts/bench.sh --sizes 120 --reps 1` is enough). One discarded load
// of each page first, then `--loads` each, alternating. Prints, per page, the median first frame
// (`__firstFrame`, ms from navigation) and every load's, then the medians of the bench page's
// steps: the module running (`bench:wasmStarted`), the graph's bytes in wasm memory
// (`bench:graphBytes`), the graph parsed (`__graphLoaded`), the scene set up
// (`bench:simReady`), and the time between them; and when each file arrived. `--marks` prints
// the first counted load's marks as they came. The medians are of each step, not of one load.
import { chromium } from 'playwright-core';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { options, LAUNCH_ARGS, VIEWPORT, serveStatic } from './bench-lib.mjs';

const argv = process.argv.slice(2);
const opt = options(argv);
const HARNESS = resolve(opt('harness', 'target/bench/harness'));
const SIZE = Number(opt('size', 1000));
const LOADS = Number(opt('loads', 11));
const CHROMIUM = opt('chromium', '/usr/bin/chromium');
// The harness's helpers (median, number format), from its copy, as the other bench scripts use them.
const { median, fmt } = await import(pathToFileURL(join(HARNESS, 'scripts', 'lib-stats.mjs')).href);
const given = argv.flatMap((a, i) => (a === '--page' && argv[i + 1] ? [argv[i + 1]] : []));
const specs = given.length ? given : ['bench=target/bench/bench-page', `d3=${join(HARNESS, 'dist', 'p1-d3-canvas')}`];
const pages = specs.map((s) => {
  const [name, rest] = s.split('=');
  const [folder, file = ''] = (rest || '').split('@');
  if (!name || !folder) throw new Error(`--page wants name=folder[@file], not "${s}"`);
  return { name, folder: resolve(folder), file };
});

const server = await serveStatic([['/graphs/', join(HARNESS, 'graphs')], ...pages.map((p) => [`/${p.name}/`, p.folder])]);
const base = `http://127.0.0.1:${server.address().port}`;

async function load(page) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const tab = await browser.newPage({ viewport: VIEWPORT });
    await tab.goto(`${base}/${page.name}/${page.file}?graph=/graphs/graph-${SIZE}.json`);
    await tab.waitForFunction(() => window.__firstFrame !== undefined || window.__benchError !== undefined, null, { timeout: 60000 });
    return await tab.evaluate(() => {
      const at = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace(/^bench:/, ''), m.startTime]));
      const files = Object.fromEntries(performance.getEntriesByType('resource')
        .map((r) => [r.name.split('/').pop().split('?')[0].replace(/-[0-9a-f]{16}/, ''), r.responseEnd]));
      return {
        error: window.__benchError ?? null,
        firstFrame: window.__firstFrame,
        graphLoaded: window.__graphLoaded ?? at.graphLoaded,
        wasmStarted: at.wasmStarted, graphBytes: at.graphBytes, simReady: at.simReady,
        parsed: performance.getEntriesByType('navigation')[0].domInteractive,
        files,
        marks: performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`).join(', '),
      };
    });
  } finally {
    await browser.close();
  }
}

const rows = Object.fromEntries(pages.map((p) => [p.name, []]));
for (let i = 0; i <= LOADS; i++) {
  for (const page of pages) {
    const r = await load(page);
    if (r.error) throw new Error(`${page.name}: ${r.error}`);
    if (i === 1 && argv.includes('--marks')) console.log(`${page.name}: ${r.marks}`);
    if (i > 0) rows[page.name].push(r); // the first load of each page warms the machine, not counted
  }
}
server.close();

console.log(`graph-${SIZE}.json, ${LOADS} loads each, interleaved; ms from navigation, medians`);
for (const page of pages) {
  const rs = rows[page.name];
  const ff = rs.map((r) => r.firstFrame).sort((a, b) => a - b);
  console.log(`\n${page.name}: first frame ${fmt(median(ff))} (every load: ${ff.map((x) => fmt(x)).join(' ')})`);
  const step = (k) => median(rs.map((r) => r[k]));
  const between = (a, b) => median(rs.map((r) => r[b] - r[a]));
  const steps = [['page parsed', 'parsed'], ['module running', 'wasmStarted'], ['graph bytes in wasm', 'graphBytes'],
    ['graph parsed', 'graphLoaded'], ['scene set up', 'simReady']].filter(([, k]) => step(k) !== null);
  if (steps.length) console.log('  at:      ' + steps.map(([label, k]) => `${label} ${fmt(step(k))}`).join(' | '));
  if (step('simReady') !== null) {
    console.log('  between: ' + [['bytes in', 'wasmStarted', 'graphBytes'], ['parse', 'graphBytes', 'graphLoaded'],
      ['set-up', 'graphLoaded', 'simReady'], ['first draw', 'simReady', 'firstFrame']]
      .map(([label, a, b]) => `${label} ${fmt(between(a, b))}`).join(' | '));
  }
  const names = [...new Set(rs.flatMap((r) => Object.keys(r.files)))];
  console.log('  files in: ' + names.map((n) => `${n} ${fmt(median(rs.map((r) => r.files[n])))}`).join(' | '));
}
