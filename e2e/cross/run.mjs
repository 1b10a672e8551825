// Runs the shared reader journeys (e2e/journeys.mjs) in Firefox or WebKit
// through selenium-webdriver, against dist/ served with a console probe.
//   node e2e/cross/run.mjs firefox   geckodriver ($GECKODRIVER or ~/.cargo/bin) + /usr/bin/firefox-esr -headless
//   xvfb-run -a -s "-screen 0 1280x1024x24" node e2e/cross/run.mjs webkit
//                                    /usr/bin/WebKitWebDriver + MiniBrowser --automation (needs an X display)
// Writes target/cross/<engine>-default.png (1280x800 viewport) and exits
// non-zero when the probe's positive control or any journey fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, Key, WebDriver } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import remote from 'selenium-webdriver/remote/index.js';
import httpw from 'selenium-webdriver/http/index.js';
import input from 'selenium-webdriver/lib/input.js';
import portprober from 'selenium-webdriver/net/portprober.js';
import { serveWithProbe } from './probe-server.mjs';
import { JOURNEYS, openApp, waitFor, sleep, check } from '../journeys.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const engine = process.argv[2];
const only = process.argv[3];
const out = path.join(root, 'target', 'cross');
fs.mkdirSync(out, { recursive: true });
const W = 1280, H = 800;

if (!['firefox', 'webkit'].includes(engine)) {
  console.error('usage: node e2e/cross/run.mjs <firefox|webkit> [journey substring]');
  process.exit(2);
}
if (engine === 'webkit' && !process.env.DISPLAY) {
  // MiniBrowser has no headless mode; without X the driver hangs silently.
  console.error('WebKit needs an X display: run under  xvfb-run -a -s "-screen 0 1280x1024x24" node e2e/cross/run.mjs webkit');
  process.exit(2);
}

function minibrowser() {
  for (const d of fs.readdirSync('/usr/lib')) {
    const f = path.join('/usr/lib', d, 'webkit2gtk-4.1', 'MiniBrowser');
    if (/-linux-gnu/.test(d) && fs.existsSync(f)) return f;
  }
  throw new Error('MiniBrowser not found: apt-get install webkit2gtk-driver');
}

async function startDriver() {
  if (engine === 'firefox') {
    const gecko = process.env.GECKODRIVER || path.join(os.homedir(), '.cargo', 'bin', 'geckodriver');
    const opts = new firefox.Options().setBinary('/usr/bin/firefox-esr').addArguments('-headless');
    return new Builder().forBrowser('firefox').setFirefoxService(new firefox.ServiceBuilder(gecko)).setFirefoxOptions(opts).build();
  }
  const port = await portprober.findFreePort('127.0.0.1');
  const service = new remote.DriverService('/usr/bin/WebKitWebDriver', { port, args: [`--port=${port}`], loopback: true });
  const url = await service.start(20_000);
  const caps = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: minibrowser(), args: ['--automation'] } };
  const driver = WebDriver.createSession(new httpw.Executor(new httpw.HttpClient(url)), caps, () => service.kill());
  await driver.getSession();
  return driver;
}

/** Sizes the window so the viewport is W x H (setWindowRect sets the outer window). */
async function sizeViewport(driver) {
  await driver.manage().window().setRect({ x: 0, y: 0, width: W, height: H });
  const [iw, ih] = await driver.executeScript('return [innerWidth, innerHeight]');
  if (iw !== W || ih !== H) await driver.manage().window().setRect({ width: W + (W - iw), height: H + (H - ih) });
}

const KEYS = { Enter: Key.ENTER, Tab: Key.TAB, ArrowRight: Key.ARROW_RIGHT, Escape: Key.ESCAPE };

/** The journeys' adapter over a selenium-webdriver session (see e2e/journeys.mjs). */
async function adapter(srv) {
  const driver = await startDriver();
  await sizeViewport(driver);
  const find = async (css, text) => {
    const el = await driver.executeScript(
      'return [...document.querySelectorAll(arguments[0])].find((e) => arguments[1] == null || e.textContent.trim().startsWith(arguments[1])) || null',
      css, text ?? null);
    if (!el) throw new Error(`no element ${css} ${text ?? ''}`);
    return el;
  };
  const a = {
    driver,
    goto: (p) => driver.get(srv.base + p),
    evalJs: (fn, arg = null) => driver.executeScript(`return (${fn})(arguments[0]);`, arg),
    click: async (css, text) => (await find(css, text)).click(),
    async fill(css, value) {
      const el = await find(css);
      await el.clear();
      await el.sendKeys(value);
    },
    press: (key) => driver.actions().sendKeys(KEYS[key]).perform(),
    url: () => driver.getCurrentUrl(),
    wheel: (x, y, dy) => driver.actions().scroll(Math.round(x), Math.round(y), 0, dy).perform(),
    drag: ([x0, y0], [x1, y1]) => driver.actions()
      .move({ x: Math.round(x0), y: Math.round(y0) }).press()
      .move({ x: Math.round(x1), y: Math.round(y1), duration: 300 }).release().perform(),
    tap(x, y) {
      const finger = new input.Pointer('finger', input.Pointer.Type.TOUCH);
      return driver.actions().insert(finger, finger.move({ x, y, duration: 0 }), finger.press(), finger.release()).perform();
    },
    async hostPage(p, html) {
      srv.pages[p] = html;
      await a.goto(p);
    },
    newSession: () => adapter(srv),
    close: () => driver.quit(),
    async errors() {
      const p = await driver.executeScript('return window.__probe || null');
      if (!p) return ['the console probe is missing from the page'];
      return p.errors;
    },
    async screenshot(file) {
      fs.writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64'));
    },
  };
  return a;
}

/** Positive control: the probe must catch one error of each kind. */
async function probeControl(a) {
  await openApp(a);
  await a.evalJs(() => { const s = document.createElement('script'); s.src = '/__control.js'; document.head.append(s); });
  const errs = await waitFor(a, 'the probe to catch 3 errors', () => window.__probe.errors.length >= 3 && window.__probe.errors, null, 5_000);
  for (const kind of ['console.error', 'rejection', 'uncaught']) {
    check(errs.some((e) => e.includes(`probe-control: ${kind}`)), `the probe caught the control's ${kind}`, errs);
  }
}

const t0 = Date.now();
const srv = await serveWithProbe(path.join(root, 'dist'));
let failed = 0, passed = 0;
let a;
try {
  a = await adapter(srv);
  const caps = await a.driver.getCapabilities();
  console.log(`${engine}: ${caps.get('browserName')} ${caps.get('browserVersion')}, app at ${srv.base}`);
  const steps = [
    ['console probe: positive control catches console.error, uncaught error and rejection', probeControl],
    ...JOURNEYS,
    ['screenshot of the default view', async (a) => {
      await openApp(a);
      await sleep(3000);
      const vp = await a.evalJs(() => [innerWidth, innerHeight]);
      check(vp[0] === W && vp[1] === H, `the viewport is ${W}x${H}`, vp);
      await a.screenshot(path.join(out, `${engine}-default.png`));
    }],
  ].filter(([name]) => !only || name.includes(only));
  for (const [name, journey] of steps) {
    const t = Date.now();
    try {
      await journey(a);
      passed++;
      console.log(`  ok    ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
    } catch (e) {
      failed++;
      console.log(`  FAIL  ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)\n        ${String(e.message || e).split('\n').join('\n        ')}`);
    }
  }
} catch (e) {
  failed++;
  console.log(`  FAIL  ${engine} session: ${e.stack || e}`);
} finally {
  if (a) await a.close().catch(() => {});
  srv.server.close();
}
console.log(`${engine}: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
process.exit(failed ? 1 : 0);
