// Journeys of someone who imports the same people twice, reviews the duplicates list, and
// picks a referrer with the keyboard only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, newContext, open, screenshot, storedBook, SCREENSHOTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

async function importText(page, name, text) {
  await page.setInputFiles('[data-testid=import-file]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
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

async function seeded(locale, customers, viewport) {
  const context = await newContext(env.browser, { locale, viewport });
  const book = JSON.stringify({ schema: 1, rev: 1, data: { customers, next_id: customers.length + 1 } });
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('crm.customers')) localStorage.setItem('crm.customers', raw);
  }, book);
  return context;
}

const CSV = 'name,email,phone,company\n'
  + 'Ann Lee,ann@example.com,+44 20 7946 0000,Lee & Co\n'
  + '王芳,,138 0013 8000,芳华书店\n'
  + 'Bob Stone,bob@example.com,,\n';

for (const [lang, locale] of [['en', 'en-US'], ['zh', 'zh-CN']]) {
  test(`importing the same people again marks them; update one, skip the rest (${lang})`, async () => {
    const context = await newContext(env.browser, { locale });
    const page = await context.newPage();
    await open(page, env.origin + '/customers/import');
    await importText(page, 'people.csv', CSV);
    await page.waitForSelector('[data-testid=import-preview]');
    assert.equal(await page.locator('[data-testid=import-match]').count(), 0, 'nothing stored yet');
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=import-done]');
    assert.equal((await storedBook(page)).data.customers.length, 3);

    // The same file again, with Ann's company changed and one new person.
    await open(page, env.origin + '/customers/import');
    const again = CSV.replace('Lee & Co', 'Lee Books Ltd') + 'Cy Young,cy@example.com,,\n';
    await importText(page, 'people.csv', again);
    await page.waitForSelector('[data-testid=import-matches]');
    const marks = await page.locator('[data-testid=import-match]').allInnerTexts();
    assert.equal(marks.length, 3, 'three rows match stored customers');
    assert.match(marks[0], lang === 'en' ? /Ann Lee.*same email and phone/ : /Ann Lee.*邮箱和电话都相同/);
    assert.match(marks[1], lang === 'en' ? /王芳.*same phone/ : /王芳.*电话相同/);
    const defaults = await page.locator('[data-testid=match-choice]').evaluateAll((s) => s.map((x) => x.value));
    assert.deepEqual(defaults, ['skip', 'skip', 'skip'], 'exact matches are skipped by default');
    assert.match(await page.locator('[data-testid=import-plan]').innerText(), lang === 'en' ? /1 to add, 0 to update, 3 to skip/ : /添加 1 条，更新 0 条，跳过 3 条/);

    // All rows: add as new; then back to skip for all, and update for Ann only.
    await page.selectOption('[data-testid=match-all]', 'add');
    assert.deepEqual(await page.locator('[data-testid=match-choice]').evaluateAll((s) => s.map((x) => x.value)), ['add', 'add', 'add']);
    await page.selectOption('[data-testid=match-all]', 'skip');
    await page.locator('[data-testid=match-choice]').first().selectOption('update');
    assert.match(await page.locator('[data-testid=import-plan]').innerText(), lang === 'en' ? /1 to add, 1 to update, 2 to skip/ : /添加 1 条，更新 1 条，跳过 2 条/);
    await screenshot(page, `customers-reimport-preview-${lang}`);
    assert.match(await page.locator('[data-testid=import-confirm]').innerText(), /2/);
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=import-done]');

    await page.reload();
    await page.waitForSelector('section.page');
    const customers = (await storedBook(page)).data.customers;
    assert.deepEqual(customers.map((c) => c.name), ['Ann Lee', '王芳', 'Bob Stone', 'Cy Young'], 'no duplicates, one new');
    assert.equal(customers[0].company, 'Lee Books Ltd', 'Ann was updated');
    assert.equal(customers[0].id, 1, 'under her own number');
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('a JSON export imported again marks the customers already stored, and skips them by default', async () => {
  const context = await seeded('en-US', [
    customer(1, 'Ann Lee', { email: 'ann@example.com', company: 'Lee & Co' }),
    customer(2, 'Bob Stone', { phone: '+44 20 7946 0001' }),
  ]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.waitForSelector('[data-testid=customer-row]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-all-json]')]);
  const { readFile } = await import('node:fs/promises');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  // The same file with one more person in it.
  const list = Array.isArray(exported) ? exported : exported.customers;
  list.push({ ...list[0], id: 9, name: 'Cy Young', email: 'cy@example.com', phone: '' });
  await open(page, env.origin + '/customers/import');
  await page.setInputFiles('[data-testid=import-file]', { name: 'customers.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await page.waitForSelector('[data-testid=import-matches]');
  const marks = await page.locator('[data-testid=import-match]').allInnerTexts();
  assert.equal(marks.length, 2, marks.join(' | '));
  assert.match(marks[0], /Ann Lee.*same email/);
  assert.match(marks[1], /Bob Stone.*same phone/);
  assert.match(await page.locator('[data-testid=import-plan]').innerText(), /1 to add, 0 to update, 2 to skip/);
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-done]');
  const names = (await storedBook(page)).data.customers.map((c) => c.name);
  assert.deepEqual(names, ['Ann Lee', 'Bob Stone', 'Cy Young'], 'no one twice');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the duplicates list tells the two sides apart and ranks a name-only match last', async () => {
  const people = [
    customer(1, 'Samuel Baker', { email: 'sam@bakerltd.co.uk', company: 'Baker Ltd', phone: '020 7946 0001', address: 'Leeds' }),
    customer(2, 'Samuel Baker', { email: 's.baker@acme.com', company: 'Acme', phone: '020 7946 0999', address: 'York' }),
    customer(3, 'Ann Lee', { email: 'ann@example.com', company: 'Lee & Co', address: 'London' }),
    customer(4, 'Ann Lee-Smith', { email: 'ANN@example.com', address: 'Bath' }),
  ];
  for (const [lang, locale] of [['en', 'en-US'], ['zh', 'zh-CN']]) {
    const context = await seeded(locale, people);
    const page = await context.newPage();
    await open(page, env.origin + '/customers/duplicates');
    await page.waitForSelector('[data-testid=duplicate-pair]');
    const strengths = await page.locator('[data-testid=duplicate-pair]').evaluateAll((l) => l.map((x) => x.dataset.strength));
    assert.deepEqual(strengths, ['strong', 'weak'], 'the same email first, the name-only pair last');
    const weak = await page.locator('[data-testid=duplicate-pair]').nth(1).innerText();
    for (const fact of ['Baker Ltd', 'Acme', 'sam@bakerltd.co.uk', 's.baker@acme.com', '020 7946 0001', 'Leeds', 'York']) {
      assert.ok(weak.includes(fact), `${fact} is shown`);
    }
    assert.match(weak, lang === 'en' ? /Weak match/ : /弱相符/);
    assert.match(await page.locator('[data-testid=pair-reasons]').first().innerText(), lang === 'en' ? /Same email/ : /邮箱相同/);
    await screenshot(page, `customers-duplicates-${lang}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `customers-duplicates-390-${lang}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('the referrer picker is a combobox: arrows move, Enter picks without saving, Escape closes', async () => {
  const context = await seeded('en-US', [
    customer(1, 'Ann Lee'), customer(2, 'Anna Park'), customer(3, 'Annie Hall'), customer(4, 'Bob Stone'),
  ]);
  const page = await context.newPage();
  await open(page, env.origin + '/customers/4/edit');
  const input = page.locator('[data-testid=field-referred_by]');
  await input.focus();
  await page.keyboard.type('ann');
  assert.equal(await input.getAttribute('role'), 'combobox');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('[role=listbox] [role=option]').count(), 3);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true');
  assert.match(await page.locator(`#${active}`).innerText(), /Anna Park/);
  await page.screenshot({ path: join(SCREENSHOTS, 'customer-referrer-combobox-en.png') });
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[data-testid=referrer-current]').innerText(), 'Anna Park (#2)');
  assert.ok(page.url().endsWith('/customers/4/edit'), 'Enter did not save and leave the form');
  assert.equal(await input.inputValue(), '');

  await page.keyboard.type('a');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await input.getAttribute('aria-expanded'), 'false', 'Escape closes the list');
  assert.equal(await input.inputValue(), 'a', 'and keeps the text');
  await page.keyboard.press('Escape');
  assert.equal(await input.inputValue(), '', 'a second Escape clears it');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=page-customer]');
  const bob = (await storedBook(page)).data.customers.find((c) => c.id === 4);
  assert.equal(bob.referred_by, 2, 'Enter on the empty search saves the form as usual');
  assert.deepEqual(page.errors, []);
  await context.close();
});
