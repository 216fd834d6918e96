// Journeys through the dashboard: the customer figures a manager looks at first, in both
// languages, each linking to the list it counts; the storage figure is not 0 KB once
// customers are saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test('with no customers the dashboard says so; with the demo data it counts them and links to the list', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/');
  await page.waitForSelector('[data-testid=dashboard-no-customers]');

  await open(page, env.origin + '/customers');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=customer-row]');
  await page.click('[data-testid=nav-dashboard]');
  const count = await page.locator('[data-testid=dashboard-customer-count]').innerText();
  assert.equal(count, '200 customers in all');
  const byStage = await page.locator('[data-testid=dashboard-by-stage] strong').allInnerTexts();
  assert.equal(byStage.map(Number).reduce((a, b) => a + b, 0), 200, 'every customer has a stage');
  const byClass = await page.locator('[data-testid=dashboard-by-class] strong').allInnerTexts();
  assert.equal(byClass.map(Number).reduce((a, b) => a + b, 0), 200, 'every customer has a class');
  const used = await page.locator('[data-testid=storage-used]').innerText();
  assert.ok(Number(used.match(/[\d.]+/)[0]) > 0, `storage used: ${used}`);
  await screenshot(page, 'dashboard-figures-en');

  // A stage's link opens the list filtered by that stage, with the same count.
  const first = page.locator('[data-testid=dashboard-by-stage] li').first();
  const n = Number(await first.locator('strong').innerText());
  await first.locator('a').click();
  await page.waitForSelector('[data-testid=page-customers]');
  assert.ok(new URL(page.url()).searchParams.get('stage'), 'the list is filtered by stage');
  const shown = await page.locator('[data-testid=customer-count]').innerText();
  assert.ok(shown.endsWith(`of ${n}`) || (n === 0 && /0/.test(shown)), `${shown} vs ${n}`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the dashboard figures read in Chinese on a phone', async () => {
  const context = await newContext(env.browser, { locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=customer-row]');
  await page.goto(env.origin + '/');
  await page.waitForSelector('[data-testid=dashboard-customer-count]');
  assert.equal(await page.locator('[data-testid=dashboard-customer-count]').innerText(), '共 200 位客户');
  const text = await page.locator('[data-testid=page-dashboard]').innerText();
  assert.ok(text.includes('客户概况') && text.includes('本月消费额'), text.slice(0, 200));
  await screenshot(page, 'dashboard-figures-zh-phone');
  await context.close();
});
