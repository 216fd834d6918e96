// Credit benchmark (not a test): 10,000 customers with 100,000 invoices and 80,000
// payments stored as the app stores them, measured in headless Chromium: opening the
// aging, moving its as-of date, recording a payment on a customer's credit file, each
// with the longest main-thread task, and how many ledger entries fit beside the
// customers. Run by `bash .ci/bench` after tests/bench_fixture.rs and
// tests/credit_bench.rs have written the fixtures; prints a Markdown table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { start, newContext } from './harness.mjs';
import { clickInPage, longestSince, max, median, now, profiled, timeUntil } from './bench-lib.mjs';

const RUNS = Number(process.env.CRM_BENCH_RUNS ?? 5);
const benchDir = join(import.meta.dirname, '..', '..', 'target', 'bench');
const customers = readFileSync(join(benchDir, 'storage-fixture-measured.json'), 'utf8');
const credit = readFileSync(join(benchDir, 'credit-fixture.json'), 'utf8');
// Chromium's localStorage quota: 5 MiB of UTF-16 code units, keys and values together.
const QUOTA = 5 * 1024 * 1024;


// Long tasks (> 50 ms) from the first moment of every page load, each told apart by the
// phase mark before it.
const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Marks the moment the first aging row is in the document.
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid=aging-row]')) {
      performance.mark('aging-rows');
      obs.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
};


async function measureOnce(env) {
  const context = await newContext(env.browser);
  await context.addInitScript(OBSERVE_LONG_TASKS);
  const page = await context.newPage();
  await page.goto(env.origin + '/settings');
  await page.evaluate(([a, b]) => {
    localStorage.clear();
    for (const raw of [a, b]) for (const [k, v] of Object.entries(JSON.parse(raw))) localStorage.setItem(k, v);
  }, [customers, credit]);

  // Opening the aging by a link from outside: navigation start until its first row is
  // on screen, so reading 10,000 customers and 180,000 ledger entries is included.
  await page.goto(env.origin + '/credit/aging?asof=2026-12-31');
  await page.waitForSelector('[data-testid=aging-row]');
  const cold = await page.evaluate(() => performance.getEntriesByName('aging-rows')[0]?.startTime ?? NaN);
  const coldLongest = await longestSince(page, 0);

  // Opening the aging in the app (as of today): the credit page's button until a row.
  await page.click('[data-testid=nav-credit]');
  await page.waitForSelector('[data-testid=open-aging]');
  await page.waitForTimeout(200);
  let t = await now(page);
  const open = await profiled(page, 'open the aging', () => timeUntil(page, () => clickInPage(page, '[data-testid=open-aging]'),
    () => document.querySelector('[data-testid=aging-row]') !== null));
  await page.waitForTimeout(100);
  const openLongest = await longestSince(page, t);

  // Moving the as-of date: the change until the caption names the new date.
  t = await now(page);
  const asOf = await profiled(page, 'move the as-of date', () => timeUntil(page, async () => {
    await page.fill('[data-testid=aging-asof]', '2026-06-30');
    await page.dispatchEvent('[data-testid=aging-asof]', 'change');
  }, () => document.querySelector('[data-testid=aging-table] caption')?.textContent.includes('2026-06-30')));
  await page.waitForTimeout(100);
  const asOfLongest = await longestSince(page, t);

  // Recording a payment on a customer's credit file: Save until "Payment recorded".
  await page.goto(env.origin + '/credit/42');
  await page.waitForSelector('[data-testid=payment-form]');
  await page.fill('[data-testid=payment-amount]', '1.00');
  t = await now(page);
  const pay = await profiled(page, 'record a payment', () => timeUntil(page, () => clickInPage(page, '[data-testid=payment-save]'),
    () => [...document.querySelectorAll('.success-text')].some((p) => /Payment recorded/.test(p.textContent))));
  await page.waitForTimeout(100);
  const payLongest = await longestSince(page, t);
  const stored = await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('crm.credit.s')));
  if (!stored) throw new Error('the ledger was not stored in shards');
  await context.close();
  return { cold, coldLongest, open, openLongest, asOf, asOfLongest, pay, payLongest };
}

/** Characters the two fixtures take, and what is left of the quota for more entries. */
function capacity() {
  const size = (raw) => Object.entries(JSON.parse(raw)).reduce((n, [k, v]) => n + k.length + v.length, 0);
  const credits = JSON.parse(credit);
  const entries = Object.keys(credits).filter((k) => k.startsWith('crm.credit.s')).length; // shards
  return { customerChars: size(customers), creditChars: size(credit), shards: entries };
}

const env = await start();
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(env));
  const col = (k) => runs.map((r) => r[k]);
  const ms = (v, long) => (long && v === 0 ? 'none' : v.toFixed(1));
  const row = (name, k, target, long = false) => `| ${name} | ${ms(median(col(k)), long)} | ${ms(max(col(k)), long)} | ${target} |`;
  console.log(`\ncredit: 10,000 customers, 100,000 invoices, 80,000 payments stored, ${RUNS} runs`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Chromium headless\n`);
  console.log('| task | median ms | worst ms | target |');
  console.log('| --- | ---: | ---: | --- |');
  console.log(row('open the aging from the credit page (until the first row)', 'open', '≤ 300 ms'));
  console.log(row('longest task while opening', 'openLongest', '≤ 50 ms', true));
  console.log(row('move the as-of date', 'asOf', '≤ 300 ms'));
  console.log(row('longest task while moving it', 'asOfLongest', '≤ 50 ms', true));
  console.log(row('for scale: open the aging by a link from outside (start-up included)', 'cold', '–'));
  console.log(row('longest task while starting up and opening', 'coldLongest', '–', true));
  console.log(row('record a payment (Save until "Payment recorded", saved)', 'pay', '≤ 50 ms'));
  console.log(row('longest task while recording it', 'payLongest', '≤ 50 ms', true));
  const { customerChars, creditChars, shards } = capacity();
  const perEntry = creditChars / 180000;
  const fit = Math.floor((QUOTA - customerChars) / perEntry);
  console.log(`\nstorage: 10,000 customers take ${(customerChars / 1e6).toFixed(2)} M characters, the ledger's 180,000 entries ${(creditChars / 1e6).toFixed(2)} M in ${shards} shards (${perEntry.toFixed(1)} per entry); about ${fit.toLocaleString('en')} ledger entries fit beside the customers in Chromium's ${(QUOTA / 2 ** 20).toFixed(0)} Mi-character quota`);
} finally {
  await env.close();
}
