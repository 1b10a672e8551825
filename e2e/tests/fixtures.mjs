// Shared fixture: a page that records console errors and requests to other origins.
import fs from 'node:fs';
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

/** Opens the app and waits for the first complete frame and the node list built after it. */
export async function open(page, query = '') {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__firstFrame !== undefined && !document.querySelector('#graph[aria-busy]'));
}

/**
 * A node's centre on the page, once drawn: the render loop lays each option
 * of the accessible node list over its node. Null when the node is not shown.
 */
export async function nodeAt(page, id) {
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  return page.evaluate((id) => new Promise((done) => {
    // Two frames: a change made just before is drawn by the next one.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const el = document.getElementById('node-' + id.replace(':', '-'));
      if (!el) return done(null);
      const r = el.getBoundingClientRect();
      done([r.left + r.width / 2, r.top + r.height / 2]);
    }));
  }), id);
}

/** Clicks the canvas at a node's current position. */
export async function clickNode(page, id) {
  const p = await nodeAt(page, id);
  expect(p, `node ${id} is drawn`).not.toBeNull();
  await page.mouse.click(p[0], p[1]);
}

/**
 * The shipped stories as their files say (titles, step titles and each
 * step's view line), in list order.
 */
export function shippedStories() {
  const dir = new URL('../../assets/stories/', import.meta.url);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.story')).map((f) => {
    const text = fs.readFileSync(new URL(f, dir), 'utf8');
    const field = (k) => text.match(new RegExp(`^${k}:\\s*(.+)$`, 'm'))[1].trim();
    return {
      id: f.replace(/\.story$/, ''),
      title: field('title'),
      order: Number(field('order')),
      steps: [...text.matchAll(/^==\s*(.+)$/gm)].map((m) => m[1].trim()),
      views: text.split(/^==.*$/m).slice(1).map((step) => step.match(/^view:\s*(.+)$/m)?.[1].trim() ?? ''),
    };
  }).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
