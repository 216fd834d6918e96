// Two tabs editing the same customer: a form saves only what its user changed, on top of
// what the other tab saved (issue: a stale form silently undid the other tab's change).
// Both tabs are pages of one browser profile, so they share localStorage and each gets
// the other's `storage` events, as two real tabs do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot, storedBook } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

function customer(id, name, extra = {}) {
  return {
    id, name, kind: 'individual', company: '', phone: '', email: '', address: '', owner: 'Li',
    tags: [], notes: '', created_at: '2024-01-10T08:00:00Z', updated_at: '2024-01-10T08:00:00Z',
    value_class: null, motive: null, internal: false, stage: 'exploration',
    stage_history: [{ stage: 'exploration', date: '2024-01-10' }], ladder: 'prospect',
    relationship_level: null, channel: 'other', referred_by: null, interactions: [], churn: null,
    ...extra,
  };
}

/** One browser profile with the customers stored, and two tabs open at `path`. */
async function twoTabs(path, { locale = 'en-US', customers = [customer(1, 'Ann Lee'), customer(2, 'Bo Chen')] } = {}) {
  const context = await newContext(env.browser, { locale });
  const book = JSON.stringify({ schema: 1, rev: 1, data: { customers, next_id: customers.length + 1 } });
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('crm.customers')) localStorage.setItem('crm.customers', raw);
  }, book);
  const a = await open(await context.newPage(), env.origin + path);
  const b = await open(await context.newPage(), env.origin + path);
  return { context, a, b };
}

const byId = async (page, id) => (await storedBook(page)).data.customers.find((c) => c.id === id);
const text = (page, id) => page.locator(`[data-testid=${id}]`).first().innerText();

test('a stale form saves only its own change: the other tab\'s new name is kept', async () => {
  const { context, a, b } = await twoTabs('/customers/1/edit');
  await a.fill('[data-testid=field-name]', 'Ann Lee-Smith');
  await a.click('[data-testid=save-customer]');
  await a.waitForSelector('[data-testid=page-customer]');

  // Tab B's form is told at once, and its untouched name input follows.
  await b.waitForSelector('[data-testid=changed-elsewhere]');
  assert.match(await text(b, 'changed-elsewhere'), /Name is now “Ann Lee-Smith”/);
  assert.equal(await b.inputValue('[data-testid=field-name]'), 'Ann Lee-Smith');
  await screenshot(b, 'two-tabs-followed-en');

  await b.fill('[data-testid=field-notes]', 'Prefers email');
  await b.click('[data-testid=save-customer]');
  await b.waitForSelector('[data-testid=page-customer]');
  const saved = await byId(b, 1);
  assert.equal(saved.name, 'Ann Lee-Smith', 'tab A\'s name is kept');
  assert.equal(saved.notes, 'Prefers email', 'tab B\'s notes are saved');
  await a.waitForFunction(() => document.querySelector('[data-testid=customer-name]')?.innerText === 'Ann Lee-Smith');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

test('a stale form never deletes a timeline note the other tab added', async () => {
  const { context, a, b } = await twoTabs('/customers/1');
  await b.click('[data-testid=edit-customer]');
  await b.waitForSelector('[data-testid=page-customer-edit]');

  await a.click('[data-testid=add-interaction] > summary');
  await a.selectOption('[data-testid=interaction-kind]', 'call');
  await a.fill('[data-testid=interaction-note]', 'Called about the renewal');
  await a.click('[data-testid=interaction-add]');
  await a.waitForSelector('[data-testid=timeline-call]');

  await b.fill('[data-testid=field-owner]', 'Zhao');
  await b.click('[data-testid=save-customer]');
  await b.waitForSelector('[data-testid=page-customer]');
  const saved = await byId(b, 1);
  assert.equal(saved.owner, 'Zhao');
  assert.deepEqual(saved.interactions.map((i) => i.note), ['Called about the renewal'], 'the note is kept');
  await b.reload();
  await b.waitForSelector('[data-testid=timeline-call]');
  await context.close();
});

test('the same field changed in both tabs: both values side by side, the user chooses', async () => {
  const { context, a, b } = await twoTabs('/customers/1/edit', { locale: 'zh-CN' });
  // Tab B has typed an owner before tab A saves another.
  await b.fill('[data-testid=field-owner]', '赵经理');
  await b.fill('[data-testid=field-company]', '芳华书店');
  await a.fill('[data-testid=field-owner]', '陈经理');
  await a.click('[data-testid=save-customer]');
  await a.waitForSelector('[data-testid=page-customer]');

  await b.waitForSelector('[data-testid=changed-elsewhere]');
  assert.match(await text(b, 'changed-elsewhere'), /另一个标签页保存为“陈经理”，您填写的是“赵经理”/);
  await b.click('[data-testid=save-customer]');
  await b.waitForSelector('[data-testid=conflict-choice]');
  const choice = await text(b, 'conflict-choice');
  assert.match(choice, /保留我的：“赵经理”/);
  assert.match(choice, /保留另一个标签页的：“陈经理”/);
  assert.equal((await byId(b, 1)).owner, '陈经理', 'nothing saved before the choice');
  assert.equal(await b.evaluate(() => document.activeElement?.dataset.testid), 'conflict-choice', 'the choice has the focus');
  await screenshot(b, 'two-tabs-conflict-zh');

  // Saving without choosing asks again; choosing mine saves it with the other change.
  await b.click('[data-testid=conflict-save]');
  await b.waitForSelector('[data-testid=conflict-missing]');
  await b.check('[data-testid=conflict-0-mine]');
  await b.click('[data-testid=conflict-save]');
  await b.waitForSelector('[data-testid=page-customer]');
  const saved = await byId(b, 1);
  assert.equal(saved.owner, '赵经理');
  assert.equal(saved.company, '芳华书店');
  assert.equal(saved.name, 'Ann Lee');
  await context.close();
});

test('keeping the other tab\'s value of a conflicting field keeps it', async () => {
  const { context, a, b } = await twoTabs('/customers/1/edit');
  await b.fill('[data-testid=field-email]', 'ann.lee@mail.example');
  await a.fill('[data-testid=field-email]', 'ann@shop.example');
  await a.click('[data-testid=save-customer]');
  await a.waitForSelector('[data-testid=page-customer]');
  await b.waitForSelector('[data-testid=changed-elsewhere]');
  await b.click('[data-testid=save-customer]');
  await b.waitForSelector('[data-testid=conflict-choice]');
  await b.check('[data-testid=conflict-0-theirs]');
  await b.click('[data-testid=conflict-save]');
  await b.waitForSelector('[data-testid=page-customer]');
  assert.equal((await byId(b, 1)).email, 'ann@shop.example');
  await context.close();
});

test('a customer deleted in another tab while edited: restore it as edited, or discard', async () => {
  const { context, a, b } = await twoTabs('/customers', {
    customers: [customer(1, 'Ann Lee'), customer(2, 'Bo Chen', { notes: 'first' })],
  });
  await b.goto(env.origin + '/customers/2/edit');
  await b.waitForSelector('[data-testid=page-customer-edit]');
  await b.fill('[data-testid=field-notes]', 'first, then more');

  // Tab A deletes Bo Chen from the list.
  await a.locator('[data-testid=select-row]').nth(1).check();
  await a.click('[data-testid=bulk-delete]');
  await a.waitForFunction(() => document.querySelectorAll('[data-testid=select-row]').length === 1);
  await b.waitForSelector('[data-testid=deleted-elsewhere]');
  await screenshot(b, 'two-tabs-deleted-en');
  await b.click('[data-testid=save-customer]');
  // The focus moves to the question in the next task (once the page has settled).
  await b.waitForFunction(() => document.activeElement?.dataset.testid === 'deleted-elsewhere', null, { timeout: 2000 });
  assert.equal(await byId(b, 2), undefined, 'not re-created silently');

  await b.click('[data-testid=deleted-restore]');
  await b.waitForSelector('[data-testid=page-customer]');
  assert.equal(new URL(b.url()).pathname, '/customers/2');
  const restored = await byId(b, 2);
  assert.equal(restored.notes, 'first, then more', 'restored as it was edited');
  await a.waitForFunction(() => document.querySelectorAll('[data-testid=select-row]').length === 2);

  // Deleted again while edited: discarding leaves it deleted.
  await b.click('[data-testid=edit-customer]');
  await b.waitForSelector('[data-testid=page-customer-edit]');
  await b.fill('[data-testid=field-notes]', 'never saved');
  await a.locator('[data-testid=select-row]').nth(1).check();
  await a.click('[data-testid=bulk-delete]');
  await b.waitForSelector('[data-testid=deleted-elsewhere]');
  await b.click('[data-testid=deleted-discard]');
  await b.waitForFunction(() => location.pathname === '/customers');
  assert.equal(await byId(b, 2), undefined);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

test('a timeline entry being corrected follows the other tab and keeps both changes', async () => {
  const entry = { id: 1, date: '2024-03-01', kind: { type: 'call' }, note: 'Asked for a quote' };
  const { context, a, b } = await twoTabs('/customers/1', {
    customers: [customer(1, 'Ann Lee', { interactions: [entry] })],
  });
  const form = '[data-testid=interaction-edit-form]';
  for (const page of [a, b]) {
    await page.click('[data-testid=timeline-call] [data-testid=edit-interaction]');
    await page.waitForSelector(form);
  }
  await a.fill(`${form} [data-testid=interaction-note]`, 'Asked for a quote by Friday');
  await a.click('[data-testid=interaction-save]');
  await a.waitForSelector(form, { state: 'detached' });

  await b.waitForSelector('[data-testid=changed-elsewhere]');
  assert.equal(await b.inputValue(`${form} [data-testid=interaction-note]`), 'Asked for a quote by Friday', 'the untouched note follows');
  await b.fill(`${form} [data-testid=interaction-date]`, '2024-03-02');
  await b.click('[data-testid=interaction-save]');
  await b.waitForSelector(form, { state: 'detached' });
  const saved = (await byId(b, 1)).interactions[0];
  assert.equal(saved.note, 'Asked for a quote by Friday');
  assert.equal(saved.date, '2024-03-02');
  await context.close();
});

test('CLV assumptions: each tab keeps the other\'s changed input', async () => {
  const { context, a, b } = await twoTabs('/customers/1');
  for (const page of [a, b]) await page.click('[data-testid=figure-clv] details:not([data-testid]) summary');
  await a.fill('[data-testid=clv-margin]', '40');
  await a.click('[data-testid=clv-save]');
  await b.waitForFunction(() => document.querySelector('[data-testid=clv-margin]')?.value === '40');
  await b.fill('[data-testid=clv-discount]', '12');
  await b.click('[data-testid=clv-save]');
  const book = (await storedBook(b)).data;
  assert.equal(book.clv_assumptions.gross_margin, 0.4);
  assert.equal(book.clv_assumptions.discount_rate, 0.12);
  await context.close();
});

test('churn recorded in both tabs: the form shows the other record and asks which to keep', async () => {
  const { context, a, b } = await twoTabs('/customers/1');
  await b.click('[data-testid=mark-churned]');
  await b.check('[data-testid=churn-reason-competitor_price]');
  await a.click('[data-testid=mark-churned]');
  await a.check('[data-testid=churn-reason-needs_not_met]');
  await a.click('[data-testid=churn-save]');
  await a.waitForSelector('[data-testid=churn-record]');

  await b.waitForSelector('[data-testid=churn-form] [data-testid=changed-elsewhere]');
  await b.click('[data-testid=churn-save]');
  await b.waitForSelector('[data-testid=churn-form] [data-testid=conflict-choice]');
  assert.match(await text(b, 'conflict-choice'), /no longer meets their needs/);
  await b.check('[data-testid=conflict-0-theirs]');
  await b.click('[data-testid=conflict-save]');
  await b.waitForSelector('[data-testid=churn-form]', { state: 'detached' });
  const saved = await byId(b, 1);
  assert.deepEqual(saved.churn.reasons, ['needs_not_met'], 'the other tab\'s record is kept');
  assert.equal(saved.stage, 'churned');
  await context.close();
});
