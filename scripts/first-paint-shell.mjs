// Renews assets/first-paint/shell.html: the app's own markup of the default
// view, captured from the release build in dist/ (build it first), which the
// build bakes into index.html with the graph drawn as SVG (issue #18).
// e2e/tests/first-paint.spec.mjs fails when it no longer matches the app:
//   trunk build --release && node scripts/first-paint-shell.mjs && trunk build --release
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/serve.mjs';
import { executablePath, args } from '../e2e/chromium.mjs';
import { captureShell } from '../e2e/shell.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.SHELL_PORT || 4197);
const server = await serve(path.join(root, 'dist'), port);
const browser = await chromium.launch({ executablePath, args });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 20000 });
  const shell = await captureShell(page);
  const out = path.join(root, 'assets/first-paint/shell.html');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, shell);
  console.log(`wrote ${path.relative(root, out)} (${shell.length} bytes)`);
} finally {
  await browser.close();
  server.close();
}
