// Exploring: search, select, keyboard, legend toggles, layouts.
import { test, expect, open, clickNode, nodeAt } from './fixtures.mjs';

test('search by name suggests, selects and shows sources', async ({ page }) => {
  await open(page);
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.fill('thai');
  await expect(page.getByRole('option', { name: /^Thailand \(THA\)/ })).toBeVisible();
  await search.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Thailand', level: 2 })).toBeVisible();
  await expect(details.getByText(/^Alignment as of \d{1,2} \w{3} \d{4}: Both camps$/)).toBeVisible();
  const links = details.getByRole('link');
  // The sources' records are fetched when first cited.
  await expect(links.nth(2)).toBeVisible();
  for (const href of await links.evaluateAll((as) => as.map((a) => a.href))) {
    expect(href).toMatch(/^https?:\/\//);
  }
  await expect(page.getByRole('option', { name: /^Thailand — / })).toHaveAttribute('aria-selected', 'true');
});

test('search by ISO code and by alias', async ({ page }) => {
  await open(page);
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.fill('SEN');
  await search.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Senegal' })).toBeVisible();
  await search.fill('Russian Federation');
  await search.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Russia' })).toBeVisible();
});

test('search ignores accents, ranks an exact alias first, and finds agencies drawn in their country', async ({ page }) => {
  await open(page);
  const search = page.getByRole('combobox', { name: 'Search' });
  const suggestions = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await search.fill('turkiye');
  await expect(suggestions.first()).toHaveText(/^Turkey \(TUR\)/);
  await search.fill('UK');
  await expect(suggestions.first()).toHaveText(/^United Kingdom \(GBR\)/);
  // Agencies are folded into their country by default: NASA leads to the United States.
  await search.fill('NASA');
  await expect(suggestions.first()).toHaveText(/National Aeronautics and Space Administration \(in United States\)/);
  await search.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'United States', level: 2 })).toBeVisible();
});

test('date disagreements are shown with both sources', async ({ page }) => {
  await open(page);
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.fill('South Korea');
  await search.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('note').filter({ hasText: 'Sources disagree on the date' })).toBeVisible();
});

test('clicking a node selects it; Escape clears', async ({ page }) => {
  await open(page);
  await clickNode(page, 'hub:ilrs');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'International Lunar Research Station' })).toBeVisible();
  await expect(details.getByText(/member states as of/)).toBeVisible();
  await page.getByRole('listbox', { name: /Network graph/ }).focus();
  await page.keyboard.press('Escape');
  await expect(details.getByRole('heading', { name: 'Details' })).toBeVisible();
});

test('keyboard: Tab reaches the graph, arrows move, Enter selects', async ({ page }) => {
  await open(page);
  const graph = page.getByRole('listbox', { name: /Network graph/ });
  await page.getByRole('button', { name: 'Fit' }).focus();
  // Tab onward until the graph has focus (through the toolbar's selects and checkboxes).
  for (let i = 0; i < 9 && !(await graph.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(graph).toBeFocused();
  const first = await graph.getAttribute('aria-activedescendant');
  expect(first).toBeTruthy();
  await page.keyboard.press('ArrowRight');
  const second = await graph.getAttribute('aria-activedescendant');
  expect(second).toBeTruthy();
  expect(second).not.toEqual(first);
  await page.keyboard.press('Enter');
  await expect(page.locator(`#${second}`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(page.locator(`#${second}`)).toHaveAttribute('aria-selected', 'false');
});

test('legend entries toggle what they name', async ({ page }) => {
  await open(page);
  const apsco = page.getByRole('button', { name: 'APSCO' });
  await expect(apsco).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('option', { name: /^APSCO — hub/ })).toHaveCount(1);
  await apsco.click();
  await expect(apsco).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('option', { name: /^APSCO — hub/ })).toHaveCount(0);
  await apsco.click();
  await expect(page.getByRole('option', { name: /^APSCO — hub/ })).toHaveCount(1);
});

test('layouts switch without errors', async ({ page, watched }) => {
  await open(page);
  for (const name of ['Alignment axis', 'Map', 'Network']) {
    await page.getByRole('radio', { name }).check();
    const p = await nodeAt(page, 'THA');
    expect(p).not.toBeNull();
  }
  expect(watched.errors).toEqual([]);
});

test('the table tab lists countries, sorts by any column, and selects in the graph', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page).toHaveURL(/tab=table/);
  const table = page.getByRole('table');
  await expect(table.getByRole('rowheader', { name: 'Thailand' })).toBeVisible();
  const artemis = table.getByRole('columnheader', { name: /Artemis Accords/ });
  await artemis.getByRole('button').click();
  await expect(artemis).toHaveAttribute('aria-sort', 'ascending');
  const firstDate = await table.locator('tbody tr').first().locator('td').nth(2).textContent();
  expect(firstDate).toContain('2020-10-13');
  await expect(page).toHaveURL(/sort=artemis(&|$)/);
  await artemis.getByRole('button').press('Enter');
  await expect(artemis).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=-artemis(&|$)/);
  // Newest signatory first (a date may be known to the month only);
  // countries that never signed stay at the bottom.
  expect(await table.locator('tbody tr').first().locator('td').nth(2).textContent()).toMatch(/^20\d\d-\d\d/);
  expect(await table.locator('tbody tr').last().locator('td').nth(2).textContent()).not.toMatch(/20\d\d/);
  // The order is part of the link: a reload (or a shared link) reopens it.
  const firstRow = await table.locator('tbody tr').first().getByRole('rowheader').textContent();
  await page.reload();
  await expect(page.getByRole('table').getByRole('columnheader', { name: /Artemis Accords/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('table').locator('tbody tr').first().getByRole('rowheader')).toHaveText(firstRow);
  // Back undoes the sort like any other change of view.
  await page.goBack();
  await expect(page.getByRole('table').getByRole('columnheader', { name: /Artemis Accords/ })).toHaveAttribute('aria-sort', 'ascending');
  await table.getByRole('button', { name: 'Senegal' }).click();
  await expect(page.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Senegal' })).toBeVisible();
});

test('tabs move with the arrow keys', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Graph' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Table' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Table' })).toBeVisible();
});

test('alignment axis orders by joining date; Reset view returns to the default', async ({ page }) => {
  await open(page);
  await page.getByRole('radio', { name: 'Alignment axis' }).check();
  await page.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Year joined' });
  await expect(page).toHaveURL(/layout=axis&order=date/);
  await page.getByRole('combobox', { name: 'Search' }).fill('Japan');
  await page.getByRole('combobox', { name: 'Search' }).press('Enter');
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect(page.getByRole('radio', { name: 'Network' })).toBeChecked();
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Details' })).toBeVisible();
  await expect(page).toHaveURL(/\?v=1$/);
});

test('zoom, pan and select leave the layout alone: nodes move only with the camera', async ({ page }) => {
  await open(page);
  const at = (id) => nodeAt(page, id);
  const gap = async () => {
    const [a, b] = [await at('JPN'), await at('ARE')];
    return [b[0] - a[0], b[1] - a[1]];
  };
  const g0 = await gap();
  const canvas = page.locator('.graph canvas');
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -100);
  // Once the camera is written into the link.
  await expect(page).toHaveURL(/[?&]view=/);
  const g1 = await gap();
  // One wheel notch scales every distance by 1.15, and nothing else moves.
  expect(Math.abs(g1[0] - g0[0] * 1.15)).toBeLessThan(0.5);
  expect(Math.abs(g1[1] - g0[1] * 1.15)).toBeLessThan(0.5);
  await clickNode(page, 'THA');
  await expect(page).toHaveURL(/sel=THA/);
  const g2 = await gap();
  expect(Math.abs(g2[0] - g1[0])).toBeLessThan(0.5);
  expect(Math.abs(g2[1] - g1[1])).toBeLessThan(0.5);
});

test('switching layout after zooming in fits the new layout; searches in a row do not zoom further each time', async ({ page }) => {
  await open(page);
  const graph = page.getByRole('listbox', { name: /Network graph/ });
  await graph.focus();
  for (let k = 0; k < 6; k++) await page.keyboard.press('+');
  await expect(page).toHaveURL(/[?&]view=/);
  await page.getByRole('radio', { name: 'Alignment axis' }).check();
  await expect(page).not.toHaveURL(/[?&]view=/);
  const box = await page.locator('.graph canvas').boundingBox();
  for (const id of ['hub:artemis', 'hub:ilrs', 'THA']) {
    const [x, y] = await nodeAt(page, id);
    expect(x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height, id).toBe(true);
  }
  const search = page.getByRole('combobox', { name: 'Search' });
  const scale = () => Number(new URL(page.url()).searchParams.get('view')?.split('~')[2]);
  await search.fill('Japan');
  await search.press('Enter');
  await expect.poll(scale).toBeGreaterThan(0);
  const first = scale();
  const centre = () => new URL(page.url()).searchParams.get('view')?.split('~').slice(0, 2).join('~');
  const japan = centre();
  await search.fill('Peru');
  await search.press('Enter');
  await expect(page).toHaveURL(/sel=PER/);
  // The camera moved to Peru and landed in the link: at the same zoom.
  await expect.poll(centre).not.toBe(japan);
  expect(scale()).toBeCloseTo(first, 1);
});
