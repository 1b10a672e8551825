// Screenshots of the built app for looking at: node scripts/screenshot.mjs [out-dir] [query...]
// Each query string (e.g. "?layout=map") gives one PNG at 1280x800.
import { chromium } from 'playwright-core';
import { serve } from '../e2e/serve.mjs';
import { executablePath, args } from '../e2e/chromium.mjs';
import fs from 'node:fs';

const out = process.argv[2] || 'screenshots';
const queries = process.argv.slice(3);
if (queries.length === 0) queries.push('');
fs.mkdirSync(out, { recursive: true });
const server = await serve('dist', 4199);
const browser = await chromium.launch({ executablePath, args });
const page = await browser.newPage({ viewport: { width: Number(process.env.W || 1280), height: Number(process.env.H || 800) } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[console.${m.type()}]`, m.text()); });
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
for (const [i, q] of queries.entries()) {
  await page.goto(`http://127.0.0.1:4199/${q}`);
  await page.waitForFunction(() => window.__firstFrame !== undefined && !document.querySelector('#graph[aria-busy]'), null, { timeout: 15000 });
  if (process.env.ACTION) await eval(process.env.ACTION);
  await page.waitForTimeout(Number(process.env.WAIT || 800));
  const file = `${out}/shot-${i}.png`;
  await page.screenshot({ path: file, fullPage: !!process.env.FULL });
  console.log('wrote', file, q);
}
await browser.close();
server.close();
