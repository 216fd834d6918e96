// Journeys of a keyboard user: where the focus goes after a refused Save (to the problems,
// scrolled into view), after opening and cancelling an inline confirmation (timeline
// Delete, Erase all data, Mark as churned…), and after moving to another page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

function customer(id, name, extra = {}) {
  return {
    id, name, kind: 'individual', company: '', phone: '', email: '', address: '', owner: '',
    tags: [], notes: '', created_at: '2024-01-10T08:00:00Z', updated_at: '2024-01-10T08:00:00Z',
    value_class: null, motive: null, internal: false, stage: 'exploration',
    stage_history: [{ stage: 'exploration', date: '2024-01-10' }], ladder: 'prospect',
    relationship_level: null, channel: 'other', referred_by: null, interactions: [], churn: null,
    ...extra,
  };
}

async function seeded(locale, customers, viewport) {
  const context = await newContext(env.browser, { locale, viewport });
  const book = JSON.stringify({ schema: 1, rev: 1, data: { customers, next_id: customers.length + 1 } });
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('crm.customers')) localStorage.setItem('crm.customers', raw);
  }, book);
  return context;
}

/** The focused element's test id (or its tag name when it has none). */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a?.dataset?.testid ?? a?.tagName.toLowerCase();
});

/** Waits until the focus is on the element with test id `id`. */
async function focusReaches(page, id) {
  await page.waitForFunction((want) => document.activeElement?.dataset?.testid === want, id, { timeout: 5000 })
    .catch(() => {});
  assert.equal(await focused(page), id);
}

const inView = (page, selector) => page.locator(selector).evaluate((e) => {
  const r = e.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight;
});

test('Save at the bottom of an invalid form moves the focus to the problems, in view', async () => {
  const context = await newContext(env.browser, { locale: 'en-US', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await open(page, env.origin + '/customers/new');
  await page.fill('[data-testid=field-email]', 'ann@');
  await page.locator('[data-testid=save-customer]').scrollIntoViewIfNeeded();
  await page.focus('[data-testid=save-customer]');
  await page.keyboard.press('Enter');
  await focusReaches(page, 'form-problems');
  assert.ok(await inView(page, '[data-testid=form-problems]'), 'the summary is scrolled into view');
  assert.equal(await page.getAttribute('[data-testid=form-problems]', 'role'), 'alert');
  assert.match(await page.locator('[data-testid=form-problems]').innerText(), /Name|email/i);
  await screenshot(page, 'focus-form-problems-390-en');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a refused timeline entry moves the focus to its problems', async () => {
  const context = await seeded('zh-CN', [customer(1, '王芳')]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/1');
  await page.click('[data-testid=add-interaction] > summary');
  await page.selectOption('[data-testid=interaction-kind]', 'purchase');
  await page.fill('[data-testid=purchase-amount-input]', '-5');
  await page.press('[data-testid=purchase-amount-input]', 'Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'interaction-errors', null, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'interaction-errors');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('timeline Delete: the focus moves to the question and back to Delete on Cancel', async () => {
  const note = { id: 1, date: '2024-02-01', kind: { type: 'note' }, note: 'Called about the order' };
  const context = await seeded('en-US', [customer(1, 'Ann Lee', { interactions: [note] })]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/1');
  await page.focus('[data-testid=delete-interaction]');
  await page.keyboard.press('Enter');
  await focusReaches(page, 'confirm-delete-interaction');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'cancel-delete-interaction', 'Tab reaches Cancel next');
  await page.keyboard.press('Enter');
  await focusReaches(page, 'delete-interaction');
  assert.equal(await page.locator('[data-testid=timeline-note]').count(), 1, 'nothing deleted');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Mark as churned… then Cancel returns the focus to its button', async () => {
  const context = await seeded('en-US', [customer(1, 'Ann Lee')]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/1');
  await page.focus('[data-testid=mark-churned]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=churn-form]'), null, { timeout: 5000 });
  await page.focus('[data-testid=churn-cancel]');
  await page.keyboard.press('Enter');
  await focusReaches(page, 'mark-churned');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Erase all data: the focus moves to the confirmation and back on Cancel', async () => {
  const context = await newContext(env.browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  await open(page, env.origin + '/settings');
  await page.focus('[data-testid=erase-start]');
  await page.keyboard.press('Enter');
  await focusReaches(page, 'erase-confirm-input');
  await page.focus('[data-testid=erase-cancel]');
  await page.keyboard.press('Enter');
  await focusReaches(page, 'erase-start');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('after moving to another page the focus is on its heading', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const page = await context.newPage();
  await open(page, env.origin + '/');
  await page.focus('[data-testid=nav-settings]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5000 }).catch(() => {});
  const where = await page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.closest('main') !== null]);
  assert.deepEqual(where, ['H1', true]);
  await page.goBack();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && location.pathname === '/', null, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'Back too');
  assert.deepEqual(page.errors, []);
  await context.close();
});
