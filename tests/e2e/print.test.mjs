// Printing (README "Accessibility and printing"): a customer's page, the customer list,
// Learn and the sections' results pages print as their content alone: no navigation,
// buttons, form controls or banners; no card split across pages; links as plain text;
// light colours even in dark mode. One set of rules in style/main.css serves every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, SCREENSHOTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test('pages print cleanly: content only, cards whole, links as text, light colours', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN', colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=customer-row]');
  const firstCustomer = await page.locator('[data-testid=customer-row] a[href]').first().getAttribute('href');
  await open(page, env.origin + '/surveys');
  const results = await page.locator('a[href$="/results"]').first().getAttribute('href');

  for (const [name, path] of [
    ['customer', new URL(firstCustomer, env.origin + '/').pathname],
    ['customer-list', '/customers'],
    ['learn', '/learn'],
    ['survey-results', new URL(results, env.origin + '/').pathname],
    ['aging', '/credit/aging'],
  ]) {
    await open(page, env.origin + path);
    await page.emulateMedia({ media: 'print' });
    const seen = await page.evaluate(() => {
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const all = (sel) => [...document.querySelectorAll(sel)];
      const link = document.querySelector('main a[href]');
      return {
        chrome: all('.app-header, .app-nav, .skip-link, .notices').filter(shown).length,
        // A sortable column's header is a button; it prints as its text.
        controls: all('main button, main select, main input, main textarea').filter((c) => !c.closest('th')).filter(shown).length,
        headers: all('main th').filter(shown).map((th) => th.innerText.trim()).filter(Boolean).length,
        cardsSplittable: all('main .card').filter((c) => getComputedStyle(c).breakInside !== 'avoid').length,
        cards: all('main .card').length,
        background: getComputedStyle(document.body).backgroundColor,
        linkDecoration: link ? getComputedStyle(link).textDecorationLine : 'none',
        text: document.querySelector('main').innerText.length,
      };
    });
    assert.equal(seen.chrome, 0, `${name}: no header, menu or banners`);
    assert.equal(seen.controls, 0, `${name}: no buttons or form controls`);
    assert.equal(seen.cardsSplittable, 0, `${name}: every card stays whole`);
    assert.equal(seen.linkDecoration, 'none', `${name}: links read as text`);
    assert.equal(seen.background, 'rgb(255, 255, 255)', `${name}: light even in dark mode`);
    assert.ok(seen.text > 200, `${name}: the content is there`);
    if (name === 'customer-list') assert.ok(seen.headers >= 6, `${name}: the column headers print (${seen.headers})`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(SCREENSHOTS, `print-${name}.pdf`), pdf);
    assert.ok(pdf.length > 5000, `${name}: a PDF was made`);
    await page.screenshot({ path: join(SCREENSHOTS, `print-${name}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }
  await context.close();
});
