// Charts and exports: each download starts and is well-formed.
import fs from 'node:fs';
import { test, expect, open } from './fixtures.mjs';

async function downloadOf(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(path) };
}

function pngSize(buf) {
  expect(buf.subarray(1, 4).toString()).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function parseXml(page, text) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    return { ok: !err && doc.documentElement.nodeName === 'svg', text: doc.documentElement.textContent };
  }, text);
}

test('the charts tab shows the comparison and three charts with text alternatives', async ({ page, watched }) => {
  await open(page, '?v=1&tab=charts');
  await expect(page.getByRole('heading', { name: 'The two coalitions side by side' })).toBeVisible();
  for (const title of ['Member states over time', 'New member states per year', 'Member states by region']) {
    const img = page.getByRole('img', { name: title });
    await expect(img).toBeVisible();
    await expect(img).toHaveAttribute('aria-describedby', /chart-/);
    await page.getByText(`Data table: ${title}`).click();
  }
  await expect(page.getByText(/Artemis Accords grew from 8 member states/)).toBeVisible();
  const rows = page.getByRole('table').first().getByRole('row');
  expect(await rows.count()).toBeGreaterThan(5);
  expect(watched.errors).toEqual([]);
});

test('the comparison follows the region filter and says so', async ({ page }) => {
  await open(page, '?v=1&tab=charts');
  const artemis = page.getByRole('region', { name: 'Artemis Accords summary' });
  await expect(page.getByText('Counts cover every country.')).toBeVisible();
  const everywhere = Number((await artemis.getByText(/member states/).first().textContent()).match(/\d+/)[0]);
  await open(page, '?v=1&tab=charts&region=africa');
  await expect(page.getByText(/Counts follow the filters: .*Africa/)).toBeVisible();
  const inAfrica = Number((await artemis.getByText(/member states/).first().textContent()).match(/\d+/)[0]);
  expect(inAfrica).toBeGreaterThan(0);
  expect(inAfrica).toBeLessThan(everywhere);
  await expect(page.getByText(/In both camps as of .*:.*\bSenegal\b/)).toBeVisible();
});

test('charts follow the date and show the value under the pointer', async ({ page }) => {
  await open(page, '?v=1&tab=charts&date=2022-12-31');
  await expect(page.getByText(/Artemis Accords grew from 8 member states on 13 Oct 2020 to 23 by 31 Dec 2022/)).toBeVisible();
  const chart = page.getByRole('img', { name: 'Member states over time' });
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await expect(page.locator('.chart-tip')).toContainText(/Artemis Accords \d+, ILRS \d+/);
});

test('chart exports: PNG at 2x and SVG with the footer', async ({ page }) => {
  await open(page, '?v=1&tab=charts');
  const figure = page.getByRole('figure', { name: 'Member states over time' });
  const png = await downloadOf(page, () => figure.getByRole('button', { name: 'PNG (2×)' }).click());
  expect(png.name).toMatch(/^space-alliances-members-over-time-.*\.png$/);
  const size = pngSize(png.bytes);
  const cssWidth = Math.round((await page.getByRole('img', { name: 'Member states over time' }).boundingBox()).width);
  expect(size.width).toBe(2 * Math.max(cssWidth, 600));
  expect(size.height).toBeGreaterThan(2 * 380);
  const svg = await downloadOf(page, () => figure.getByRole('button', { name: 'SVG' }).click());
  const parsed = await parseXml(page, svg.bytes.toString());
  expect(parsed.ok).toBe(true);
  expect(parsed.text).toContain('Space Alliances: Artemis Accords vs ILRS — Member states over time');
  // The permalink pins the data's own date, as the timeline shows it.
  const asOf = await page.getByRole('textbox', { name: 'As of date' }).inputValue();
  expect(parsed.text).toContain(`?v=1&tab=charts&date=${asOf}`);
});

test('graph exports: SVG (valid XML, footer, permalink) and PNG at 2x', async ({ page }) => {
  await open(page, '?v=1&sel=THA');
  const svg = await downloadOf(page, () => page.getByRole('button', { name: 'Graph (SVG)' }).click());
  const parsed = await parseXml(page, svg.bytes.toString());
  expect(parsed.ok).toBe(true);
  expect(parsed.text).toContain('network graph');
  expect(parsed.text).toContain('sel=THA');
  expect(parsed.text).toContain('Thailand');
  const png = await downloadOf(page, () => page.getByRole('button', { name: 'Graph (PNG)' }).click());
  const size = pngSize(png.bytes);
  expect(size.width).toBe(2800);
  expect(size.height).toBeGreaterThan(1800);
});

test('data downloads: CSVs parse, JSON is complete, the visible table follows filters', async ({ page }) => {
  await open(page, '?v=1&region=western-africa');
  const visible = await downloadOf(page, () => page.getByRole('button', { name: 'Visible countries (CSV)' }).click());
  const lines = visible.bytes.toString().trim().split('\n');
  expect(lines[0]).toMatch(/^iso3,name,region,subregion,alignment/);
  expect(lines.slice(1).every((l) => l.includes('Western Africa'))).toBe(true);
  expect(lines.some((l) => l.startsWith('SEN,'))).toBe(true);
  const vjson = JSON.parse((await downloadOf(page, () => page.getByRole('button', { name: 'Visible countries (JSON)' }).click())).bytes.toString());
  expect(vjson.countries.length).toBe(lines.length - 1);
  expect(vjson.countries.every((c) => c.subregion === 'Western Africa')).toBe(true);
  expect(vjson.countries.find((c) => c.iso3 === 'SEN').ilrs.date).toBe('2024-09-05');
  const json = JSON.parse((await downloadOf(page, () => page.getByRole('button', { name: 'Full dataset (JSON)' }).click())).bytes.toString());
  expect(json.memberships.length).toBeGreaterThan(100);
  expect(json.sources.length).toBeGreaterThan(100);
  expect(json.memberships[0].source_urls.length).toBeGreaterThan(0);
  const m = (await downloadOf(page, () => page.getByRole('button', { name: 'Memberships (CSV)' }).click())).bytes.toString();
  expect(m.split('\n')[0]).toContain('source_urls');
});

test('cite this view copies a citation with the permalink', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '?v=1&sel=SEN');
  await page.getByRole('button', { name: 'Cite this view' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Citation copied' })).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/dataset version \d{4}\.\d{2}\.\d{2}/);
  expect(text).toContain('sel=SEN');
  expect(text).toMatch(/Accessed \d{1,2} \w{3} \d{4}/);
});
