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
