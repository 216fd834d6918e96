// The Learn section: each customer-record concept explained, then illustrated with the
// stored customers (the demo data here), figures that add up, links into the list, and
// the page in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot, storedBook } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const percents = async (page, column) =>
  (await page.locator(`[data-testid=learn-value] tbody td:nth-child(${column})`).allInnerTexts())
    .map((t) => Number(t.replace('%', '')));

test('with no customers Learn offers the demo data, then illustrates every concept with it', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/learn');
  await page.waitForSelector('[data-testid=learn-empty]');
  await page.click('[data-testid=learn-load-demo]');
  await page.waitForSelector('[data-testid=lesson-profile]');
  assert.equal((await storedBook(page)).data.customers.length, 200, 'the demo data is saved');
  for (const id of ['profile', 'value', 'motive', 'channel', 'stage', 'ladder', 'levels', 'churn', 'complaints']) {
    assert.ok(await page.isVisible(`[data-testid=lesson-${id}]`), `lesson ${id}`);
  }
  assert.match(await page.locator('[data-testid=learn-profile-count]').innerText(), /^200 customers, with \d+ recorded interactions/);

  // The value classes split all customers and all spend, and key customers bring more
  // than their share (the Pareto idea).
  const [customers, spend] = [await percents(page, 2), await percents(page, 3)];
  assert.equal(customers.length, 3);
  assert.ok(Math.abs(customers.reduce((a, b) => a + b) - 100) < 0.5, `customers ${customers}`);
  assert.ok(Math.abs(spend.reduce((a, b) => a + b) - 100) < 0.5, `spend ${spend}`);
  assert.ok(spend[0] > customers[0], 'key customers bring more than their share of spend');
  const working = page.locator('[data-testid=lesson-value] details.working');
  await working.locator('summary').click();
  assert.match(await working.locator('pre').innerText(), /Key customer:\n\s+Share of customers: \d+ \/ 200 customers = [\d.]+%\n\s+Share of spend: [$¥][\d,.]+ \/ [$¥][\d,.]+ = [\d.]+%/);

  // Stage bars count every customer once; each links to the list filtered by it.
  const stageCounts = (await page.locator('[data-testid=learn-stages] .bar-count').allInnerTexts()).map(Number);
  assert.equal(stageCounts.reduce((a, b) => a + b), 200);
  const churned = Number((await page.locator('[data-testid=learn-churn-rate]').innerText()).match(/Churned: (\d+) of 200/)[1]);
  assert.equal(churned, stageCounts[4], 'churned customers are the last stage');
  assert.ok(churned > 0, 'the demo data has churned cases');
  assert.ok(await page.locator('[data-testid=learn-churn-reasons] li').count() > 0, 'churn causes are listed');
  assert.ok(await page.locator('[data-testid=learn-chain] li').count() >= 2, 'a referral chain is shown');
  assert.match(await page.locator('[data-testid=learn-complaint-days]').innerText(), /Resolved in [\d.]+ days on average/);
  await screenshot(page, 'learn-lessons-en');

  await page.locator('[data-testid=learn-stages] a').nth(2).click();
  await page.waitForSelector('[data-testid=customer-row]');
  assert.match(page.url(), /\/customers\?stage=stability$/);
  assert.equal(await page.locator('[data-testid=customer-row]').count() > 0, true);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Learn in Chinese names each concept in both languages and survives a reload', async () => {
  const context = await newContext(env.browser, { locale: 'zh-CN' });
  const page = await context.newPage();
  await open(page, env.origin + '/learn');
  await page.click('[data-testid=learn-load-demo]');
  await page.waitForSelector('[data-testid=lesson-profile]');
  await page.reload();
  await page.waitForSelector('[data-testid=lesson-profile]');
  const title = await page.locator('[data-testid=lesson-ladder] h2').innerText();
  assert.match(title, /关系营销阶梯/);
  assert.match(title, /relationship marketing ladder/);
  assert.match(await page.locator('[data-testid=learn-profile-count]').innerText(), /^共 200 位客户/);
  await screenshot(page, 'learn-lessons-zh');
  assert.deepEqual(page.errors, []);
  await context.close();
});
