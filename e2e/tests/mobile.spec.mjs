// Phones: 375x667 with touch.
import { test, expect, open } from './fixtures.mjs';

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

test('tapping a node selects it; the details follow below', async ({ page }) => {
  await open(page);
  // Scroll the graph to the top of the screen first, as a reader would: with the
  // toolbar wrapped on a phone, the hub can sit right at the bottom edge.
  await page.evaluate(() => window.scrollBy(0, document.getElementById('graph').getBoundingClientRect().top));
  await page.waitForTimeout(300);
  const p = await page.evaluate(() => window.__nodeClientPosition('hub:artemis'));
  await page.touchscreen.tap(p[0], p[1]);
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Artemis Accords' })).toBeVisible();
});
