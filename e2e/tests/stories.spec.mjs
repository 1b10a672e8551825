// Stories: reading them, their links, in an embed, and a host page that drives the embed.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, shippedStories } from './fixtures.mjs';

const STORIES = shippedStories();
const step = (page) => page.locator('.story-step h2');
const panel = (page) => page.locator('.story-panel');

test('a story is chosen from the list and read step by step, by buttons and keys', async ({ page, watched }) => {
  const s = STORIES[0];
  await open(page);
  await page.getByRole('button', { name: 'Stories' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stories' });
  await expect(dialog.getByRole('button')).toHaveCount(STORIES.length + 1);
  await dialog.getByRole('button', { name: new RegExp(s.title) }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`[?&]story=${s.id}&step=1$`));
  await expect(step(page)).toHaveText(`1. ${s.steps[0]}`);
  await expect(panel(page).getByRole('progressbar', { name: `Step 1 of ${s.steps.length}` })).toBeVisible();
  await expect(panel(page).getByRole('button', { name: /Previous/ })).toBeDisabled();
  // The step text is the live region.
  await expect(page.locator('.story-step')).toHaveAttribute('aria-live', 'polite');
  await panel(page).getByRole('button', { name: /Next/ }).click();
  await expect(page).toHaveURL(new RegExp(`story=${s.id}&step=2$`));
  await expect(step(page)).toHaveText(`2. ${s.steps[1]}`);
  await page.keyboard.press('ArrowRight');
  await expect(step(page)).toHaveText(`3. ${s.steps[2]}`);
  await page.keyboard.press('ArrowLeft');
  await expect(step(page)).toHaveText(`2. ${s.steps[1]}`);
  // Back and Forward walk the steps as they were read (1, 2, 3, 2).
  await page.goBack();
  await expect(step(page)).toHaveText(`3. ${s.steps[2]}`);
  await page.goForward();
  await expect(step(page)).toHaveText(`2. ${s.steps[1]}`);
  // Escape leaves the story and keeps its view for exploring.
  const checked = async () => {
    for (const name of ['Network', 'Alignment axis', 'Map']) {
      if (await page.getByRole('radio', { name }).isChecked()) return name;
    }
    return null;
  };
  const layout = await checked();
  await panel(page).getByRole('button', { name: /Next/ }).focus();
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  await expect(page).not.toHaveURL(/story=/);
  expect(await checked()).toBe(layout);
  expect(watched.errors).toEqual([]);
});

test('every step link opens that step in a fresh page, and axe finds nothing', async ({ page }) => {
  const s = STORIES.find((x) => x.steps.length >= 4);
  await open(page, `?v=1&story=${s.id}&step=3`);
  await expect(step(page)).toHaveText(`3. ${s.steps[2]}`);
  await expect(page.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  // With nothing focused, the arrow keys still turn the steps.
  await page.keyboard.press('ArrowRight');
  await expect(step(page)).toHaveText(`4. ${s.steps[3]}`);
  await page.keyboard.press('ArrowLeft');
  await expect(step(page)).toHaveText(`3. ${s.steps[2]}`);
  // Any other change (here the Table tab) leaves the story, keeping what it showed.
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(panel(page)).toHaveCount(0);
  await expect(page).not.toHaveURL(/story=/);
  // Every step of every story opens without a notice.
  for (const st of STORIES) {
    for (let n = 1; n <= st.steps.length; n++) {
      await page.goto(`/?v=1&story=${st.id}&step=${n}`);
      await expect(step(page)).toHaveText(`${n}. ${st.steps[n - 1]}`);
      await expect(page.getByText('Parts of this link could not be used')).toHaveCount(0);
    }
  }
});

test('an unknown story or step opens the explorer with a notice naming it', async ({ page }) => {
  await open(page, '?v=1&story=no-such-story&layout=map');
  await expect(page.getByRole('status').filter({ hasText: 'no-such-story' })).toBeVisible();
  await expect(panel(page)).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Map' })).toBeChecked();
  const s = STORIES[0];
  await open(page, `?v=1&story=${s.id}&step=99`);
  await expect(page.getByRole('status').filter({ hasText: s.title })).toBeVisible();
  await expect(panel(page)).toHaveCount(0);
});

/** A host page with the embed, embed.js, and what else it is given. */
async function host(page, baseURL, query, sections = '') {
  await page.setContent(`<!doctype html><html><body style="margin:0;font:16px sans-serif">
    <iframe id="f" src="${baseURL}/${query}" style="position:sticky;top:0;width:1000px;border:0" height="700"></iframe>
    ${sections}
    <p style="height:1200px">The end of the host page</p>
    <script src="${baseURL}/embed.js"></script></body></html>`);
  return page.frameLocator('#f');
}

test('a story step inside an iframe', async ({ page, baseURL }) => {
  const s = STORIES[1];
  const frame = await host(page, baseURL, `?v=1&story=${s.id}&step=2&embed=1`);
  await expect(frame.locator('.story-step h2')).toHaveText(`2. ${s.steps[1]}`);
  await frame.getByRole('button', { name: /Next/ }).click();
  await expect(frame.locator('.story-step h2')).toHaveText(`3. ${s.steps[2]}`);
});

test('a scrolly host page moves the embedded view as its sections scroll by', async ({ page, baseURL }) => {
  const s = STORIES[1];
  const frame = await host(page, baseURL, '?v=1&embed=1', `
    <section id="a" style="height:900px" data-space-alliances-view="?date=2021-03&sel=CHN">China, March 2021</section>
    <section id="b" style="height:900px" data-space-alliances-view="?layout=map&sel=BRA">Brazil on the map</section>
    <section id="c" style="height:900px" data-space-alliances-story="${s.id}" data-space-alliances-step="2">A story step</section>`);
  await expect(frame.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  const views = [];
  await page.exposeFunction('sawView', (d) => views.push(d));
  await page.locator('#f').evaluate((f) => f.addEventListener('space-alliances:view', (e) => window.sawView(e.detail)));
  const date = frame.getByRole('textbox', { name: 'As of date' });
  await page.locator('#a').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(date).toHaveValue(/^2021-03/);
  await expect(frame.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'China' })).toBeVisible();
  await page.locator('#b').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(frame.getByRole('radio', { name: 'Map' })).toBeChecked();
  await expect(frame.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Brazil' })).toBeVisible();
  await page.locator('#c').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(frame.locator('.story-step h2')).toHaveText(`2. ${s.steps[1]}`);
  // The host heard each change, as the link of the view.
  await expect.poll(() => views.map((v) => v.query).join(' ')).toContain(`story=${s.id}&step=2`);
  expect(views.some((v) => v.selected === 'BRA')).toBe(true);
});

test('the embed ignores messages from other frames and of other shapes, and still obeys its parent', async ({ page, baseURL }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' && m.text().includes('Space Alliances ignored')) warnings.push(m.text()); });
  await host(page, baseURL, '?v=1&embed=1', `<iframe id="other" srcdoc="<p>other</p>"></iframe>`);
  const frame = page.frameLocator('#f');
  await expect(frame.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  // A sibling frame (not the parent) asks for a view: ignored.
  await page.locator('#other').evaluate((o) => {
    o.contentWindow.eval(`parent.frames[0].postMessage({type: 'space-alliances:set-view', protocol: 1, query: '?layout=map'}, '*')`);
  });
  // The parent sends malformed messages: ignored.
  await page.evaluate(() => {
    const w = document.getElementById('f').contentWindow;
    w.postMessage('<img src=x onerror=alert(1)>', '*');
    w.postMessage({ type: 'space-alliances:set-view', protocol: 1, query: 42 }, '*');
    w.postMessage({ type: 'space-alliances:set-view', protocol: 9, query: '?layout=map' }, '*');
  });
  await expect.poll(() => warnings.length).toBeGreaterThanOrEqual(4);
  await expect(frame.getByRole('radio', { name: 'Network' })).toBeChecked();
  // A well-formed message from the parent is obeyed, and a bad piece in it is a notice.
  await page.evaluate(() => document.getElementById('f').contentWindow.postMessage(
    { type: 'space-alliances:set-view', protocol: 1, query: '?layout=axis&sel=NOPE' }, '*'));
  await expect(frame.getByRole('radio', { name: 'Alignment axis' })).toBeChecked();
  await expect(frame.getByRole('status').filter({ hasText: 'NOPE' })).toBeVisible();
  await expect(frame.locator('img')).toHaveCount(0);
});

test('when the stories cannot be fetched, a story link shows the explorer and says why, and the list loads when opened again', async ({ page }) => {
  // The stories are split out of the start module (src/app/later.rs).
  let offline = true;
  await page.route(/\/split_stories-[0-9a-f]+\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  const s = STORIES[1];
  await open(page, `?v=1&story=${s.id}&step=2`);
  await expect(page.getByRole('status').filter({ hasText: 'the stories could not be loaded' })).toBeVisible();
  await expect(panel(page)).toHaveCount(0);
  // The address keeps the story: reloading tries again.
  await expect(page).toHaveURL(new RegExp(`story=${s.id}&step=2`));
  await page.getByRole('button', { name: 'Stories' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stories' });
  await expect(dialog.getByRole('alert')).toHaveText(/could not be loaded/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  offline = false;
  await page.getByRole('button', { name: 'Stories' }).click();
  await expect(dialog.getByRole('button')).toHaveCount(STORIES.length + 1);
  await expect(dialog.getByRole('button', { name: new RegExp(STORIES[0].title) })).toBeFocused();
  await dialog.getByRole('button', { name: new RegExp(s.title) }).click();
  await expect(step(page)).toHaveText(`1. ${s.steps[0]}`);
});

test('a host asking for a story step, then at once for another view, ends on the later view', async ({ page, baseURL }) => {
  // The story waits for its stories to be fetched; the later view must win.
  const s = STORIES[1];
  const frame = await host(page, baseURL, '?v=1&embed=1');
  await expect(frame.locator('#graph canvas')).toHaveAttribute('data-layout', 'settled');
  await page.evaluate((id) => {
    const w = document.getElementById('f').contentWindow;
    w.postMessage({ type: 'space-alliances:set-view', protocol: 1, query: `?story=${id}&step=2` }, '*');
    w.postMessage({ type: 'space-alliances:set-view', protocol: 1, query: '?layout=map&sel=BRA' }, '*');
  }, s.id);
  await expect(frame.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Brazil' })).toBeVisible();
  await expect(frame.getByRole('radio', { name: 'Map' })).toBeChecked();
  // Long enough for the stories to have arrived: the story did not land after.
  await frame.getByRole('button', { name: 'Stories' }).click();
  await expect(frame.getByRole('dialog', { name: 'Stories' }).getByRole('button')).toHaveCount(STORIES.length + 1);
  await expect(frame.locator('.story-panel')).toHaveCount(0);
  await expect(frame.getByRole('radio', { name: 'Map' })).toBeChecked();
});
