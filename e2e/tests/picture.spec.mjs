// The picture a reader sees: stable over time, the same from a link, labelled, framed.
import { test, expect, open, nodeAt } from './fixtures.mjs';

const canvas = (page) => page.locator('#graph canvas');

/** Waits until the graph has stopped moving and the link has caught up. */
async function settled(page) {
  await expect(canvas(page)).toHaveAttribute('data-layout', 'settled');
  // The address bar is rewritten a moment after the last change.
  await page.waitForFunction(() => !document.querySelector('#graph canvas[data-layout=moving]'));
}

const pixels = (page) => page.evaluate(() => document.querySelector('#graph canvas').toDataURL());

async function setDate(page, value) {
  const date = page.getByRole('textbox', { name: 'As of date' });
  await date.fill(value);
  await date.press('Enter');
  await settled(page);
}

test('a view reached by steps draws exactly what its link draws fresh', async ({ page, browser }) => {
  await open(page);
  await settled(page);
  await setDate(page, '2022-01-31');
  await page.getByText('Regions: all').click();
  await page.getByRole('checkbox', { name: 'Africa', exact: true }).check();
  await page.keyboard.press('Escape');
  await settled(page);
  await setDate(page, '2024-06-30');
  await expect(page).toHaveURL(/region=africa/);
  await expect(page).toHaveURL(/date=2024-06-30/);
  const stepped = await pixels(page);

  const fresh = await (await browser.newContext({ viewport: page.viewportSize() })).newPage();
  await open(fresh, page.url().slice(page.url().indexOf('?')));
  await settled(fresh);
  expect(await pixels(fresh)).toBe(stepped);
});

test('a camera moved by search, wheel and drag draws exactly what its link draws fresh', async ({ page, browser }) => {
  await open(page);
  await settled(page);
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.fill('Brazil');
  await search.press('Enter');
  await expect(page).toHaveURL(/sel=BRA/);
  await expect(page).toHaveURL(/[?&]view=/);
  const searched = page.url();
  // An odd wheel step and a drag by a fraction of a pixel: a camera the
  // link's digits cannot say exactly, unless the app keeps to them.
  const box = await canvas(page).boundingBox();
  await page.mouse.move(box.x + box.width * 0.37, box.y + box.height * 0.61);
  await page.mouse.wheel(0, -37);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.37 + 23.3, box.y + box.height * 0.61 - 11.7, { steps: 3 });
  await page.mouse.up();
  // Off the canvas, so no node is hovered.
  await page.mouse.move(1, 1);
  await expect.poll(() => page.url()).not.toBe(searched);
  await settled(page);
  const stepped = await page.evaluate(() => new Promise((done) => {
    requestAnimationFrame(() => requestAnimationFrame(() => done(document.querySelector('#graph canvas').toDataURL())));
  }));

  const fresh = await (await browser.newContext({ viewport: page.viewportSize() })).newPage();
  await open(fresh, page.url().slice(page.url().indexOf('?')));
  await settled(fresh);
  // Compared as one boolean: a failure would print two whole images.
  expect(await pixels(fresh) === stepped, 'the fresh link draws the same pixels').toBe(true);
});

test('the United States and the hubs keep their places as the dates change', async ({ page }) => {
  await open(page, '?v=1&date=2022-01-31');
  await settled(page);
  const ids = ['USA', 'hub:artemis', 'hub:ilrs', 'hub:apsco'];
  // Compare in world terms: the camera follows the picture, so screen points
  // relative to the Artemis hub scaled by the hub distance.
  const shape = async () => {
    const p = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await nodeAt(page, id)])));
    const [ax, ay] = p['hub:artemis'];
    const [ix, iy] = p['hub:ilrs'];
    const d = Math.hypot(ix - ax, iy - ay);
    return ids.map((id) => [(p[id][0] - ax) / d, (p[id][1] - ay) / d]);
  };
  const before = await shape();
  await setDate(page, '2023-11-30');
  const after = await shape();
  for (const [k, id] of ids.entries()) {
    expect(Math.abs(after[k][0] - before[k][0]), id).toBeLessThan(0.002);
    expect(Math.abs(after[k][1] - before[k][1]), id).toBeLessThan(0.002);
  }
});

test('a phone held upright gets an upright picture', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await open(page);
  await settled(page);
  const a = await nodeAt(page, 'hub:artemis');
  const i = await nodeAt(page, 'hub:ilrs');
  expect(Math.abs(i[1] - a[1]), 'the hubs stand one above the other').toBeGreaterThan(Math.abs(i[0] - a[0]));
});

test('the Regions control names its choice and the summary counts what is shown', async ({ page }) => {
  await open(page);
  const summary = page.locator('footer .summary');
  const all = Number((await summary.textContent()).match(/(\d+) countries have signed/)[1]);
  await page.getByText('Regions: all').click();
  await page.getByRole('checkbox', { name: 'Africa', exact: true }).check();
  await expect(page.getByText('Regions: Africa', { exact: true })).toBeVisible();
  await expect(summary).toContainText('In this view (only Africa');
  const africa = Number((await summary.textContent()).match(/(\d+) countries have signed/)[1]);
  expect(africa).toBeLessThan(all);
  expect(africa).toBeGreaterThan(0);
});

test('layout words match the menu: layout=map opens the map', async ({ page }) => {
  await open(page, '?v=1&layout=map');
  await expect(page.getByRole('radio', { name: 'Map' })).toBeChecked();
  await expect(page.locator('.notices')).toHaveCount(0);
});

test('Home, End and type-ahead move through the graph listbox', async ({ page }) => {
  await open(page);
  const graph = page.getByRole('listbox', { name: /Network graph/ });
  await graph.focus();
  await page.keyboard.press('Home');
  const first = await graph.getAttribute('aria-activedescendant');
  await page.keyboard.press('End');
  const last = await graph.getAttribute('aria-activedescendant');
  expect(first).toBeTruthy();
  expect(last).not.toBe(first);
  await page.keyboard.type('sen');
  await expect(graph).toHaveAttribute('aria-activedescendant', 'node-SEN');
  // A space inside a name continues it instead of selecting.
  await page.waitForTimeout(800); // the type-ahead buffer resets after 700 ms of quiet
  await page.keyboard.type('united s');
  await expect(graph).toHaveAttribute('aria-activedescendant', 'node-USA');
  await expect(page).not.toHaveURL(/sel=/);
});

/** A host page with the embed and embed.js, tall enough to scroll. */
async function host(page, baseURL, query = '?v=1&embed=1') {
  await page.setContent(`<!doctype html><html><body style="margin:0">
    <p style="height:300px">Host page</p>
    <iframe id="f" src="${baseURL}/${query}" style="width:1000px;border:0" height="800"></iframe>
    <p style="height:1200px">More of the host page</p>
    <script src="${baseURL}/embed.js"></script></body></html>`);
  const frame = page.frameLocator('#f');
  await expect(frame.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  return frame;
}
const frameHeight = (page) => page.locator('#f').evaluate((f) => f.getBoundingClientRect().height);

test('an embed grows for the table and shrinks back for the graph', async ({ page, baseURL }) => {
  const frame = await host(page, baseURL);
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(500);
  const graph = await frameHeight(page);
  await frame.getByRole('tab', { name: 'Table' }).click();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(graph + 50);
  const table = await frameHeight(page);
  expect(table, 'the table is boxed, not thousands of pixels').toBeLessThan(1400);
  await frame.getByRole('tab', { name: 'Graph' }).click();
  await expect.poll(() => frameHeight(page)).toBeLessThan(table - 50);
});

test('an embed in a short iframe of fixed size (no embed.js) fits the frame: the graph gets half of it, the side column scrolls on its own', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.setContent(`<!doctype html><html><body style="margin:20px">
    <iframe id="f" src="${baseURL}/?v=1&embed=1&sel=BRA" width="900" height="560" style="border:0"></iframe></body></html>`);
  const frame = page.frameLocator('#f');
  await expect(frame.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  await expect(frame.getByRole('heading', { name: 'Brazil' })).toBeVisible();
  const doc = await frame.locator('html').evaluate((h) => ({ scroll: h.scrollHeight, height: h.clientHeight }));
  expect(doc.scroll, 'the frame has nothing to scroll').toBeLessThanOrEqual(doc.height + 1);
  const graph = await frame.getByRole('listbox', { name: /^Network graph of/ }).evaluate((g) => g.getBoundingClientRect().toJSON());
  expect(graph.top).toBeGreaterThanOrEqual(0);
  expect(graph.bottom, 'the graph ends inside the frame').toBeLessThanOrEqual(560);
  // The compact chrome leaves the graph about half the frame (183 px of 560
  // before it): room to name the crowded core's key countries.
  expect(graph.height, 'the graph gets about half the frame').toBeGreaterThan(0.45 * 560);
  // Brazil's facts are longer than the frame: they scroll in the side column.
  const side = await frame.getByRole('complementary', { name: 'Details' }).evaluate((d) => {
    const s = d.closest('.side');
    return { scroll: s.scrollHeight, height: s.clientHeight, bottom: s.getBoundingClientRect().bottom };
  });
  expect(side.scroll).toBeGreaterThan(side.height);
  expect(side.bottom).toBeLessThanOrEqual(560);
  await expect(frame.locator('footer .summary')).toBeInViewport();
});

test('in an embed the wheel scrolls the host page; Ctrl+wheel zooms', async ({ page, baseURL }) => {
  const frame = await host(page, baseURL);
  const box = await page.locator('#f').boundingBox();
  await page.mouse.move(box.x + 400, box.y + 350);
  const url = () => page.frames().find((f) => f.url().includes('embed=1')).evaluate(() => location.href);
  await page.mouse.wheel(0, 300);
  await expect(frame.getByText(/Hold Ctrl .* and scroll to zoom/)).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  expect(await url()).not.toContain('view=');
  // The host page has scrolled: point at the graph again.
  const canvasBox = await frame.locator('#graph canvas').boundingBox();
  await page.mouse.move(canvasBox.x + canvasBox.width / 2, canvasBox.y + canvasBox.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect.poll(url).toContain('view=');
});

test('the by-region chart counts each state once', async ({ page }) => {
  await open(page, '?v=1&tab=charts');
  const figure = page.getByRole('figure', { name: 'Member states by region' });
  await figure.getByText(/^Data table/).click();
  const rows = await figure.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const header = await figure.locator('table thead th').allTextContents();
  expect(header).toEqual(['Region', 'Artemis Accords only', 'In both camps', 'ILRS only', 'Member states']);
  for (const [, a, b, i, all] of rows) expect(Number(a) + Number(b) + Number(i)).toBe(Number(all));
});

test('a chart tooltip near the right edge stays inside the chart', async ({ page }) => {
  await open(page, '?v=1&tab=charts');
  const img = page.getByRole('img', { name: 'Member states over time' });
  await img.scrollIntoViewIfNeeded();
  const box = await img.boundingBox();
  await page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
  const tip = page.locator('.chart-tip').first();
  await expect(tip).toBeVisible();
  const t = await tip.boundingBox();
  expect(t.x + t.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect(t.x).toBeGreaterThanOrEqual(box.x - 1);
});

test('the map draws the world and, for a selection, its ties', async ({ page }) => {
  await open(page, '?v=1&layout=map');
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  // Ocean and land differ: a point in the Pacific is background, one in Brazil is filled.
  const at = (id) => nodeAt(page, id);
  const colour = (x, y) => page.evaluate(([x, y]) => {
    const c = document.querySelector('#graph canvas');
    const r = c.getBoundingClientRect();
    const k = c.width / r.width;
    return [...c.getContext('2d').getImageData((x - r.left) * k, (y - r.top) * k, 1, 1).data];
  }, [x, y]);
  const [bx, by] = await at('BRA');
  const land = await colour(bx + 12, by + 8);
  expect(land[3], 'Brazil is filled').toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Zoom to Europe' }).click();
  await expect(page).toHaveURL(/view=/);
});

test('a change of system theme recolours the graph, the legend and the charts', async ({ page }) => {
  await open(page, '?v=1&tab=charts');
  const swatch = page.getByRole('button', { name: 'Artemis Accords only' }).locator('.swatch');
  const chart = () => page.evaluate(() => document.querySelector('figure.chart canvas').toDataURL());
  await expect(page.getByRole('img', { name: 'Member states over time' })).toBeVisible();
  const light = [await swatch.evaluate((e) => getComputedStyle(e).backgroundColor), await chart()];
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => swatch.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe(light[0]);
  await expect.poll(chart).not.toBe(light[1]);
});

test('a filter does not push the graph down, and region headings sit above their subregions', async ({ page }) => {
  await open(page);
  const top = async () => (await page.locator('#graph').boundingBox()).y;
  const before = await top();
  await page.getByText('Regions: all').click();
  const africa = page.getByRole('checkbox', { name: 'Africa', exact: true });
  const heading = await africa.boundingBox();
  const sub = await page.getByRole('checkbox', { name: 'Western Africa' }).boundingBox();
  expect(sub.y, 'a subregion is drawn below its region').toBeGreaterThan(heading.y + heading.height - 1);
  await africa.check();
  await expect(page.getByText(/^Filtered: only Africa/)).toBeVisible();
  expect(await top()).toBe(before);
});

test('the legend is one tab stop; arrows move within it', async ({ page }) => {
  await open(page);
  const first = page.getByRole('button', { name: 'Artemis Accords only' });
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Both camps' })).toBeFocused();
  await page.keyboard.press('Tab');
  const inLegend = await page.evaluate(() => !!document.activeElement.closest('.legend-entries'));
  expect(inLegend, 'Tab leaves the legend').toBe(false);
});

test('typing a date while playing stops Play and keeps what was typed', async ({ page }) => {
  await open(page, '?v=1&date=2021-01-31');
  await page.getByRole('button', { name: /Play/ }).click();
  await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
  const date = page.getByRole('textbox', { name: 'As of date' });
  await date.click();
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await date.fill('2023-06-30');
  await date.press('Enter');
  await expect(date).toHaveValue('2023-06-30');
  await expect(page).toHaveURL(/date=2023-06-30/);
});
