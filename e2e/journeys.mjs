// The reader journeys, written ONCE and run in every engine: by Playwright in
// Chromium (e2e/tests/journeys.spec.mjs) and by selenium-webdriver in Firefox
// and WebKit (e2e/cross/run.mjs). Each journey is an async function over a
// small adapter `a`, which both runners implement:
//   a.goto(path)              open base URL + path ("/?v=1&tab=table")
//   a.evalJs(fn, arg)         run fn(arg) in the page, return its (JSON) result
//   a.click(css, text?)       real click on the first element matching css
//                             (and whose trimmed text starts with `text`)
//   a.fill(css, value)        clear the field and type value
//   a.press(key)              key to the focused element: 'Enter', 'Tab',
//                             'ArrowRight', 'Escape'
//   a.url()                   the page URL
//   a.wheel(x, y, deltaY)     wheel at client point (x, y)
//   a.drag([x0, y0], [x1, y1]) mouse press, move in steps, release
//   a.tap(x, y)               a touch tap
//   a.hostPage(path, html)    serve html at path on the app's origin and open it
//   a.newSession()            a fresh browser (no shared state) -> adapter
//   a.close()                 end a session made by newSession()
//   a.errors()                console errors, uncaught errors and unhandled
//                             rejections seen since the page loaded
//   a.screenshot(file)        PNG of the viewport
// Journeys throw on the first failed check, naming it.

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function check(cond, what, detail) {
  if (!cond) throw new Error(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
}

/** Polls fn(arg) in the page until it returns something truthy. */
export async function waitFor(a, what, fn, arg = null, timeout = 15_000) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try {
      last = await a.evalJs(fn, arg);
    } catch (e) {
      last = `threw: ${e.message}`;
    }
    if (last && !String(last).startsWith('threw:')) return last;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await sleep(100);
  }
}

export async function waitForUrl(a, what, re, timeout = 5_000) {
  const t0 = Date.now();
  for (;;) {
    const u = await a.url();
    if (re.test(u)) return u;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for the URL to ${what} (${u})`);
    await sleep(100);
  }
}

/** Opens the app and waits for the first complete frame of the graph. */
export async function openApp(a, query = '') {
  await a.goto(`/${query}`);
  await waitFor(a, 'the first frame and the node list', () => window.__firstFrame !== undefined && !document.querySelector('#graph[aria-busy]'));
}

async function noErrors(a, when) {
  const errors = await a.errors();
  check(errors.length === 0, `console errors ${when}`, errors);
}

const optionTexts = () => [...document.querySelectorAll('#graph [role=option]')].map((o) => o.textContent);
const detailsHeading = () => document.querySelector('aside[aria-label=Details] h2')?.textContent.trim() ?? null;

/** Waits until the force layout (and the fit animation) stop moving nodes. */
async function settled(a, ids) {
  let prev = null;
  for (let i = 0; i < 100; i++) {
    const now = await a.evalJs((ids) => ids.map((id) => ((id) => { const el = document.getElementById('node-' + id.replace(':', '-')); if (!el) return null; const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })(id)), ids);
    check(now.every(Boolean), 'nodes are drawn', { ids, now });
    if (prev && now.every((p, k) => Math.abs(p[0] - prev[k][0]) + Math.abs(p[1] - prev[k][1]) < 0.5)) return now;
    prev = now;
    await sleep(150);
  }
  throw new Error('the graph layout did not settle in 15 s');
}

// ---- the five reader journeys ------------------------------------------------

export async function defaultView(a) {
  await openApp(a);
  const h1 = await a.evalJs(() => document.querySelector('h1')?.textContent);
  check(/Artemis Accords vs ILRS/.test(h1), 'the heading names the subject', h1);
  const options = await a.evalJs(optionTexts);
  check(options.length > 80, 'more than 80 nodes in the graph', options.length);
  check(options.some((t) => t.startsWith('Artemis — hub')), 'the Artemis hub is shown');
  check(options.some((t) => t.startsWith('ILRS — hub')), 'the ILRS hub is shown');
  for (const name of ['United States', 'Japan', 'Brazil']) {
    check(options.some((t) => t.startsWith(`${name} — Artemis 20`)), `${name} is an Artemis member`);
  }
  for (const name of ['China', 'Russia', 'Pakistan']) {
    check(options.some((t) => new RegExp(`^${name} — .*ILRS 20`).test(t)), `${name} is an ILRS member`);
  }
  check(options.some((t) => /^Thailand — Artemis \d{4}-\d{2}-\d{2}; ILRS \d{4}-\d{2}-\d{2}/.test(t)), 'Thailand is in both camps');
  const px = await a.evalJs(() => {
    const c = document.querySelector('#graph canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cw: r.width, ch: r.height, dpr: window.devicePixelRatio };
  });
  check(px.cw > 300 && px.ch > 300, 'the canvas has a size', px);
  check(Math.abs(px.w - px.cw * px.dpr) <= 2 && Math.abs(px.h - px.ch * px.dpr) <= 2, 'the canvas backing store matches its CSS size times devicePixelRatio', px);
  await sleep(500);
  await noErrors(a, 'on the default view');
}

export async function searchAndSelect(a) {
  await openApp(a);
  await a.fill('#search-input', 'thai');
  await waitFor(a, 'the suggestion Thailand (THA)', () =>
    [...document.querySelectorAll('#search-list [role=option]')].some((o) => /^Thailand \(THA\)/.test(o.textContent.trim())));
  await a.press('Enter');
  await waitFor(a, 'Thailand in the details', () => document.querySelector('aside[aria-label=Details] h2')?.textContent.trim() === 'Thailand');
  const d = await a.evalJs(() => {
    const aside = document.querySelector('aside[aria-label=Details]');
    return { text: aside.textContent, links: [...aside.querySelectorAll('a[href]')].map((x) => x.href) };
  });
  check(/Alignment as of .*: Both camps/.test(d.text), 'the details give the alignment', d.text.slice(0, 300));
  check(d.links.length > 2, 'the details list sources', d.links);
  check(d.links.every((h) => /^https?:\/\//.test(h)), 'sources are web links', d.links);
  const sel = await a.evalJs(() => [...document.querySelectorAll('#graph [role=option][aria-selected=true]')].map((o) => o.textContent));
  check(sel.length === 1 && sel[0].startsWith('Thailand — '), 'Thailand is selected in the graph', sel);
  await noErrors(a, 'after search and select');
}

async function viewSnapshot(a) {
  return a.evalJs(() => ({
    heading: document.querySelector('aside[aria-label=Details] h2')?.textContent.trim(),
    date: document.querySelector('#as-of-date').value,
    legend: [...document.querySelectorAll('.legend-item')].map((b) => `${b.textContent.trim()}=${b.getAttribute('aria-pressed')}`),
    options: document.querySelectorAll('#graph [role=option]').length,
    tab: document.querySelector('[role=tab][aria-selected=true]')?.id,
  }));
}

export async function linkReopensSameView(a) {
  await openApp(a);
  await a.click('.legend-item', 'APSCO');
  await waitFor(a, 'APSCO hidden', () =>
    [...document.querySelectorAll('.legend-item')].find((b) => b.textContent.trim() === 'APSCO')?.getAttribute('aria-pressed') === 'false');
  await a.fill('#as-of-date', '2025-01-31');
  await a.press('Enter');
  await waitForUrl(a, 'carry the date', /[?&]date=2025-01-31/);
  await a.fill('#search-input', 'Thailand');
  await a.press('Enter');
  await waitFor(a, 'Thailand in the details', detailsHeading).then((h) => check(h === 'Thailand', 'Thailand is selected', h));
  const link = await waitForUrl(a, 'carry the selection', /[?&]sel=THA/);
  check(!/[+ ]/.test(link.slice(link.indexOf('?'))), 'the link has no + or space', link);
  const before = await viewSnapshot(a);
  check(before.date === '2025-01-31', 'the date field shows the date', before);
  check(before.legend.includes('APSCO=false'), 'the legend shows APSCO hidden', before.legend);

  const fresh = await a.newSession();
  try {
    await openApp(fresh, link.slice(link.indexOf('?')));
    await waitFor(fresh, 'Thailand in the details of the fresh browser', detailsHeading)
      .then((h) => check(h === 'Thailand', 'the fresh browser selects Thailand', h));
    const after = await viewSnapshot(fresh);
    check(JSON.stringify(after) === JSON.stringify(before), 'the fresh browser shows the same view', { before, after });
    await noErrors(fresh, 'in the fresh browser');
  } finally {
    await fresh.close();
  }
  await noErrors(a, 'while making the link');
}

export const EMBED_HOST = '/__embed-host.html';
export const embedHostHtml = () => `<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0"><p>Host page</p>
<iframe id="f" src="/?v=1&amp;embed=1" style="width:900px;border:0" height="150" title="Space Alliances"></iframe>
<script src="/embed.js"></script></body></html>`;

export async function embedResizes(a) {
  await a.hostPage(EMBED_HOST, embedHostHtml());
  const inner = await waitFor(a, 'the embedded app', () => {
    const d = document.getElementById('f').contentDocument;
    const link = d && [...d.querySelectorAll('a')].find((x) => /Open full view/.test(x.textContent));
    return link && { h1: d.querySelector('h1')?.textContent, search: !!d.querySelector('#search-input') };
  });
  check(/Artemis Accords vs ILRS/.test(inner.h1), 'the embed has the heading', inner);
  check(!inner.search, 'the embed has no search box', inner);
  const h = await waitFor(a, 'the iframe to grow past 500 px', () => {
    const h = document.getElementById('f').getBoundingClientRect().height;
    return h > 500 && h;
  });
  check(h > 500, 'the iframe resized', h);
  const errs = await a.evalJs(() => document.getElementById('f').contentWindow.__probe?.errors ?? null);
  if (errs) check(errs.length === 0, 'console errors inside the embed', errs);
  await noErrors(a, 'on the host page');
}

export async function tableAndCharts(a) {
  await openApp(a);
  await a.click('#tab-table');
  await waitForUrl(a, 'show tab=table', /[?&]tab=table/);
  const rows = await waitFor(a, 'the table rows', () => {
    const t = document.querySelector('#panel-table table');
    const n = t ? t.querySelectorAll('tbody tr').length : 0;
    return n > 20 && { n, thai: [...t.querySelectorAll('tbody th')].some((th) => th.textContent.trim() === 'Thailand'),
      w: t.getBoundingClientRect().width };
  });
  check(rows.thai, 'the table lists Thailand', rows);
  check(rows.w > 300, 'the table has a width', rows);
  await a.click('#tab-charts');
  await waitForUrl(a, 'show tab=charts', /[?&]tab=charts/);
  const charts = await waitFor(a, 'three charts', () => {
    const imgs = [...document.querySelectorAll('#panel-charts [role=img]')].map((e) => {
      const r = e.getBoundingClientRect();
      const by = e.getAttribute('aria-labelledby');
      const name = e.getAttribute('aria-label') ?? (by && by.split(' ').map((id) => document.getElementById(id)?.textContent.trim()).join(' '));
      return { name, w: Math.round(r.width), h: Math.round(r.height) };
    });
    return imgs.length >= 3 && imgs.every((i) => i.w > 200 && i.h > 100) && imgs;
  });
  for (const title of ['Member states over time', 'New member states per year', 'Member states by region']) {
    check(charts.some((c) => c.name === title), `the chart "${title}" is shown`, charts);
  }
  const text = await a.evalJs(() => document.querySelector('#panel-charts').textContent);
  check(/Artemis Accords grew from 8 member states/.test(text), 'the charts summary is shown');
  await noErrors(a, 'on the table and charts');
  // The share bar's downloads run code fetched the first time one is
  // pressed. In a browser of its own: WebKit's MiniBrowser shows a download
  // bar that would shrink the viewport of the journeys after this one.
  const b = await a.newSession();
  try {
    await openApp(b);
    await b.click('.downloads button', 'Actors (CSV)');
    await waitFor(b, 'a download to start', () => document.querySelector('.share [role=status]')?.textContent.trim() === 'Download started.');
    await noErrors(b, 'on a download');
  } finally {
    await b.close();
  }
}

// ---- input: pointer, wheel, touch and keyboard --------------------------------

export async function wheelZoomAndDragPan(a) {
  await openApp(a);
  const [p0, q0] = await settled(a, ['hub:artemis', 'hub:ilrs']);
  const dist = (p, q) => Math.hypot(p[0] - q[0], p[1] - q[1]);
  const box = await a.evalJs(() => {
    const r = document.querySelector('#graph canvas').getBoundingClientRect();
    return [r.left, r.top, r.width, r.height];
  });
  const mid = [Math.round((p0[0] + q0[0]) / 2), Math.round((p0[1] + q0[1]) / 2)];
  await a.wheel(mid[0], mid[1], -300);
  const zoomed = await waitFor(a, 'the wheel to zoom in', (d0) => {
    const p = ((id) => { const el = document.getElementById('node-' + id.replace(':', '-')); if (!el) return null; const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })('hub:artemis');
    const q = ((id) => { const el = document.getElementById('node-' + id.replace(':', '-')); if (!el) return null; const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })('hub:ilrs');
    const d = Math.hypot(p[0] - q[0], p[1] - q[1]);
    return d > d0 * 1.2 && [p, q];
  }, dist(p0, q0), 5_000);
  check(dist(zoomed[0], zoomed[1]) > dist(p0, q0) * 1.2, 'wheel zoom scaled the graph');
  const u1 = await waitForUrl(a, 'carry view= after zooming', /[?&]view=/);

  // Drag from an empty spot (no node within 40 px), so it pans rather than moves a node.
  const empty = await a.evalJs((box) => {
    const ids = [...document.querySelectorAll('#graph [role=option]')].map((o) => o.id.replace(/^node-/, ''));
    const pts = ids.map((id) => ((id) => { const el = document.getElementById('node-' + id.replace(':', '-')); if (!el) return null; const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })(id) || ((id) => { const el = document.getElementById('node-' + id.replace(':', '-')); if (!el) return null; const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })(id.replace('-', ':'))).filter(Boolean);
    const [l, t, w, h] = box;
    for (let y = t + 60; y < t + h - 140; y += 20) {
      for (let x = l + 60; x < l + w - 180; x += 20) {
        if (pts.every((p) => Math.hypot(p[0] - x, p[1] - y) > 40) && pts.every((p) => Math.hypot(p[0] - x - 120, p[1] - y - 80) > 10)) return [x, y];
      }
    }
    return null;
  }, box);
  check(empty, 'an empty spot to drag from');
  const [before] = await settled(a, ['hub:artemis']);
  await a.drag(empty, [empty[0] + 120, empty[1] + 80]);
  const [after] = await settled(a, ['hub:artemis']);
  const moved = [after[0] - before[0], after[1] - before[1]];
  check(Math.abs(moved[0] - 120) < 12 && Math.abs(moved[1] - 80) < 12, 'drag panned the graph by the pointer movement', { moved });
  await sleep(400);
  const u2 = await waitForUrl(a, 'change view= after panning', /[?&]view=/);
  check(u2 !== u1, 'the view in the URL changed after the pan', { u1, u2 });
  const sel = await a.evalJs(detailsHeading);
  check(sel === 'Details', 'the drag selected nothing', sel);
  await noErrors(a, 'after wheel and drag');
}

export async function touchTapSelects(a) {
  await openApp(a);
  const [p] = await settled(a, ['hub:artemis']);
  await a.tap(Math.round(p[0]), Math.round(p[1]));
  const h = await waitFor(a, 'the tapped hub in the details', () => {
    const h = document.querySelector('aside[aria-label=Details] h2')?.textContent.trim();
    return h !== 'Details' && h;
  }, null, 5_000);
  check(h === 'Artemis Accords', 'a tap selects the node under the finger', h);
  await noErrors(a, 'after the tap');
}

export async function keyboardPath(a) {
  await openApp(a);
  await a.evalJs(() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Fit').focus());
  for (let i = 0; i < 8; i++) {
    if (await a.evalJs(() => document.activeElement?.id === 'graph')) break;
    await a.press('Tab');
  }
  check(await a.evalJs(() => document.activeElement?.id === 'graph'), 'Tab reaches the graph',
    await a.evalJs(() => document.activeElement?.outerHTML.slice(0, 120)));
  const first = await waitFor(a, 'an active node', () => document.getElementById('graph').getAttribute('aria-activedescendant'));
  await a.press('ArrowRight');
  const second = await waitFor(a, 'the arrow to move', (f) => {
    const v = document.getElementById('graph').getAttribute('aria-activedescendant');
    return v && v !== f && v;
  }, first, 5_000);
  await a.press('Enter');
  await waitFor(a, 'Enter to select the active node', (id) => document.getElementById(id)?.getAttribute('aria-selected') === 'true', second, 5_000);
  await a.press('Escape');
  await waitFor(a, 'Escape to clear', (id) => document.getElementById(id)?.getAttribute('aria-selected') === 'false', second, 5_000);
  await noErrors(a, 'on the keyboard path');
}

/** Every journey, in order: [name, fn]. */
/** A story step from its link, then Next and the arrow keys; Escape leaves. */
export async function storyStep(a) {
  await openApp(a, '?v=1&story=hedgers&step=1');
  const heading = () => document.querySelector('.story-step h2')?.textContent.trim() ?? null;
  const first = await waitFor(a, 'the story step', heading);
  check(/^1\. /.test(first), 'the link opens step 1', first);
  await a.click('.story-nav button', 'Next');
  await waitForUrl(a, 'show step 2', /[?&]story=hedgers&step=2$/);
  const second = await waitFor(a, 'step 2', () => {
    const h = document.querySelector('.story-step h2')?.textContent.trim();
    return /^2\. /.test(h ?? '') && h;
  });
  check(second !== first, 'step 2 has its own title', second);
  const notes = await a.evalJs(() => document.querySelectorAll('.story-notes li').length);
  check(notes >= 1, 'the step lists its notes on the graph in words', notes);
  await a.press('Escape');
  await waitFor(a, 'the story to close', () => !document.querySelector('.story-panel'));
  await waitForUrl(a, 'drop the story from the link', /^(?!.*story=)/);
  await noErrors(a, 'in a story');
}

export const JOURNEYS = [
  ['default view renders both coalitions with no console error', defaultView],
  ['search and select a country: details with sources', searchAndSelect],
  ['as-of date and filter: the link reopens the same view in a fresh browser', linkReopensSameView],
  ['the embed resizes inside a host page', embedResizes],
  ['the table and chart views render', tableAndCharts],
  ['wheel zoom and drag pan move the camera and the URL view', wheelZoomAndDragPan],
  ['a touch tap selects a node', touchTapSelects],
  ['keyboard: Tab to the graph, arrows, Enter selects, Escape clears', keyboardPath],
  ['a story step from its link, Next, and Escape to explore', storyStep],
];
