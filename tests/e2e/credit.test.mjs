// Journeys through Credit: fill a customer's credit file and see the policy's decision,
// record credit sales up to the limit and meet the hold, move the aging's as-of date in
// the URL and see the buckets move, the printable memo, reload and find everything, the
// demo data; screenshots of the file, the aging and the memo in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot, storedBook } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

function day(daysAgo = 0) {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const business = (id, name) => ({
  id, name, kind: 'business', company: name, phone: '', email: '', address: '', owner: '',
  tags: [], notes: '', created_at: '2024-01-10T08:00:00Z', updated_at: '2024-01-10T08:00:00Z',
  value_class: null, motive: null, internal: false, stage: 'formation',
  stage_history: [{ stage: 'formation', date: '2024-01-10' }], ladder: 'customer',
  relationship_level: null, channel: 'other', referred_by: null, interactions: [], churn: null,
});

async function seeded(locale, viewport) {
  const context = await newContext(env.browser, { locale, viewport });
  const book = JSON.stringify({ schema: 1, rev: 1, data: { customers: [business(1, 'Acme Trading Ltd')], next_id: 2 } });
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('crm.customers')) localStorage.setItem('crm.customers', raw);
  }, book);
  return context;
}

const text = (page, id) => page.locator(`[data-testid=${id}]`).first().innerText();
/** Waits until the aging on screen is the one as of `date` (it is worked out in a task
 *  of its own after the page or the new date is shown). */
const agingAsOf = (page, date) => page.waitForFunction(
  (d) => document.querySelector('[data-testid=aging-table] caption')?.textContent.includes(d)
    && !document.querySelector('[data-testid=aging-working]')?.textContent, date);
const credit = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('crm.credit') || 'null'));

test('a credit file: scorecard, Z′, terms, limit, the decision; sales meet the hold; all kept on reload', async () => {
  const context = await seeded('en-US');
  const page = await context.newPage();
  await open(page, env.origin + '/credit/1');
  assert.match(await text(page, 'credit-file-title'), /Acme Trading Ltd/);

  // 5 Cs: 4, 3, 5, 1, 2 with the default weights is 58.75.
  for (const [c, r] of [['character', '4'], ['capacity', '3'], ['capital', '5'], ['collateral', '1'], ['conditions', '2']]) {
    await page.selectOption(`[data-testid=rating-${c}]`, r);
  }
  assert.match(await text(page, 'score-value'), /58\.8 \/ 100/);
  assert.match(await text(page, 'policy-checks'), /Not met 5 Cs score 58\.8, at least 60/);
  assert.match(await text(page, 'suggested-decision'), /Refuse/);
  await page.selectOption('[data-testid=rating-collateral]', '4');
  assert.match(await text(page, 'score-value'), /66\.2 \/ 100/);

  // A private firm's balance sheet: Z′ with its zone and working.
  await page.selectOption('[data-testid=firm-type]', 'private_firm');
  await page.click('[data-testid=sheet-details] summary');
  const sheet = { ca: '500000', cl: '200000', ta: '1000000', tl: '600000', re: '200000', ebit: '150000', sales: '1500000', equity: '400000' };
  for (const [k, v] of Object.entries(sheet)) await page.fill(`[data-testid=sheet-${k}]`, v);
  await page.click('[data-testid=sheet-save]');
  assert.match(await text(page, 'z-trend'), /2\.63\s+Grey zone/);
  await page.click('[data-testid=working-z] summary');
  assert.match(await text(page, 'working-z'), /X1 = 300,000\.00 \/ 1,000,000\.00 = 0\.3000/);

  // Documents received: the policy now approves.
  for (const box of await page.locator('[data-testid=credit-decision] fieldset input[type=checkbox]').all()) await box.check();
  assert.match(await text(page, 'suggested-decision'), /suggests: Approve$/m);
  await page.fill('[data-testid=decision-by]', 'Li Wei');
  await page.fill('[data-testid=decision-reasons]', 'pays on time');
  await page.click('[data-testid=decision-save]');
  assert.match(await text(page, 'decision-history'), /Approve · Li Wei · pays on time · next review/);

  // Terms typed the Chinese way; the cost of forgoing the discount.
  await page.fill('[data-testid=terms-input]', '2/10，n/30');
  await page.click('[data-testid=terms-save]');
  assert.equal(await text(page, 'terms-shown'), '2/10, net 30');
  assert.match(await text(page, 'discount-cost'), /37\.24%.*44\.59%/);
  await page.fill('[data-testid=terms-input]', '2/40, net 30');
  await page.click('[data-testid=terms-save]');
  assert.match(await page.locator('#terms-error').innerText(), /discount days must come before/);

  // Limit: rules, then 1000.00 granted.
  await page.fill('[data-testid=limit-wc]', '300000');
  await page.locator('[data-testid=limit-wc]').blur();
  assert.match(await text(page, 'limit-suggested'), /¥30,000\.00/);
  await page.fill('[data-testid=limit-chosen]', '1000');
  await page.locator('[data-testid=limit-chosen]').blur();
  assert.match(await text(page, 'limit-use'), /¥0\.00 open of ¥1,000\.00/);

  // A sale of 800 is fine; 300 more meets the hold; the override is logged.
  await page.fill('[data-testid=sale-date]', day(40));
  await page.fill('[data-testid=sale-amount]', '800');
  await page.fill('[data-testid=sale-items]', 'Steel');
  await page.click('[data-testid=sale-save]');
  await page.waitForSelector('text=Sale recorded');
  await page.fill('[data-testid=sale-date]', day(0));
  await page.fill('[data-testid=sale-amount]', '300');
  await page.click('[data-testid=sale-save]');
  const hold = await text(page, 'credit-hold');
  assert.match(hold, /Open ¥800\.00 \+ this sale ¥300\.00 would pass the limit ¥1,000\.00/);
  await page.click('[data-testid=hold-override]');
  assert.match(await text(page, 'ledger-error'), /Give a reason/);
  await page.fill('[data-testid=hold-reason]', 'Director approved');
  await page.click('[data-testid=hold-override]');
  await page.waitForSelector('[data-testid=credit-hold]', { state: 'detached' });
  // Both sales are in the ledger, the second with the override's reason logged.
  const sales = await page.locator('[data-testid=credit-ledger] [data-testid=ledger-entry]').allInnerTexts();
  assert.equal(sales.filter((s) => /Credit sale/.test(s)).length, 2);
  assert.equal(sales.filter((s) => /credit hold overridden: Director approved/.test(s)).length, 1);
  // The ledger's entries are kept in compressed shards beside the book's own key.
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crm.credit')).sort());
  assert.deepEqual(keys, ['crm.credit', 'crm.credit.s0']);
  // The sales are purchases on the customer's timeline.
  const book = await storedBook(page);
  assert.equal(book.data.customers[0].interactions.filter((i) => i.kind.type === 'purchase').length, 2);

  // A payment larger than what is open is refused (1100.00 less the 2% discount still
  // open on today's 300.00 sale); a part payment is taken oldest first.
  await page.fill('[data-testid=payment-amount]', '5000');
  await page.click('[data-testid=payment-save]');
  assert.match(await text(page, 'ledger-error'), /more than is open \(¥1,094\.00\)/);
  await page.fill('[data-testid=payment-amount]', '200');
  await page.click('[data-testid=payment-save]');
  await page.waitForSelector('text=Payment recorded');
  assert.match(await text(page, 'open-invoices'), /INV-0001.*¥600\.00/s);
  await screenshot(page, 'credit-file-en');

  // Reload: everything is still there.
  await page.reload();
  await page.waitForSelector('[data-testid=page-credit-file]');
  assert.match(await text(page, 'score-value'), /66\.2 \/ 100/);
  assert.match(await text(page, 'decision-history'), /Li Wei/);
  assert.equal(await text(page, 'terms-shown'), '2/10, net 30');
  assert.match(await text(page, 'ledger-entries'), /Payment: ¥200\.00/);

  // The customer page shows the credit card.
  await open(page, env.origin + '/customers/1');
  assert.match(await text(page, 'customer-credit'), /Open: ¥900\.00/);
  // The payment is on the customer's timeline too, among the purchases, with the way to
  // the credit file.
  const payment = page.locator('[data-testid=timeline-credit-payment]');
  assert.match(await payment.innerText(), /Payment received[\s\S]*¥200\.00, for INV-0001[\s\S]*In the credit file/);
  const order = await page.locator('[data-testid=timeline-list] > li').evaluateAll((items) => items.map((li) => li.dataset.testid));
  assert.ok(order.includes('timeline-purchase') && order.includes('timeline-credit-payment'), order.join());
  await page.selectOption('[data-testid=timeline-filter]', 'purchase');
  await page.waitForFunction(() => !document.querySelector('[data-testid=timeline-credit-payment]'));

  // A purchase typed on the timeline is put on credit from the credit file: the invoice
  // takes its date, amount and items, and no second purchase is added.
  await page.selectOption('[data-testid=timeline-filter]', '');
  await page.click('[data-testid=add-interaction] > summary');
  await page.selectOption('[data-testid=interaction-kind]', 'purchase');
  await page.fill('[data-testid=purchase-amount-input]', '50');
  await page.fill('[data-testid=purchase-items]', 'Bolts');
  await page.fill('[data-testid=interaction-date]', day(3));
  await page.click('[data-testid=interaction-add]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-purchase]').length === 3);
  await open(page, env.origin + '/credit/1');
  const choice = await page.locator('[data-testid=sale-purchase] option').allInnerTexts();
  assert.equal(choice.length, 2, choice.join(' | '));
  assert.match(choice[1], /50\.00 · Bolts/);
  await page.selectOption('[data-testid=sale-purchase]', { index: 1 });
  assert.equal(await page.inputValue('[data-testid=sale-amount]'), '50.00');
  assert.equal(await page.locator('[data-testid=sale-amount]').isDisabled(), true);
  await page.click('[data-testid=sale-save]');
  await page.waitForSelector('text=Sale recorded');
  // In the purchase's own currency, as the timeline wrote it.
  const purchaseAmount = choice[1].split(' · ')[1];
  assert.match(await text(page, 'ledger-entries'), new RegExp(`Credit sale INV-0003: ${purchaseAmount.replace(/[$.]/g, '\\$&')},`));
  await page.waitForSelector('[data-testid=sale-purchase]', { state: 'detached' });
  const after = await storedBook(page);
  assert.equal(after.data.customers[0].interactions.filter((i) => i.kind.type === 'purchase').length, 3);

  // The memo as printed: no forms.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('[data-testid=sale-form]').isVisible(), false);
  assert.equal(await page.locator('[data-testid=credit-scorecard]').isVisible(), true);
  // The memo shows the ratings, weights and evidence as text where the form had fields.
  assert.match(await text(page, 'credit-scorecard'), /Character\s+30\s+4/);
  await screenshot(page, 'credit-memo-print-en');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the aging follows its as-of date in the URL, and the demo fills Credit', async () => {
  const context = await seeded('zh-CN');
  const page = await context.newPage();
  await open(page, env.origin + '/credit/1');
  await page.fill('[data-testid=sale-date]', day(45));
  await page.fill('[data-testid=sale-amount]', '500');
  await page.click('[data-testid=sale-save]');
  await page.waitForSelector('text=赊销已记录');

  // Net 30 from 45 days ago: 15 days late today (1–30), current 20 days ago.
  await open(page, env.origin + '/credit/aging');
  await agingAsOf(page, day(0));
  const cells = async () => (await page.locator('[data-testid=aging-row] td').allInnerTexts()).slice(1);
  assert.deepEqual(await cells(), ['0.00', '500.00', '0.00', '0.00', '0.00', '500.00']);
  await open(page, env.origin + `/credit/aging?asof=${day(20)}`);
  await agingAsOf(page, day(20));
  assert.deepEqual(await cells(), ['500.00', '0.00', '0.00', '0.00', '0.00', '500.00']);
  // Before the sale there is nothing.
  await open(page, env.origin + `/credit/aging?asof=${day(50)}`);
  await agingAsOf(page, day(50));
  assert.equal(await page.locator('[data-testid=aging-row]').count(), 0);
  await page.fill('[data-testid=aging-asof]', day(0));
  await page.locator('[data-testid=aging-asof]').dispatchEvent('change');
  await page.waitForURL(/asof=/);
  await agingAsOf(page, day(0));
  assert.deepEqual(await cells(), ['0.00', '500.00', '0.00', '0.00', '0.00', '500.00']);
  assert.match(await text(page, 'allowance'), /¥15\.00/);
  await screenshot(page, 'credit-aging-zh');

  // Demo data: the business customers' purchases become credit sales.
  await open(page, env.origin + '/customers');
  await page.click('[data-testid=load-demo]');
  await page.click('[data-testid=data-confirm-yes]');
  await open(page, env.origin + '/credit');
  const rows = await page.locator('[data-testid=exposure] tbody tr').count();
  assert.ok(rows >= 5, `exposure rows: ${rows}`);
  assert.match(await text(page, 'reviews-due'), /\d{4}-\d{2}-\d{2}/);
  assert.match(await text(page, 'promises-due'), /未兑现/);
  await screenshot(page, 'credit-overview-zh');
  await open(page, env.origin + '/');
  assert.match(await text(page, 'dashboard-overdue'), /¥[\d,]+\.\d\d/);
  // A demo customer's credit memo as printed, in Chinese: the collections with it.
  await open(page, env.origin + '/credit');
  await page.locator('[data-testid=exposure] tbody tr a').first().click();
  await page.waitForSelector('[data-testid=credit-ledger]');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('[data-testid=sale-form]').isVisible(), false);
  await screenshot(page, 'credit-memo-print-zh');
  await page.emulateMedia({ media: 'screen' });
  await context.close();
});

test('a long aging is shown 100 rows a page, the page in the URL, with the totals of every row', async () => {
  // 250 customers with one open invoice each, stored the way an earlier build stored the
  // whole credit book (one JSON document), which the app reads as it is.
  const invoices = Array.from({ length: 250 }, (_, n) => ({
    id: n + 1, customer_id: n + 1, number: `INV-${n + 1}`, date: '2026-01-01', due: '2026-01-31',
    terms: { net_days: 30, discount_pct: 0, discount_days: 0 }, amount_cents: (n + 1) * 100,
    currency: 'CNY', items: '', purchase_id: null, hold_override: null,
  }));
  const stored = JSON.stringify({ schema: 1, rev: 1, data: { ledger: { invoices, next_id: 250 } } });
  const context = await newContext(env.browser, { locale: 'en-US' });
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('crm.credit')) localStorage.setItem('crm.credit', raw);
  }, stored);
  const page = await context.newPage();
  await open(page, env.origin + '/credit/aging?asof=2026-03-01');
  await agingAsOf(page, '2026-03-01');
  assert.equal(await page.locator('[data-testid=aging-row]').count(), 100);
  assert.equal(await text(page, 'aging-showing'), 'Rows 1–100 of 250');
  // Largest first: customer 250 owes 250.00.
  assert.match(await page.locator('[data-testid=aging-row]').first().innerText(), /#250[\s\S]*250\.00/);
  // The totals count every row, not the page: 100 × (1 + … + 250) cents = 31,375.00.
  assert.match(await text(page, 'aging-total'), /31,375\.00/);
  await page.click('[data-testid=aging-next]');
  await page.waitForURL(/page=2/);
  await page.click('[data-testid=aging-next]');
  await page.waitForURL(/page=3/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=aging-row]').length === 50);
  assert.equal(await text(page, 'aging-showing'), 'Rows 201–250 of 250');
  assert.equal(await page.locator('[data-testid=aging-next]').isDisabled(), true);
  // The page survives a reload; a new date starts again from the first page.
  await page.reload();
  await agingAsOf(page, '2026-03-01');
  assert.equal(await text(page, 'aging-showing'), 'Rows 201–250 of 250');
  await page.fill('[data-testid=aging-asof]', '2026-02-15');
  await page.locator('[data-testid=aging-asof]').dispatchEvent('change');
  await agingAsOf(page, '2026-02-15');
  assert.equal(await text(page, 'aging-showing'), 'Rows 1–100 of 250');
  assert.doesNotMatch(page.url(), /page=/);
  await context.close();
});

test('a credit file on a phone, in Chinese', async () => {
  const context = await seeded('zh-CN', { width: 390, height: 844 });
  const page = await context.newPage();
  await open(page, env.origin + '/credit/1');
  assert.match(await text(page, 'credit-file-title'), /信用档案/);
  await screenshot(page, 'credit-file-phone-zh');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scroll on a phone (${overflow}px)`);
  await context.close();
});

test('a receivables ledger imported from CSV: row errors first, nothing stored until confirmed, then aging and timeline', async () => {
  const context = await seeded('en-US');
  const page = await context.newPage();
  await open(page, env.origin + '/credit');
  await page.click('[data-testid=open-ledger-import]');
  const csv = [
    'type,customer,invoice,date,due_date,amount,currency',
    `invoice,Acme Trading Ltd,INV-9001,${day(100)},${day(70)},1200.00,CNY`,
    `invoice,Acme Trading Ltd,INV-9002,${day(20)},${day(-10)},300.00,CNY`,
    `payment,1,INV-9001,${day(60)},,200.00,CNY`,
    `payment,1,INV-9002,${day(5)},,900.00,CNY`,
    `invoice,Nobody Ltd,INV-9003,${day(5)},${day(-25)},50,CNY`,
  ].join('\n');
  await page.fill('[data-testid=import-paste]', csv);
  await page.click('[data-testid=import-read-pasted]');
  assert.match(await text(page, 'import-valid-count'), /3 of 5/);
  const errors = await text(page, 'import-row-errors');
  assert.match(errors, /Row 5: Amount: “900.00” is more than is open/);
  assert.match(errors, /Row 6: Customer: no customer has the email, exact name or id “Nobody Ltd”/);
  assert.equal(await credit(page), null, 'nothing stored before confirm');
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  await page.reload();
  await open(page, env.origin + '/credit/aging');
  // INV-9001: 1000.00 open, 70 days past due (61–90); INV-9002 not yet due.
  assert.match(await text(page, 'aging-table'), /Acme Trading Ltd[\s\S]*300\.00[\s\S]*1,000\.00[\s\S]*1,300\.00/);
  await open(page, env.origin + '/customers/1');
  assert.match(await page.locator('body').innerText(), /INV-9001/);
  await screenshot(page, 'credit-import-timeline-en');
  await context.close();
});
