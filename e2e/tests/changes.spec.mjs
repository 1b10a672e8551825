// The change view: a compare-with date lists what changed, and every row leads to the graph.
import { test, expect, open } from './fixtures.mjs';

test('a compare-with date lists what changed; a row selects its country; the link reopens it', async ({ page, watched }) => {
  await open(page, '?v=1&date=2025-06-30');
  await page.getByRole('textbox', { name: 'Compare with' }).fill('2023-01');
  await page.getByRole('textbox', { name: 'Compare with' }).press('Enter');
  await expect(page).toHaveURL(/[?&]date=2025-06-30&from=2023-01/);
  const panel = page.getByRole('region', { name: 'What changed' });
  const summary = panel.getByRole('status');
  await expect(summary).toHaveText(/^Between Jan 2023 and 30 Jun 2025: \d+ states signed the Artemis Accords/);
  // The sentence counts the rows listed under it.
  const text = await summary.textContent();
  const signed = Number(text.match(/(\d+) states signed the Artemis Accords/)[1]);
  await expect(panel.getByRole('heading', { name: `Signed the Artemis Accords (${signed})` })).toBeVisible();
  // A row selects its country.
  const first = panel.locator('.change-rows').first().getByRole('button').first();
  const name = (await first.textContent()).trim();
  await first.click();
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name, exact: true })).toBeVisible();
  // The link reopens the same list in a fresh page.
  const url = page.url();
  const fresh = await page.context().newPage();
  await fresh.goto(url);
  await expect(fresh.getByRole('region', { name: 'What changed' }).getByRole('status')).toHaveText(text);
  await fresh.close();
  // A date after the as-of date is refused with a message; clearing stops comparing.
  await page.getByRole('textbox', { name: 'Compare with' }).fill('2026-01');
  await page.getByRole('textbox', { name: 'Compare with' }).press('Enter');
  await expect(page.locator('#from-error')).toHaveText(/before|between/);
  await panel.getByRole('button', { name: 'Stop comparing' }).click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(panel).toHaveCount(0);
  expect(watched.errors).toEqual([]);
});

test('a bad compare-with date in a link is a notice', async ({ page }) => {
  await open(page, '?v=1&date=2023-01&from=2025-06');
  await expect(page.getByRole('status').filter({ hasText: 'from=2025-06' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What changed' })).toHaveCount(0);
});

const pixels = (page) => page.evaluate(() => document.querySelector('#graph canvas').toDataURL());

async function downloadOf(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks = [];
  for await (const c of await dl.createReadStream()) chunks.push(c);
  return { name: dl.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

test('presets open their windows in one step of history', async ({ page, watched }) => {
  await open(page, '?v=1');
  const preset = page.getByRole('combobox', { name: 'Compare preset' });
  const years = await preset.locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => /^year-\d+$/.test(v)));
  // The newest full year: after 31 December of the year before, up to 31 December.
  const year = Number(years[1].slice(5));
  await preset.selectOption(`year-${year}`);
  await expect(page).toHaveURL(new RegExp(`[?&]date=${year}-12-31&from=${year - 1}-12-31(&|$)`));
  await expect(preset).toHaveValue(`year-${year}`);
  const panel = page.getByRole('region', { name: 'What changed' });
  await expect(panel.getByRole('status')).toHaveText(new RegExp(`^Between 31 Dec ${year - 1} and 31 Dec ${year}: `));
  // Since the Accords: the as-of date stays; the window starts the day before the founding.
  await preset.selectOption('since-artemis');
  await expect(page).toHaveURL(new RegExp(`[?&]date=${year}-12-31&from=\\d{4}-\\d{2}-\\d{2}`));
  await expect(preset).toHaveValue('since-artemis');
  const founded = (await preset.locator('option[value=since-artemis]').textContent()).match(/\((.+)\)/)[1];
  await expect(panel.getByRole('status')).toContainText(/states signed the Artemis Accords/);
  // The founders are in the list, dated on the founding day.
  await expect(panel.locator('.change-rows').first()).toContainText(founded);
  // Back undoes the preset in one step.
  await page.goBack();
  await expect(preset).toHaveValue(`year-${year}`);
  // The last 12 months, from the view's date.
  await preset.selectOption('last-12-months');
  await expect(page).toHaveURL(new RegExp(`[?&]date=${year}-12-31&from=${year - 1}-12-31(&|$)`));
  expect(watched.errors).toEqual([]);
});

test('the change list sorts, downloads, leads to the graph; the marks turn off and stay off in the link; the table and charts show the window', async ({ page, watched }) => {
  await open(page, '?v=1&date=2025-06-30&from=2023-01');
  const panel = page.getByRole('region', { name: 'What changed' });
  const rows = panel.locator('.change-rows li');
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  // By name: one list, each row labelled with its kind, in name order.
  await panel.getByRole('combobox', { name: 'Order' }).selectOption('name');
  await expect(page).toHaveURL(/[?&]from=2023-01&list=name/);
  await expect(panel.locator('.change-kind').first()).toBeVisible();
  await expect(rows).toHaveCount(n);
  const names = await rows.evaluateAll((lis) => lis.map((li) => li.querySelector('button').textContent.toLowerCase()));
  expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  // Every row has its date and at least one source.
  for (const li of await rows.all()) {
    await expect(li.locator('.meta')).toHaveText(/\d{4}/);
    expect(await li.locator('.meta a, .meta span').count()).toBeGreaterThan(0);
  }
  // CSV and JSON hold the rows as listed.
  const csv = await downloadOf(page, () => panel.getByRole('button', { name: 'Download the changes (CSV)' }).click());
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text.split('\n')[0]).toBe('change,date,actor,name,what,sources,source_urls');
  const json = JSON.parse((await downloadOf(page, () => panel.getByRole('button', { name: 'Download the changes (JSON)' }).click())).text);
  expect(json.changes).toHaveLength(n);
  expect(json.from).toBe('2023-01');
  expect(json.changes.every((c) => c.sources.length > 0 && c.sources.length === c.source_urls.length)).toBe(true);
  expect(json.changes.some((c) => c.source_urls.some((u) => /^https?:\/\//.test(u))), 'the sources are cited by address').toBe(true);
  // The marks: the legend explains them and turns them off; the link keeps it.
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  const toggle = page.getByRole('button', { name: /^Marks on the graph/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/^Status changed, e\.g\. intent to member \(double ring\)/)).toBeVisible();
  await expect(page.getByText(/no end dates/)).toBeVisible();
  const marked = await pixels(page);
  await toggle.click();
  await expect(page).toHaveURL(/[?&]marks=off/);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => pixels(page)).not.toBe(marked);
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByRole('button', { name: /^Marks on the graph/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(fresh.getByRole('region', { name: 'What changed' }).getByRole('combobox', { name: 'Order' })).toHaveValue('name');
  await fresh.close();
  // The table: an In window column, and only the countries that changed.
  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'In window' })).toBeVisible();
  const all = await table.locator('tbody tr').count();
  await page.getByRole('checkbox', { name: 'Only countries that changed in the window' }).check();
  await expect(page).toHaveURL(/[?&]only=changes/);
  await expect.poll(() => table.locator('tbody tr').count()).toBeLessThan(all);
  const cells = await table.locator('tbody td.in-window').allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.every((t) => t.trim().length > 0)).toBe(true);
  // A row of the list leads to its country in the graph.
  const first = rows.filter({ hasText: 'Signed the Artemis Accords' }).first().getByRole('button');
  const name = (await first.textContent()).trim();
  await first.click();
  await expect(page.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name, exact: true })).toBeVisible();
  // The charts shade the window and say so.
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.locator('figure.chart figcaption').first()).toContainText('The shaded band is the compared window, after Jan 2023');
  expect(watched.errors).toEqual([]);
});

test('the change view fits a phone and works in an embed', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '?v=1&date=2025-06-30&from=2023-01');
  await expect(page.getByRole('region', { name: 'What changed' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Compare preset' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '?v=1&date=2025-06-30&from=2023-01&embed=1');
  await expect(page.getByRole('region', { name: 'What changed' }).getByRole('status')).toHaveText(/^Between Jan 2023/);
});
