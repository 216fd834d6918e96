// Journeys through the app shell: every route in both languages, the language choice
// surviving a reload, back/forward, deep links at the root and under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot } from './harness.mjs';

const ROUTES = [
  ['/', 'page-dashboard', 'Dashboard', '仪表盘'],
  ['/customers', 'page-customers', 'Customers', '客户'],
  ['/surveys', 'page-surveys', 'Satisfaction surveys', '满意度调查'],
  ['/blueprints', 'page-blueprints', 'Service blueprints', '服务蓝图'],
  ['/credit', 'page-credit', 'Credit', '客户信用'],
  ['/learn', 'page-learn', 'Learn CRM', '学习客户关系管理'],
  ['/settings', 'page-settings', 'Settings', '设置'],
  ['/no/such/page', 'page-not-found', 'Page not found', '页面不存在'],
];

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

for (const [locale, lang, column] of [['en-US', 'en', 2], ['zh-CN', 'zh', 3]]) {
  test(`every route renders in ${lang}, following the browser language`, async () => {
    const context = await newContext(env.browser, { locale });
    const page = await context.newPage();
    for (const route of ROUTES) {
      const [path, testid] = route;
      await open(page, env.origin + path);
      const heading = await page.locator(`[data-testid=${testid}] h1`).innerText();
      assert.equal(heading, route[column], `${path} in ${lang}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-CN' : 'en');
      const name = path === '/' ? 'dashboard' : path.split('/')[1].replace('no', 'not-found');
      await screenshot(page, `${name}-${lang}`);
      assert.deepEqual(page.errors, [], `no script errors on ${path}`);
    }
    await context.close();
  });
}

test('the language choice survives a reload', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.selectOption('[data-testid=lang-switch]', 'zh-CN');
  await page.waitForFunction(() => document.querySelector('h1').textContent === '客户');
  await page.reload();
  await page.waitForSelector('section.page');
  assert.equal(await page.locator('h1').innerText(), '客户');
  assert.equal(await page.locator('[data-testid=nav-settings]').innerText(), '设置');
  await context.close();
});

test('links, back and forward move between sections without reloading', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/');
  await page.evaluate(() => { window.notReloaded = true; });
  await page.click('[data-testid=nav-credit]');
  await page.waitForSelector('[data-testid=page-credit]');
  assert.equal(new URL(page.url()).pathname, '/credit');
  await page.click('[data-testid=nav-settings]');
  await page.waitForSelector('[data-testid=page-settings]');
  await page.goBack();
  await page.waitForSelector('[data-testid=page-credit]');
  await page.goBack();
  await page.waitForSelector('[data-testid=page-dashboard]');
  await page.goForward();
  await page.waitForSelector('[data-testid=page-credit]');
  assert.equal(await page.locator('[data-testid=nav-credit]').getAttribute('aria-current'), 'page');
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'client-side navigation');
  await context.close();
});

test('served from a sub-path, deep links, links and back work', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/crm/settings');
  assert.equal(await page.locator('h1').innerText(), 'Settings');
  await page.click('[data-testid=nav-customers]');
  await page.waitForSelector('[data-testid=page-customers]');
  assert.equal(new URL(page.url()).pathname, '/crm/customers');
  await page.goBack();
  await page.waitForSelector('[data-testid=page-settings]');
  await page.click('[data-testid=nav-dashboard]');
  await page.waitForSelector('[data-testid=page-dashboard]');
  assert.match(new URL(page.url()).pathname, /^\/crm\/?$/);
  await context.close();
});

test('on a phone-sized screen the menu opens, is keyboard-usable and closes after choosing', async () => {
  const context = await newContext(env.browser, { viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await open(page, env.origin + '/');
  assert.equal(await page.isVisible('[data-testid=nav-customers]'), false, 'menu starts closed');
  await page.focus('[data-testid=menu-toggle]');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('[data-testid=menu-toggle]', 'aria-expanded'), 'true');
  await screenshot(page, 'phone-menu-open-en');
  await page.focus('[data-testid=nav-learn]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=page-learn]');
  assert.equal(await page.isVisible('[data-testid=nav-customers]'), false, 'menu closes');
  await screenshot(page, 'phone-learn-en');
  await context.close();
});

test('the skip link moves the keyboard focus into the page under a sub-path, without navigating', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/crm/customers');
  const before = page.url();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(page.url(), before, 'the skip link does not navigate');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await context.close();
});
