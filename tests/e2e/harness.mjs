// Shared set-up for the journeys: one server for both builds, Debian's Chromium with
// the flags a closed network needs, and screenshots under target/screenshots/.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and the browser; call the returned `close` in `after`. */
export async function start() {
  const { server, origin } = await serve([
    ['/crm/', process.env.CRM_DIST_SUBPATH ?? join(ROOT, 'target', 'dist-subpath')],
    ['/', process.env.CRM_DIST ?? join(ROOT, 'dist')],
  ]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: FLAGS,
  });
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { browser, origin, close };
}

/** A fresh browser profile (empty localStorage) with the given UI language. */
export async function newContext(browser, { locale = 'en-US', viewport = { width: 1280, height: 800 } } = {}) {
  return browser.newContext({ locale, viewport, acceptDownloads: true });
}

/** Opens `path` and waits until the app has rendered a page. */
export async function open(page, url) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('section.page');
  page.errors = errors;
  return page;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
