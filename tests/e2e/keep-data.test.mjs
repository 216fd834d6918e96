// Keeping the data (README "Keep the data"): Settings says whether the browser promised
// to keep it and how much of the storage the app uses; the first save asks the browser
// to keep it; a calm banner asks for a backup after changes and the chosen days without
// one, and goes away after an export; a backup restores in another browser profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { start, newContext, open, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** The local date `days` ago, as the app writes it (YYYY-MM-DD). */
function daysAgo(days) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('Settings shows whether the data is kept and how much storage the app uses, in both languages', async () => {
  for (const [locale, heading, kb] of [['en-US', 'Keep your data', /uses [\d.]+ KB of about 5120 KB/], ['zh-CN', '保留您的数据', /已使用约 5120 KB/]]) {
    const context = await newContext(env.browser, { locale });
    const page = await context.newPage();
    await open(page, env.origin + '/customers');
    await page.click('[data-testid=load-demo]');
    await page.waitForSelector('[data-testid=customer-row]');
    // The first save of real data noted the day (for the backup reminder).
    assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('crm.activity'))).first_change, daysAgo(0));
    await open(page, env.origin + '/settings');
    const card = page.locator('[data-testid=keep-data]');
    assert.match(await card.locator('h2').innerText(), new RegExp(heading));
    await page.waitForFunction(() => document.querySelector('[data-testid=persistence-status]').dataset.status !== 'checking');
    const status = await page.getAttribute('[data-testid=persistence-status]', 'data-status');
    assert.ok(['granted', 'not-granted', 'unknown'].includes(status), status);
    assert.match(await page.locator('[data-testid=storage-share]').innerText(), kb);
    const share = await page.locator('[data-testid=storage-share]').innerText();
    assert.ok(Number(share.match(/([\d.]+) KB/)[1]) > 100, `the demo data is counted: ${share}`);
    await page.waitForSelector('[data-testid=storage-estimate]');
    assert.match(await card.innerText(), /Safari/);
    await screenshot(page, `settings-keep-data-${locale}`);
    await context.close();
  }
});

test('the backup reminder appears after changes and the chosen days, and goes away after an export', async () => {
  const context = await newContext(env.browser);
  await context.addInitScript(([activity, settings]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('crm.activity', activity);
      localStorage.setItem('crm.settings', settings);
      sessionStorage.setItem('seeded', '1');
    }
  }, [
    JSON.stringify({ first_change: daysAgo(30), last_change: daysAgo(1) }),
    JSON.stringify({ schema: 1, rev: 1, data: { theme: 'system', backup_every_days: 7, last_backup: daysAgo(9) } }),
  ]);
  const page = await context.newPage();
  await open(page, env.origin + '/');
  const banner = await page.waitForSelector('[data-testid=notice-backup-due]');
  assert.match(await banner.innerText(), /9 days/);
  assert.equal(await banner.getAttribute('role'), 'status', 'a calm banner, not an alert');
  await screenshot(page, 'backup-reminder-en');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=notice-export]')]);
  assert.match(download.suggestedFilename(), /^crm-backup-/);
  await page.waitForSelector('[data-testid=notice-backup-due]', { state: 'detached' });
  await open(page, env.origin + '/settings');
  assert.match(await page.locator('[data-testid=last-backup]').innerText(), /\(today\)/);
  await page.reload();
  await page.waitForSelector('[data-testid=page-settings]');
  assert.equal(await page.locator('[data-testid=notice-backup-due]').count(), 0, 'not after a reload either');

  // Turned off, it stays off (and the choice is kept).
  await page.selectOption('[data-testid=backup-reminder]', 'off');
  await page.evaluate((old) => {
    const s = JSON.parse(localStorage.getItem('crm.settings'));
    s.data.last_backup = old;
    localStorage.setItem('crm.settings', JSON.stringify(s));
  }, daysAgo(20));
  await page.reload();
  await page.waitForSelector('[data-testid=page-settings]');
  assert.equal(await page.locator('[data-testid=notice-backup-due]').count(), 0);
  assert.equal(await page.inputValue('[data-testid=backup-reminder]'), 'off');
  await context.close();
});

test('a backup restores everything in another browser profile', async () => {
  const launch = (dir) => chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
    locale: 'en-US', acceptDownloads: true, viewport: { width: 1280, height: 800 },
  });
  const dirs = [mkdtempSync(join(tmpdir(), 'crm-profile-a-')), mkdtempSync(join(tmpdir(), 'crm-profile-b-'))];
  const file = join(tmpdir(), `crm-backup-profile-${process.pid}.json`);
  try {
    const first = await launch(dirs[0]);
    const page = await first.newPage();
    await open(page, env.origin + '/customers');
    await page.click('[data-testid=load-demo]');
    await page.waitForSelector('[data-testid=customer-row]');
    const counts = async (p) => p.evaluate(() => Object.fromEntries(
      Object.keys(localStorage).filter((k) => k.startsWith('crm.') && !k.includes('.s') && k !== 'crm.activity').sort().map((k) => [k, localStorage.getItem(k).length > 0])));
    const before = await counts(page);
    await open(page, env.origin + '/settings');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-backup]')]);
    await download.saveAs(file);
    await first.close();

    const second = await launch(dirs[1]);
    const other = await second.newPage();
    await open(other, env.origin + '/settings');
    assert.equal(await other.evaluate(() => localStorage.getItem('crm.customers')), null, 'a profile of its own');
    await other.setInputFiles('[data-testid=restore-file]', file);
    await other.waitForSelector('[data-testid=restore-preview]');
    await other.click('[data-testid=restore-confirm]');
    await other.waitForSelector('[data-testid=restore-done]');
    await open(other, env.origin + '/customers');
    await other.waitForSelector('[data-testid=customer-row]');
    assert.deepEqual(await counts(other), before, 'every section\'s documents came across');
    await open(other, env.origin + '/');
    assert.equal(await other.locator('[data-testid=dashboard-customer-count]').innerText(), '200 customers in all');
    await second.close();
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    rmSync(file, { force: true });
  }
});
