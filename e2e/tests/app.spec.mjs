// The default view: it loads cleanly and shows the real coalitions.
import { test, expect, open } from './fixtures.mjs';

test('loads with no console error and no request to another origin', async ({ page, watched }) => {
  await open(page);
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  expect(watched.errors).toEqual([]);
  expect(watched.foreign).toEqual([]);
});

test('title and heading name the subject', async ({ page }) => {
  await open(page);
  await expect(page).toHaveTitle(/Artemis Accords vs ILRS/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Artemis Accords vs ILRS/);
});

test('the graph shows both hubs and the known members', async ({ page }) => {
  await open(page);
  const graph = page.getByRole('listbox', { name: /Network graph of \d+ nodes/ });
  await expect(graph).toBeVisible();
  await expect(graph.getByRole('option', { name: /^Artemis — hub/ })).toHaveCount(1);
  await expect(graph.getByRole('option', { name: /^ILRS — hub/ })).toHaveCount(1);
  for (const name of ['United States', 'Japan', 'India', 'Brazil', 'Nigeria', 'Australia']) {
    await expect(graph.getByRole('option', { name: new RegExp(`^${name} — Artemis 20`) })).toHaveCount(1);
  }
  for (const name of ['China', 'Russia', 'Pakistan', 'Venezuela', 'South Africa', 'Egypt']) {
    await expect(graph.getByRole('option', { name: new RegExp(`^${name} — .*ILRS 20`) })).toHaveCount(1);
  }
});

test('Thailand and Senegal are shown as in both camps', async ({ page }) => {
  await open(page);
  const graph = page.getByRole('listbox', { name: /Network graph/ });
  await expect(graph.getByRole('option', { name: /^Thailand — Artemis \d{4}-\d{2}-\d{2}; ILRS \d{4}-\d{2}-\d{2}; APSCO \d{4}/ })).toHaveCount(1);
  await expect(graph.getByRole('option', { name: /^Senegal — Artemis \d{4}-\d{2}-\d{2}; ILRS \d{4}-\d{2}-\d{2}/ })).toHaveCount(1);
  await expect(page.getByText(/\d+ in both camps: (?=.*Thailand)(?=.*Senegal)/)).toBeVisible();
});
