// Shared fixture: a page that records console errors and requests to other origins.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  watched: async ({ page }, use) => {
    const errors = [];
    const foreign = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !u.protocol.startsWith('data') && !u.protocol.startsWith('blob')) {
        foreign.push(r.url());
      }
    });
    await use({ errors, foreign });
  },
});
export { expect };

/** Opens the app and waits for the first complete frame. */
export async function open(page, query = '') {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__firstFrame !== undefined);
}

/** Clicks the canvas at a node's current position. */
export async function clickNode(page, id) {
  const p = await page.evaluate((id) => window.__nodeClientPosition(id), id);
  expect(p, `node ${id} is drawn`).not.toBeNull();
  await page.mouse.click(p[0], p[1]);
}
