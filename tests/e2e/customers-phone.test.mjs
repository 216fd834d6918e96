// The customer list on a phone (390 × 844): each customer a card, the first one above the
// fold, nothing scrolling sideways, the filters and the secondary actions behind one
// button each; on a laptop the table, filters and actions are as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, newContext, open, screenshot, SCREENSHOTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const PHONE = { width: 390, height: 844 };

for (const [lang, locale, scheme] of [['en', 'en-US', 'light'], ['zh', 'zh-CN', 'dark']]) {
  test(`on a phone the list is cards, first one above the fold (${lang}, ${scheme})`, async () => {
    const context = await env.browser.newContext({ locale, viewport: PHONE, colorScheme: scheme });
    const page = await context.newPage();
    await open(page, env.origin + '/customers');
    // With no customers the actions are not folded: Load demo data is in sight.
    assert.equal(await page.locator('[data-testid=more-toggle]').count(), 0);
    await page.click('[data-testid=load-demo]');
    await page.waitForSelector('[data-testid=customer-row]');
    await page.evaluate(() => window.scrollTo(0, 0));

    const first = await page.locator('[data-testid=customer-row]').first().boundingBox();
    assert.ok(first.y + first.height <= PHONE.height, `the first card ends at ${first.y + first.height}px`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= PHONE.width, `nothing scrolls sideways (${wide}px)`);
    assert.equal(await page.locator('[data-testid=customer-filters]').isVisible(), false, 'filters folded');
    assert.equal(await page.locator('[data-testid=export-all-csv]').isVisible(), false, 'secondary actions folded');
    // The card shows name, stage, class, spend and risk; not the company or contact.
    const card = page.locator('[data-testid=customer-row]').first();
    assert.ok(await card.locator('td.name').isVisible());
    assert.ok(await card.locator('[data-testid=cell-stage]').isVisible());
    assert.ok(await card.locator('[data-testid=cell-risk]').isVisible());
    assert.ok(await card.locator('td.num').first().isVisible());
    assert.equal(await card.locator('td.contact').isVisible(), false);
    await screenshot(page, `customers-phone-list-${lang}-${scheme}`);
    await page.screenshot({ path: join(SCREENSHOTS, `customers-phone-fold-${lang}-${scheme}.png`) });

    await page.click('[data-testid=filters-toggle]');
    assert.equal(await page.getAttribute('[data-testid=filters-toggle]', 'aria-expanded'), 'true');
    await page.selectOption('[data-testid=filter-stage]', 'stability');
    await page.waitForFunction(() => location.search.includes('stage=stability'));
    assert.match(await page.locator('[data-testid=filters-toggle]').innerText(), /[(（]1[)）]/, 'the button counts the filters set');
    await page.click('[data-testid=more-toggle]');
    assert.ok(await page.locator('[data-testid=export-all-csv]').isVisible(), 'the menu unfolds');
    assert.ok(await page.locator('[data-testid=menu-import]').isVisible(), 'with Import in it');
    await screenshot(page, `customers-phone-menus-${lang}-${scheme}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('on a laptop the table, filters and actions show as before, with no phone buttons', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=customer-row]');
  assert.ok(await page.locator('[data-testid=customer-filters]').isVisible());
  assert.ok(await page.locator('[data-testid=export-all-csv]').isVisible());
  assert.ok(await page.locator('[data-testid=import-link]').isVisible());
  assert.equal(await page.locator('[data-testid=filters-toggle]').isVisible(), false);
  assert.equal(await page.locator('[data-testid=more-toggle]').isVisible(), false);
  // Import and Find duplicates once each: the phone menu's copies stay hidden.
  assert.equal(await page.locator('[data-testid=menu-import]').isVisible(), false);
  assert.equal(await page.locator('[data-testid=menu-duplicates]').isVisible(), false);
  assert.ok(await page.locator('.customer-table thead').isVisible());
  await screenshot(page, 'customers-laptop-list-en');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a customer on a phone: the figures before the profile, Edit and Delete 44 px tall', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN', viewport: PHONE });
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=customer-row]');
  await page.locator('[data-testid=customer-row] a').first().click();
  await page.waitForSelector('[data-testid=customer-figures]');
  const top = (selector) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(await top('[data-testid=customer-figures]') < await top('.customer-profile'), 'figures first');
  const edit = page.locator('[data-testid=edit-interaction]').first();
  if (await edit.count()) {
    for (const id of ['edit-interaction', 'delete-interaction']) {
      const box = await page.locator(`[data-testid=${id}]`).first().boundingBox();
      assert.ok(box.height >= 44, `${id} is ${box.height}px tall`);
    }
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= PHONE.width, `nothing scrolls sideways (${wide}px)`);
  await screenshot(page, 'customer-page-phone-zh');
  // On a laptop the figures are beside the profile, at the top.
  await page.setViewportSize({ width: 1280, height: 800 });
  const [profile, figures] = await Promise.all([top('.customer-profile'), top('[data-testid=customer-figures]')]);
  assert.ok(Math.abs(profile - figures) < 40, `side by side (${profile}, ${figures})`);
  assert.deepEqual(page.errors, []);
  await context.close();
});
