// Bench mode (?graph=): the shared harness's page contract, under the app's CSP.
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

test('draws the graph, lays it out and marks the contract, with no console error', async ({ page, watched }) => {
  await page.route('**/test-graph.json', (r) => r.fulfill({ json: graph(60) }));
  await page.goto('/?graph=test-graph.json');
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
});

test('a malformed or missing graph is reported, not hung', async ({ page }) => {
  await page.route('**/broken.json', (r) => r.fulfill({ body: '{"nodes": [', contentType: 'application/json' }));
  await page.goto('/?graph=broken.json');
  await page.waitForFunction(() => window.__benchError !== undefined);
  expect(await page.evaluate(() => window.__benchError)).toMatch(/not a bench graph: unexpected end/);
  await page.goto('/?graph=nowhere.json');
  await page.waitForFunction(() => window.__benchError !== undefined);
  expect(await page.evaluate(() => window.__benchError)).toMatch(/could not load nowhere\.json: HTTP 404/);
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
  await page.goto('/?graph=large.json');
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
  await page.goto('/?graph=small.json');
  await page.waitForFunction(() => window.__layoutDone !== undefined, null, { timeout: 20000 });
  const [full0, moved0] = await page.evaluate(() => window.__benchInfo.framesDrawn());
  const [full1, moved1] = await drag(page);
  expect(moved1).toBe(moved0);
  expect(full1 - full0).toBeGreaterThanOrEqual(5);
});
