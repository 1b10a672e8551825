// The picture a reader sees: stable over time, the same from a link, labelled, framed.
import { test, expect, open } from './fixtures.mjs';

const canvas = (page) => page.locator('#graph canvas');

/** Waits until the graph has stopped moving and the link has caught up. */
async function settled(page) {
  await expect(canvas(page)).toHaveAttribute('data-layout', 'settled');
  // The address bar is rewritten a moment after the last change.
  await page.waitForFunction(() => !document.querySelector('#graph canvas[data-layout=moving]'));
}

const pixels = (page) => page.evaluate(() => document.querySelector('#graph canvas').toDataURL());
const nodeAt = (page, id) => page.evaluate((id) => window.__nodeClientPosition(id), id);

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
});
