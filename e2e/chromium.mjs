// Launch settings shared by every browser script: Debian's chromium, never a
// browser downloaded by Playwright.
export const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
