// Journeys through the customer list: demo data, search, URL filters, sorting, import with
// row errors, malformed files, export, bulk edits with undo, and merging a duplicate pair.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, newContext, open, screenshot, storedBook } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const COUNT = '[data-testid=customer-count]';
const stored = async (page) => (await storedBook(page))?.data.customers ?? [];
const total = async (page) => Number((await page.locator(COUNT).innerText()).replace(/,/g, '').match(/(\d+)\D*$/)[1]);

async function withDemo(locale = 'en-US') {
  const context = await newContext(env.browser, { locale });
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=customer-row]');
  return { context, page };
}

async function importText(page, name, text) {
  await page.setInputFiles('[data-testid=import-file]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('demo data fills the list, 25 rows a page (or 50, 100), and search narrows it as you type', async () => {
  const { context, page } = await withDemo();
  assert.equal(await page.locator(COUNT).innerText(), 'Showing 1–25 of 200');
  assert.equal(await page.locator('[data-testid=customer-row]').count(), 25);
  await page.click('[data-testid=page-next]');
  assert.equal(await page.locator(COUNT).innerText(), 'Showing 26–50 of 200');
  // A bigger page keeps the first row shown on screen, and lives in the URL.
  await page.selectOption('[data-testid=per-page]', '50');
  assert.equal(await page.locator(COUNT).innerText(), 'Showing 1–50 of 200');
  assert.equal(await page.locator('[data-testid=customer-row]').count(), 50);
  assert.equal(new URL(page.url()).searchParams.get('per'), '50');
  await screenshot(page, 'customers-list-en');
  // Every cell of a row lines up (no other stylesheet turns the checkbox cells into boxes).
  const tops = await page.locator('[data-testid=customer-row]').first().evaluate((row) =>
    [...row.cells].map((cell) => [getComputedStyle(cell).display, cell.getBoundingClientRect().top]));
  assert.deepEqual(new Set(tops.map(([display]) => display)), new Set(['table-cell']));
  assert.equal(new Set(tops.map(([, top]) => top)).size, 1, 'the cells of a row share one top');
  // Columns of figures: header and values both right-aligned, their right edges together.
  for (const key of ['total_spend', 'last_purchase']) {
    const [header, cell] = await page.evaluate((key) => {
      const th = document.querySelector(`[data-testid=sort-${key}]`).closest('th');
      const td = document.querySelector('[data-testid=customer-row]').cells[th.cellIndex];
      const right = (el) => el.getBoundingClientRect().right;
      return [[getComputedStyle(th).textAlign, right(th.querySelector('button'))], [getComputedStyle(td).textAlign, right(td)]];
    }, key);
    assert.deepEqual([header[0], cell[0]], ['right', 'right'], key);
    assert.ok(Math.abs(header[1] - cell[1]) < 12, `${key}: header ends at ${header[1]}, values at ${cell[1]}`);
  }
  await page.click('[data-testid=page-next]');
  assert.equal(await page.locator(COUNT).innerText(), 'Showing 51–100 of 200');
  assert.equal(new URL(page.url()).searchParams.get('page'), '2');

  await page.locator('[data-testid=customer-search]').pressSequentially('王', { delay: 30 });
  await page.waitForFunction(() => !document.querySelector('[data-testid=customer-count]').textContent.endsWith('of 200'));
  const chinese = await total(page);
  assert.ok(chinese > 0 && chinese < 200, `王 matches ${chinese}`);
  const names = await page.locator('[data-testid=customer-row] td.name').allInnerTexts();
  const rows = await page.locator('[data-testid=customer-row]').allInnerTexts();
  assert.ok(rows.every((r) => r.includes('王')), 'every row mentions 王');
  assert.ok(names.length > 0);
  assert.equal(new URL(page.url()).searchParams.get('q'), '王');
  assert.equal(new URL(page.url()).searchParams.get('page'), null, 'a new search starts at page 1');
  assert.equal(new URL(page.url()).searchParams.get('per'), '50', 'and keeps the page size');

  await page.fill('[data-testid=customer-search]', '');
  await page.locator('[data-testid=customer-search]').pressSequentially('li', { delay: 30 });
  await page.waitForFunction(() => !document.querySelector('[data-testid=customer-count]').textContent.endsWith('of 200'));
  const latin = await total(page);
  assert.ok(latin > 0 && latin < 200, `li matches ${latin}`);
  await page.locator('[data-testid=customer-search]').pressSequentially('zzzzqq');
  await page.waitForSelector('[data-testid=no-matches]');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a filter in the URL shows only those customers and survives a reload; headers sort', async () => {
  const { context, page } = await withDemo('zh-CN');
  await screenshot(page, 'customers-list-zh');
  await open(page, env.origin + '/customers?stage=decline');
  for (let round = 0; round < 2; round++) {
    const stages = await page.locator('[data-testid=cell-stage]').allInnerTexts();
    assert.ok(stages.length > 0 && (await total(page)) < 200);
    assert.ok(stages.every((s) => s === '退化期'), stages.join());
    assert.equal(await page.locator('[data-testid=filter-stage]').inputValue(), 'decline');
    await page.reload();
    await page.waitForSelector('[data-testid=customer-row]');
  }
  await page.selectOption('[data-testid=filter-stage]', '');
  await page.waitForFunction(() => document.querySelector('[data-testid=customer-count]').textContent.includes('200'));
  assert.equal(new URL(page.url()).search, '');

  const spend = async () => (await page.locator('[data-testid=customer-row] td.num:nth-of-type(7)').allInnerTexts())
    .map((t) => Number(t.match(/-?[\d,]+\.\d{2}/)[0].replace(/,/g, '')));
  await page.click('[data-testid=sort-total_spend]');
  const header = page.locator('th:has([data-testid=sort-total_spend])');
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  const up = await spend();
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  await page.click('[data-testid=sort-total_spend]');
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const down = await spend();
  assert.deepEqual(down, [...down].sort((a, b) => b - a));
  assert.ok(down[0] > up[0]);
  assert.equal(await page.locator('[data-testid=cell-not-counted]').count(), 0, 'the demo rates convert every demo purchase');
  assert.equal(new URL(page.url()).searchParams.get('dir'), 'desc');
  await context.close();
});

const CSV = 'Kunde,E-mail,Phone,Company\nAnn Lee,ann@example.com,+1 555 0100,Lee Ltd\n张伟,x@,138 0000 0000,\n王芳,wang@example.cn,139 1111 2222,北京华联\n';

for (const [locale, lang, rowError, done] of [
  ['zh-CN', 'zh', '第 3 行：邮箱：“x@”不是有效的邮箱地址。', '已导入 2 位客户。'],
  ['en-US', 'en', 'Row 3: Email: “x@” is not a valid email address.', 'Imported 2 customers.'],
]) {
  test(`CSV import in ${lang}: map a column, see row errors, confirm, still there after reload`, async () => {
    const context = await newContext(env.browser, { locale });
    const page = await context.newPage();
    await open(page, env.origin + '/customers/import');
    await importText(page, 'people.csv', CSV);
    await page.waitForSelector('[data-testid=import-preview]');
    assert.equal(await page.locator('[data-testid=map-0]').inputValue(), '', 'unknown header is ignored');
    assert.equal(await page.locator('[data-testid=map-1]').inputValue(), 'email');
    assert.equal(await page.locator('[data-testid=import-confirm]').isDisabled(), true, 'no names, nothing valid');
    await page.selectOption('[data-testid=map-0]', 'name');
    await page.waitForFunction(() => document.querySelector('[data-testid=import-valid-count]').textContent.includes('2'));
    const errors = await page.locator('[data-testid=import-row-errors] li').allInnerTexts();
    assert.deepEqual(errors, [rowError]);
    await screenshot(page, `customers-import-preview-${lang}`);
    assert.deepEqual(await stored(page), [], 'nothing stored before confirming');
    await page.click('[data-testid=import-confirm]');
    assert.equal(await page.locator('[data-testid=import-done]').innerText().then((t) => t.split('\n')[0]), done);
    await page.click('[data-testid=import-back]');
    await page.waitForSelector('[data-testid=customer-row]');
    await page.reload();
    await page.waitForSelector('[data-testid=customer-row]');
    const names = await page.locator('[data-testid=customer-row] td.name').allInnerTexts();
    assert.deepEqual(names.sort(), ['Ann Lee', '王芳'].sort());
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('a malformed CSV or JSON file is refused with its line and changes nothing', async () => {
  const { context, page } = await withDemo();
  const before = await stored(page);
  await open(page, env.origin + '/customers/import');
  await importText(page, 'bad.csv', 'name,email\nAnn,ann@example.com\n"Bob,bob@example.com\n');
  const error = await page.locator('[data-testid=import-error]').innerText();
  assert.match(error, /line 3: a quoted value is never closed\. Nothing was imported\./);
  assert.equal(await page.locator('[data-testid=import-preview]').count(), 0);
  await importText(page, 'bad.json', '[{"id": 1,\n "name": }]');
  await page.waitForFunction(() => document.querySelector('[data-testid=import-error]').textContent.includes('JSON'));
  assert.match(await page.locator('[data-testid=import-error]').innerText(), /line 2, column \d+/);
  assert.deepEqual(await stored(page), before);
  await context.close();
});

test('export CSV holds every customer, with formula cells neutralised and phones as they are', async () => {
  const { context, page } = await withDemo();
  await open(page, env.origin + '/customers/import');
  // A semicolon-separated file, as European spreadsheets save it.
  await importText(page, 'evil.csv', 'name;phone;notes\n=1+2;+44 20 7946 0000;@SUM(A1)\n');
  await page.waitForSelector('[data-testid=import-preview]');
  assert.equal(await page.locator('[data-testid=map-1]').inputValue(), 'phone', 'semicolons separate the columns');
  await page.click('[data-testid=import-confirm]');
  await page.click('[data-testid=import-back]');
  await page.waitForSelector('[data-testid=customer-row]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-all-csv]')]);
  assert.match(download.suggestedFilename(), /^customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('\ufeffname,'), 'UTF-8 mark and header row');
  const customers = await stored(page);
  assert.equal(customers.length, 201);
  for (const c of customers) assert.ok(text.includes(c.email), `${c.email} exported`);
  assert.ok(text.includes("'=1+2"), 'formula name neutralised');
  assert.ok(text.includes("'@SUM(A1)"), 'formula note neutralised');
  assert.ok(text.includes(',+44 20 7946 0000,'), 'a phone number is not a formula: no apostrophe');
  // The read-only figures follow the fields; the home currency here (en-US) is USD.
  assert.ok(text.split('\r\n')[0].endsWith(',spend_usd,purchases,last_purchase,complaints'), text.split('\r\n')[0]);
  await context.close();
});

test('bulk set stage, bulk delete and undo restore the customers exactly', async () => {
  const { context, page } = await withDemo();
  const before = await stored(page);
  const boxes = page.locator('[data-testid=select-row]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  assert.equal(await page.locator('[data-testid=selected-count]').innerText(), '2 selected');
  await page.selectOption('[data-testid=bulk-stage]', 'decline');
  await page.click('[data-testid=bulk-set-stage]');
  const stages = await page.locator('[data-testid=cell-stage]').allInnerTexts();
  assert.deepEqual(stages.slice(0, 2), ['Decline', 'Decline']);
  const ids = await page.locator('[data-testid=customer-row]').evaluateAll((rows) => rows.slice(0, 2).map((r) => Number(r.dataset.id)));
  const changed = (await stored(page)).filter((c) => ids.includes(c.id));
  for (const c of changed) {
    assert.equal(c.stage, 'decline');
    assert.equal(c.stage_history.at(-1).stage, 'decline');
  }
  const edited = await stored(page);
  await page.click('[data-testid=bulk-delete]');
  await page.waitForFunction(() => document.querySelector('[data-testid=customer-count]').textContent.endsWith('of 198'));
  assert.equal((await stored(page)).length, 198);
  await page.click('[data-testid=undo]');
  await page.waitForFunction(() => document.querySelector('[data-testid=customer-count]').textContent.endsWith('of 200'));
  assert.deepEqual(await stored(page), edited, 'undo restores exactly, ids included');
  assert.notDeepEqual(edited, before);
  await page.locator('[data-testid=select-page]').check();
  assert.equal(await page.locator('[data-testid=selected-count]').innerText(), '25 selected');
  await context.close();
});

for (const [locale, lang] of [['en-US', 'en'], ['zh-CN', 'zh']]) {
  test(`merging a duplicate pair leaves one customer with both histories (${lang})`, async () => {
    const { context, page } = await withDemo(locale);
    const first = (await stored(page)).find((c) => c.interactions.length > 0 && c.phone);
    // The same customer entered twice: a JSON copy with its own id, phone and history.
    const copy = { ...first, id: 9999, phone: '+86 10 1234 5678', referred_by: null };
    await open(page, env.origin + '/customers/import');
    await page.fill('[data-testid=import-paste]', JSON.stringify([copy]));
    await page.click('[data-testid=import-read-pasted]');
    // It matches the stored customer (the same email and name), so it would be skipped:
    // add it as new, to have the duplicate pair.
    await page.waitForSelector('[data-testid=import-matches]');
    await page.locator('[data-testid=match-choice]').first().selectOption('add');
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=import-done]');
    assert.equal((await stored(page)).length, 201);
    await open(page, env.origin + '/customers/duplicates');
    await page.waitForSelector('[data-testid=duplicate-pair]');
    await open(page, env.origin + `/customers/duplicates?a=${first.id}&b=${copy.id}`);
    await page.waitForSelector('[data-testid=merge-view]');
    await page.check('[data-testid=choose-phone-b]');
    await screenshot(page, `customers-merge-${lang}`);
    await page.click('[data-testid=merge-confirm]');
    await page.waitForSelector('[data-testid=merge-done]');
    const after = await stored(page);
    assert.equal(after.length, 200);
    const merged = after.find((c) => c.id === first.id);
    assert.equal(after.some((c) => c.id === copy.id), false);
    assert.equal(merged.interactions.length, first.interactions.length + copy.interactions.length);
    assert.equal(merged.phone, '+86 10 1234 5678');
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('English counts agree with their number: one customer, one row, and nothing to show', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const page = await context.newPage();
  await open(page, env.origin + '/customers/import');
  await importText(page, 'one.csv', 'name,email\nAnn Lee,ann@example.com\n');
  await page.waitForSelector('[data-testid=import-preview]');
  assert.equal(await page.locator('[data-testid=import-valid-count]').innerText(), '1 of 1 row is ready to import.');
  assert.equal(await page.locator('[data-testid=import-confirm]').innerText(), 'Import 1 customer');
  await page.click('[data-testid=import-confirm]');
  assert.equal(await page.locator('[data-testid=import-done]').innerText().then((t) => t.split('\n')[0]), 'Imported 1 customer.');
  await page.click('[data-testid=import-back]');
  await page.waitForSelector('[data-testid=customer-row]');
  assert.equal(await page.locator(COUNT).innerText(), 'Showing 1–1 of 1');
  await page.locator('[data-testid=customer-search]').pressSequentially('zzzzqq');
  await page.waitForSelector('[data-testid=no-matches]');
  assert.equal(await page.locator(COUNT).innerText(), 'No customers to show');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the empty list offers the demo data it mentions', async () => {
  const context = await newContext(env.browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.waitForSelector('[data-testid=customers-empty]');
  await page.click('[data-testid=empty-load-demo]');
  await page.waitForSelector('[data-testid=customer-row]');
  assert.equal(await page.locator(COUNT).innerText(), '显示第 1–25 位，共 200 位');
  // A Chinese customer's timeline is written in Chinese.
  const chinese = (await stored(page)).find((c) => c.phone.startsWith('1') && c.interactions.some((i) => i.note));
  assert.ok(chinese, 'a Chinese customer with notes');
  for (const i of chinese.interactions) assert.doesNotMatch(i.note, /[A-Za-z]/, i.note);
  assert.deepEqual(page.errors, []);
  await context.close();
});
