// Phones: 375x667 with touch.
import { test, expect, open, nodeAt } from './fixtures.mjs';

test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

test('the layout adapts and nothing overflows horizontally', async ({ page }) => {
  await open(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const graph = page.getByRole('listbox', { name: /Network graph/ });
  const box = await graph.boundingBox();
  expect(box.width).toBeGreaterThan(340);
  expect(box.height).toBeGreaterThan(300);
  await page.screenshot({ path: 'target/e2e-results/mobile-default.png', fullPage: false });
});

test('tapping a node selects it; the details open as a bottom sheet that closes', async ({ page }) => {
  await open(page);
  // Scroll the graph to the top of the screen first, as a reader would: with the
  // toolbar wrapped on a phone, the hub can sit right at the bottom edge.
  await page.evaluate(() => window.scrollBy(0, document.getElementById('graph').getBoundingClientRect().top));
  const p = await nodeAt(page, 'hub:artemis');
  await page.touchscreen.tap(p[0], p[1]);
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Artemis Accords' })).toBeVisible();
  // On screen without scrolling, in the lower half, with the graph still above it.
  const box = await details.boundingBox();
  const vp = page.viewportSize();
  expect(box.y).toBeGreaterThanOrEqual(vp.height * 0.45);
  expect(Math.round(box.y + box.height)).toBeLessThanOrEqual(vp.height);
  await details.getByRole('button', { name: 'Close details' }).tap();
  await expect(details.getByRole('heading', { name: 'Details' })).toBeVisible();
  await expect(details.getByRole('button', { name: 'Close details' })).toHaveCount(0);
  await expect(page).not.toHaveURL(/sel=/);
});

test('two fingers pinch-zoom the graph; the camera lands in the link', async ({ page }) => {
  await open(page);
  const graph = page.getByRole('listbox', { name: /Network graph/ });
  await graph.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const box = await graph.boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + Math.min(box.height, 300) / 2;
  // A known starting camera: zoom out once with the keyboard.
  await graph.focus();
  await page.keyboard.press('-');
  await expect(page).toHaveURL(/[?&]view=/);
  const before = Number(new URL(page.url()).searchParams.get('view').split('~')[2]);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }],
  });
  await touch('touchStart', 20);
  for (const d of [30, 45, 60, 80]) await touch('touchMove', d);
  await touch('touchEnd', 80);
  // Fingers 40 px apart moved to 160 px apart: about 4x closer.
  await expect.poll(() => Number(new URL(page.url()).searchParams.get('view').split('~')[2])).toBeGreaterThan(before * 3);
});

test('one finger scrolls the page over the graph and leaves the graph where it is', async ({ page }) => {
  await open(page);
  const graph = page.getByRole('listbox', { name: /Network graph/ });
  await graph.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const box = await graph.boundingBox();
  const before = await nodeAt(page, 'hub:artemis');
  const scrollBefore = await page.evaluate(() => window.scrollY);
  const cdp = await page.context().newCDPSession(page);
  const x = box.x + box.width / 2;
  const y0 = box.y + 250;
  // A horizontal swipe, then a vertical one, each with one finger.
  for (const [dx, dy] of [[-120, 0], [0, -150]]) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0, id: 1 }] });
    for (let k = 1; k <= 6; k++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * k) / 6, y: y0 + (dy * k) / 6, id: 1 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
  // Until the page has stopped scrolling (the same offset two frames apart).
  await expect.poll(() => page.evaluate(() => new Promise((done) => {
    const y = window.scrollY;
    requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY === y && y > 0)));
  }))).toBe(true);
  // The page scrolled; the graph did not move under the finger, and the link has no camera.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollBefore);
  const after = await nodeAt(page, 'hub:artemis');
  const scrolled = (await page.evaluate(() => window.scrollY)) - scrollBefore;
  expect(Math.abs(after[0] - before[0])).toBeLessThan(1);
  expect(Math.abs(after[1] + scrolled - before[1])).toBeLessThan(1);
  await expect(page).not.toHaveURL(/[?&]view=/);
});

test("with a selection, the picture is fitted into the part of the graph the details sheet leaves, not shrunk", async ({ page }) => {
  // The reference screenshot's tolerance let a picture drawn at a third of
  // this part pass (fixed in a08e46a): this asks for the size itself.
  await open(page, '?v=1&sel=SEN');
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  const sheet = await page.getByRole('complementary', { name: 'Details' }).boundingBox();
  const canvas = await page.locator('#graph canvas').boundingBox();
  // Every node's centre (its option is laid over it).
  const ext = await page.evaluate(() => {
    const c = [...document.querySelectorAll('#graph [role=option]')].map((el) => {
      const r = el.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    });
    const xs = c.map((p) => p[0]);
    const ys = c.map((p) => p[1]);
    return { n: c.length, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
  });
  expect(ext.n).toBeGreaterThan(20);
  const bottom = Math.min(canvas.y + canvas.height, sheet.y);
  expect(sheet.y).toBeGreaterThan(canvas.y + 100);
  // Inside the part left, and filling it along one side at least.
  expect(ext.left).toBeGreaterThanOrEqual(canvas.x - 1);
  expect(ext.right).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
  expect(ext.top).toBeGreaterThanOrEqual(canvas.y - 1);
  expect(ext.bottom).toBeLessThanOrEqual(bottom + 1);
  const fill = Math.max((ext.right - ext.left) / canvas.width, (ext.bottom - ext.top) / (bottom - canvas.y));
  expect(fill, `the picture spans ${Math.round(fill * 100)} % of the part left`).toBeGreaterThan(0.75);
});
