// Shared set-up for the journeys: one server for both builds, Debian's Chromium with
// the flags a closed network needs, and screenshots under target/screenshots/.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
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

/** The two builds the journeys serve: at the site's root, and under `/crm/`. */
export const DIST = process.env.CRM_DIST ?? join(ROOT, 'dist');
export const DIST_SUBPATH = process.env.CRM_DIST_SUBPATH ?? join(ROOT, 'target', 'dist-subpath');

/**
 * Starts the server and the browser; call the returned `close` in `after`. `fallback`
 * is what the server does with an unknown path (see server.mjs).
 */
export async function start({ fallback = 'index' } = {}) {
  const { server, origin } = await serve([
    ['/crm/', DIST_SUBPATH],
    ['/', DIST],
  ], { fallback });
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
 * (see src/storage/pack.rs). Inside is the shard's customers in postcard's binary form
 * (`format: "postcard"`, read here field by field in the order of `Customer` in
 * src/customers/domain/model.rs) or, from earlier builds, their JSON. Returns
 * `{ data: { customers, next_id, ... } }` with customers as JSON writes them, or null
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
      return out;
    };
    // Postcard: unsigned integers as LEB128 varints, signed ones zigzagged, a string or
    // list as its length then its items, an option as 0 or 1 then the value, an enum
    // as its variant's position then its fields.
    const KEYS = {
      kind: ['individual', 'business'],
      value_class: ['key', 'potential', 'general'],
      motive: ['economic', 'ethical', 'personalised', 'convenience'],
      stage: ['exploration', 'formation', 'stability', 'decline', 'churned'],
      ladder: ['prospect', 'customer', 'client', 'supporter', 'advocate', 'partner'],
      relationship: ['basic', 'reactive', 'accountable', 'proactive', 'partnership'],
      channel: ['advertising', 'agent', 'referral', 'other'],
      reason: ['business_changed', 'became_competitor', 'competitor_price', 'competitor_product',
        'competitor_service', 'competitor_bribery', 'needs_not_met', 'complaint_unresolved'],
      prevention: ['relationship_network', 'organisation_relationship', 'purchase_criteria',
        'quality', 'service_level', 'competitive_price', 'priority_treatment'],
      category: ['product', 'service', 'delivery', 'billing', 'staff', 'other'],
      severity: ['low', 'medium', 'high', 'critical'],
      status: ['open', 'in_progress', 'resolved'],
      interaction: ['note', 'call', 'meeting', 'email', 'purchase', 'complaint', 'service_recovery'],
    };
    const customersOf = (bytes) => {
      let at = 0;
      const uint = () => { let n = 0, shift = 1, b; do { b = bytes[at++]; n += (b & 0x7f) * shift; shift *= 128; } while (b & 0x80); return n; };
      const int = () => { const n = uint(); return n % 2 ? -(n + 1) / 2 : n / 2; };
      const str = () => { const len = uint(); at += len; return new TextDecoder().decode(bytes.subarray(at - len, at)); };
      const list = (item) => Array.from({ length: uint() }, item);
      const option = (value) => (bytes[at++] ? value() : null);
      const key = (name) => () => KEYS[name][uint()];
      const date = () => new Date((int() - 719163) * 86400000).toISOString().slice(0, 10);
      const datetime = () => {
        const seconds = int(), nanos = uint();
        return new Date(seconds * 1000).toISOString().replace('.000Z', nanos ? '.' + String(nanos).padStart(9, '0').replace(/0+$/, '') + 'Z' : 'Z');
      };
      const kind = () => {
        const type = KEYS.interaction[uint()];
        if (type === 'purchase') return { type, amount_cents: int(), currency: str(), items: str() };
        if (type === 'complaint') return { type, category: key('category')(), severity: key('severity')(), status: key('status')(), opened: date(), resolved: option(date) };
        if (type === 'service_recovery') return { type, complaint_id: option(uint), action: str() };
        return { type };
      };
      const customer = () => ({
        id: uint(), name: str(), kind: key('kind')(), company: str(), phone: str(), email: str(),
        address: str(), owner: str(), tags: list(str), notes: str(), created_at: datetime(),
        updated_at: datetime(), value_class: option(key('value_class')), motive: option(key('motive')),
        internal: bytes[at++] === 1, stage: key('stage')(),
        stage_history: list(() => ({ stage: key('stage')(), date: date() })),
        ladder: key('ladder')(), relationship_level: option(key('relationship')),
        channel: key('channel')(), referred_by: option(uint),
        interactions: list(() => ({ id: uint(), date: date(), kind: kind(), note: str() })),
        churn: option(() => ({ date: date(), reasons: list(key('reason')), other_reason: str(),
          prevention_tried: list(key('prevention')), notes: str() })),
      });
      const customers = list(customer);
      if (at !== bytes.length) throw new Error(`${bytes.length - at} bytes after the customers`);
      return customers;
    };
    const shard = (raw) => {
      const envelope = JSON.parse(raw);
      const bytes = inflate(unpack(envelope.data));
      if (envelope.format === 'postcard') return customersOf(bytes);
      if (envelope.format) throw new Error(`unknown shard format ${envelope.format}`);
      return JSON.parse(new TextDecoder().decode(bytes));
    };
    const rawBook = localStorage.getItem('crm.customers');
    const shardKeys = Object.keys(localStorage).filter((k) => /^crm\.customers\.s\d+$/.test(k));
    if (!rawBook && !shardKeys.length) return null;
    const book = rawBook ? JSON.parse(rawBook) : { data: { layout: 'shards', meta: {} } };
    if (book.data.layout !== 'shards') return book;
    const customers = shardKeys
      .flatMap((k) => shard(localStorage.getItem(k)))
      .sort((a, b) => a.id - b.id);
    return { data: { ...book.data.meta, customers } };
  });
}

/** A document (`key`, e.g. `crm.surveys`) as the app's own backup holds it, read by the
 *  app in another tab of the same profile: the way to see a book whose records are kept in
 *  compressed binary shards beside its key. `null` when the backup has none. */
export async function backedUp(page, key) {
  const reader = await page.context().newPage();
  await open(reader, new URL(page.url()).origin + '/settings');
  const [download] = await Promise.all([reader.waitForEvent('download'), reader.click('[data-testid=export-backup]')]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  await reader.close();
  return backup.documents[key] ?? null;
}
