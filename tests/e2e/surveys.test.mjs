// Journeys through Surveys: build a survey from a template in the builder, answer it
// twice in the kiosk (a required question refused first), reload and read the results
// (NPS with its 95% interval, the distribution, the working), the customer's card; a
// share link answered in a second browser context and its response code pasted back;
// the demo's SERVQUAL results; screenshots of the builder, the respondent page on a
// phone and the results, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newContext, open, screenshot, backedUp } from './harness.mjs';
import { person, takeCodes, text } from './surveys-lib.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

async function seeded(locale, viewport) {
  const context = await newContext(env.browser, { locale, viewport });
  const book = JSON.stringify({ schema: 1, rev: 1, data: { customers: [person(1, 'Wang Fang'), person(2, 'Li Na')], next_id: 3 } });
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('crm.customers')) localStorage.setItem('crm.customers', raw);
  }, book);
  return context;
}

/** The survey book as stored (its responses are in binary shards): the app's backup of it. */
const stored = (page) => backedUp(page, 'crm.surveys');

test('a survey from a template, answered twice in the kiosk, scored after a reload', async () => {
  const context = await seeded('en-US');
  const page = await context.newPage();
  await open(page, env.origin + '/surveys');
  assert.match(await text(page, 'surveys-empty'), /No surveys yet/);
  await page.selectOption('[data-testid=new-survey-template]', 'nps');
  await page.click('[data-testid=new-survey-create]');
  await page.waitForSelector('[data-testid=page-survey-edit]');
  assert.match(await text(page, 'survey-valid'), /No problems/);
  // The builder: rename, open it, add a question, see a problem, delete it and undo.
  await page.fill('[data-testid=survey-name-en]', 'After-sales NPS');
  await page.selectOption('[data-testid=survey-status]', 'open');
  await page.selectOption('[data-testid=add-question-kind]', 'csat');
  await page.click('[data-testid=add-question]');
  const editor = page.locator('[data-testid=editor-Q1]');
  await editor.locator('[data-testid=question-code]').fill('NPS');
  assert.match(await text(page, 'survey-problems'), /The code NPS is used twice/);
  await editor.locator('[data-testid=question-code]').fill('SAT');
  assert.match(await text(page, 'survey-valid'), /No problems/);
  await editor.locator('[data-testid=delete-question]').click();
  assert.equal(await page.locator('[data-testid=question-editors] > li').count(), 2);
  await page.click('[data-testid=builder-undo]');
  assert.equal(await page.locator('[data-testid=question-editors] > li').count(), 3);
  // Move the CSAT question to the top with the buttons.
  await page.locator('[data-testid=editor-SAT] [data-testid=move-up]').click();
  await page.locator('[data-testid=editor-SAT] [data-testid=move-up]').click();
  const codes = await page.locator('[data-testid=question-editors] [data-testid=question-code]').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(codes, ['SAT', 'NPS', 'NPS_WHY']);
  // The preview shows what a respondent sees, in either language.
  assert.match(await text(page, 'builder-preview'), /How likely are you to recommend us/);
  await page.click('[data-testid=builder-preview] [data-testid=respond-lang-zh-CN]');
  assert.match(await text(page, 'builder-preview'), /您有多大可能把我们推荐给朋友或同事/);
  await page.click('[data-testid=builder-save]');
  await page.waitForSelector('[data-testid=builder-saved]');
  await screenshot(page, 'surveys-builder-en');
  const saved = await stored(page);
  assert.equal(saved.schema, 3, 'schema 3: the responses in shards');
  assert.equal(saved.data.surveys[0].version, 2, 'adding a question raised the version');

  // The kiosk: a required answer is missing first.
  await page.click('[data-testid=builder-respond]');
  await page.waitForSelector('[data-testid=kiosk-form]');
  await page.click('[data-testid=respond-submit]');
  assert.match(await text(page, 'respond-problems'), /Please answer “How likely are you to recommend us to a friend or colleague\? \(NPS\)”/);
  await page.check('[data-testid=answer-NPS-9]', { force: true });
  // The reason goes away once the answer is given.
  await page.waitForSelector('[data-testid=respond-problems]', { state: 'detached' });
  await page.check('[data-testid=answer-SAT-5]', { force: true });
  await page.fill('[data-testid=answer-NPS_WHY]', 'Quick and friendly');
  await screenshot(page, 'surveys-respond-en');
  await page.click('[data-testid=respond-submit]');
  await page.waitForSelector('[data-testid=respond-thanks]');
  await page.click('[data-testid=respond-next]');
  // The next respondent starts clean, and is linked to a customer found by typing part
  // of the name: the list narrows to the matches, and Enter chooses the first of them
  // (it does not submit the answers).
  assert.equal(await page.locator('[data-testid=answer-NPS-9]').isChecked(), false);
  await page.fill('[data-testid=respond-find]', 'li n');
  assert.deepEqual(await page.locator('[data-testid=respond-customer] option').allTextContents(), ['No customer', 'Li Na']);
  await page.press('[data-testid=respond-find]', 'Enter');
  assert.equal(await page.locator('[data-testid=respond-customer]').inputValue(), '2');
  assert.equal(await page.locator('[data-testid=respond-problems]').count(), 0, 'Enter did not submit the form');
  await page.check('[data-testid=answer-NPS-3]', { force: true });
  await page.check('[data-testid=answer-SAT-2]', { force: true });
  await page.click('[data-testid=respond-submit]');
  await page.waitForSelector('[data-testid=respond-thanks]');

  // Reload the results: everything is still there.
  await open(page, env.origin + '/surveys/1/results');
  await page.reload();
  await page.waitForSelector('[data-testid=page-survey-results]');
  assert.match(await text(page, 'results-count'), /^2 responses$/);
  // One promoter, one detractor: NPS 0; n < 100, so the adjusted-Wald interval
  // (n + 3, ¾ added to each group): SE = 100·√(0.7/5) = 37.42, ± 1.96·SE = 73.3.
  assert.match(await text(page, 'figure-nps-NPS'), /NPS 0\.0 \(95% interval -73\.3 to 73\.3, n = 2\)/);
  assert.match(await text(page, 'figure-nps-NPS'), /adjusted-Wald/);
  await page.click('[data-testid=figure-nps-NPS] details summary');
  assert.match(await text(page, 'figure-nps-NPS'), /Promoters \(9–10\)/);
  // CSAT: one of two answered 4–5.
  assert.match(await text(page, 'figure-csat-SAT'), /CSAT 50\.0%/);
  assert.match(await text(page, 'summary-NPS'), /n = 2 answered, 0 skipped/);
  assert.match(await text(page, 'summary-NPS'), /Mean 6\.00, median 6\.0/);
  assert.equal(await page.locator('[data-testid=summary-NPS] svg rect').count(), 11);
  assert.match(await text(page, 'summary-NPS_WHY'), /n = 1 answered, 1 skipped/);
  await screenshot(page, 'surveys-results-en');

  // The CSV export has the answers under their codes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'id,date,customer,SAT,NPS,NPS_WHY');
  assert.match(lines[2], /,2@example\.com,2,3,$/);

  // The customer's card: the detractor is flagged for a follow-up.
  await open(page, env.origin + '/customers/2');
  assert.match(await text(page, 'customer-nps'), /Latest NPS answer: 3 \(detractor\)/);
  assert.match(await text(page, 'customer-follow-up'), /Follow up/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a share link answered in another browser, its code pasted back once', async () => {
  const context = await seeded('zh-CN');
  const page = await context.newPage();
  await open(page, env.origin + '/surveys');
  await page.selectOption('[data-testid=new-survey-template]', 'ces');
  await page.click('[data-testid=new-survey-create]');
  await page.waitForSelector('[data-testid=page-survey-edit]');
  assert.match(await text(page, 'builder-preview'), /这家企业让我很容易就办好了我要办的事/);
  await screenshot(page, 'surveys-builder-zh');
  await open(page, env.origin + '/surveys/1/results');
  const link = await page.locator('[data-testid=share-link]').inputValue();
  assert.match(link, /\/respond#s1\./);
  assert.ok(link.length < 200, `an unchanged template's link is short (${link.length})`);
  await screenshot(page, 'surveys-results-empty-zh');

  // The respondent: another browser profile, on a phone, nothing stored there.
  const phone = await newContext(env.browser, { locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const other = await phone.newPage();
  await open(other, link);
  assert.match(await text(other, 'respond-title'), /顾客费力度/);
  await other.check('[data-testid=answer-CES-6]', { force: true });
  await screenshot(other, 'surveys-respond-phone-zh');
  const overflow = await other.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scroll on a phone (${overflow}px)`);
  await other.click('[data-testid=respond-submit]');
  const code = await other.locator('[data-testid=response-code]').inputValue();
  assert.match(code, /^CRM1\./);
  assert.equal(await other.evaluate(() => localStorage.getItem('crm.surveys')), null, 'the respondent keeps nothing');
  // A damaged link gets a clear page.
  await other.goto('about:blank');
  await open(other, link.slice(0, -3) + 'xyz');
  assert.match(await text(other, 'link-error'), /链接已损坏/);
  await phone.close();

  // The owner pastes a chat log holding the code twice and a damaged code.
  await page.fill('[data-testid=codes-input]', `王芳: 这是我的代码 ${code}\n再发一次 ${code}\n${code.slice(0, -2)}zz`);
  await takeCodes(page);
  const report = await text(page, 'codes-report');
  assert.match(report, /已导入/);
  assert.match(report, /代码已损坏/);
  assert.match(await text(page, 'results-count'), /共 1 份回答/);
  await page.fill('[data-testid=codes-input]', code);
  await takeCodes(page);
  assert.match(await text(page, 'codes-report'), /只计一次/);
  assert.match(await text(page, 'figure-ces-CES'), /费力度 6\.00/);
  await context.close();
});

test('the demo fills Surveys: SERVQUAL gaps and NPS, in Chinese', async () => {
  const context = await seeded('zh-CN');
  const page = await context.newPage();
  await open(page, env.origin + '/customers');
  await page.click('[data-testid=load-demo]');
  await page.click('[data-testid=data-confirm-yes]');
  await open(page, env.origin + '/surveys');
  assert.equal(await page.locator('[data-testid=survey-row]').count(), 3);
  await open(page, env.origin + '/surveys/1/results');
  assert.match(await text(page, 'results-count'), /共 120 份回答/);
  assert.match(await text(page, 'servqual-scores'), /SERVQUAL 得分：未加权 -\d\.\d\d，加权 -\d\.\d\d/);
  assert.equal(await page.locator('[data-testid=servqual-dimensions] svg rect').count(), 5);
  assert.equal(await page.locator('[data-testid=servqual-items] tbody tr').count(), 22);
  await page.click('[data-testid=working-servqual] summary');
  assert.match(await text(page, 'working-servqual'), /可靠性/);
  await screenshot(page, 'surveys-results-servqual-zh');
  await open(page, env.origin + '/surveys/2/results');
  assert.match(await text(page, 'figure-nps-NPS'), /净推荐值 -?\d+\.\d（95% 置信区间/);
  await screenshot(page, 'surveys-results-nps-zh');

  // The importance–performance grid: a point per item, divided at the data means, then
  // at the scale midpoint (4 on 1–7) with the switch, which keeps the focus.
  await open(page, env.origin + '/surveys/3/results');
  const grid = page.locator('[data-testid=figure-ipa-IPA]');
  assert.equal(await grid.locator('[data-testid=ipa-grid] circle').count(), 7);
  assert.match(await grid.innerText(), /分界线取数据平均值/);
  assert.equal(await grid.locator('[data-testid=ipa-IPA] tbody tr').count(), 7, 'the table beside it');
  const quadrants = await grid.locator('[data-testid=ipa-IPA] tbody td:last-child').allInnerTexts();
  assert.equal(new Set(quadrants).size, 4, quadrants.join());
  const cutAt = () => grid.locator('[data-testid=ipa-cut-performance]').getAttribute('x1');
  const atMeans = await cutAt();
  await page.selectOption('[data-testid=ipa-crosshair]', 'midpoint');
  await page.waitForFunction(() => document.querySelector('[data-testid=figure-ipa-IPA]').innerText.includes('量表中点'));
  assert.match(await grid.innerText(), /分界线取量表中点：重要性 4\.00，绩效 4\.00/);
  assert.equal(Number(await cutAt()), 150, 'the middle of the grid');
  assert.notEqual(await cutAt(), atMeans);
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'ipa-crosshair');
  await grid.scrollIntoViewIfNeeded();
  await screenshot(page, 'surveys-results-ipa-zh');
  await context.close();
});
