// @playwright/test against the release build in dist/, served by e2e/serve.mjs,
// in Debian's chromium (no `npx playwright install`).
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { executablePath, args } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const PORT = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: path.join(here, '..', 'target', 'e2e-results'),
  // Reference screenshots (tests/reference.spec.mjs), committed beside the tests.
  snapshotPathTemplate: path.join(here, 'reference', '{arg}{ext}'),
  updateSnapshots: process.env.RENEW_REFERENCE ? 'all' : 'none',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath, args },
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: `node serve.mjs ../dist ${PORT}`,
      cwd: here,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // The same build published under a sub-path, as on a project website.
      command: `node serve.mjs ../dist ${PORT + 1} --base /research/space-alliances/`,
      cwd: here,
      url: `http://127.0.0.1:${PORT + 1}/research/space-alliances/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
