// Journeys through storage: backup round-trip, a damaged backup changing nothing,
// corrupt stored data kept and offered for download, a full quota, and two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { start, newContext, open, screenshot, storedBook } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const storedSettings = (page) => page.evaluate(() => localStorage.getItem('crm.settings'));

test('a backup exported from Settings restores into a fresh browser', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/settings');
  await page.selectOption('[data-testid=theme-select]', 'dark');
  await page.selectOption('[data-testid=lang-switch]', 'zh-CN');
  await page.waitForFunction(() => document.querySelector('h1').textContent === '设置');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-backup]')]);
  assert.match(download.suggestedFilename(), /^crm-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(tmpdir(), `crm-backup-${process.pid}.json`);
  await download.saveAs(file);
  const backup = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(backup.app, 'crm-studio');
  assert.equal(backup.documents['crm.settings'].data.theme, 'dark');
  await screenshot(page, 'settings-dark-zh');

  // A second, empty browser profile: restore shows a preview first, then applies.
  const fresh = await newContext(env.browser);
  const page2 = await fresh.newPage();
  await open(page2, env.origin + '/settings');
  await page2.setInputFiles('[data-testid=restore-file]', file);
  await page2.waitForSelector('[data-testid=restore-preview]');
  assert.equal(await storedSettings(page2), null, 'nothing changes before confirming');
  await screenshot(page2, 'settings-restore-preview-en');
  await page2.click('[data-testid=restore-confirm]');
  await page2.waitForSelector('[data-testid=restore-done]');
  assert.equal(await page2.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page2.getAttribute('html', 'lang'), 'zh-CN');
  await page2.reload();
  await page2.waitForSelector('section.page');
  assert.equal(await page2.locator('h1').innerText(), '设置', 'restored data survives a reload');
  await context.close();
  await fresh.close();
});

test('a damaged backup is refused with the reason and changes nothing', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/settings');
  await page.selectOption('[data-testid=theme-select]', 'light');
  const before = await storedSettings(page);
  const cases = [
    ['{"app": "crm-studio", "format": 1, "documents": {', /not valid JSON \(line 1/],
    ['{"hello": "world"}', /not a backup from this app/],
    ['{"app":"crm-studio","format":1,"exported_at":"2026-01-01T00:00:00Z","documents":{"crm.settings":{"schema":1,"rev":1,"data":{"theme":"purple"}}}}', /damaged/],
  ];
  for (const [i, [text, message]] of cases.entries()) {
    const file = join(tmpdir(), `crm-bad-${process.pid}-${i}.json`);
    await writeFile(file, text);
    await page.setInputFiles('[data-testid=restore-file]', file);
    const error = await page.waitForSelector('[data-testid=restore-error]');
    assert.match(await error.innerText(), message);
    assert.equal(await storedSettings(page), before, 'stored data unchanged');
  }
  await screenshot(page, 'settings-restore-error-en');
  await context.close();
});

test('erase all asks for confirmation, then removes every saved value', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/settings');
  await page.selectOption('[data-testid=theme-select]', 'dark');
  await page.evaluate(() => localStorage.setItem('not-ours', 'keep'));
  await page.click('[data-testid=erase-start]');
  assert.equal(await page.isDisabled('[data-testid=erase-confirm]'), true);
  await page.fill('[data-testid=erase-confirm-input]', 'ERASE');
  await page.click('[data-testid=erase-confirm]');
  await page.waitForSelector('[data-testid=erase-done]');
  assert.equal(await storedSettings(page), null);
  assert.equal(await page.evaluate(() => localStorage.getItem('not-ours')), 'keep');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'system');
  await context.close();
});

test('corrupt stored data shows the recovery banner, is kept, and can be downloaded', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/');
  await page.evaluate(() => localStorage.setItem('crm.settings', '{"schema":1,"rev":3,"data":{"lang":"kl'));
  await page.reload();
  await page.waitForSelector('[data-testid=notice-unreadable]');
  await screenshot(page, 'corrupt-banner-en');
  const kept = await page.evaluate(() => localStorage.getItem('crm.quarantine.settings.1'));
  assert.equal(kept, '{"schema":1,"rev":3,"data":{"lang":"kl');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=notice-download-raw]')]);
  const file = join(tmpdir(), `crm-raw-${process.pid}.txt`);
  await download.saveAs(file);
  assert.equal(await readFile(file, 'utf8'), kept);
  // The app still works and saves normally afterwards.
  await page.selectOption('[data-testid=lang-switch]', 'zh-CN');
  await page.reload();
  await page.waitForSelector('section.page');
  assert.equal(await page.locator('h1').innerText(), '仪表盘');
  assert.equal(await page.evaluate(() => localStorage.getItem('crm.quarantine.settings.1')), kept, 'still kept');
  await context.close();
});

/** Fills localStorage to the brim with another key, so the app's next save is refused. */
function fillStorage(page) {
  return page.evaluate(() => {
    let chunk = 'x'.repeat(1024 * 1024);
    let filler = '';
    while (chunk.length > 0) {
      try { localStorage.setItem('filler', filler + chunk); filler += chunk; } catch { chunk = chunk.slice(0, Math.floor(chunk.length / 2)); }
    }
  });
}

test('a full storage quota keeps the change on screen, says so, and offers a backup', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/settings');
  await fillStorage(page);
  await page.selectOption('[data-testid=lang-switch]', 'zh-CN');
  await page.waitForSelector('[data-testid=notice-quota]');
  assert.equal(await page.locator('h1').innerText(), '设置', 'the change stays on screen');
  await screenshot(page, 'quota-banner-zh');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=notice-export]')]);
  const file = join(tmpdir(), `crm-quota-${process.pid}.json`);
  await download.saveAs(file);
  const backup = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(backup.documents['crm.settings'].data.lang, 'zh-CN', 'the backup has the unsaved change');
  await context.close();
});

test('an import refused by a full quota says the customers are not saved, never "Imported"', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/import');
  await fillStorage(page);
  const csv = 'name,email\n' + Array.from({ length: 300 }, (_, i) => `Customer ${i},c${i}@example.com`).join('\n');
  await page.setInputFiles('[data-testid=import-file]', { name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('[data-testid=import-preview]');
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-not-saved]');
  assert.equal(await page.isVisible('[data-testid=import-done]'), false, 'no success message');
  assert.match(await page.locator('[data-testid=import-not-saved]').innerText(), /^300 customers were read but not saved/);
  await page.waitForSelector('[data-testid=notice-quota]');
  await screenshot(page, 'import-not-saved-en');
  // The backup offered there holds them.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=import-export-backup]')]);
  const file = join(tmpdir(), `crm-import-quota-${process.pid}.json`);
  await download.saveAs(file);
  const backup = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(JSON.stringify(backup).match(/c299@example\.com/g)?.length, 1, 'the backup has the unsaved customers');
  await context.close();
});

test('two tabs: a change in one appears in the other without a reload', async () => {
  const context = await newContext(env.browser);
  const tab1 = await context.newPage();
  const tab2 = await context.newPage();
  await open(tab1, env.origin + '/settings');
  await open(tab2, env.origin + '/customers');
  await tab1.selectOption('[data-testid=lang-switch]', 'zh-CN');
  await tab2.waitForFunction(() => document.querySelector('h1').textContent === '客户');
  await tab2.waitForSelector('[data-testid=notice-synced]');
  // The second tab now knows the newest revision and can save over it.
  await tab2.selectOption('[data-testid=lang-switch]', 'en');
  await tab1.waitForFunction(() => document.querySelector('h1').textContent === 'Settings');
  assert.equal(await tab2.isVisible('[data-testid=notice-conflict]'), false);
  await context.close();
});

test('customers saved by the old single-key layout are kept and rewritten as shards', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/settings');
  const customers = Array.from({ length: 150 }, (_, i) => ({
    id: i + 1, name: `老客户 ${i + 1}`, kind: 'individual', company: '', phone: '', email: '', address: '',
    owner: '', tags: [], notes: '', created_at: '2024-01-10T08:00:00Z', updated_at: '2024-01-10T08:00:00Z',
    value_class: null, motive: null, internal: false, stage: 'exploration',
    stage_history: [{ stage: 'exploration', date: '2024-01-10' }], ladder: 'prospect',
    relationship_level: null, channel: 'other', referred_by: null, interactions: [], churn: null,
  }));
  await page.evaluate((raw) => localStorage.setItem('crm.customers', raw),
    JSON.stringify({ schema: 1, rev: 7, data: { customers, next_id: 151 } }));
  await open(page, env.origin + '/customers');
  await page.waitForSelector('[data-testid=customer-row]');
  assert.match(await page.locator('[data-testid=customer-count]').innerText(), /of 150$/);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crm.customers')).sort());
  assert.deepEqual(keys, ['crm.customers', 'crm.customers.s0', 'crm.customers.s1']);
  const book = await storedBook(page);
  assert.deepEqual(book.data.customers, customers);
  assert.equal(book.data.next_id, 151);
  await page.reload();
  await page.waitForSelector('[data-testid=customer-row]');
  assert.match(await page.locator('[data-testid=customer-count]').innerText(), /of 150$/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('JSON shards written by an earlier build are read, kept and rewritten in binary', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/settings');
  const base = {
    kind: 'business', company: '北京科技', phone: '138 0013 8000', email: 'li@example.cn', address: '北京',
    owner: '王经理', tags: ['vip', '老客户'], notes: 'line one\nline "two"', created_at: '2024-01-10T08:00:00Z',
    updated_at: '2024-02-01T09:30:15.5Z', value_class: 'key', motive: 'ethical', internal: true, stage: 'churned',
    stage_history: [{ stage: 'exploration', date: '2024-01-10' }, { stage: 'churned', date: '2024-06-01' }],
    ladder: 'advocate', relationship_level: 'partnership', channel: 'referral',
  };
  const customers = [
    { ...base, id: 1, name: '李娜', referred_by: null, churn: null, interactions: [] },
    { ...base, id: 2, name: 'Ann Lee', referred_by: 1, interactions: [
      { id: 1, date: '2024-03-01', kind: { type: 'purchase', amount_cents: 12850, currency: 'CNY', items: '茶叶 x2' }, note: '' },
      { id: 2, date: '2024-03-05', kind: { type: 'complaint', category: 'delivery', severity: 'critical', status: 'resolved', opened: '2024-03-05', resolved: '2024-03-09' }, note: '晚了' },
      { id: 3, date: '2024-03-10', kind: { type: 'service_recovery', complaint_id: 2, action: 'refund' }, note: '' },
      { id: 4, date: '2024-03-11', kind: { type: 'call' }, note: 'ok' },
    ], churn: { date: '2024-06-01', reasons: ['competitor_price', 'complaint_unresolved'], other_reason: 'moved',
      prevention_tried: ['quality'], notes: '' } },
  ];
  // What an earlier build stored: the JSON array of the shard's customers, as an LZ4
  // block of literals only, packed 15 bits to a character (src/storage/pack.rs).
  await page.evaluate((customers) => {
    const json = new TextEncoder().encode(JSON.stringify(customers));
    const lengthBytes = (n) => { const out = []; for (n -= 15; n >= 255; n -= 255) out.push(255); out.push(n); return out; };
    const block = [json.length & 255, (json.length >> 8) & 255, (json.length >> 16) & 255, json.length >>> 24,
      json.length >= 15 ? 0xf0 : json.length << 4, ...(json.length >= 15 ? lengthBytes(json.length) : []), ...json];
    const bits = block.length * 8, values = [];
    let acc = 0, held = 0;
    for (const byte of block) {
      acc = (acc << 8) | byte; held += 8;
      if (held >= 15) { held -= 15; values.push((acc >> held) & 0x7fff); acc &= (1 << held) - 1; }
    }
    if (held > 0) values.push(acc << (15 - held));
    const packed = String.fromCharCode(0x100 + (bits % 15 || 15), ...values.map((v) => 0x100 + v));
    localStorage.setItem('crm.customers', JSON.stringify({ schema: 1, rev: 3, data: { layout: 'shards', meta: { next_id: 3 } } }));
    localStorage.setItem('crm.customers.s0', JSON.stringify({ schema: 1, rev: 5, data: packed }));
  }, customers);
  await open(page, env.origin + '/customers');
  await page.waitForSelector('[data-testid=customer-row]');
  assert.match(await page.locator('[data-testid=customer-count]').innerText(), /of 2$/);
  const shard = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.customers.s0')));
  assert.equal(shard.format, 'postcard', 'rewritten in the binary form');
  assert.equal(shard.rev, 6);
  assert.deepEqual((await storedBook(page)).data.customers, customers, 'every field kept');
  await page.reload();
  await page.waitForSelector('[data-testid=customer-row]');
  assert.match(await page.locator('[data-testid=customer-count]').innerText(), /of 2$/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('two tabs: a customer edited in one tab shows in the other, shard by shard', async () => {
  const context = await newContext(env.browser);
  const tab1 = await context.newPage();
  await open(tab1, env.origin + '/customers');
  await tab1.click('[data-testid=load-demo]');
  await tab1.waitForSelector('[data-testid=customer-row]');
  const tab2 = await context.newPage();
  await open(tab2, env.origin + '/customers?q=Zhu%20Bajie');
  await tab2.waitForSelector('[data-testid=customer-count]');
  await open(tab1, env.origin + '/customers/150/edit');
  await tab1.fill('[data-testid=field-name]', 'Zhu Bajie');
  await tab1.click('[data-testid=save-customer]');
  await tab1.waitForSelector('[data-testid=page-customer]');
  await tab2.waitForSelector('[data-testid=customer-row]');
  assert.equal(await tab2.locator('[data-testid=customer-row]').count(), 1);
  assert.equal(await tab2.getAttribute('[data-testid=customer-row]', 'data-id'), '150');
  assert.deepEqual([...tab1.errors, ...tab2.errors], []);
  await context.close();
});
