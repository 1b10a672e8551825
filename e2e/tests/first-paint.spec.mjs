// The graph at first paint (issue #18): the default view is in the HTML,
// baked at build time, and the live canvas takes it over without a jump.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.mjs';
import { captureShell } from '../shell.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Holds the app's WebAssembly back until the returned function is called. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Centres of the baked picture's nodes (the one shown), by live option id. */
function bakedNodes(page) {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll('#baked svg.baked-graph')].find((s) => s.getClientRects().length > 0);
    if (!svg) return null;
    const nodes = {};
    for (const g of svg.querySelectorAll('g[data-id]')) {
      const b = g.getBoundingClientRect();
      nodes['node-' + g.dataset.id.replace(':', '-')] = [b.x + b.width / 2, b.y + b.height / 2];
    }
    return { picture: svg.getAttribute('class'), nodes };
  });
}

test('the baked page is the app\'s own markup of the default view', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => window.__firstFrame !== undefined);
  const committed = fs.readFileSync(path.join(root, 'assets/first-paint/shell.html'), 'utf8');
  // On a mismatch the baked page would shift when the app arrives: renew it with
  // `node scripts/first-paint-shell.mjs` and build again.
  expect(await captureShell(page), 'assets/first-paint/shell.html is stale').toBe(committed);
});

for (const { name, viewport, picture, dark } of [
  { name: 'a desktop', viewport: { width: 1280, height: 800 }, picture: 'landscape light' },
  { name: 'a wide desktop in the dark', viewport: { width: 1920, height: 1080 }, picture: 'wide dark', dark: true },
  { name: 'a phone held upright', viewport: { width: 390, height: 844 }, picture: 'portrait light' },
  { name: 'a small phone (a landscape box)', viewport: { width: 375, height: 667 }, picture: 'landscape light' },
]) {
  test(`on ${name}, the graph shows before the app starts, and the canvas takes over at its positions`, async ({ page, watched }) => {
    await page.setViewportSize(viewport);
    if (dark) await page.emulateMedia({ colorScheme: 'dark' });
    const release = await holdWasm(page);
    await page.goto('/');
    // Before any WebAssembly: the graph drawn (shown once parsed whole), the app not shown yet.
    await expect(page.locator('#baked')).toHaveClass(/shown/);
    expect(await page.evaluate(() => window.__bakedFrame)).toBeGreaterThan(0);
    const baked = await bakedNodes(page);
    expect(baked, 'a baked picture is shown').not.toBeNull();
    expect(baked.picture).toBe(`baked-graph ${picture}`);
    expect(Object.keys(baked.nodes).length).toBeGreaterThan(50);
    await expect(page.locator('#baked text', { hasText: /^Artemis$/ }).first()).toBeAttached();
    await expect(page.locator('#app')).toBeHidden();
    // The baked controls cannot be used before the app runs them.
    expect(await page.locator('#baked').getAttribute('inert')).not.toBeNull();

    release();
    await page.waitForFunction(() => window.__firstFrame !== undefined);
    await expect(page.locator('#baked')).toHaveCount(0);
    await expect(page.getByRole('listbox', { name: /^Network graph of/ })).toBeVisible();
    const live = await liveNodes(page);
    const ids = Object.keys(baked.nodes);
    expect(ids.filter((id) => !live[id]), 'every baked node is live').toEqual([]);
    expect(Object.keys(live).length).toBe(ids.length);
    const far = ids
      .map((id) => [id, Math.hypot(baked.nodes[id][0] - live[id][0], baked.nodes[id][1] - live[id][1])])
      .filter(([, d]) => d > 0.5);
    expect(far, 'nodes more than half a pixel from their baked place').toEqual([]);
    // Nothing moved on the page as the app arrived.
    const shifts = await page.evaluate(() => new Promise((done) => {
      new PerformanceObserver((list) => done(list.getEntries().map((e) => ({
        value: e.value,
        moved: e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className?.baseVal ?? s.node?.className}: ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`),
      })))).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => done([]), 500);
    }));
    expect(shifts, 'layout shifts').toEqual([]);
    expect(watched.errors).toEqual([]);
  });
}

/** Centres of the live graph's nodes: the boxes of their options. */
async function liveNodes(page) {
  // Placed once the list is built after the first frame.
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => {
    const out = {};
    for (const o of document.querySelectorAll('#graph [role=option]')) {
      const r = o.getBoundingClientRect();
      out[o.id] = [r.left + r.width / 2, r.top + r.height / 2];
    }
    done(out);
  })));
}

test('the baked graph follows the wheel and a drag before the app starts, and the app takes over where the reader left it', async ({ page, watched }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('#baked')).toHaveClass(/shown/);
  const before = await bakedNodes(page);
  const box = await page.locator('#baked .baked-box').boundingBox();
  const [cx, cy] = [box.x + box.width * 0.6, box.y + box.height * 0.4];
  await page.mouse.move(cx, cy);
  await page.mouse.wheel(0, -200);
  await page.mouse.down();
  await page.mouse.move(cx - 40, cy + 25, { steps: 4 });
  await page.mouse.up();
  // The picture moved under the pointer: zoomed in about it, then dragged.
  await expect.poll(async () => {
    const now = await bakedNodes(page);
    return Object.keys(now.nodes).filter((id) => Math.hypot(now.nodes[id][0] - before.nodes[id][0], now.nodes[id][1] - before.nodes[id][1]) > 5).length;
  }).toBeGreaterThan(Object.keys(before.nodes).length / 2);
  const moved = await bakedNodes(page);
  expect(page.url(), 'no camera in the link before the app runs').not.toContain('view=');

  release();
  await page.waitForFunction(() => window.__firstFrame !== undefined);
  await expect(page.locator('#baked')).toHaveCount(0);
  const live = await liveNodes(page);
  const far = Object.keys(moved.nodes)
    .map((id) => [id, live[id] && Math.hypot(moved.nodes[id][0] - live[id][0], moved.nodes[id][1] - live[id][1])])
    .filter(([, d]) => !(d <= 0.5));
  expect(far, 'nodes more than half a pixel from where the reader left them').toEqual([]);
  // The reader's view is the link's now, as after any pan or zoom.
  await expect(page).toHaveURL(/[?&]view=/);
  expect(watched.errors).toEqual([]);
});

test('a click on the baked graph before the app starts selects that node once it runs; a drag does not', async ({ page, watched }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('#baked')).toHaveClass(/shown/);
  const box = await page.locator('#baked .baked-box').boundingBox();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.6);
  await page.mouse.wheel(0, -200);
  // A click on Brazil, where the zoomed picture shows it.
  const [bx, by] = (await bakedNodes(page)).nodes['node-BRA'];
  await page.mouse.click(bx, by);
  // Then a drag that starts on a node: it pans, and is no click.
  const [ux, uy] = (await bakedNodes(page)).nodes['node-USA'];
  await page.mouse.move(ux, uy);
  await page.mouse.down();
  await page.mouse.move(ux + 30, uy + 20, { steps: 3 });
  await page.mouse.up();
  // The pointer says the click is on its way, until the app answers it.
  const cursor = () => page.evaluate(() => getComputedStyle(document.elementFromPoint(innerWidth / 2, innerHeight / 2)).cursor);
  expect(await cursor()).toBe('progress');

  release();
  await page.waitForFunction(() => window.__firstFrame !== undefined);
  await expect(page).toHaveURL(/[?&]sel=BRA(&|$)/);
  expect(await cursor()).not.toBe('progress');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Brazil' })).toBeVisible();
  expect(watched.errors).toEqual([]);
});

test('on a phone, a tap on the baked graph before the app starts selects that node once it runs', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('#baked')).toHaveClass(/shown/);
  const [x, y] = (await bakedNodes(page)).nodes['node-THA'];
  await page.touchscreen.tap(x, y);
  release();
  await page.waitForFunction(() => window.__firstFrame !== undefined);
  await expect(page).toHaveURL(/[?&]sel=THA(&|$)/);
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Thailand' })).toBeVisible();
  await context.close();
});

test('a link to another view shows a placeholder, not the default picture, until the app draws it', async ({ page, watched }) => {
  const release = await holdWasm(page);
  await page.goto('/?v=1&layout=map');
  await expect(page.locator('#baked')).toBeHidden();
  await expect(page.locator('#placeholder')).toBeVisible();
  release();
  await page.waitForFunction(() => window.__firstFrame !== undefined);
  await expect(page.locator('#placeholder')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Map' })).toBeChecked();
  expect(watched.errors).toEqual([]);
});

/** Notes when the page asks for the wasm's compile (ms from navigation) and how often. */
function watchCompile(page) {
  return page.addInitScript(() => {
    const compile = WebAssembly.compileStreaming;
    window.__compiles = [];
    WebAssembly.compileStreaming = function (...args) {
      window.__compiles.push(performance.now());
      return compile.apply(this, args);
    };
  });
}

test('the default view\'s wasm is compiled once its baked picture is on screen; another view\'s once too', async ({ page, watched }) => {
  await watchCompile(page);
  await page.goto('/');
  await page.waitForFunction(() => window.__firstFrame !== undefined);
  const at = await page.evaluate(() => ({
    compiles: window.__compiles,
    baked: window.__bakedFrame,
    painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    released: window.__startReleased,
  }));
  expect(at.compiles.length, 'one compile').toBe(1);
  expect(at.painted, 'the first paint is timed').toBeGreaterThan(0);
  // Without the hold the early start compiles while the page is parsed,
  // before the picture's frame. With it: once the first paint is reported,
  // or when the boot script stops waiting for it (its bound, under load).
  expect(at.compiles[0], 'compiled after the baked picture\'s frame').toBeGreaterThan(at.baked);
  expect(['paint', 'timeout'], 'Chromium times paints: the start waits for one').toContain(at.released?.by);
  expect(at.compiles[0], 'compiled once the start was released').toBeGreaterThanOrEqual(at.released.at);
  if (at.released.by === 'paint') expect(at.released.at, 'released once the picture was on screen').toBeGreaterThanOrEqual(at.painted);

  // Another view has no picture to wait for; its page compiles the wasm once too.
  await page.goto('/?v=1&layout=axis');
  await page.waitForFunction(() => window.__firstFrame !== undefined);
  const other = await page.evaluate(() => ({ compiles: window.__compiles, baked: window.__bakedFrame }));
  expect(other.baked, 'no baked picture').toBeUndefined();
  expect(other.compiles.length, 'one compile').toBe(1);
  expect(watched.errors).toEqual([]);
});
