// Journeys through a survey's results with the demo data: a segment filter and a date
// range set through the page change n and the NPS, survive a reload (they are in the
// URL), two segments compared with the difference's 95% interval, the trend by month
// with its table, chart downloads; screenshots in English and Chinese, on a laptop and
// a phone, light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const PHONE = { width: 390, height: 844 };
const text = (page, id) => page.locator(`[data-testid=${id}]`).first().innerText();
const npsOf = async (page) => Number((await text(page, 'figure-nps-NPS')).match(/NPS (-?\d+\.\d)/)[1]);
const countOf = async (page) => Number((await text(page, 'results-count')).match(/(\d+)/)[1]);

async function withDemo(locale, viewport, colorScheme = 'light') {
  const context = await env.browser.newContext({ locale, viewport, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.click('[data-testid=load-demo]');
  // An empty book loads at once; one with customers asks first.
  const yes = page.locator('[data-testid=data-confirm-yes]');
  await yes.waitFor({ timeout: 3000 }).then(() => yes.click(), () => {});
  await page.waitForSelector('[data-testid=customer-row]');
  return { context, page };
}

test('filter the NPS results by segment and date, reload, compare two segments, the trend', async () => {
  const { context, page } = await withDemo('en-US', { width: 1280, height: 900 });
  await open(page, env.origin + '/surveys/2/results');
  const allN = await countOf(page);
  const allNps = await npsOf(page);
  assert.ok(allN > 100, `${allN}`);
  assert.equal(await page.locator('[data-testid=results-filter-status]').count(), 0, 'nothing filtered yet');

  // A segment through the page: key customers only.
  await page.selectOption('[data-testid=results-a-class]', 'key');
  await page.waitForFunction((n) => !document.querySelector('[data-testid=results-count]').innerText.includes(`${n} `), allN);
  const keyN = await countOf(page);
  assert.ok(keyN > 0 && keyN < allN, `${keyN} of ${allN}`);
  const status = await text(page, 'results-filter-status');
  assert.match(status, new RegExp(`^${keyN} of ${allN} responses · Key customer`));
  assert.match(status, /with no linked customer left out by the segment filter/);
  assert.match(page.url(), /class=key/);

  // And a date range: from 60 days ago.
  const from = new Date(Date.now() - 60 * 86400e3).toISOString().slice(0, 10);
  await page.fill('[data-testid=results-a-from]', from);
  await page.locator('[data-testid=results-a-from]').dispatchEvent('change');
  await page.waitForFunction(() => location.search.includes('from='));
  await page.waitForFunction((n) => !document.querySelector('[data-testid=results-count]').innerText.startsWith(`${n} `), keyN);
  const bothN = await countOf(page);
  const bothNps = await npsOf(page);
  assert.ok(bothN < keyN, `${bothN} < ${keyN}`);
  assert.notEqual(bothNps, allNps);
  assert.match(await text(page, 'results-filter-status'), new RegExp(`from ${from} · Key customer`));
  // The follow-up list and the per-question chart follow the filter.
  await page.waitForSelector('[data-testid=results-follow-ups]');
  const nps = await text(page, 'summary-NPS');
  assert.match(nps, new RegExp(`n = ${bothN} answered`));

  // Reload: the filter is in the URL.
  await page.reload();
  await page.waitForSelector('[data-testid=figure-nps-NPS]');
  assert.equal(await countOf(page), bothN);
  assert.equal(await npsOf(page), bothNps);
  assert.equal(await page.inputValue('[data-testid=results-a-class]'), 'key');
  assert.equal(await page.inputValue('[data-testid=results-a-from]'), from);
  assert.deepEqual(page.errors, []);

  // Compare: A = key customers (all dates), B = general customers.
  await page.click('[data-testid=results-a-clear]');
  await page.waitForFunction(() => !location.search.includes('from='));
  await page.selectOption('[data-testid=results-a-class]', 'key');
  await page.check('[data-testid=results-compare-toggle]');
  await page.waitForSelector('[data-testid=results-filter-b]');
  await page.selectOption('[data-testid=results-b-class]', 'general');
  await page.waitForFunction(() => location.search.includes('b_class=general'));
  const row = page.locator('[data-testid=results-compare] [data-testid=compare-row]').first();
  await row.waitFor();
  assert.match(await text(page, 'results-compare'), /A: Key customer · B: General customer/);
  assert.match(await row.locator('[data-testid=compare-difference]').innerText(), /^[+-]?\d+\.\d$/);
  assert.match(await row.locator('[data-testid=compare-interval]').innerText(), /^[+-]?\d+\.\d … [+-]?\d+\.\d$/);
  assert.match(await row.locator('[data-testid=compare-verdict]').innerText(), /^(Yes|No): the interval (leaves out|includes) 0$/);
  await row.locator('details summary').first().click();
  const working = await row.locator('details').first().innerText();
  assert.match(working, /Standard error of the difference SE = √\(SE_A² \+ SE_B²\) = √\(/);
  assert.match(working, /0 lies (outside|inside) the interval/);

  // The trend by month: a band and a line, and the same numbers in a table.
  const trend = page.locator('[data-testid=results-trend]');
  assert.match(await trend.locator('h2').innerText(), /Net Promoter Score · NPS by month/);
  assert.ok(await trend.locator('[data-testid=trend-chart] polygon.trend-band').count() >= 1);
  const months = await trend.locator('[data-testid=trend-table] tbody tr').count();
  assert.ok(months >= 6, `${months} months`);

  // A chart downloads as SVG (its styles inlined) and as PNG.
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    trend.locator('[data-testid=download-svg]').click(),
  ]);
  assert.match(svg.suggestedFilename(), /\.svg$/);
  const svgText = await (await import('node:fs/promises')).readFile(await svg.path(), 'utf8');
  assert.match(svgText, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svgText, /style="[^"]*fill/);
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    trend.locator('[data-testid=download-png]').click(),
  ]);
  assert.match(png.suggestedFilename(), /\.png$/);
  const bytes = await (await import('node:fs/promises')).readFile(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');

  await screenshot(page, 'surveys-results-compare-en');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'surveys-results-print-en');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.errors, []);
  await context.close();
});

for (const [lang, locale, viewport, scheme] of [
  ['zh', 'zh-CN', { width: 1280, height: 900 }, 'light'],
  ['zh-phone', 'zh-CN', PHONE, 'dark'],
  ['en-phone', 'en-US', PHONE, 'dark'],
]) {
  test(`filtered, compared and trended results (${lang}, ${scheme})`, async () => {
    const { context, page } = await withDemo(locale, viewport, scheme);
    await open(page, env.origin + '/surveys/2/results?channel=referral&cmp=1&b_channel=advertising');
    await page.waitForSelector('[data-testid=results-compare] [data-testid=compare-row]');
    await page.waitForSelector('[data-testid=results-trend]');
    if (locale === 'zh-CN') {
      assert.match(await text(page, 'results-filter-status'), /份回答中的 \d+ 份 · 连环获取法/);
      assert.match(await text(page, 'results-compare'), /A 组与 B 组比较/);
    }
    await screenshot(page, `surveys-results-filtered-${lang}-${scheme}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}
