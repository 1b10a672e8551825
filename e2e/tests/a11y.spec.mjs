// Accessibility (axe-core on every main view), keyboard, themes, small screens.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open } from './fixtures.mjs';

async function axe(page, name) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations on ${name}`).toEqual([]);
}

for (const [name, query] of [
  ['graph, network layout', ''],
  ['graph, alignment layout', '?v=1&layout=alignment'],
  ['graph, map layout with a selection', '?v=1&layout=geo&sel=THA'],
  ['table', '?v=1&tab=table'],
  ['charts', '?v=1&tab=charts'],
  ['embed mode', '?v=1&embed=1'],
  ['a link with notices', '?v=1&layout=banana'],
  ['the change view', '?v=1&date=2025-06-30&from=2023-01'],
  ['the lean tab', '?v=1&tab=lean'],
  ['the axis grouped and coloured by lean, with a selection', '?v=1&layout=axis&order=lean&colour=lean&sel=BRA'],
  ['the change view by name, marks off, the table of changes', '?v=1&tab=table&date=2025-06-30&from=2023-01&marks=off&list=name&only=changes'],
  ['the change view, charts shaded', '?v=1&tab=charts&date=2025-06-30&from=2023-01'],
  ['a story step, dark callouts', '?v=1&story=brazil&step=3'],
]) {
  test(`axe: no violations — ${name}`, async ({ page }) => {
    await open(page, query);
    await axe(page, name);
  });
}

test('axe: no violations on a phone with the details sheet open, light and dark', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, '?v=1&sel=SEN');
    await expect(page.getByRole('button', { name: 'Close details' })).toBeVisible();
    await axe(page, `details sheet (${scheme})`);
  }
});

test('axe: no violations with the embed dialog open, in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  await page.getByRole('button', { name: 'Embed' }).click();
  await expect(page.getByRole('dialog', { name: 'Embed this view' })).toBeVisible();
  await axe(page, 'embed dialog (dark)');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the skip link is the first stop and jumps to the graph', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the graph' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#graph$/);
});

test('dark and light themes follow the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(dark).not.toEqual(light);
  expect(light).toBe('rgb(255, 255, 255)');
});
