// Trunk post-build hook (Trunk.toml [[hooks]]): makes dist/index.html work
// under a strict Content-Security-Policy.
// - Trunk's inline module loader is replaced by an external boot script that
//   also shows the static fallback when WebAssembly is missing or loading fails.
// - A CSP meta tag is added: scripts only from our origin plus
//   'wasm-unsafe-eval' (to compile the module); no 'unsafe-inline', no 'unsafe-eval';
//   workers only from our origin (the bench page's layout worker); styles
//   from our origin and the one inline <style> (the stylesheet, by its hash).
// - The app must not fetch the layout worker's files: no link may name them.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { split } from './split.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set');
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');

let inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) throw new Error('no inline module loader found in index.html');
let js = inline[1].match(/from '(\.\/[^']+\.js)'/)?.[1];
let wasm = inline[1].match(/module_or_path: '(\.\/[^']+\.wasm)'/)?.[1];
if (!js || !wasm) throw new Error('could not read the loader\'s file names');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The app's module, split: the views the first frame does not need load on
// demand (scripts/split.mjs); from here on the page names the split files.
let needs;
({ html, js, wasm, needs } = split({ root, dir, html, js, wasm }));
for (const m of ['stories', 'world', 'sources']) if (!needs[m]) throw new Error(`postbuild: no split module "${m}" (src/app/later.rs)`);
inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
// examples/first_paint.rs, run once: the default view's link query (the view
// baked into the page), the no-script text and the baked pictures.
const [defaultQueryRaw, firstPaint, bakedSvg, mapStepsJson] = execFileSync('cargo', ['run', '-q', '--locked', '--offline', '--example', 'first_paint', '--', 'all'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }).split('\0');
if (mapStepsJson === undefined) throw new Error('first_paint all: expected four parts');
// The story steps on the map ("story/step"): their links need the world too.
const mapSteps = JSON.parse(mapStepsJson);
if (!Array.isArray(mapSteps) || !mapSteps.every((s) => /^[a-z0-9-]+\/\d+$/.test(s))) throw new Error('first_paint all: the map steps are not a list of "story/step"');
const defaultQuery = defaultQueryRaw.trim();

// The early start, an async module in the head: it runs as soon as it is
// fetched, while the page is still parsed, and starts compiling the wasm
// (from the preloaded bytes) and, on the bench page, fetching its graph.
// The boot script (deferred: it runs once the page is parsed) imports it, so
// both share one compile. Measured on the bench page at 122 nodes: the
// wasm's main 190 -> 166 ms, the first frame 243 -> 216 ms (7 loads each).
// The default view is the exception: its baked picture is the first graph
// pixels, so its compile waits until that picture is on screen (the boot
// script calls compile() then; the preload still fetches the bytes at once).
// Compiled beside the page's parse, layout and raster, it held the picture
// back. Held, the picture was on screen 20-80 ms sooner unthrottled and the
// live canvas 11-62 ms later; at 10 Mbit/s neither moved (docs/bench/startup.md).
// The bench page (?graph=, the harness's page contract) is a module of its
// own without Leptos (src/bench_page.rs, built by Trunk as a worker-type
// binary: a classic script that defines wasm_bindgen, and its wasm), started
// by a classic script of its own (the bench start, below); on index.html
// the early start only adds that script.
const isBench = "new URLSearchParams(location.search).has('graph')";
// Whether this browser can run WebAssembly, for the app's and the bench page's start.
const canRunWasm = "typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function'";

// How both scripts that can fail to start the bench page say why, as the
// bench module says its own errors (src/app/bench_page.rs, fail).
const benchFail = `function benchFail(why) {
    window.__benchError ??= why; // what the harness reads
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = why;
    if (document.body) document.body.prepend(p);
    else addEventListener('DOMContentLoaded', () => document.body.prepend(p));
  }`;
// The bench page's start: a classic async script, which runs as soon as it
// arrives. Two module scripts (the early start, async, and the deferred
// boot script importing it) ran 11-14 ms later on bench.html, whose first
// frame came 7-22 ms later at 1,002 nodes (interleaved loads,
// docs/bench/README.md). It fetches the graph (the bench module takes the
// bytes from window.__benchGraphBytes), compiles the module from the
// preloaded bytes, loads its script and starts it, or says why it cannot.
//
// A large graph's layout runs for seconds in the layout worker
// (src/app/layout_worker.rs). A worker's start needs this thread for a
// moment, which the first frame holds for ~300 ms at 10,002 nodes (with the
// canvas rasterised on this thread). Once more than LARGE bytes of the graph
// have arrived, this script creates it, so its script is fetched by the time
// that frame's task ends (its first tick 266-296 ms after that frame in
// traces, against 317-407 when the bench module created it after the frame:
// docs/bench/README.md, eleventh session); the bench module adopts it
// (window.__benchWorker, with the messages it sent meanwhile), or ends it if
// the layout stays on this thread. LARGE: 1 MiB, about 4,500 nodes in the
// harness's format (2.29 MB for 10,002); at 1,002 nodes (230 KB) the worker
// starts after the first frame, as before, and cannot slow it.
// Its file: app::layout_worker::SCRIPT, read from there so the two cannot drift.
const layoutWorker = fs.readFileSync(path.join(root, 'src/app/layout_worker.rs'), 'utf8')
  .match(/pub const SCRIPT: &str = "\.\/([^"]+)";/)?.[1];
if (!layoutWorker) throw new Error('postbuild: no SCRIPT in src/app/layout_worker.rs');
// The layout worker's script, in place of Trunk's loader shim (which loads
// the module's script and starts the module): the same, keeping what the
// page sends before the module listens, so the page can send the graph as
// soon as it has the worker, without waiting for a word from it (the page's
// thread, busy with the first frame, would hear it late). A module that
// cannot load is thrown in a task of its own, so the page hears an `error`
// (a rejected promise alone would tell it nothing) and lays out itself.
{
  const [glue, module] = ['./layout-worker.js', './layout-worker_bg.wasm'];
  const shim = fs.readFileSync(path.join(dir, layoutWorker), 'utf8');
  const want = `importScripts("${glue}");wasm_bindgen("${module}");`;
  if (shim.trim() !== want) throw new Error(`postbuild: Trunk's ${layoutWorker} changed; expected ${want}`);
  fs.writeFileSync(path.join(dir, layoutWorker), `// Generated by scripts/postbuild.mjs: the layout worker's start.
const early = [];
self.onmessage = (e) => early.push(e);
importScripts('${glue}');
wasm_bindgen('${module}').then(
  () => { for (const e of early) self.onmessage(e); },
  (e) => setTimeout(() => { throw e; }),
);
`);
}
const benchStart = `// Generated by scripts/postbuild.mjs: starts the bench page (?graph=).
(() => {
  ${benchFail}
  if (!(${canRunWasm})) {
    benchFail('This browser cannot run WebAssembly, which the bench page needs.');
    return;
  }
  const q = new URLSearchParams(location.search);
  const graph = q.get('graph');
  // The layout worker, created while a large graph arrives (see postbuild.mjs).
  const LARGE = 1 << 20;
  function startWorker() {
    if (window.__benchWorker || q.get('layout-thread') === 'main' || typeof Worker !== 'function') return;
    try {
      const worker = new Worker('./${layoutWorker}');
      const early = []; // what it says before the bench module listens
      worker.onmessage = worker.onerror = (e) => early.push(e);
      window.__benchWorker = { worker, early };
    } catch {
      // The bench module creates it, or lays the graph out itself.
    }
  }
  async function bytes(r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    if (!r.body) return r.arrayBuffer();
    const reader = r.body.getReader();
    const parts = [];
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      n += value.length;
      if (n > LARGE) startWorker();
    }
    const all = new Uint8Array(n);
    n = 0;
    for (const p of parts) {
      all.set(p, n);
      n += p.length;
    }
    return all.buffer;
  }
  if (graph !== null) {
    window.__benchGraphBytes = fetch(graph).then(bytes);
    window.__benchGraphBytes.catch(() => {}); // reported by the bench page
  }
  const compiled = typeof WebAssembly.compileStreaming === 'function' ? WebAssembly.compileStreaming(fetch('./bench-page_bg.wasm')) : null;
  compiled?.catch(() => {}); // reported below
  const script = new Promise((loaded, failed) => {
    const s = document.createElement('script');
    s.src = './bench-page.js';
    s.onload = loaded;
    s.onerror = () => failed(new Error('could not load bench-page.js'));
    document.head.append(s);
  });
  // wasm_bindgen: the global the bench module's script defines.
  Promise.all([script, compiled])
    .then(([, module]) => wasm_bindgen({ module_or_path: module ?? './bench-page_bg.wasm' }))
    .catch((e) => benchFail('The bench page could not start (' + (e && e.message ? e.message : e) + ').'));
})();
`;
const benchStartName = `bench-start-${crypto.createHash('sha256').update(benchStart).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, benchStartName), benchStart);
// The default view's query: the boot script shows the baked picture for it.
const isDefaultView = `['', ${JSON.stringify(defaultQuery)}].includes(location.search.replace(/^\\?/, ''))`;
const early = `// Generated by scripts/postbuild.mjs: compiles the wasm while the page is parsed.
const bench = ${isBench};
// The wasm's compile, started once (null without streaming compilation).
let compiling = null;
export function compile() {
  if (compiling === null && typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function') {
    compiling = WebAssembly.compileStreaming(fetch('${wasm}'));
    compiling.catch(() => {}); // reported by the boot script
  }
  return compiling;
}
// Now, unless the page shows its baked picture first (then the boot script
// calls compile() once that picture is on screen) or starts the bench page.
if (!bench && !(${isDefaultView})) compile();
// Bench mode (index.html?graph=): the bench page's own start instead.
if (bench) {
  ${benchFail}
  const s = document.createElement('script');
  s.src = './${benchStartName}';
  s.onerror = () => benchFail('The bench page could not start (could not load ${benchStartName}).');
  document.head.append(s);
}
// A story, map, selection or comparison link needs code the default view
// does not (src/app/later.rs) before its page is mounted: fetched now,
// beside the start module, rather than after it. The split modules' loader fetches the same files.
if (!bench) {
  const q = new URLSearchParams(location.search);
  const onMap = q.has('story') ? ${JSON.stringify(mapSteps)}.includes(q.get('story') + '/' + Number(q.get('step') ?? 1)) : q.get('layout') === 'map';
  // The stories, a selection's details and what changed cite sources.
  const cites = q.has('story') || q.has('sel') || q.has('from');
  const files = [...(q.has('story') ? ${JSON.stringify(needs.stories)} : []), ...(cites ? ${JSON.stringify(needs.sources)} : []), ...(onMap ? ${JSON.stringify(needs.world)} : [])];
  for (const href of new Set(files)) {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href });
    document.head.append(link);
  }
}
`;
const earlyName = `start-${crypto.createHash('sha256').update(early).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, earlyName), early);

const boot = `// Generated by scripts/postbuild.mjs: starts the app, or shows why it cannot.
// The bench page (index.html?graph=) is started by its own script (see the
// early start); here only the app's page gives way to it.
const bench = ${isBench};
function fail(why) {
  if (document.querySelector('.panic')) return; // the panic view says more
  // The baked picture (or the placeholder) gives way to the reason.
  for (const id of ['baked', 'placeholder']) document.getElementById(id)?.remove();
  document.documentElement.classList.remove('booting');
  const el = document.getElementById('fallback');
  if (!el) return;
  el.hidden = false;
  const w = el.querySelector('.why');
  if (w) w.textContent = why;
}
// Until the app takes over, the baked picture follows the wheel and a mouse
// drag as the app's would (the zoom step and range come from the picture's
// data-zoom, written by the app's code): one CSS transform, screen = k *
// screen + [x, y] in the box's pixels, which the app adopts for its camera
// at its first frame (window.__bakedGesture.take(), src/app/browser.rs).
// A click or tap (a press that moved less than the picture's data-slop) is
// kept, as its point in the unmoved picture, for the app to answer: it
// selects the node there, as a click on its canvas would.
// Window listeners: the baked page is inert, so events pass through it.
function follow(box) {
  if (!box) return;
  let k = 1, x = 0, y = 0, drag = null, press = null, click = null;
  // The event's point in the box, and the box; null outside it.
  const local = (e) => {
    const r = box.getBoundingClientRect();
    const p = [e.clientX - r.left, e.clientY - r.top];
    return p[0] >= 0 && p[1] >= 0 && p[0] <= r.width && p[1] <= r.height ? [p, r] : null;
  };
  const show = () => {
    for (const svg of box.children) svg.style.transform = \`matrix(\${k},0,0,\${k},\${x},\${y})\`;
  };
  const on = {
    wheel(e) {
      const at = local(e);
      const svg = [...box.children].find((s) => s.getBoundingClientRect().width > 0);
      if (!at || !svg) return;
      e.preventDefault();
      const [p, r] = at;
      const [step, lo, hi] = svg.dataset.zoom.split(' ').map(Number);
      const vb = svg.viewBox.baseVal;
      const meet = Math.min(r.width / vb.width, r.height / vb.height);
      const unit = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1;
      const want = Math.min(Math.max(k * Math.pow(step, -e.deltaY * unit / 100), lo / meet), hi / meet);
      const f = want / k;
      [k, x, y] = [want, p[0] + f * (x - p[0]), p[1] + f * (y - p[1])];
      show();
    },
    pointerdown(e) {
      const at = local(e);
      if (e.button !== 0 || !at) return;
      const slop = Number([...box.children].find((s) => s.getBoundingClientRect().width > 0)?.dataset.slop);
      press = { from: [e.clientX, e.clientY], at: [(at[0][0] - x) / k, (at[0][1] - y) / k], slop };
      if (e.pointerType !== 'touch') drag = [e.clientX, e.clientY];
    },
    pointermove(e) {
      if (press && !(Math.hypot(e.clientX - press.from[0], e.clientY - press.from[1]) <= press.slop)) press = null;
      if (!drag) return;
      [x, y] = [x + e.clientX - drag[0], y + e.clientY - drag[1]];
      drag = [e.clientX, e.clientY];
      show();
    },
    pointerup() {
      if (press) {
        click = press.at;
        document.documentElement.classList.add('clicked');
      }
      drag = press = null;
    },
    pointercancel() { drag = press = null; },
  };
  for (const t in on) addEventListener(t, on[t], { passive: false });
  window.__bakedGesture = {
    take() {
      for (const t in on) removeEventListener(t, on[t], { passive: false });
      document.documentElement.classList.remove('clicked');
      delete window.__bakedGesture;
      return k === 1 && x === 0 && y === 0 && !click ? null : [k, x, y, ...(click ?? [])];
    },
  };
}
// The default view baked into the page (issue #18), hidden by the stylesheet
// until now (this module runs once the page is parsed: a paint of it half
// parsed would move its later parts into place), is shown whole if the link
// asks for that view; another view's link gets a placeholder, and the baked
// markup goes before the app mounts its own. The app is laid out unseen
// under it until its first frame (html.booting). window.__bakedFrame marks
// the frame that shows it, for the start-up bench and tests.
const baked = document.getElementById('baked');
if (bench) {
  // The bench page draws its own canvas: nothing of the app's page shows.
  baked?.remove();
  document.getElementById('placeholder')?.remove();
} else if (baked) {
  document.documentElement.classList.add('booting');
  if (${isDefaultView}) {
    baked.classList.add('shown');
    follow(baked.querySelector('.baked-box'));
    // Let it reach the screen before the wasm's compile and the app's
    // start-up take the machine (the wasm's bytes, preloaded, are often here
    // already): after its frame is laid out, painted and rastered, which the
    // first paint's entry tells; where paint timing is missing, after its
    // frame begins; and never more than 400 ms after that.
    // window.__startReleased says when and why, for tests.
    await new Promise((shown) => requestAnimationFrame(() => {
      window.__bakedFrame = performance.now();
      let gone = false;
      const go = (by) => {
        if (gone) return;
        gone = true;
        clearTimeout(late);
        window.__startReleased = { at: performance.now(), by };
        setTimeout(shown, 0);
      };
      const late = setTimeout(() => go('timeout'), 400);
      if (!globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint')) return go('no paint timing');
      new PerformanceObserver((list, o) => {
        if (list.getEntriesByName('first-contentful-paint').length) { o.disconnect(); go('paint'); }
      }).observe({ type: 'paint', buffered: true });
    }));
  } else {
    document.documentElement.classList.add('other-view');
    baked.remove();
  }
}
if (bench) {
  // Started by the bench start script.
} else if (!(${canRunWasm})) {
  fail('This browser cannot run WebAssembly, which the interactive graph needs.');
} else {
  try {
    // The early start's compile (the same module instance: one compile),
    // else the file.
    const { compile } = await import('./${earlyName}');
    const compiled = compile();
    const bindings = await import('${js}');
    const wasm = await bindings.default({ module_or_path: compiled ? await compiled : '${wasm}' });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
    // Started: the fallback (with its copy of the data's summary) is not needed.
    document.getElementById('fallback')?.remove();
  } catch (e) {
    fail('The app could not start (' + (e && e.message ? e.message : e) + ').');
  }
}
`;
const hash = crypto.createHash('sha256').update(boot).digest('hex').slice(0, 16);
const bootName = `boot-${hash}.js`;
fs.writeFileSync(path.join(dir, bootName), boot);
// blocking="render": no frame before the boot script has run, so the page is
// never rendered half parsed, nor the baked view shown for another view's
// link (Chromium; elsewhere the baked page stays hidden until the script
// shows it). Measured: the baked frame 299 -> 239 ms, the live one 643 -> 485
// ms (one parse-time layout of the whole page fewer): docs/bench/startup.md.
html = html.replace(inline[0], `<script type="module" async src="./${earlyName}"></script>\n    <script type="module" blocking="render" src="./${bootName}"></script>`);

// The stylesheet, inlined: one request fewer before the first paint, and the
// page is never laid out unstyled. The CSP allows exactly it, by its hash.
const cssLink = html.match(/<link rel="stylesheet" href="\.\/(style-[0-9a-f]+\.css)"[^>]*\/?>/);
if (!cssLink) throw new Error("could not find Trunk's stylesheet link");
const css = fs.readFileSync(path.join(dir, cssLink[1]), 'utf8');
if (css.includes('</style')) throw new Error('the stylesheet cannot be inlined: it contains </style');
const cssHash = crypto.createHash('sha256').update(css).digest('base64');
html = html.replace(cssLink[0], () => `<style>${css}</style>`);
fs.rmSync(path.join(dir, cssLink[1]));

const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  `style-src 'self' 'sha256-${cssHash}'`,
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
if (!html.includes('Content-Security-Policy')) throw new Error('could not add the CSP meta tag');

// The bench page on a page of its own, bench.html (the harness's page
// contract: bench.html?graph=<url>): the bench start alone, without the
// app's page, whose shell and baked pictures (about 175 KB of HTML) are
// parsed before the early start runs; the module and its script preloaded.
// index.html?graph= starts the same module that way after that parse.
// Measured: docs/bench/README.md.
const benchCsp = csp.replace(/style-src [^;]*/, "style-src 'self'");
fs.writeFileSync(path.join(dir, 'bench.html'), `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${benchCsp}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Space Alliances: bench page</title>
    <link rel="preload" href="./bench-page_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous" />
    <link rel="preload" href="./bench-page.js" as="script" />
    <script async src="./${benchStartName}"></script>
  </head>
  <body></body>
</html>
`);
// The bench page draws no map: its module is built without the world's
// outlines (Cargo feature bench-page). Their generated header is in no other file.
const worldHeader = fs.readFileSync(path.join(root, 'assets/data/world.txt'), 'utf8').split('\n')[0];
if (fs.readFileSync(path.join(dir, 'bench-page_bg.wasm')).includes(worldHeader)) throw new Error('bench-page_bg.wasm carries the world outlines: build it with the bench-page feature (index.html)');
// Trunk adds no preload for a worker today; make sure no version ever does.
if (/<link[^>]+(layout-worker|bench-page)/.test(html)) throw new Error('index.html links the layout worker or the bench page: the app would fetch it at start');
// The no-script and fallback texts, generated from the embedded data with
// the app's own counting (examples/first_paint.rs), so they never go stale.
const slot = /<!-- first-paint: [^>]*-->/g;
if ((html.match(slot) || []).length !== 2) throw new Error('index.html needs two first-paint slots (noscript and fallback)');
html = html.replace(slot, firstPaint.trim());

// The default view, baked: the app's markup of it (assets/first-paint/shell.html,
// captured from the live app by scripts/first-paint-shell.mjs and checked
// against it by e2e/tests/first-paint.spec.mjs) with the graph drawn as SVG
// by the app's own layout and display list (`first_paint svg`).
const bakedSlot = /<!-- baked: [^>]*-->/;
if (!bakedSlot.test(html)) throw new Error('index.html needs the baked slot');
const shellFile = path.join(root, 'assets/first-paint/shell.html');
let baked = '';
if (fs.existsSync(shellFile)) {
  const shell = fs.readFileSync(shellFile, 'utf8');
  if (shell.split('<canvas').length !== 2) throw new Error(`${path.relative(root, shellFile)}: expected one <canvas>`);
  baked = `<div id="baked" inert aria-hidden="true">${shell.replace('<canvas', `<div class="baked-box">${bakedSvg}</div><canvas`)}</div>\n    <div id="placeholder" aria-hidden="true"></div>`;
} else {
  console.log('postbuild: no assets/first-paint/shell.html, so no baked first paint (node scripts/first-paint-shell.mjs makes it)');
}
html = html.replace(bakedSlot, baked);
fs.writeFileSync(file, html);
console.log(`postbuild: ${bootName}, CSP added, first-paint text${baked ? ' and baked default view' : ''} generated`);
