// Every view is a link: URL state, history, notices, sharing, embedding, sub-paths.
import { test, expect, open } from './fixtures.mjs';

const details = (page) => page.getByRole('complementary', { name: 'Details' });

async function viewSnapshot(page) {
  return {
    heading: await details(page).getByRole('heading', { level: 2 }).first().textContent(),
    date: await page.getByRole('textbox', { name: 'As of date' }).inputValue(),
    layout: await page.locator('input[name=layout]:checked').getAttribute('value'),
    apsco: await page.getByRole('button', { name: 'APSCO' }).getAttribute('aria-pressed'),
    launch: await page.getByRole('button', { name: 'Launch' }).getAttribute('aria-pressed'),
    options: await page.getByRole('option').count(),
  };
}

test('filter, select and date make a link that reopens the same view', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await page.getByRole('button', { name: 'APSCO' }).click();
  await page.getByRole('button', { name: 'Launch' }).click();
  await page.getByRole('radio', { name: 'Alignment axis' }).check();
  const date = page.getByRole('textbox', { name: 'As of date' });
  await date.fill('2025-01-31');
  await date.press('Enter');
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.fill('Thailand');
  await search.press('Enter');
  await expect(details(page).getByRole('heading', { name: 'Thailand' })).toBeVisible();
  const before = await viewSnapshot(page);
  expect(before.date).toBe('2025-01-31');
  expect(page.url()).toContain('sel=THA');
  expect(page.url()).not.toMatch(/[+ ]/);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('date=2025-01-31');

  const fresh = await (await browser.newContext()).newPage();
  await open(fresh, link.slice(link.indexOf('?')));
  await expect(details(fresh).getByRole('heading', { name: 'Thailand' })).toBeVisible();
  expect(await viewSnapshot(fresh)).toEqual(before);
});

test('a copied link pins the as-of date', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/[?&]date=\d{4}-\d{2}-\d{2}/);
});

test('Back and Forward restore previous views', async ({ page }) => {
  await open(page);
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.fill('Senegal');
  await search.press('Enter');
  await expect(details(page).getByRole('heading', { name: 'Senegal' })).toBeVisible();
  await page.getByRole('radio', { name: 'Map' }).check();
  await expect(page).toHaveURL(/layout=map/);
  await page.goBack();
  await expect(page.getByRole('radio', { name: 'Network' })).toBeChecked();
  await expect(details(page).getByRole('heading', { name: 'Senegal' })).toBeVisible();
  await page.goBack();
  await expect(details(page).getByRole('heading', { name: 'Details' })).toBeVisible();
  await page.goForward();
  await expect(details(page).getByRole('heading', { name: 'Senegal' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('radio', { name: 'Map' })).toBeChecked();
});

test('a malformed link shows a notice naming each bad part, and the rest of the view', async ({ page, watched }) => {
  await open(page, '?v=1&layout=banana&date=2023-13-01&sel=THA&fw=artemis~zzz&foo=1');
  const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
  await expect(notice).toBeVisible();
  for (const part of ['layout=banana', 'date=2023-13-01', 'zzz', 'foo=1']) {
    await expect(notice).toContainText(part);
  }
  // The valid parts applied: Thailand selected, only Artemis shown among frameworks.
  await expect(details(page).getByRole('heading', { name: 'Thailand' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'ILRS', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(watched.errors).toEqual([]);
});

test('the timeline shows the coalitions growing', async ({ page }) => {
  await open(page, '?v=1&date=2020-10-31');
  await expect(page.getByText(/As of 31 Oct 2020: 8 countries have signed the Artemis Accords; 0 states/)).toBeVisible();
  const slider = page.getByRole('slider', { name: 'As of' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page.getByText(/countries have signed the Artemis Accords; \d+ states/)).toBeVisible();
  await expect(page).not.toHaveURL(/date=/);
});

test('embed=1 inside an iframe resizes the iframe to its content', async ({ page, baseURL }) => {
  await page.setContent(`<!doctype html><html><body style="margin:0">
    <p>Host page</p>
    <iframe id="f" src="${baseURL}/?v=1&embed=1" style="width:900px;border:0" height="150"></iframe>
    <script src="${baseURL}/embed.js"></script></body></html>`);
  const frame = page.frameLocator('#f');
  await expect(frame.getByRole('link', { name: /Open full view/ })).toBeVisible();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(/Artemis Accords vs ILRS/);
  await expect(frame.getByRole('combobox', { name: 'Search' })).toHaveCount(0);
  await expect.poll(async () => page.locator('#f').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(500);
});

test('the app works when published under a sub-path', async ({ page, watched }) => {
  const port = Number(process.env.E2E_PORT || 4173) + 1;
  await page.goto(`http://127.0.0.1:${port}/research/space-alliances/?v=1&sel=SEN`);
  await page.waitForFunction(() => window.__firstFrame !== undefined);
  await expect(details(page).getByRole('heading', { name: 'Senegal' })).toBeVisible();
  await page.getByRole('radio', { name: 'Map' }).check();
  await expect(page).toHaveURL(/\/research\/space-alliances\/\?v=1&layout=map&sel=SEN/);
  expect(watched.errors).toEqual([]);
});
