// Bench mode (?graph=): the shared harness's page contract, under the app's CSP, on its own
// page (bench.html, what the harness opens) and through the app's (index.html?graph=), both
// running the bench module (src/bench_page.rs), never the app's.
import { test, expect } from './fixtures.mjs';

/** A bench-format graph: two hubs and n countries, each tied to a hub and a neighbour. */
function graph(n) {
  const nodes = [
    { id: 'hub:artemis', label: 'Artemis Accords', group: 'hub' },
    { id: 'hub:ilrs', label: 'ILRS', group: 'hub' },
  ];
  const edges = [];
  for (let i = 0; i < n; i++) {
    const group = ['artemis', 'ilrs', 'both'][i % 3];
    nodes.push({ id: `c:${i}`, label: `Country ${i}`, group });
    edges.push({ source: `c:${i}`, target: group === 'ilrs' ? 'hub:ilrs' : 'hub:artemis', kind: group === 'ilrs' ? 'ilrs' : 'artemis' });
    if (i > 0) edges.push({ source: `c:${i}`, target: `c:${i - 1}`, kind: 'bilateral' });
  }
  return { meta: { n }, nodes, edges };
}

for (const at of ['/bench.html', '/']) test(`${at}?graph= draws the graph, lays it out and marks the contract, with no console error`, async ({ page, watched }) => {
  const urls = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  await page.route('**/test-graph.json', (r) => r.fulfill({ json: graph(60) }));
  await page.goto(`${at}?graph=test-graph.json`);
  await page.waitForFunction(() => window.__layoutDone !== undefined, null, { timeout: 20000 });
  const marks = await page.evaluate(() => ({
    loaded: window.__graphLoaded, first: window.__firstFrame, done: window.__layoutDone,
    error: window.__benchError, info: window.__benchInfo,
  }));
  expect(marks.error).toBeUndefined();
  expect(marks.loaded).toBeLessThanOrEqual(marks.first);
  expect(marks.first).toBeLessThanOrEqual(marks.done);
  expect(marks.info.iterations).toBeGreaterThan(100);
  // The canvas fills the viewport (sized through the CSSOM, which the CSP allows).
  const box = await page.getByLabel('Benchmark graph').boundingBox();
  const vp = page.viewportSize();
  expect([Math.round(box.width), Math.round(box.height)]).toEqual([vp.width, vp.height]);
  expect(watched.errors).toEqual([]);
  // The bench module drew it; its own page fetches nothing of the app's module.
  expect(urls).toContain('/bench-page_bg.wasm');
  if (at === '/bench.html') expect(urls.filter((u) => u.startsWith('/space-alliances'))).toEqual([]);
});

/** FNV-1a (64-bit) over the little-endian bytes of every coordinate: layout::tests::positions_hash. */
function positionsHash(coords) {
  const bytes = new Uint8Array(new Float32Array(coords).buffer);
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return '0x' + h.toString(16);
}

// The native test `the_bench_layout_is_the_same_from_its_flat_input_and_stops_after_300_ticks`
// asserts this hash for the same graph: the browser's layout, in the worker or on the main
// thread, ends on the native positions to the last bit.
const NATIVE_300_HASH = '0x5e56bdff4343b1f9';

for (const thread of ['worker', 'main']) {
  test(`laid out on the ${thread} thread, the graph ends on the native layout's very positions`, async ({ page, watched }) => {
    await page.route('**/g300.json', (r) => r.fulfill({ json: graph(300) }));
    await page.goto(`/bench.html?graph=g300.json&layout-thread=${thread}`);
    await page.waitForFunction(() => window.__layoutDone !== undefined || window.__benchError !== undefined, null, { timeout: 20000 });
    const r = await page.evaluate(() => ({
      error: window.__benchError, thread: window.__benchInfo.layoutThread,
      ticks: window.__benchInfo.iterations, pos: Array.from(window.__benchInfo.positions()),
    }));
    expect(r.error).toBeUndefined();
    expect(r.thread).toBe(thread);
    expect(r.ticks).toBe(301);
    expect(r.pos).toHaveLength(2 * 302);
    expect(r.pos.every(Number.isFinite)).toBe(true);
    expect(positionsHash(r.pos)).toBe(NATIVE_300_HASH);
    expect(watched.errors).toEqual([]);
  });
}

test('a graph of 500 nodes or more goes to the worker by default, smaller ones stay on the main thread', async ({ page }) => {
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  for (const [n, thread] of [[498, 'worker'], [497, 'main']]) {
    await page.route(`**/g${n}.json`, (r) => r.fulfill({ json: graph(n) }));
    await page.goto(`/bench.html?graph=g${n}.json`);
    await page.waitForFunction(() => window.__benchInfo?.layoutThread !== undefined, null, { timeout: 20000 });
    expect(await page.evaluate(() => window.__benchInfo.layoutThread)).toBe(thread);
    // Laid out to the end, not stopped: a worker stopped as it starts may never be reported.
    await page.waitForFunction(() => window.__layoutDone !== undefined, null, { timeout: 20000 });
  }
  expect(workers.map((u) => new URL(u).pathname)).toEqual(['/layout-worker_loader.js']);
});

// More than 1 MiB of graph (about 4,500 nodes here): the bench start creates the layout worker
// while the rest arrives, and the bench module adopts it (scripts/postbuild.mjs, benchStart).
test('a graph over 1 MiB gets its layout worker while it arrives, and the bench module adopts it', async ({ page, watched }) => {
  const big = graph(7000);
  expect(JSON.stringify(big).length).toBeGreaterThan(1 << 20);
  await page.route('**/big.json', (r) => r.fulfill({ json: big }));
  // When each worker is created, in the page's time.
  await page.addInitScript(() => {
    const Made = window.Worker;
    window.__workersMade = [];
    window.Worker = function (...args) {
      window.__workersMade.push(performance.now());
      return new Made(...args);
    };
  });
  const workers = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await page.goto('/bench.html?graph=big.json');
  await page.waitForFunction(() => window.__layoutDone !== undefined || window.__benchError !== undefined, null, { timeout: 20000 });
  const r = await page.evaluate(() => ({
    error: window.__benchError, thread: window.__benchInfo.layoutThread, ticks: window.__benchInfo.iterations,
    made: window.__workersMade, loaded: window.__graphLoaded, pos: Array.from(window.__benchInfo.positions()),
  }));
  expect(r.error).toBeUndefined();
  expect(r.thread).toBe('worker');
  expect(r.ticks).toBe(301);
  expect(r.pos.every(Number.isFinite)).toBe(true);
  // One worker, made before the module had the graph parsed.
  expect(workers).toEqual(['/layout-worker_loader.js']);
  expect(r.made).toHaveLength(1);
  expect(r.made[0]).toBeLessThan(r.loaded);
  expect(watched.errors).toEqual([]);
});

test('a large graph kept on the main thread, or whose worker cannot load, is laid out on the main thread', async ({ page, watched }) => {
  const big = graph(7000);
  expect(JSON.stringify(big).length).toBeGreaterThan(1 << 20);
  await page.route('**/big.json', (r) => r.fulfill({ json: big }));
  const workers = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  // layout-thread=main: no worker at all.
  await page.goto('/bench.html?graph=big.json&layout-thread=main');
  await page.waitForFunction(() => window.__benchInfo?.layoutThread !== undefined, null, { timeout: 20000 });
  expect(await page.evaluate(() => window.__benchInfo.layoutThread)).toBe('main');
  await page.evaluate(() => window.__benchStopLayout());
  await page.waitForFunction(() => window.__layoutDone !== undefined, null, { timeout: 20000 });
  expect(workers).toEqual([]);
  // The worker's script missing: its error, heard before the module listened, sends the layout here.
  await page.route('**/layout-worker_loader.js', (r) => r.fulfill({ status: 404 }));
  await page.goto('/bench.html?graph=big.json');
  await page.waitForFunction(() => window.__benchInfo?.layoutThread === 'main' || window.__benchError !== undefined, null, { timeout: 20000 });
  expect(await page.evaluate(() => window.__benchError)).toBeUndefined();
  await page.evaluate(() => window.__benchStopLayout());
  await page.waitForFunction(() => window.__layoutDone !== undefined, null, { timeout: 20000 });
  // Its module missing (a graph under 1 MiB, the worker made after the first frame): the
  // worker's script throws it, so the page hears an error and lays out here.
  await page.unroute('**/layout-worker_loader.js');
  await page.route('**/layout-worker_bg.wasm', (r) => r.fulfill({ status: 404 }));
  await page.route('**/g600.json', (r) => r.fulfill({ json: graph(600) }));
  await page.goto('/bench.html?graph=g600.json');
  await page.waitForFunction(() => window.__layoutDone !== undefined || window.__benchError !== undefined, null, { timeout: 20000 });
  expect(await page.evaluate(() => [window.__benchError, window.__benchInfo.layoutThread])).toEqual([undefined, 'main']);
  expect(watched.errors.filter((e) => !/layout-worker|404|WebAssembly/.test(e))).toEqual([]);
});

test('the app itself never fetches the layout worker nor the bench module', async ({ page }) => {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto('/');
  await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 20000 });
  await page.waitForTimeout(500);
  expect(urls.filter((u) => u.includes('layout-worker') || u.includes('bench-page'))).toEqual([]);
  expect(urls.some((u) => u.endsWith('.wasm'))).toBe(true);
});

test('a malformed, missing or absent graph is reported to the harness and on the page, not hung', async ({ page }) => {
  await page.route('**/broken.json', (r) => r.fulfill({ body: '{"nodes": [', contentType: 'application/json' }));
  for (const [link, why] of [
    ['/?graph=broken.json', /not a bench graph: unexpected end/],
    ['/bench.html?graph=nowhere.json', /could not load nowhere\.json: HTTP 404/],
    ['/bench.html', /names no graph/],
  ]) {
    await page.goto(link);
    await page.waitForFunction(() => window.__benchError !== undefined);
    expect(await page.evaluate(() => window.__benchError)).toMatch(why);
    await expect(page.getByRole('alert')).toContainText(why);
  }
  // The module's script missing: the bench start script says so the same way.
  await page.route('**/bench-page.js', (r) => r.fulfill({ status: 404 }));
  await page.goto('/bench.html?graph=broken.json');
  await page.waitForFunction(() => window.__benchError !== undefined);
  expect(await page.evaluate(() => window.__benchError)).toMatch(/The bench page could not start \(could not load bench-page\.js\)/);
  await expect(page.getByRole('alert')).toContainText('could not load bench-page.js');
  // Its start script missing, on the app's page: the early start says so.
  await page.unroute('**/bench-page.js');
  await page.route('**/bench-start-*.js', (r) => r.fulfill({ status: 404 }));
  await page.goto('/?graph=broken.json');
  await page.waitForFunction(() => window.__benchError !== undefined);
  expect(await page.evaluate(() => window.__benchError)).toMatch(/The bench page could not start \(could not load bench-start-[0-9a-f]{16}\.js\)/);
  await expect(page.getByRole('alert')).toContainText('could not load bench-start-');
});

test('without WebAssembly, the bench page says so to the harness and on the page, on both of its pages', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  for (const link of ['/bench.html?graph=test-graph.json', '/?graph=test-graph.json']) {
    await page.goto(link);
    await page.waitForFunction(() => window.__benchError !== undefined);
    expect(await page.evaluate(() => window.__benchError)).toBe('This browser cannot run WebAssembly, which the bench page needs.');
    await expect(page.getByRole('alert')).toHaveText('This browser cannot run WebAssembly, which the bench page needs.');
  }
});

/** Drags across the canvas in small steps, one per animation frame. */
async function drag(page) {
  await page.mouse.move(600, 400);
  await page.mouse.down();
  for (let i = 1; i <= 15; i++) {
    await page.mouse.move(600 + 10 * i, 400 + 5 * i);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  await page.mouse.up();
  await page.mouse.wheel(0, -100);
  await page.waitForTimeout(600);
  return page.evaluate(() => window.__benchInfo.framesDrawn());
}

test('a large graph pans by moving its last frame, then redraws once when the view stops', async ({ page }) => {
  // 4 100 countries: 4 102 nodes and 8 199 edges, over the 12 000-element threshold.
  await page.route('**/large.json', (r) => r.fulfill({ json: graph(4100) }));
  await page.goto("/bench.html?graph=large.json");
  await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 20000 });
  await page.evaluate(() => window.__benchStopLayout());
  await page.waitForFunction(() => window.__layoutDone !== undefined, null, { timeout: 20000 });
  const [full0, moved0] = await page.evaluate(() => window.__benchInfo.framesDrawn());
  const [full1, moved1] = await drag(page);
  expect(moved1 - moved0).toBeGreaterThanOrEqual(5);
  expect(full1 - full0).toBe(1);
});

test('a small graph redraws fully on every frame of a pan', async ({ page }) => {
  await page.route('**/small.json', (r) => r.fulfill({ json: graph(300) }));
  await page.goto("/bench.html?graph=small.json");
  await page.waitForFunction(() => window.__layoutDone !== undefined, null, { timeout: 20000 });
  const [full0, moved0] = await page.evaluate(() => window.__benchInfo.framesDrawn());
  const [full1, moved1] = await drag(page);
  expect(moved1).toBe(moved0);
  expect(full1 - full0).toBeGreaterThanOrEqual(5);
});
