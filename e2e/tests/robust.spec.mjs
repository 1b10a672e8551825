// No surprises: strict CSP, no other origins, fallbacks, random links.
import { test, expect, open, clickNode, shippedStories } from './fixtures.mjs';

test('the page carries a strict CSP and works under it', async ({ page, watched }) => {
  const violations = [];
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await open(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  await page.getByRole('combobox', { name: 'Search' }).fill('Thai');
  await page.getByRole('combobox', { name: 'Search' }).press('Enter');
  await page.getByRole('tab', { name: 'Table' }).click();
  await page.getByRole('tab', { name: 'Graph' }).click();
  violations.push(...(await page.evaluate(() => window.__csp)));
  expect(violations).toEqual([]);
  expect(watched.errors).toEqual([]);
  expect(watched.foreign).toEqual([]);
});

// Chromium's JavaScript switch in Playwright does not make the HTML parser
// render <noscript>, so the served page's <noscript> block is checked as markup.
test('without JavaScript, the page carries the data\'s summary, both member lists and links to the data', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  // The body's <noscript> (the head's only links a stylesheet).
  const noscript = [...html.matchAll(/<noscript>([\s\S]*?)<\/noscript>/g)].map((m) => m[1]).find((m) => m.includes('<main')) ?? '';
  expect(noscript).toContain('needs JavaScript and WebAssembly');
  // Generated from the data at build time: the same summary the app shows.
  await page.goto('/');
  await page.waitForFunction(() => window.__firstFrame !== undefined);
  const summary = (await page.locator('p.summary').textContent()).trim();
  expect(noscript).toContain(summary.replaceAll('&', '&amp;'));
  await page.setContent(noscript);
  for (const name of ['Artemis Accords', 'International Lunar Research Station']) {
    await expect(page.getByRole('heading', { name: new RegExp(`^${name} — \\d+ member states as of`) })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Artemis Accords vs ILRS' })).toBeVisible();
  const href = await page.getByRole('link', { name: 'memberships' }).getAttribute('href');
  expect(href).toBe('data/memberships.csv');
  const csv = await (await request.get(`/${href}`)).text();
  expect(csv.split('\n')[0]).toContain('id,actor,framework,date');
});

test('without WebAssembly, a clear message instead of a blank page', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('/');
  await expect(page.getByText('This browser cannot run WebAssembly')).toBeVisible();
  await expect(page.getByRole('link', { name: 'partnerships' })).toBeVisible();
});

test('when the app fails to load, the fallback says so', async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/');
  await expect(page.getByText(/The app could not start/)).toBeVisible();
  // The reader still gets the data's picture in words.
  await expect(page.getByRole('heading', { name: /^Artemis Accords — \d+ member states as of/ })).toBeVisible();
});

// A seeded generator, so a failure names a reproducible link.
function rng(seed) {
  return () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
}
const KEYS = ['v', 'tab', 'layout', 'order', 'date', 'fw', 'align', 'kinds', 'ties', 'region', 'unverified', 'bodies', 'sel', 'q', 'view', 'embed', 'story', 'step', 'from', 'zz'];
const VALUES = ['1', '2', '0', 'table', 'charts', 'graph', 'force', 'geo', 'alignment', 'date', '2021-03', '2024-12-16', '1999', '2030-01-01',
  'artemis~ilrs', 'none', 'artemis~zzz', 'both~neither', 'country~agency', 'launch~payload', 'western-africa~europe', 'hide', 'THA', 'SEN',
  'hub:ilrs', 'nasa', 'XXX', '%20', '%ZZ', '~~', '..', '12.5~-3~1.5', 'NaN~1~2', 'thai', '', '+', '<script>', '%E2%9C%93',
  'hedgers', 'brazil', 'no-such-story', '3', '99', '-1', '2023-01'];

test('200 random links open without a console error', async ({ page, watched }) => {
  test.setTimeout(240_000);
  const r = rng(20261126);
  const pick = (a) => a[Math.floor(r() * a.length)];
  // The split code a link fetches (a story, a tab) arrives before the next
  // link is opened: an aborted fetch is an error of the test, not the link.
  const split = (req) => /\/(split_|chunk_)[^/]*\.wasm$/.test(req.url());
  let fetching = 0;
  page.on('request', (req) => { if (split(req)) fetching += 1; });
  for (const done of ['requestfinished', 'requestfailed']) page.on(done, (req) => { if (split(req)) fetching -= 1; });
  for (let i = 0; i < 200; i++) {
    const n = 1 + Math.floor(r() * 5);
    const parts = Array.from({ length: n }, () => `${pick(KEYS)}=${pick(VALUES)}`);
    const link = `/?${parts.join('&')}`;
    await page.goto(link);
    // The live canvas drawn, or (on another tab) the app mounted in #app.
    await page.waitForFunction(() => window.__firstFrame !== undefined || document.querySelector('#app [role=tabpanel]'), null, { timeout: 10_000 });
    await expect.poll(() => fetching, { message: `split code fetched after ${link}` }).toBe(0);
    expect(watched.errors, `after ${link}`).toEqual([]);
    await expect(page.locator('.panic')).toHaveCount(0);
  }
});

/**
 * Makes the split module `name`'s file (src/app/later.rs) unreachable until
 * `online()`; `asked()` counts the requests for it.
 */
async function offlineSplit(page, name) {
  let offline = true;
  let asked = 0;
  await page.route(new RegExp(`/split_${name}-[0-9a-f]+\\.wasm$`), (route) => {
    asked += 1;
    return offline ? route.abort('internetdisconnected') : route.continue();
  });
  return { asked: () => asked, online: () => { offline = false; } };
}

test('the views beyond the graph load when first shown; one that cannot load says so, and loads when shown again', async ({ page }) => {
  // The release build splits them out of the start module (src/app/later.rs).
  const fetched = [];
  page.on('request', (r) => {
    const file = r.url().split('/').pop();
    if (file.startsWith('split_')) fetched.push(file.replace(/-[0-9a-f]+\.wasm$/, ''));
  });
  const table = await offlineSplit(page, 'table');
  await open(page);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  expect(fetched, 'no view is fetched before it is shown').toEqual([]);
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.getByRole('img', { name: 'Member states over time' })).toBeVisible();
  expect(fetched).toContain('split_charts');
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toBeVisible();
  table.online();
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveCount(0);
});

test('a download whose code cannot be fetched says so in the share bar, and starts when pressed again', async ({ page }) => {
  // The share bar's downloads are split out of the start module too; the
  // buttons are not.
  const code = await offlineSplit(page, 'downloads');
  await open(page);
  const button = page.getByRole('button', { name: 'Actors (CSV)' });
  await expect(button).toBeVisible();
  expect(code.asked(), 'the download code is not fetched before a download').toBe(0);
  const status = page.locator('.share [role=status]');
  await button.click();
  await expect(status).toHaveText(/could not be loaded/);
  code.online();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(file.suggestedFilename()).toMatch(/^space-alliances-actors-.*\.csv$/);
  await expect(status).toHaveText('Download started.');
});

test('the map fetches its world when first shown; without it, the countries are placed and a notice says why', async ({ page }) => {
  // The outlines are split out of the start module (src/app/later.rs).
  const world = await offlineSplit(page, 'world');
  await open(page);
  expect(world.asked(), 'the default view does not fetch the world').toBe(0);
  const canvas = page.locator('#graph canvas');
  const map = page.getByRole('radio', { name: 'Map' });
  const picture = () => canvas.evaluate((c) => c.toDataURL());
  await map.check();
  await expect(page.getByRole('status').filter({ hasText: 'outlines could not be loaded' })).toBeVisible();
  await expect(canvas).toHaveAttribute('data-layout', 'settled');
  const bare = await picture();
  // Chosen again while still offline: fetched again, said once.
  await page.getByRole('radio', { name: 'Network' }).check();
  await expect(canvas).toHaveAttribute('data-layout', 'settled');
  await map.check();
  await expect.poll(() => world.asked()).toBe(2);
  await expect(canvas).toHaveAttribute('data-layout', 'settled');
  await expect(page.locator('.notices li').filter({ hasText: 'outlines could not be loaded' })).toHaveCount(1);
  world.online();
  await page.getByRole('radio', { name: 'Network' }).check();
  await expect(canvas).toHaveAttribute('data-layout', 'settled');
  await map.check();
  await expect(canvas).toHaveAttribute('data-layout', 'settled');
  expect(world.asked()).toBe(3);
  expect(await picture(), 'the world is drawn under the countries').not.toBe(bare);
});

test('sources and notes are fetched when first cited; if they cannot be, the details say so, and Try again fetches them', async ({ page }) => {
  // The sources' records and the facts' longer texts are split out of the
  // start module (src/app/later.rs).
  const sources = await offlineSplit(page, 'sources');
  await open(page);
  expect(sources.asked(), 'the default view cites no source').toBe(0);
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.fill('Brazil');
  await search.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Brazil', level: 2 })).toBeVisible();
  const alert = details.getByRole('alert').filter({ hasText: 'sources and notes could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(details.locator('.sources-pending').first()).toHaveText(/^\d+ sources? not loaded$/);
  await expect(details.locator('.sources a')).toHaveCount(0);
  await expect(details.locator('.facts .note')).toHaveCount(0);
  // The rest of the panel is there.
  await expect(details.getByText(/Alignment as of/)).toBeVisible();
  // Asked once ahead of the selection (the search box took the focus) and
  // once by the panel; nothing more until the reader says so.
  expect(sources.asked()).toBe(2);
  sources.online();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(details.locator('.sources a').first()).toBeVisible();
  // Brazil's facts carry notes (who signed, what a tie was): they come too.
  await expect(details.locator('.facts .note').first()).toBeVisible();
  await expect(alert).toHaveCount(0);
  await expect(details.locator('.sources-pending')).toHaveCount(0);
  expect(sources.asked()).toBe(3);
});

test('pointing at the graph fetches the sources ahead of a selection, once', async ({ page }) => {
  const sources = await offlineSplit(page, 'sources');
  sources.online();
  await open(page);
  expect(sources.asked()).toBe(0);
  const canvas = page.locator('#graph canvas');
  await canvas.hover({ position: { x: 5, y: 5 } });
  await expect.poll(() => sources.asked()).toBe(1);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource')
    .some((r) => /split_sources-/.test(r.name) && r.responseEnd > 0))).toBe(true);
  await clickNode(page, 'BRA');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Brazil', level: 2 })).toBeVisible();
  await expect(details.locator('.sources a').first()).toBeVisible();
  expect(sources.asked()).toBe(1);
});

/** The first story step whose view is on the map, as its files say. */
function onTheMap() {
  for (const s of shippedStories()) {
    const i = s.views.findIndex((v) => /\blayout=map\b/.test(v));
    if (i >= 0) return { id: s.id, step: i + 1 };
  }
  throw new Error('no story step on the map');
}

test('a story, map or selection link fetches the code it needs beside the start module, once', async ({ page }) => {
  const count = new Map();
  page.on('request', (r) => {
    const file = r.url().split('/').pop();
    if (/^(split_|chunk_)/.test(file)) count.set(file, (count.get(file) ?? 0) + 1);
  });
  const preloads = () => page.evaluate(() => [...document.querySelectorAll('link[rel=preload][as=fetch]')]
    .map((l) => l.href.split('/').pop()).filter((f) => /^(split_|chunk_)/.test(f)));
  await open(page);
  expect(await preloads()).toEqual([]);
  await open(page, '?v=1&story=hedgers&step=2');
  const early = await preloads();
  expect(early.some((f) => f.startsWith('split_stories-'))).toBe(true);
  await expect(page.locator('.story-step h2')).toHaveText(/^2\. /);
  // The preloads were the fetches the loader made: no file twice.
  for (const f of early) expect(count.get(f), f).toBe(1);
  // A story step on the map fetches the world beside the stories.
  const mapStep = onTheMap();
  await open(page, `?v=1&story=${mapStep.id}&step=${mapStep.step}`);
  const both = await preloads();
  expect(both.some((f) => f.startsWith('split_stories-')) && both.some((f) => f.startsWith('split_world-')), `preloads ${both}`).toBe(true);
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  expect(both.some((f) => f.startsWith('split_sources-')), 'a story cites sources').toBe(true);
  // A selection's details cite sources from the first frame.
  count.clear();
  await open(page, '?v=1&sel=BRA');
  expect((await preloads()).some((f) => f.startsWith('split_sources-'))).toBe(true);
  await expect(page.locator('.details .sources a').first()).toBeVisible();
  for (const [f, n] of count) expect(n, f).toBe(1);
  count.clear();
  await open(page, '?v=1&layout=map');
  expect((await preloads()).some((f) => f.startsWith('split_world-'))).toBe(true);
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  for (const [f, n] of count) expect(n, f).toBe(1);
  expect([...count.keys()].some((f) => f.startsWith('split_world-'))).toBe(true);
});
