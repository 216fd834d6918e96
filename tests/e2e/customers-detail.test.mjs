// Journeys through one customer: create with the form (inline errors first), reload,
// edit, Back with unsaved changes, add a purchase and a complaint and resolve it, correct
// timeline entries in place, mark churned, the referral chain, and screenshots of the
// page and the form in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot, storedBook, SCREENSHOTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** A local date `daysAgo` days back, as an <input type=date> value. */
function day(daysAgo = 0) {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

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

/** Seeds `crm.customers` once per browser profile (a reload keeps what the app saved). */
async function seeded(locale, customers) {
  const context = await newContext(env.browser, { locale });
  const book = JSON.stringify({ schema: 1, rev: 1, data: { customers, next_id: customers.length + 1 } });
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('crm.customers')) localStorage.setItem('crm.customers', raw);
    // The fixtures' purchases are in yuan, and so is this user's home currency.
    if (!localStorage.getItem('crm.settings')) {
      localStorage.setItem('crm.settings', JSON.stringify({ schema: 1, rev: 1, data: { home_currency: 'CNY' } }));
    }
  }, book);
  return context;
}

const stored = storedBook;
const text = (page, id) => page.locator(`[data-testid=${id}]`).first().innerText();

test('create a customer with a Chinese name: inline errors first, then saved and kept', async () => {
  const context = await newContext(env.browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  await open(page, env.origin + '/customers/new');
  await page.fill('[data-testid=field-name]', '王芳');
  await page.fill('[data-testid=field-email]', 'wangfang@');
  await page.fill('[data-testid=field-phone]', '138 0013 8000');
  await page.click('[data-testid=save-customer]');
  const problems = await text(page, 'form-problems');
  assert.match(problems, /不是有效的邮箱地址/, 'the error is in Chinese');
  assert.match(await page.locator('#customer-email-errors').innerText(), /wangfang@/);
  assert.equal(await page.getAttribute('[data-testid=field-email]', 'aria-invalid'), 'true');
  assert.equal((await stored(page))?.data.customers.length ?? 0, 0, 'nothing saved');
  await screenshot(page, 'customer-form-zh');

  await page.fill('[data-testid=field-email]', 'wangfang@example.cn');
  await page.selectOption('[data-testid=field-stage]', 'formation');
  await page.click('[data-testid=save-customer]');
  await page.waitForSelector('[data-testid=page-customer]');
  assert.match(new URL(page.url()).pathname, /^\/customers\/\d+$/);
  assert.equal(await text(page, 'customer-name'), '王芳');
  assert.equal(await text(page, 'customer-email'), 'wangfang@example.cn');
  assert.equal(await text(page, 'customer-stage'), '形成期');
  await page.reload();
  await page.waitForSelector('[data-testid=customer-name]');
  assert.equal(await text(page, 'customer-name'), '王芳', 'still there after a reload');

  await page.click('[data-testid=edit-customer]');
  await page.waitForSelector('[data-testid=page-customer-edit]');
  await page.fill('[data-testid=field-company]', '芳华书店');
  await page.selectOption('[data-testid=field-stage]', 'stability');
  await page.click('[data-testid=save-customer]');
  await page.waitForSelector('[data-testid=page-customer]');
  assert.equal(await text(page, 'customer-company'), '芳华书店');
  const history = (await stored(page)).data.customers[0].stage_history.map((h) => h.stage);
  assert.deepEqual(history, ['formation', 'stability'], 'each stage change is recorded');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('cancel with unsaved changes asks first; declining keeps the form', async () => {
  const context = await seeded('en-US', [customer(1, 'Ann Lee')]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/1/edit');
  await page.fill('[data-testid=field-name]', 'Ann Lee-Smith');
  page.once('dialog', (d) => d.dismiss());
  await page.click('[data-testid=cancel-customer]');
  assert.equal(new URL(page.url()).pathname, '/customers/1/edit', 'stayed on the form');
  page.once('dialog', (d) => d.accept());
  await page.click('[data-testid=cancel-customer]');
  await page.waitForSelector('[data-testid=page-customer]');
  assert.equal(await text(page, 'customer-name'), 'Ann Lee', 'nothing saved');
  await context.close();
});

test('browser Back with unsaved changes asks first; declining keeps the form and its text', async () => {
  const context = await seeded('en-US', [customer(1, 'Ann Lee')]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/1');
  await page.click('[data-testid=edit-customer]');
  await page.waitForSelector('[data-testid=page-customer-edit]');
  await page.fill('[data-testid=field-name]', 'Ann Lee-Smith');
  const asked = [];
  page.once('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
  await page.goBack();
  await page.waitForFunction(() => location.pathname === '/customers/1/edit');
  assert.match(asked[0] ?? '', /unsaved changes/, 'asked before leaving');
  assert.equal(await page.inputValue('[data-testid=field-name]'), 'Ann Lee-Smith', 'the text is kept');
  assert.equal(await page.locator('[data-testid=page-customer]').count(), 0, 'still on the form');

  // Accepting leaves, to the page before the form (the history was kept as it was).
  page.once('dialog', (d) => { asked.push(d.message()); d.accept(); });
  await page.goBack();
  await page.waitForSelector('[data-testid=page-customer]');
  assert.equal(new URL(page.url()).pathname, '/customers/1');
  assert.equal(asked.length, 2);
  assert.equal(await text(page, 'customer-name'), 'Ann Lee', 'nothing saved');

  // A form without changes lets Back through without asking.
  page.on('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
  await page.goForward();
  await page.waitForSelector('[data-testid=page-customer-edit]');
  await page.goBack();
  await page.waitForSelector('[data-testid=page-customer]');
  assert.equal(asked.length, 2, 'not asked again');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('leaving the customer page with a half-typed timeline entry asks first', async () => {
  const context = await seeded('en-US', [customer(1, 'Ann Lee')]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/1');
  // The navigation shows which section a customer's page belongs to.
  assert.equal(await page.locator('[data-testid=nav-customers]').getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('[data-testid=nav-dashboard]').getAttribute('aria-current'), null);
  const asked = [];
  page.on('dialog', (d) => { asked.push(d.message()); asked.length === 1 ? d.dismiss() : d.accept(); });

  // A clean form lets the user leave without asking; choosing a kind alone is not input.
  await page.click('[data-testid=add-interaction] > summary');
  await page.selectOption('[data-testid=interaction-kind]', 'call');
  await page.click('[data-testid=nav-customers]');
  await page.waitForSelector('[data-testid=customer-table]');
  assert.equal(asked.length, 0, 'not asked');

  await page.goBack();
  await page.waitForSelector('[data-testid=page-customer]');
  await page.click('[data-testid=add-interaction] > summary');
  await page.fill('[data-testid=interaction-note]', 'Called about the renewal');
  await page.click('[data-testid=nav-customers]');
  assert.match(asked[0] ?? '', /unsaved changes/, 'asked before leaving');
  assert.equal(new URL(page.url()).pathname, '/customers/1', 'declining stays');
  assert.equal(await page.inputValue('[data-testid=interaction-note]'), 'Called about the renewal');

  await page.click('[data-testid=nav-customers]');
  await page.waitForSelector('[data-testid=customer-table]');
  assert.equal(asked.length, 2, 'asked again, and accepting leaves');
  assert.deepEqual((await storedBook(page)).data.customers[0].interactions, [], 'nothing saved');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('purchases and a resolved complaint update the figures and their working', async () => {
  const context = await seeded('en-US', [customer(1, 'Ann Lee')]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/1');
  await page.click('[data-testid=add-interaction] > summary');
  await page.selectOption('[data-testid=interaction-kind]', 'purchase');
  await page.fill('[data-testid=purchase-amount-input]', '-5');
  await page.click('[data-testid=interaction-add]');
  assert.match(await page.locator('#interaction-errors').innerText(), /cannot be negative/);
  await page.fill('[data-testid=purchase-amount-input]', '128.50');
  await page.fill('[data-testid=purchase-items]', 'Books');
  await page.fill('[data-testid=interaction-date]', day(3));
  await page.click('[data-testid=interaction-add]');
  await page.waitForSelector('[data-testid=timeline-purchase]');
  assert.equal(await text(page, 'figure-total-spend'), '¥128.50');
  assert.equal(await text(page, 'figure-purchase-count'), '1');

  await page.selectOption('[data-testid=interaction-kind]', 'complaint');
  await page.fill('[data-testid=complaint-opened]', day(5));
  await page.fill('[data-testid=interaction-date]', day(5));
  await page.fill('[data-testid=interaction-note]', 'Late delivery');
  // Notes have a limit, and the form says how much of it is used.
  assert.equal(await page.getAttribute('[data-testid=interaction-note]', 'maxlength'), '5000');
  assert.equal(await page.locator('[data-testid=note-length]').first().innerText(), '13 of 5000 characters');
  await page.click('[data-testid=interaction-add]');
  await page.waitForSelector('[data-testid=timeline-complaint]');
  assert.match(await text(page, 'open-complaints'), /1/);
  await page.fill('[data-testid=resolve-date]', day(8));
  await page.click('[data-testid=resolve-button]');
  assert.match(await page.locator('[data-testid=resolve-complaint]').innerText(), /cannot be resolved before/);
  await page.fill('[data-testid=resolve-date]', day(1));
  await page.click('[data-testid=resolve-button]');
  await page.waitForSelector('[data-testid=resolution-average]');
  assert.match(await text(page, 'resolution-average'), /4\.0 days/);

  for (const id of ['working-total-spend', 'working-resolution', 'working-clv', 'working-rfm']) {
    await page.click(`[data-testid=${id}] > summary`);
  }
  assert.match(await text(page, 'working-total-spend'), /128\.50/);
  assert.match(await text(page, 'working-resolution'), /= 4 days/);
  assert.match(await text(page, 'working-clv'), /128\.50/);
  // The only buyer: too few for quintiles, so the ranks are spread and the working says so.
  assert.match(await text(page, 'working-rfm'), /too few for quintiles/);
  assert.match(await text(page, 'working-rfm'), /R: 3 days ago → 3\n/);
  assert.deepEqual([await text(page, 'rfm-r'), await text(page, 'rfm-f'), await text(page, 'rfm-m')], ['3', '3', '3']);
  await page.selectOption('[data-testid=timeline-filter]', 'purchase');
  assert.equal(await page.locator('[data-testid=timeline-list] > li').count(), 1, 'filtered by kind');
  await page.waitForURL(/\?kind=purchase$/);
  await page.reload();
  await page.waitForSelector('[data-testid=figure-total-spend]');
  assert.equal(await text(page, 'figure-total-spend'), '¥128.50', 'kept after a reload');
  assert.equal(await page.inputValue('[data-testid=timeline-filter]'), 'purchase', 'the filter is in the URL');
  assert.equal(await page.locator('[data-testid=timeline-list] > li').count(), 1);

  // Delete the purchase (entered by mistake): asked first, then the figures follow.
  await page.click('[data-testid=timeline-purchase] [data-testid=delete-interaction]');
  await page.click('[data-testid=timeline-purchase] [data-testid=confirm-delete-interaction]');
  await page.waitForSelector('[data-testid=timeline-purchase]', { state: 'detached' });
  assert.equal(await text(page, 'figure-purchase-count'), '0');
  await page.selectOption('[data-testid=timeline-filter]', '');
  await page.waitForURL((url) => !url.search.includes('kind='));
  assert.equal(await page.locator('[data-testid=timeline-list] > li').count(), 1, 'the complaint remains');
  await page.reload();
  await page.waitForSelector('[data-testid=timeline-complaint]');
  assert.equal(await page.locator('[data-testid=timeline-purchase]').count(), 0, 'deleted for good');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('edit an interaction: the figures follow, a complaint is resolved, a wrong edit changes nothing', async () => {
  const context = await seeded('en-US', [customer(1, 'Ann Lee', { interactions: [
    { id: 1, date: day(6), kind: { type: 'complaint', category: 'delivery', severity: 'high', status: 'open', opened: day(6), resolved: null }, note: 'Late delivery' },
    { id: 2, date: day(5), kind: { type: 'service_recovery', complaint_id: 1, action: 'Free shipping' }, note: '' },
  ] })]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/1');
  await page.click('[data-testid=add-interaction] > summary');
  await page.selectOption('[data-testid=interaction-form] [data-testid=interaction-kind]', 'purchase');
  await page.fill('[data-testid=interaction-form] [data-testid=purchase-amount-input]', '128.50');
  await page.fill('[data-testid=interaction-form] [data-testid=interaction-date]', day(3));
  await page.click('[data-testid=interaction-add]');
  await page.waitForSelector('[data-testid=timeline-purchase]');
  assert.equal(await text(page, 'figure-total-spend'), '¥128.50');
  const purchaseId = (await stored(page)).data.customers[0].interactions.find((i) => i.kind.type === 'purchase').id;

  // The form opens filled in from the entry; only one entry is edited at a time.
  const form = '[data-testid=interaction-edit-form]';
  await page.click('[data-testid=timeline-purchase] [data-testid=edit-interaction]');
  await page.waitForSelector(form);
  assert.equal(await page.inputValue(`${form} [data-testid=purchase-amount-input]`), '128.50');
  assert.equal(await page.inputValue(`${form} [data-testid=interaction-date]`), day(3));
  assert.equal(await page.locator('[data-testid=edit-interaction]').count(), 0, 'no second edit');

  // A negative amount: the inline error, and nothing changes.
  await page.fill(`${form} [data-testid=purchase-amount-input]`, '-5');
  await page.click('[data-testid=interaction-save]');
  assert.match(await page.locator('#interaction-edit-errors').innerText(), /cannot be negative/);
  assert.equal(await text(page, 'figure-total-spend'), '¥128.50');
  const before = (await stored(page)).data.customers[0];
  assert.equal(before.interactions.find((i) => i.id === purchaseId).kind.amount_cents, 12850, 'nothing saved');

  await page.fill(`${form} [data-testid=purchase-amount-input]`, '150');
  await page.click('[data-testid=interaction-save]');
  await page.waitForSelector(form, { state: 'detached' });
  assert.equal(await text(page, 'purchase-amount'), '¥150.00');
  assert.equal(await text(page, 'figure-total-spend'), '¥150.00', 'the figures follow');
  assert.equal(await text(page, 'figure-purchase-count'), '1', 'replaced, not added');
  // Focus is back on the entry's Edit button.
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=timeline-purchase]')
    && document.activeElement.dataset.testid === 'edit-interaction');

  // Cancel closes the form and keeps the entry as it was.
  await page.click('[data-testid=timeline-purchase] [data-testid=edit-interaction]');
  await page.fill(`${form} [data-testid=purchase-amount-input]`, '999');
  await page.click('[data-testid=interaction-cancel]');
  await page.waitForSelector(form, { state: 'detached' });
  assert.equal(await text(page, 'figure-total-spend'), '¥150.00');
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=timeline-purchase]')
    && document.activeElement.dataset.testid === 'edit-interaction');

  // A complaint resolved by editing it; its service recovery stays linked.
  await page.click('[data-testid=timeline-complaint] [data-testid=edit-interaction]');
  await page.selectOption(`${form} [data-testid=complaint-status]`, 'resolved');
  await page.click('[data-testid=interaction-save]');
  assert.match(await page.locator('#interaction-edit-errors').innerText(), /date the complaint was resolved/);
  await page.fill(`${form} [data-testid=complaint-resolved]`, day(2));
  await page.click('[data-testid=interaction-save]');
  await page.waitForSelector(form, { state: 'detached' });
  assert.equal(await text(page, 'complaint-state'), `Resolved ${day(2)}, after 4 days`);
  assert.match(await text(page, 'resolution-average'), /4\.0 days/);
  assert.match(await text(page, 'open-complaints'), /0/);
  assert.match(await text(page, 'timeline-service_recovery'), new RegExp(`For the complaint of ${day(6)}`));

  await page.reload();
  await page.waitForSelector('[data-testid=figure-total-spend]');
  assert.equal(await text(page, 'figure-total-spend'), '¥150.00', 'kept after a reload');
  const after = (await stored(page)).data.customers[0];
  const byId = Object.fromEntries(after.interactions.map((i) => [i.id, i]));
  assert.equal(after.interactions.length, 3);
  assert.equal(byId[purchaseId].kind.amount_cents, 15000);
  assert.deepEqual(
    [byId[1].kind.status, byId[1].kind.resolved, byId[2].kind.complaint_id],
    ['resolved', day(2), 1],
  );
  assert.ok(Date.parse(after.updated_at) > Date.parse(before.updated_at), 'updated_at is set');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('edit an entry in Chinese: the form in place, errors in Chinese (screenshot)', async () => {
  const context = await seeded('zh-CN', FIXTURE);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/1');
  await page.click('[data-testid=timeline-complaint] [data-testid=edit-interaction]');
  const form = '[data-testid=interaction-edit-form]';
  assert.equal(await page.inputValue(`${form} [data-testid=complaint-resolved]`), day(37));
  await page.fill(`${form} [data-testid=complaint-resolved]`, day(45));
  await page.click('[data-testid=interaction-save]');
  assert.match(await page.locator('#interaction-edit-errors').innerText(), /解决日期不能早于提出日期/);
  assert.equal(await page.locator(`${form} [data-testid=time-to-resolve]`).count(), 0, 'no negative time to resolve');
  await page.locator('[data-testid=customer-timeline]').scrollIntoViewIfNeeded();
  await screenshot(page, 'customer-timeline-edit-zh');
  await page.click('[data-testid=interaction-cancel]');
  await page.waitForSelector(form, { state: 'detached' });
  const complaint = (await stored(page))?.data.customers[0]?.interactions.find((i) => i.id === 3);
  assert.equal(complaint?.kind.resolved ?? day(37), day(37), 'nothing saved');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('mark as churned with two reasons, kept after a reload, then reactivate', async () => {
  const context = await seeded('en-US', [customer(1, 'Ann Lee')]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/1');
  await page.click('[data-testid=mark-churned]');
  await page.click('[data-testid=churn-save]');
  assert.match(await page.locator('[data-testid=churn-form]').innerText(), /at least one reason/);
  await page.check('[data-testid=churn-reason-competitor_price]');
  await page.check('[data-testid=churn-reason-complaint_unresolved]');
  await page.check('[data-testid=churn-prevention-service_level]');
  await page.click('[data-testid=churn-save]');
  await page.waitForSelector('[data-testid=churn-record]');
  await page.reload();
  await page.waitForSelector('[data-testid=churn-record]');
  assert.equal(await text(page, 'customer-stage'), 'Churned');
  const reasons = await page.locator('[data-testid=churn-reasons] li').allInnerTexts();
  assert.deepEqual(reasons, ['A competitor won on price', 'Complaints were not resolved in time']);
  await page.click('[data-testid=reactivate]');
  assert.equal(await text(page, 'customer-stage'), 'Exploration');
  assert.equal(await page.locator('[data-testid=churn-record]').count(), 0);
  await context.close();
});

const FIXTURE = [
  customer(1, '李明', {
    kind: 'business', company: '明德贸易有限公司', phone: '+86 10 8888 6666', email: 'liming@mingde.cn',
    tags: ['VIP', 'wholesale'], channel: 'advertising', stage: 'stability', ladder: 'advocate',
    relationship_level: 'proactive', motive: 'economic',
    stage_history: [
      { stage: 'exploration', date: '2024-01-10' }, { stage: 'formation', date: '2024-03-02' },
      { stage: 'stability', date: '2024-09-15' },
    ],
    interactions: [
      { id: 1, date: day(200), kind: { type: 'purchase', amount_cents: 1250000, currency: 'CNY', items: '教材 200 册' }, note: '' },
      { id: 2, date: day(120), kind: { type: 'purchase', amount_cents: 860000, currency: 'CNY', items: '' }, note: '' },
      { id: 3, date: day(40), kind: { type: 'complaint', category: 'delivery', severity: 'high', status: 'resolved', opened: day(40), resolved: day(37) }, note: '配送延误' },
      { id: 4, date: day(36), kind: { type: 'service_recovery', complaint_id: 3, action: '免运费并致歉' }, note: '' },
      { id: 5, date: day(10), kind: { type: 'meeting' }, note: '季度回访' },
    ],
  }),
  customer(2, 'Ann Lee', { referred_by: 1, channel: 'referral', interactions: [
    { id: 1, date: day(30), kind: { type: 'purchase', amount_cents: 99000, currency: 'CNY', items: '' }, note: '' },
  ] }),
  customer(3, 'Zhang Wei', { referred_by: 2, channel: 'referral' }),
];

test('the referral chain shows both ways, as links', async () => {
  const context = await seeded('en-US', FIXTURE);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/3');
  assert.equal(await text(page, 'referred-by'), 'Ann Lee ← 李明');
  await page.click('[data-testid=referred-by] a >> text=Ann Lee');
  await page.waitForFunction(() => location.pathname === '/customers/2');
  assert.equal(await text(page, 'referrals'), 'Zhang Wei');
  await open(page, env.origin + '/customers/99');
  await page.waitForSelector('[data-testid=customer-not-found]');

  // The referrer is found by typing part of a name, and can be cleared again.
  await open(page, env.origin + '/customers/3/edit');
  assert.equal(await text(page, 'referrer-current'), 'Ann Lee (#2)');
  await page.fill('[data-testid=field-referred_by]', 'nobody by that name');
  await page.waitForSelector('[data-testid=referrer-none]');
  await page.fill('[data-testid=field-referred_by]', '李');
  const offered = await page.locator('[data-testid=referrer-option]').allTextContents();
  assert.deepEqual(offered, ['李明 #1 · 明德贸易有限公司']);
  await page.locator('[data-testid=referrer-matches]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/customer-referrer-picker-en.png` });
  await page.click('[data-testid=referrer-option]');
  assert.equal(await text(page, 'referrer-current'), '李明 (#1)');
  await page.click('[data-testid=save-customer]');
  await page.waitForFunction(() => location.pathname === '/customers/3');
  assert.equal(await text(page, 'referred-by'), '李明');
  await page.reload();
  await page.waitForSelector('[data-testid=referred-by]');
  assert.equal(await text(page, 'referred-by'), '李明');
  const stored = await storedBook(page);
  assert.equal(stored.data.customers.find((c) => c.id === 3).referred_by, 1);
  await open(page, env.origin + '/customers/3/edit');
  await page.click('[data-testid=referrer-clear]');
  assert.equal(await text(page, 'referrer-current'), 'Nobody');
  await context.close();
});

for (const [locale, lang] of [['en-US', 'en'], ['zh-CN', 'zh']]) {
  test(`the customer page and form in ${lang}`, async () => {
    const context = await seeded(locale, FIXTURE);
    const page = await context.newPage();
    await open(page, env.origin + '/customers/1');
    for (const id of ['working-total-spend', 'working-clv', 'working-rfm']) {
      await page.click(`[data-testid=${id}] > summary`);
    }
    assert.equal(await text(page, 'figure-total-spend'), '¥21,100.00');
    assert.equal(await text(page, 'customer-stage'), lang === 'zh' ? '稳定期' : 'Stability');
    await screenshot(page, `customer-page-${lang}`);
    await open(page, env.origin + '/customers/1/edit');
    await screenshot(page, `customer-edit-form-${lang}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}
