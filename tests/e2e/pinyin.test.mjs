// Finding Chinese customers by pinyin: full pinyin with or without spaces, initials,
// polyphonic surnames, a company's pinyin; matches of the typed text rank first, and the
// search survives a reload (it lives in the URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const PEOPLE = [
  'name,company',
  '王作文,',
  '曾国藩,',
  '单田芳,',
  'Wzw Trading,',
  'Li Na,北京华联商贸有限公司',
  '吕布,',
].join('\n');

const names = (page) => page.locator('[data-testid=customer-row] td.name').allInnerTexts()
  .then((all) => all.map((n) => n.split('\n')[0].trim()));

async function search(page, text) {
  await page.fill('[data-testid=customer-search]', '');
  await page.locator('[data-testid=customer-search]').pressSequentially(text, { delay: 20 });
  await page.waitForFunction((text) => new URL(location.href).searchParams.get('q') === text, text);
  await page.waitForTimeout(150);
}

test('pinyin and initials find Chinese customers, after the matches of the typed text', async () => {
  const context = await newContext(env.browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  await open(page, env.origin + '/customers/import');
  await page.setInputFiles('[data-testid=import-file]', { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(PEOPLE) });
  await page.waitForSelector('[data-testid=import-preview]');
  await page.click('[data-testid=import-confirm]');
  await page.click('[data-testid=import-back]');
  await page.waitForSelector('[data-testid=customer-row]');

  // (query, the names shown, in order)
  const cases = [
    ['wangzuowen', ['王作文']],
    ['wang zuowen', ['王作文']],
    ['zuowen', ['王作文']],
    // The English name holds "wzw" as text, so it comes before the initials' match.
    ['wzw', ['Wzw Trading', '王作文']],
    ['zengguofan', ['曾国藩']],
    ['shantianfang', ['单田芳']],
    ['lvbu', ['吕布']],
    ['lubu', ['吕布']],
    // The company's pinyin, by initials and in full.
    ['bjhl', ['Li Na']],
    ['hualian', ['Li Na']],
    ['wangwen', []],
  ];
  for (const [query, expected] of cases) {
    await search(page, query);
    if (expected.length === 0) {
      await page.waitForSelector('[data-testid=no-matches]');
    } else {
      await page.waitForSelector('[data-testid=customer-row]');
    }
    assert.deepEqual(await names(page), expected, query);
  }
  await search(page, 'wzw');
  await screenshot(page, 'customers-pinyin-zh');
  await page.reload();
  await page.waitForSelector('[data-testid=customer-row]');
  assert.equal(await page.locator('[data-testid=customer-search]').inputValue(), 'wzw');
  assert.deepEqual(await names(page), ['Wzw Trading', '王作文'], 'after a reload');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('on the demo data, a surname in pinyin finds the people with that surname', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=customer-row]');
  await search(page, 'zhang');
  const found = await names(page);
  assert.ok(found.length > 0, 'someone is called 张');
  // Pinyin from the first character ranks before a later character, an email or a company.
  const first = found.findIndex((n) => !n.startsWith('张'));
  assert.ok(first !== 0 && found.slice(first === -1 ? found.length : first).every((n) => !n.startsWith('张')), found.join());
  assert.deepEqual(page.errors, []);
  await context.close();
});
