// Installable and offline (README "Offline and updates"): after one visit the service
// worker keeps the build's own files, so with the network off the app reloads, opens a
// customer by its address and moves between pages, at the site's root and under /crm/.
// A rebuilt site is announced and loaded only when the user agrees, never over an
// unsaved form; and data written by a newer build is kept, not taken for damage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, newContext, open, screenshot, DIST } from './harness.mjs';
import { serve } from './server.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const customer = {
  id: 1, name: '王作文', kind: 'individual', company: '作文书店', phone: '', email: 'wzw@example.com', address: '', owner: '',
  tags: [], notes: '', created_at: '2024-01-10T08:00:00Z', updated_at: '2024-01-10T08:00:00Z',
  value_class: null, motive: null, internal: false, stage: 'formation',
  stage_history: [{ stage: 'formation', date: '2024-01-10' }], ladder: 'customer',
  relationship_level: null, channel: 'other', referred_by: null, interactions: [], churn: null,
};
const book = JSON.stringify({ schema: 1, rev: 1, data: { customers: [customer], next_id: 2 } });

/** Waits until the page is controlled by a service worker that has kept every file. */
async function waitUntilKept(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30000 });
  return page.evaluate(async () => {
    const names = await caches.keys();
    const scope = new URL('./', document.baseURI).pathname;
    const mine = names.filter((n) => n.startsWith(`crm:${scope}:`));
    const cache = await caches.open(mine[0]);
    return { names: mine, files: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
}

for (const base of ['', '/crm']) {
  test(`after one visit the app works offline (${base || 'root'})`, async () => {
    const context = await newContext(env.browser);
    await context.addInitScript((raw) => {
      if (!localStorage.getItem('crm.customers')) localStorage.setItem('crm.customers', raw);
    }, book);
    const page = await context.newPage();
    await open(page, env.origin + base + '/customers');
    const kept = await waitUntilKept(page);
    assert.equal(kept.names.length, 1, 'one cache for this build');
    for (const file of ['index.html', 'manifest.webmanifest', 'icon-192.png']) {
      assert.ok(kept.files.includes(`${base}/${file}`), `${file} is kept: ${kept.files}`);
    }
    assert.ok(kept.files.some((f) => f.endsWith('_bg.wasm')), 'the wasm is kept');
    assert.ok(kept.files.every((f) => f.startsWith(base + '/')), 'only this build\'s own files');

    // The manifest names the app in both languages and stays within the build's path.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel=manifest]');
      const json = await (await fetch(link.href)).json();
      return { ...json, start: new URL(json.start_url, link.href).pathname, scope: new URL(json.scope, link.href).pathname };
    });
    assert.match(manifest.name, /CRM Studio/);
    assert.match(manifest.name, /客户关系管理/);
    assert.equal(manifest.start, base + '/');
    assert.equal(manifest.scope, base + '/');

    await context.setOffline(true);
    // The page reloads with no network, and shows the stored customer.
    await page.reload();
    await page.waitForSelector('[data-testid=customer-row]');
    assert.match(await page.locator('[data-testid=customer-row]').first().innerText(), /王作文/);
    // A deep link opens offline too, and in-app navigation works.
    await page.goto(env.origin + base + '/customers/1');
    await page.waitForSelector('[data-testid=page-customer]');
    assert.equal(await page.locator('[data-testid=customer-name]').innerText(), '王作文');
    await page.click('[data-testid=nav-learn]');
    await page.waitForSelector('[data-testid=page-learn]');
    await page.reload();
    await page.waitForSelector('[data-testid=page-learn]');
    await screenshot(page, `offline-learn${base.replace('/', '-')}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('a rebuilt site is announced, and loaded only when the user agrees and nothing is unsaved', async () => {
  // A copy of the build that can be "redeployed" while the app is open.
  const site = mkdtempSync(join(tmpdir(), 'crm-site-'));
  cpSync(DIST, site, { recursive: true });
  const { server, origin } = await serve([['/', site]]);
  try {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await open(page, origin + '/');
    const first = await waitUntilKept(page);
    assert.equal(await page.locator('[data-testid=notice-update]').count(), 0, 'no banner on the first visit');

    // A new build is deployed: its service worker differs (its files and version).
    const sw = readFileSync(join(site, 'sw.js'), 'utf8');
    writeFileSync(join(site, 'sw.js'), sw.replace(/^const VERSION = .*$/m, "const VERSION = 'rebuilt';"));
    await open(page, origin + '/customers/new');
    await page.fill('[data-testid=field-name]', 'Half-typed customer');
    await page.evaluate(() => window.crmUpdate.check());
    await page.waitForSelector('[data-testid=notice-update]');
    // A form holds unsaved input: the reload waits, and says why.
    assert.equal(await page.locator('[data-testid=notice-reload]').isDisabled(), true);
    await page.waitForSelector('[data-testid=notice-reload-waits]');
    await screenshot(page, 'update-ready-form-open');

    // Once the input is gone, the user can agree; the page reloads into the new build.
    await page.fill('[data-testid=field-name]', '');
    await page.waitForFunction(() => !document.querySelector('[data-testid=notice-reload]').disabled);
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid=notice-reload]')]);
    await page.waitForSelector('section.page');
    const after = await waitUntilKept(page);
    assert.deepEqual(after.names, ['crm:/:rebuilt'], `the old cache is gone (was ${first.names})`);
    assert.equal(await page.locator('[data-testid=notice-update]').count(), 0);
    await context.close();
  } finally {
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('data a newer build wrote is kept as it is, and this tab saves nothing over it', async () => {
  const context = await newContext(env.browser, { locale: 'zh-CN' });
  const newer = JSON.stringify({ schema: 99, rev: 4, data: { customers: [], next_id: 1, from: 'a newer build' } });
  await context.addInitScript((raw) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('crm.customers', raw);
      sessionStorage.setItem('seeded', '1');
    }
  }, newer);
  const page = await context.newPage();
  await open(page, env.origin + '/');
  await page.waitForSelector('[data-testid=notice-newer-version]');
  assert.match(await page.locator('[data-testid=notice-newer-version]').innerText(), /较新版本/);
  assert.equal(await page.locator('[data-testid=notice-unreadable]').count(), 0, 'not called damaged');
  // Adding a customer here is refused rather than written over the newer data.
  await open(page, env.origin + '/customers/new');
  await page.fill('[data-testid=field-name]', '李四');
  await page.click('[data-testid=save-customer]');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crm.customers') || k.includes('quarantine')));
  assert.deepEqual(stored, ['crm.customers'], 'no shard written, nothing quarantined');
  assert.equal(await page.evaluate(() => localStorage.getItem('crm.customers')), newer);
  await screenshot(page, 'newer-version-zh');
  await context.close();
});
