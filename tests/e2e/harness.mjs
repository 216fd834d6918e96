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

/**
 * The customer book as the app stored it, read independently of the app: the book's
 * own key `crm.customers` plus the shards `crm.customers.s<n>`, each an envelope whose
 * data is LZ4 (size-prepended block) packed 15 bits to a character from U+0100
 * (see src/storage/pack.rs). Returns `{ data: { customers, next_id, ... } }`, or null
 * when nothing is stored. A book still in the old single-key layout is returned as is.
 */
export function storedBook(page) {
  return page.evaluate(() => {
    const unpack = (text) => {
      const values = Array.from(text, (c) => c.codePointAt(0) - 0x100);
      const usedInLast = values.shift();
      const bits = values.length ? (values.length - 1) * 15 + usedInLast : 0;
      const bytes = new Uint8Array(bits / 8);
      let acc = 0, held = 0, n = 0;
      for (const v of values) {
        acc = (acc << 15) | v; held += 15;
        while (held >= 8 && n < bytes.length) { held -= 8; bytes[n++] = (acc >> held) & 0xff; acc &= (1 << held) - 1; }
      }
      return bytes;
    };
    const inflate = (bytes) => {
      const size = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
      const out = new Uint8Array(size);
      let i = 4, o = 0;
      const length = (base) => { let len = base; if (base === 15) { let b; do { b = bytes[i++]; len += b; } while (b === 255); } return len; };
      while (i < bytes.length) {
        const token = bytes[i++];
        const literals = length(token >> 4);
        out.set(bytes.subarray(i, i + literals), o); i += literals; o += literals;
        if (i >= bytes.length) break;
        const offset = bytes[i] | (bytes[i + 1] << 8); i += 2;
        const matched = length(token & 15) + 4;
        for (let k = 0; k < matched; k++, o++) out[o] = out[o - offset];
      }
      return new TextDecoder().decode(out);
    };
    const rawBook = localStorage.getItem('crm.customers');
    const shardKeys = Object.keys(localStorage).filter((k) => /^crm\.customers\.s\d+$/.test(k));
    if (!rawBook && !shardKeys.length) return null;
    const book = rawBook ? JSON.parse(rawBook) : { data: { layout: 'shards', meta: {} } };
    if (book.data.layout !== 'shards') return book;
    const customers = shardKeys
      .flatMap((k) => JSON.parse(inflate(unpack(JSON.parse(localStorage.getItem(k)).data))))
      .sort((a, b) => a.id - b.id);
    return { data: { ...book.data.meta, customers } };
  });
}
