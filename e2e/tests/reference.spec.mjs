// Reference screenshots of the key views, compared with a tolerance: what a
// reader sees must not change by accident. The pictures depend on the data
// (positions come from the whole dataset), so they are kept per data version:
// when meta.csv's version differs from e2e/reference/VERSION the comparison is
// skipped with a notice, and `bash scripts/reference.sh` renews them (look at
// every picture before committing; the script lists them).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, open } from './fixtures.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const refDir = path.join(here, '..', 'reference');
const meta = fs.readFileSync(path.join(here, '..', '..', 'assets', 'data', 'meta.csv'), 'utf8');
const dataVersion = meta.match(/^version,(.+)$/m)[1].trim();
const refVersion = fs.existsSync(path.join(refDir, 'VERSION')) ? fs.readFileSync(path.join(refDir, 'VERSION'), 'utf8').trim() : '';
const renewing = !!process.env.RENEW_REFERENCE;

const VIEWS = {
  default: '',
  selection: '?v=1&sel=SEN',
  axis: '?v=1&layout=axis',
  map: '?v=1&layout=map',
  table: '?v=1&tab=table',
  charts: '?v=1&tab=charts',
  embed: '?v=1&embed=1',
  // Story steps with their marks (spotlit nodes, callouts on nodes and ties).
  story: '?v=1&story=hedgers&step=1',
  'story-map': '?v=1&story=africa&step=2',
};
const SHOTS = [
  ...Object.keys(VIEWS).flatMap((v) => [[v, 1280, 800, 'light'], [v, 1280, 800, 'dark']]),
  ['default', 1920, 1080, 'light'], ['map', 1920, 1080, 'dark'],
  ['default', 390, 844, 'light'], ['selection', 390, 844, 'light'], ['map', 390, 844, 'light'],
  ['charts', 390, 844, 'light'], ['default', 390, 844, 'dark'],
  ['story', 390, 844, 'light'], ['story-map', 1920, 1080, 'dark'],
];

test.describe('reference screenshots', () => {
  test.skip(!renewing && refVersion !== dataVersion,
    `reference screenshots are for data version ${refVersion || '(none)'}, the data is ${dataVersion}: run bash scripts/reference.sh and look at them`);

  for (const [view, width, height, scheme] of SHOTS) {
    test(`${view} at ${width}×${height}, ${scheme}`, async ({ browser }) => {
      const phone = width < 600;
      const context = await browser.newContext({
        viewport: { width, height }, colorScheme: scheme, isMobile: phone, hasTouch: phone, reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await open(page, VIEWS[view]);
      if (view === 'charts') {
        await expect(page.getByRole('img', { name: 'Member states by region' })).toBeVisible();
      } else if (view === 'table') {
        await expect(page.getByRole('table')).toBeVisible();
      } else {
        await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
      }
      // Two frames, so whatever was scheduled is painted.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await expect(page).toHaveScreenshot(`${view}-${width}x${height}-${scheme}.png`, {
        animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.01, threshold: 0.2,
      });
      await context.close();
    });
  }
});
