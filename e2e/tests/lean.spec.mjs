// Who leans which way: the Lean tab's chart selects into the graph, the graph
// colours and groups by lean, the details say how a lean is made up, and
// every such view is a link.
import fs from 'node:fs';
import { test, expect, open } from './fixtures.mjs';

const chart = (page) => page.getByRole('figure', { name: 'Ties to each side, by country' });

/** Centres (CSS px, on the page) of the chart's marks drawn in `rgb`. */
async function marksOf(page, rgb) {
  // On screen first: the pointer reaches only what is in the viewport.
  await page.locator('figure.chart canvas').scrollIntoViewIfNeeded();
  return page.evaluate((rgb) => {
    const c = document.querySelector('figure.chart canvas');
    const k = c.width / c.clientWidth;
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const hits = [];
    for (let y = 0; y < c.height; y += 1) {
      for (let x = 0; x < c.width; x += 1) {
        const i = (y * c.width + x) * 4;
        if (Math.abs(px[i] - rgb[0]) + Math.abs(px[i + 1] - rgb[1]) + Math.abs(px[i + 2] - rgb[2]) < 12) hits.push([x, y]);
      }
    }
    // Pixels of one mark lie within a few pixels of each other.
    const marks = [];
    for (const [x, y] of hits) {
      const m = marks.find((m) => Math.abs(m.x / m.n - x) < 6 * k && Math.abs(m.y / m.n - y) < 6 * k);
      if (m) { m.x += x; m.y += y; m.n += 1; } else marks.push({ x, y, n: 1 });
    }
    const r = c.getBoundingClientRect();
    return marks.filter((m) => m.n > 10).map((m) => [r.left + m.x / m.n / k, r.top + m.y / m.n / k]);
  }, rgb);
}

test('the lean chart names a country under the pointer and a click selects it in the graph', async ({ page, watched }) => {
  await open(page, '?v=1&tab=lean');
  await expect(page.getByRole('heading', { name: 'Who leans which way' })).toBeVisible();
  await expect(chart(page).locator('figcaption')).toContainText('lean to the U.S.-led side');
  // The hedgers are split diamonds, half ILRS red: find Thailand among the
  // red marks by its tooltip.
  const reds = await marksOf(page, [0xc4, 0x2b, 0x1c]);
  expect(reds.length).toBeGreaterThan(0);
  let found = null;
  for (const [x, y] of reds) {
    await page.mouse.move(x, y);
    const tip = chart(page).locator('.chart-tip');
    if ((await tip.count()) && (await tip.textContent()).startsWith('Thailand:')) { found = [x, y]; break; }
  }
  expect(found, 'Thailand is one of the red marks').not.toBeNull();
  await expect(chart(page).locator('.chart-tip')).toContainText(/U\.S\.-led side: .*China\/Russia-led side: /);
  await page.mouse.click(found[0], found[1]);
  await expect(page).toHaveURL(/[?&]sel=THA/);
  await expect(page).not.toHaveURL(/tab=lean/);
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Thailand', exact: true })).toBeVisible();
  // The details say how the lean is made up, and lead back to the chart.
  await expect(details.getByRole('heading', { name: 'Lean' })).toBeVisible();
  await expect(details.locator('.lean-line')).toContainText(/U\.S\.-led side: .*China\/Russia-led side: /);
  await page.goBack();
  await expect(chart(page)).toBeVisible();
  expect(watched.errors).toEqual([]);
});

test('the lean data table selects too, and filters narrow it', async ({ page }) => {
  await open(page, '?v=1&tab=lean');
  await chart(page).getByText('Data table: Ties to each side, by country').click();
  const rows = chart(page).locator('tbody tr');
  const all = await rows.count();
  expect(all).toBeGreaterThan(5);
  await open(page, '?v=1&tab=lean&region=europe');
  await chart(page).getByText('Data table: Ties to each side, by country').click();
  const some = await chart(page).locator('tbody tr').count();
  expect(some).toBeGreaterThan(0);
  expect(some).toBeLessThan(all);
  await chart(page).getByRole('button', { name: 'Serbia' }).click();
  await expect(page).toHaveURL(/[?&]sel=SRB/);
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Serbia', exact: true })).toBeVisible();
});

test('colour and group by lean are links that reopen the same picture', async ({ page }) => {
  await open(page, '?v=1&layout=axis');
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption({ label: 'Lean' });
  await page.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Lean' });
  await expect(page).toHaveURL(/layout=axis&order=lean&colour=lean/);
  await expect(page.locator('.legend-lean')).toContainText('Balanced');
  const canvas = page.locator('#graph canvas');
  await expect(canvas).toHaveAttribute('data-layout', 'settled');
  const place = (p) => p.evaluate(() => {
    const r = (id) => document.getElementById('node-' + id).getBoundingClientRect();
    return ['BRA', 'THA', 'JPN'].map((id) => [Math.round(r(id).left), Math.round(r(id).top)]);
  });
  const before = await place(page);
  const fresh = await page.context().newPage();
  await open(fresh, new URL(page.url()).search);
  await expect(fresh.getByRole('combobox', { name: 'Colour by' })).toHaveValue('lean');
  await expect(fresh.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  expect(await place(fresh)).toEqual(before);
  await fresh.close();
  // Back to membership colours from the legend.
  await page.locator('.legend-lean').getByRole('button', { name: 'Colour by membership' }).click();
  await expect(page).not.toHaveURL(/colour=lean/);
  await expect(page.locator('.legend-lean')).toHaveCount(0);
});

test('the lean table downloads as CSV and JSON with the same rows', async ({ page }) => {
  await open(page, '?v=1&tab=lean');
  const get = async (name) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { file: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
  };
  const csv = await get('Lean table (CSV)');
  expect(csv.file).toMatch(/^space-alliances-lean-.*\.csv$/);
  const lines = csv.text.trim().split('\n');
  expect(lines[0]).toBe('iso3,name,alignment,us_side_weighted,china_russia_side_weighted,lean_index,stands,us_side_ties,china_russia_side_ties,source_urls');
  const json = await get('Lean table (JSON)');
  const doc = JSON.parse(json.text);
  expect(doc.countries.length).toBe(lines.length - 1);
  expect(doc.weights.length).toBeGreaterThan(0);
  const bra = doc.countries.find((c) => c.iso3 === 'BRA');
  expect(bra.source_urls.length).toBeGreaterThan(0);
  expect(bra.source_urls.some((u) => /^https?:\/\//.test(u)), 'the sources are cited by address').toBe(true);
  // The chart's pictures carry the sources footer.
  const [svg] = await Promise.all([page.waitForEvent('download'), chart(page).getByRole('button', { name: 'SVG' }).click()]);
  expect(svg.suggestedFilename()).toMatch(/^space-alliances-lean-.*\.svg$/);
  const text = fs.readFileSync(await svg.path(), 'utf8');
  expect(text).toContain('Balanced: neither side');
  expect(text).toMatch(/Sources?:/);
  const [png] = await Promise.all([page.waitForEvent('download'), chart(page).getByRole('button', { name: 'PNG (2×)' }).click()]);
  expect(fs.readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
});

test('a bad colouring or order in a link is a notice, and the rest is kept', async ({ page }) => {
  await open(page, '?v=1&tab=lean&colour=rainbow&order=height');
  await expect(page.getByRole('status').filter({ hasText: 'colour=rainbow' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'order=height' })).toBeVisible();
  await expect(chart(page)).toBeVisible();
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('a first tap on a mark names it, a second shows it in the graph', async ({ page }) => {
    await open(page, '?v=1&tab=lean');
    await chart(page).scrollIntoViewIfNeeded();
    // A single country's mark (crowds carry a number and select nothing).
    const [x, y] = (await marksOf(page, [0xc4, 0x2b, 0x1c]))[0];
    await page.touchscreen.tap(x, y);
    await expect(chart(page).locator('.chart-tip')).toContainText('Tap again to show it in the graph');
    await expect(page).toHaveURL(/tab=lean/);
    await page.touchscreen.tap(x, y);
    await expect(page).toHaveURL(/[?&]sel=[A-Z]{3}/);
    await expect(page).not.toHaveURL(/tab=lean/);
  });
});
