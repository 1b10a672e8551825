// The shared reader journeys (e2e/journeys.mjs) in Chromium through Playwright.
// Firefox and WebKit run the same functions through e2e/cross/run.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { JOURNEYS, openApp } from '../journeys.mjs';

test.use({ hasTouch: true });

const KEYS = { Enter: 'Enter', Tab: 'Tab', ArrowRight: 'ArrowRight', Escape: 'Escape' };

/** The journeys' adapter over a Playwright page (see e2e/journeys.mjs). */
function adapter(page, browser) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('load', () => { errors.length = 0; });
  const find = (css, text) => page.evaluateHandle(([css, text]) =>
    [...document.querySelectorAll(css)].find((e) => text == null || e.textContent.trim().startsWith(text)), [css, text ?? null]);
  return {
    goto: (p) => page.goto(p),
    evalJs: (fn, arg = null) => page.evaluate(fn, arg),
    async click(css, text) {
      const el = (await find(css, text)).asElement();
      if (!el) throw new Error(`no element ${css} ${text ?? ''}`);
      await el.click();
    },
    fill: (css, value) => page.locator(css).fill(value),
    press: (key) => page.keyboard.press(KEYS[key]),
    url: async () => page.url(),
    async wheel(x, y, dy) { await page.mouse.move(x, y); await page.mouse.wheel(0, dy); },
    async drag([x0, y0], [x1, y1]) {
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      await page.mouse.move(x1, y1, { steps: 10 });
      await page.mouse.up();
    },
    tap: (x, y) => page.touchscreen.tap(x, y),
    async hostPage(p, html) {
      await page.route(`**${p}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.goto(p);
    },
    async newSession() {
      const ctx = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 800 } });
      const a = adapter(await ctx.newPage(), browser);
      a.close = () => ctx.close();
      return a;
    },
    close: async () => {},
    errors: async () => [...errors],
    screenshot: (file) => page.screenshot({ path: file }),
  };
}

for (const [name, journey] of JOURNEYS) {
  test(name, async ({ page, browser }) => {
    await journey(adapter(page, browser));
  });
}

test('screenshot of the default view (target/cross/chromium-default.png)', async ({ page, browser }) => {
  const a = adapter(page, browser);
  await openApp(a);
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  const out = path.join(process.cwd(), 'target', 'cross');
  fs.mkdirSync(out, { recursive: true });
  await a.screenshot(path.join(out, 'chromium-default.png'));
});
