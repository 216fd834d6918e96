// Keyboard only (README "Accessibility and printing"): a user with no mouse skips to the
// content, adds a customer through the form (Tab, typing, Enter), finds them by search,
// opens their page from the list and reaches Settings through the menu. Every control
// that gets the focus shows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** Presses Tab until `predicate(activeElement)` holds; fails after `limit` presses. */
async function tabTo(page, description, predicate, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return {
        testid: el.dataset?.testid ?? '', tag: el.tagName, text: (el.innerText ?? '').trim().slice(0, 60),
        href: el.getAttribute('href') ?? '',
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      };
    });
    assert.ok(info.visible || info.tag === 'BODY', `the focus is visible on ${info.tag} ${info.testid} ${info.text}`);
    if (predicate(info)) return info;
  }
  assert.fail(`Tab never reached ${description}`);
}

test('a keyboard-only user adds a customer, finds them and opens their page', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await open(page, env.origin + '/customers');

  // The first Tab reaches the skip link; Enter puts the focus on the page's content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.match(page.url(), /\/customers$/, 'the skip link does not navigate');

  await tabTo(page, 'New customer', (el) => el.testid === 'new-customer');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=page-customer-new]');
  await tabTo(page, 'the name field', (el) => el.testid === 'field-name');
  await page.keyboard.type('Kim Keyboard');
  await tabTo(page, 'the email field', (el) => el.testid === 'field-email');
  await page.keyboard.type('kim@example.com');
  // Enter in a text field submits the form, as in any web form.
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=page-customer]');
  assert.equal(await page.locator('[data-testid=customer-name]').innerText(), 'Kim Keyboard');

  // Back to the list through the menu, then search and open the customer from the list.
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, 'the Customers menu entry', (el) => el.testid === 'nav-customers');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=page-customers]');
  await tabTo(page, 'the search box', (el) => el.testid === 'customer-search');
  await page.keyboard.type('kim');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=customer-row]').length === 1);
  const link = await tabTo(page, 'the customer\'s link', (el) => el.tag === 'A' && el.text === 'Kim Keyboard');
  assert.match(link.href, /\/customers\/\d+$/);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=page-customer]');
  await screenshot(page, 'keyboard-customer-page');

  // Settings, by the menu; the theme can be changed with the arrow keys.
  await tabTo(page, 'the Settings menu entry', (el) => el.testid === 'nav-settings', 80);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=page-settings]');
  await tabTo(page, 'the theme', (el) => el.testid === 'theme-select');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.documentElement.dataset.theme !== 'system');
  assert.deepEqual(page.errors, []);
  await context.close();
});
