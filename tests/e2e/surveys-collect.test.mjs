// Journeys through collecting survey answers: responses imported from a CSV with row
// errors (nothing stored before Confirm, the responses there after a reload); a personal
// link made for one customer, shown as a QR code, answered on a phone in another browser
// whose response code (also a QR code) comes back linked to that customer, whose churn
// risk then says their satisfaction fell; the paper form. Screenshots on a phone in dark mode, in both
// languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, newContext, open, screenshot, backedUp, SCREENSHOTS } from './harness.mjs';
import { person, takeCodes, text } from './surveys-lib.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const PHONE = { width: 390, height: 844 };

async function seeded(locale, viewport = PHONE) {
  const context = await env.browser.newContext({ locale, viewport, colorScheme: 'dark' });
  const book = JSON.stringify({ schema: 1, rev: 1, data: { customers: [person(1, 'Wang Fang'), person(2, 'Li Na')], next_id: 3 } });
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('crm.customers')) localStorage.setItem('crm.customers', raw);
  }, book);
  return context;
}

/** The survey book as stored (its responses are in binary shards): the app's backup of it. */
const stored = (page) => backedUp(page, 'crm.surveys');
const noSidewaysScroll = async (page) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scroll on a phone (${overflow}px)`);
};

async function npsSurvey(page) {
  await open(page, env.origin + '/surveys');
  await page.selectOption('[data-testid=new-survey-template]', 'nps');
  await page.click('[data-testid=new-survey-create]');
  await page.waitForSelector('[data-testid=page-survey-edit]');
}

const CSV = [
  'date,customer,NPS,NPS_WHY',
  '2026-01-15,1@example.com,9,Quick and friendly',
  '2026-01-16,2,11,',
  '2026-02-30,nobody@example.com,7,',
  ',2,6,slow',
].join('\n');

const IMPORT = {
  'en-US': {
    valid: /2 of 4/,
    errors: [
      /Row 3: NPS: “11” is outside 0–10\./,
      /Row 4: Date: “2026-02-30” is not a date like 2026-03-31\./,
      /Row 4: Customer: no customer has the email or id “nobody@example\.com”\./,
    ],
    count: /2 responses/,
  },
  'zh-CN': {
    valid: /2/,
    errors: [
      /第 3 行：NPS：“11”超出了 0–10 的范围。/,
      /第 4 行：日期：“2026-02-30”不是 2026-03-31 这样的日期。/,
      /第 4 行：客户：没有邮箱或编号为“nobody@example\.com”的客户。/,
    ],
    count: /共 2 份回答/,
  },
};

for (const [locale, expect] of Object.entries(IMPORT)) {
  test(`responses imported from CSV with row errors, kept after a reload (${locale}, phone, dark)`, async () => {
    const context = await seeded(locale);
    const page = await context.newPage();
    await npsSurvey(page);
    await open(page, env.origin + '/surveys/1/results');
    await page.click('[data-testid=import-responses]');
    await page.waitForSelector('[data-testid=page-responses-import]');
    await page.fill('[data-testid=import-paste]', CSV);
    await page.click('[data-testid=import-read-pasted]');
    assert.match(await text(page, 'import-valid-count'), expect.valid);
    const errors = await text(page, 'import-row-errors');
    for (const error of expect.errors) assert.match(errors, error);
    assert.equal((await stored(page)).data.responses.length, 0, 'nothing stored before confirm');
    await noSidewaysScroll(page);
    await screenshot(page, `surveys-import-errors-phone-dark-${locale.slice(0, 2)}`);
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=import-done]');
    await page.reload();
    await open(page, env.origin + '/surveys/1/results');
    assert.match(await text(page, 'results-count'), expect.count);
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crm.surveys')).sort());
    assert.deepEqual(keys, ['crm.surveys', 'crm.surveys.s0'], 'the responses are in a shard of their own');
    assert.doesNotMatch(await page.evaluate(() => localStorage.getItem('crm.surveys')), /"responses"/);
    const responses = (await stored(page)).data.responses;
    assert.deepEqual(responses.map((r) => [r.submitted, r.customer_id ?? null, r.answers.NPS]),
      [['2026-01-15', 1, { scale: 9 }], [responses[1].submitted, 2, { scale: 6 }]]);
    assert.deepEqual(page.errors, []);
    // The paper form, from the builder: one box per point of the 0–10 scale, in both languages.
    await open(page, env.origin + '/surveys/1/edit');
    await page.click('[data-testid=builder-print]');
    const nps = page.locator('[data-testid=paper-NPS]');
    await nps.waitFor();
    assert.equal(await nps.locator('.paper-box').count(), 11);
    assert.match(await text(page, 'paper-form'), /推荐[\s\S]*recommend/);
    await screenshot(page, `surveys-paper-form-phone-dark-${locale.slice(0, 2)}`);
    await context.close();
  });
}

const PERSONAL = {
  'en-US': { whose: /Personal link for Wang Fang/, linked: /linked to Wang Fang/, fell: /Satisfaction fell to 3\.0 \(earlier average 9\.0\)/ },
  'zh-CN': { whose: /Wang Fang 的专属链接/, linked: /已通过专属链接关联到 Wang Fang/, fell: /满意度降至 3\.0（此前平均 9\.0）/ },
};

for (const [locale, expect] of Object.entries(PERSONAL)) {
  test(`a personal link with its QR code, answered on a phone, comes back linked (${locale}, dark)`, async () => {
    const context = await seeded(locale);
    const page = await context.newPage();
    await npsSurvey(page);
    // An earlier answer of Wang Fang's, typed from paper: 9.
    await open(page, env.origin + '/surveys/1/import');
    await page.fill('[data-testid=import-paste]', 'date,customer,NPS\n2026-01-15,1,9');
    await page.click('[data-testid=import-read-pasted]');
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=import-done]');

    await open(page, env.origin + '/surveys/1/results');
    const box = page.locator('[data-testid=personal-link-box]');
    await box.locator('[data-testid=personal-qr]').waitFor();
    const general = await box.locator('[data-testid=personal-link]').inputValue();
    await box.locator('[data-testid=personal-customer]').selectOption('1');
    await box.locator('[data-testid=personal-make]').click();
    assert.match(await text(page, 'personal-whose'), expect.whose);
    const link = await box.locator('[data-testid=personal-link]').inputValue();
    assert.notEqual(link, general, 'the personal link differs from the general one');
    assert.match(link, /\/respond#/);
    assert.doesNotMatch(decodeURIComponent(link), /Wang|1@example/, 'the link never names the customer');
    const token = (await stored(page)).data.personal_links[0];
    assert.equal(token.customer_id, 1);
    // Making it again gives the same link.
    await box.locator('[data-testid=personal-make]').click();
    assert.equal(await box.locator('[data-testid=personal-link]').inputValue(), link);
    assert.equal((await stored(page)).data.personal_links.length, 1);
    await box.scrollIntoViewIfNeeded();
    await noSidewaysScroll(page);
    await box.screenshot({ path: join(SCREENSHOTS, `surveys-personal-link-qr-phone-dark-${locale.slice(0, 2)}.png`) });

    // The respondent: another browser on a phone; the code shows as text and as a QR code.
    const phone = await newContext(env.browser, { locale, viewport: PHONE });
    const other = await phone.newPage();
    await other.emulateMedia({ colorScheme: 'dark' });
    await open(other, link);
    await other.check('[data-testid=answer-NPS-3]', { force: true });
    await other.click('[data-testid=respond-submit]');
    const code = await other.locator('[data-testid=response-code]').inputValue();
    assert.match(code, /^CRM1\./);
    const qr = other.locator('svg[data-testid=response-code-qr]');
    await qr.waitFor();
    assert.match(await qr.getAttribute('aria-label'), /QR|二维码/);
    assert.ok((await qr.locator('path').getAttribute('d')).startsWith('M4 4h7'), 'the finder pattern starts at the quiet zone');
    await noSidewaysScroll(other);
    await screenshot(other, `surveys-respond-code-qr-phone-dark-${locale.slice(0, 2)}`);
    assert.equal(await other.evaluate(() => localStorage.getItem('crm.surveys')), null, 'the respondent keeps nothing');
    await phone.close();

    // Back with the owner: the code returns linked to Wang Fang.
    await page.fill('[data-testid=codes-input]', code);
    await takeCodes(page);
    assert.match(await text(page, 'codes-report'), expect.linked);
    const responses = (await stored(page)).data.responses;
    assert.deepEqual(responses.map((r) => [r.customer_id, r.answers.NPS.scale]), [[1, 9], [1, 3]]);
    // Their churn risk now gives the reason: 3 is more than 1 point under 9.
    await open(page, env.origin + '/customers/1');
    assert.match(await text(page, 'churn-risk-reasons'), expect.fell);
    // The customer list shows the same level (it reads every customer's fall at once).
    const level = await text(page, 'churn-risk-level');
    await open(page, env.origin + '/customers');
    const row = page.locator('[data-testid=customer-row][data-id="1"] [data-testid=cell-risk]');
    await page.waitForFunction((want) => document.querySelector('[data-testid=customer-row][data-id="1"] [data-testid=cell-risk]')?.textContent.trim() === want, level.trim());
    assert.equal((await row.innerText()).trim(), level.trim());
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}
