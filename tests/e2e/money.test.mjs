// Money in several currencies (issue 18): the home currency suggested from the browser,
// chosen in Settings with exchange rates; figures convert at those rates, say what they
// leave out for want of a rate, and show every amount with its currency, one way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, newContext, open, screenshot, SCREENSHOTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const today = new Date().toISOString().slice(0, 10);
const purchase = (id, amount_cents, currency) => ({
  id, date: today, kind: { type: 'purchase', amount_cents, currency, items: '' }, note: '',
});
const customer = {
  id: 1, name: 'Ann Lee', kind: 'individual', company: '', phone: '', email: '', address: '', owner: '',
  tags: [], notes: '', created_at: '2024-01-10T08:00:00Z', updated_at: '2024-01-10T08:00:00Z',
  value_class: null, motive: null, internal: false, stage: 'exploration',
  stage_history: [{ stage: 'exploration', date: '2024-01-10' }], ladder: 'prospect',
  relationship_level: null, channel: 'other', referred_by: null, churn: null,
  interactions: [purchase(1, 12000, 'GBP'), purchase(2, 50000, 'CNY'), purchase(3, 1000, 'USD')],
};

async function seeded(options) {
  const context = await newContext(env.browser, options);
  const book = JSON.stringify({ schema: 1, rev: 1, data: { customers: [customer], next_id: 2 } });
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('crm.customers')) localStorage.setItem('crm.customers', raw);
  }, book);
  return context;
}

const text = (page, id) => page.locator(`[data-testid=${id}]`).first().innerText();

test('amounts in several currencies are converted at the rates entered, never added as they are', async () => {
  const context = await seeded({ locale: 'en-GB' });
  const page = await context.newPage();

  // en-GB: the home currency is the pound until the user chooses; the yuan and the
  // dollar purchases have no rate, so they are left out, and the page says so.
  await open(page, env.origin + '/customers/1');
  assert.equal(await text(page, 'figure-total-spend'), '£120.00', 'not 630.00 as plain numbers');
  const left = await text(page, 'not-counted');
  assert.match(left, /1 purchase in CNY not counted: no rate/);
  assert.match(left, /1 purchase in USD not counted: no rate/);
  // A new purchase starts in the home currency.
  await page.click('[data-testid=add-interaction] > summary');
  await page.selectOption('[data-testid=interaction-kind]', 'purchase');
  assert.equal(await page.inputValue('[data-testid=purchase-currency]'), 'GBP');
  await page.selectOption('[data-testid=interaction-kind]', 'note');

  // The link leads to the rates; choose the yuan as home and enter the pound's rate.
  await page.click('[data-testid=not-counted-settings]');
  await page.waitForSelector('[data-testid=money-settings]');
  assert.match(await page.locator('[data-testid=home-currency] option:checked').innerText(), /Suggested: GBP/);
  assert.match(await text(page, 'currencies-without-rate'), /CNY \(1\), USD \(1\)/);
  await page.selectOption('[data-testid=home-currency]', 'CNY');
  await page.fill('[data-testid=rate-currency]', 'gbp');
  await page.fill('[data-testid=rate-value]', 'nine');
  await page.fill('[data-testid=rate-date]', '2026-11-30');
  await page.click('[data-testid=save-rate]');
  assert.match(await text(page, 'rate-error'), /Enter a rate such as 9\.10/);
  await page.fill('[data-testid=rate-value]', '9,10');
  await page.click('[data-testid=save-rate]');
  await page.waitForSelector('[data-testid=rate-row]');
  assert.equal(await text(page, 'rate-row'), '1 GBP = 9.10 CNY (rate of 2026-11-30) Remove');
  assert.match(await text(page, 'currencies-without-rate'), /USD \(1\)/);
  await page.fill('[data-testid=rate-currency]', 'CNY');
  await page.fill('[data-testid=rate-value]', '1');
  await page.click('[data-testid=save-rate]');
  assert.match(await text(page, 'rate-error'), /home currency/);
  await screenshot(page, 'money-settings-en');
  const settings = JSON.parse(await page.evaluate(() => localStorage.getItem('crm.settings')));
  assert.equal(settings.data.home_currency, 'CNY');
  assert.deepEqual(settings.data.rates, [{ currency: 'GBP', micros: 9100000, date: '2026-11-30' }]);

  // The customer's figures follow, with the conversion in the working.
  await page.goBack();
  await page.waitForSelector('[data-testid=figure-total-spend]');
  assert.equal(await text(page, 'figure-total-spend'), '¥1,592.00');
  await page.click('[data-testid=working-total-spend] > summary');
  const working = await text(page, 'working-total-spend');
  assert.match(working, /£120\.00 × 9\.10 \(rate of 2026-11-30\) = ¥1,092\.00/);
  assert.match(working, /Total spend = ¥1,092\.00 \+ ¥500\.00 = ¥1,592\.00/);
  assert.match(working, /1 purchase in USD not counted: no rate/);
  await page.click('[data-testid=working-clv] > summary');
  assert.match(await text(page, 'working-clv'), /= ¥1,592\.00 \//);
  assert.deepEqual(await page.locator('[data-testid=purchase-amount]').allInnerTexts(), ['$10.00', '¥500.00', '£120.00']);

  // The list's spend column: the same figure, the same way, and what it left out.
  await open(page, env.origin + '/customers');
  assert.match(await text(page, 'cell-spend'), /^¥1,592\.00/);
  assert.match(await text(page, 'cell-not-counted'), /\+1 not counted \(no rate\)/);

  // After a reload the choice and the rate are still there.
  await page.reload();
  await page.waitForSelector('[data-testid=cell-spend]');
  assert.match(await text(page, 'cell-spend'), /^¥1,592\.00/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Chinese on a phone, dark: the yuan is suggested and the figures say what is left out', async () => {
  const context = await seeded({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => {
    if (!localStorage.getItem('crm.settings')) {
      localStorage.setItem('crm.settings', JSON.stringify({ schema: 1, rev: 1, data: { theme: 'dark' } }));
    }
  });
  await open(page, env.origin + '/customers/1');
  assert.equal(await text(page, 'figure-total-spend'), '¥500.00');
  assert.match(await text(page, 'not-counted'), /1 笔 GBP 消费未计入：没有汇率/);
  await page.click('[data-testid=working-total-spend] > summary');
  await page.locator('[data-testid=customer-figures]').screenshot({ path: join(SCREENSHOTS, 'money-figures-zh-phone-dark.png') });
  await open(page, env.origin + '/settings');
  assert.match(await page.locator('[data-testid=home-currency] option:checked').innerText(), /建议：CNY/);
  await screenshot(page, 'money-settings-zh-phone-dark');
  assert.deepEqual(page.errors, []);
  await context.close();
});
