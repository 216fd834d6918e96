// "Show the working" in the user's language: in Chinese, every working on a customer's
// page and on Learn reads without an English word (formula symbols and the abbreviations
// CLV, RFM, NPS and ABC aside, as in src/working.rs), and in English it still reads as
// English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** The same rule as `english_words` in src/working.rs. */
const ALLOWED = ['CLV', 'RFM', 'NPS', 'ABC'];
const englishWords = (text) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.includes(w));

/** Opens every "show the working" on the page and returns each one's text. */
async function openEveryWorking(page) {
  const workings = page.locator('details.working');
  const count = await workings.count();
  const texts = [];
  for (let i = 0; i < count; i++) {
    const working = workings.nth(i);
    if ((await working.getAttribute('open')) === null) await working.locator('> summary').click();
    texts.push(await working.innerText());
  }
  return texts;
}

test('every working on the customer page and on Learn is in Chinese when the page is', async () => {
  const context = await newContext(env.browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  await open(page, env.origin + '/learn');
  await page.click('[data-testid=learn-load-demo]');
  await page.waitForSelector('[data-testid=lesson-profile]');

  const learn = await openEveryWorking(page);
  assert.ok(learn.length >= 4, `Learn shows its workings (${learn.length})`);
  for (const text of learn) {
    assert.match(text, /查看计算过程/);
    assert.deepEqual(englishWords(text), [], text);
  }
  assert.match(learn.join('\n'), /关键客户：\n\s+客户占比：\d+ \/ 200 位客户 = [\d.]+%/);

  // The fullest record has purchases and complaints, so every kind of working shows.
  await page.locator('[data-testid=lesson-profile] a').first().click();
  await page.waitForSelector('[data-testid=customer-figures]');
  const ids = ['working-total-spend', 'working-purchase-count', 'working-rfm', 'working-clv', 'abc-working'];
  for (const id of ids) assert.ok(await page.isVisible(`[data-testid=${id}]`), id);
  const customer = await openEveryWorking(page);
  assert.ok(customer.length >= ids.length, `the customer page shows its workings (${customer.length})`);
  for (const text of customer) assert.deepEqual(englishWords(text), [], text);
  const spend = await page.locator('[data-testid=working-total-spend] pre').innerText();
  // Amounts in the home currency, written as everywhere else (¥1,087.80).
  assert.match(spend, /^消费总额 = ¥[\d,.]+( \+ ¥[\d,.]+)* = ¥[\d,.]+$/);
  assert.match(await page.locator('[data-testid=working-rfm] pre').innerText(), /^R：(距今 \d+ 天|今天|–) → \d 分/);
  assert.match(await page.locator('[data-testid=working-clv] pre').innerText(), /每年 ¥[\d,.]+\n客户终身价值 CLV = m × r/);
  await page.locator('[data-testid=figure-rfm]').scrollIntoViewIfNeeded();
  await screenshot(page, 'working-zh');

  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the working reads as English in English', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const page = await context.newPage();
  await open(page, env.origin + '/learn');
  await page.click('[data-testid=learn-load-demo]');
  await page.waitForSelector('[data-testid=lesson-profile]');
  await page.locator('[data-testid=lesson-profile] a').first().click();
  await page.waitForSelector('[data-testid=customer-figures]');
  await openEveryWorking(page);
  // English demo purchases are in yuan and the home currency is the dollar: each amount is
  // converted first, with its rate and date, then added.
  const spend = await page.locator('[data-testid=working-total-spend] pre').innerText();
  assert.match(spend, /(^|\n)Total spend = \$[\d,.]+( \+ \$[\d,.]+)* = \$[\d,.]+$/);
  for (const line of spend.split('\n').slice(0, -1)) {
    assert.match(line, /^¥[\d,.]+ × [\d.]+ \(rate of \d{4}-\d{2}-\d{2}\) = \$[\d,.]+$/);
  }
  assert.match(await page.locator('[data-testid=working-rfm] pre').innerText(), /^R: (\d+ days? ago|today|–) → \d \(cut points /);
  assert.match(await page.locator('[data-testid=working-clv] summary').innerText(), /^Show the working$/);
  assert.deepEqual(page.errors, []);
  await context.close();
});
