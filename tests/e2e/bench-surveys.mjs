// Benchmark (not a test) of a survey's results: with 10,000 customers stored and the
// demo SERVQUAL survey's responses (44 answers each) stored as the app stores them,
// measures in headless Chromium opening the results from the survey list, changing a
// filter, and taking 1,000 pasted response codes, with the longest main-thread task of
// each; and finds how many responses fit in localStorage beside the customers. Run by
// `bash .ci/bench` after tests/bench_surveys_fixture.rs wrote the fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { start, newContext } from './harness.mjs';

const CUSTOMERS = Number(process.env.CRM_BENCH_CUSTOMERS ?? 10000);
const WANTED = Number(process.env.CRM_BENCH_RESPONSES ?? 10000);
const RUNS = Number(process.env.CRM_BENCH_RUNS ?? 3);
const SHARD_SIZE = 100;
const bench = join(import.meta.dirname, '..', '..', 'target', 'bench');
const customersFixture = readFileSync(join(bench, 'storage-fixture.json'), 'utf8');
const { items, codes } = JSON.parse(readFileSync(join(bench, 'surveys-fixture.json'), 'utf8'));
const stored = JSON.parse(items['crm.surveys']);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);

/** The survey book with its first `n` responses, as the app writes it (serde's compact
 *  JSON in the same field order, which JSON.stringify keeps). */
const bookOf = (n) => JSON.stringify({ ...stored, data: { ...stored.data, responses: stored.data.responses.slice(0, n) } });

const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** Stores the customers (every shard holding one of the first `CUSTOMERS` ids). */
async function storeCustomers(page) {
  return page.evaluate(([raw, count, size]) => {
    const all = JSON.parse(raw);
    localStorage.clear();
    localStorage.setItem('crm.customers', all['crm.customers']);
    // Ids start at 1, shard n holds ids n×100 … n×100+99: ids 1…count are in shards 0…count/100.
    for (let n = 0; n <= Math.floor(count / size); n++) {
      const key = `crm.customers.s${n}`;
      if (all[key] !== undefined) localStorage.setItem(key, all[key]);
    }
  }, [customersFixture, CUSTOMERS, SHARD_SIZE]);
}

/** How many responses fit beside the customers: the largest book the browser takes. */
async function capacity(env) {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.origin + '/settings');
  await storeCustomers(page);
  let low = 0;
  let high = stored.data.responses.length;
  const fits = (n) => page.evaluate((raw) => {
    try { localStorage.setItem('crm.surveys', raw); return true; } catch { return false; } finally { localStorage.removeItem('crm.surveys'); }
  }, bookOf(n));
  if (await fits(high)) low = high;
  while (high - low > 50) {
    const mid = Math.floor((low + high) / 2);
    if (await fits(mid)) low = mid; else high = mid;
  }
  const chars = await page.evaluate(() => {
    let c = 0;
    for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); c += k.length + localStorage.getItem(k).length; }
    return c;
  });
  await context.close();
  return { responses: low, customerChars: chars, perResponse: Math.round(bookOf(1000).length / 1000) };
}

/** Time (ms) from `action` until `done()` holds in the page, checked on each change. */
async function timeUntil(page, action, done) {
  await page.evaluate((src) => {
    const test = new Function(`return (${src})();`);
    window.__done = new Promise((resolve) => {
      const check = () => test() && (obs.disconnect(), resolve(performance.now()));
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    window.__t0 = performance.now();
  }, done.toString());
  await action();
  return page.evaluate(async () => (await window.__done) - window.__t0);
}

const longestSince = (page, t) => page.evaluate((t) => Math.max(0, ...window.__longTasks.filter((x) => x.start >= t).map((x) => x.duration)), t);
const now = (page) => page.evaluate(() => performance.now());

async function measureOnce(env, n) {
  const context = await newContext(env.browser);
  await context.addInitScript(OBSERVE_LONG_TASKS);
  const page = await context.newPage();
  await page.goto(env.origin + '/settings');
  await storeCustomers(page);
  await page.evaluate((raw) => localStorage.setItem('crm.surveys', raw), bookOf(n));
  await page.goto(env.origin + '/surveys');
  await page.waitForSelector('[data-testid=survey-results]');
  await page.waitForTimeout(1500); // the customers' background preparation settles

  let t = await now(page);
  const open = await timeUntil(page, () => page.click('[data-testid=survey-results]'),
    () => document.querySelector('[data-testid=figure-servqual]') && document.querySelector('[data-testid=results-trend]'));
  await page.waitForTimeout(300);
  const openLongest = await longestSince(page, t);

  t = await now(page);
  const before = await page.locator('[data-testid=results-count]').innerText();
  const filter = await timeUntil(page, () => page.selectOption('[data-testid=results-a-class]', 'key'),
    new Function(`return () => { const e = document.querySelector('[data-testid=results-count]'); return e && e.innerText !== ${JSON.stringify(before)}; }`)());
  await page.waitForTimeout(300);
  const filterLongest = await longestSince(page, t);
  await page.selectOption('[data-testid=results-a-class]', '');
  await page.waitForFunction((b) => document.querySelector('[data-testid=results-count]').innerText === b, before);

  t = await now(page);
  await page.fill('[data-testid=codes-input]', codes.join('\n'));
  const take = await timeUntil(page, () => page.click('[data-testid=codes-take]'),
    () => document.querySelectorAll('[data-testid=codes-report] li').length >= 1000);
  await page.waitForTimeout(300);
  const takeLongest = await longestSince(page, t);
  const taken = await page.locator('[data-testid=codes-report] li').count();
  await context.close();
  return { open, openLongest, filter, filterLongest, take, takeLongest, taken };
}

const env = await start();
try {
  const room = await capacity(env);
  // Room for the 1,000 codes the import adds.
  const n = Math.min(WANTED, Math.max(0, room.responses - 1000));
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(env, n));
  const col = (k) => runs.map((r) => r[k]);
  const row = (name, k, target) => `| ${name} | ${median(col(k)).toFixed(1)} | ${max(col(k)).toFixed(1)} | ${target} |`;
  console.log(`\n${CUSTOMERS} customers and ${n} SERVQUAL responses stored (${WANTED} wanted), ${RUNS} runs`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Chromium headless\n`);
  console.log('| task | median ms | worst ms | target |');
  console.log('| --- | ---: | ---: | --- |');
  console.log(row('open the results from the survey list', 'open', '≤ 300 ms'));
  console.log(row('  its longest task (0: none over 50 ms)', 'openLongest', '≤ 50 ms'));
  console.log(row('change a filter (value class)', 'filter', '≤ 100 ms'));
  console.log(row('  its longest task', 'filterLongest', '≤ 50 ms'));
  console.log(row('take 1,000 pasted response codes', 'take', '≤ 1,000 ms'));
  console.log(row('  its longest task', 'takeLongest', '≤ 50 ms'));
  console.log(`codes reported: ${col('taken').join(', ')}`);
  console.log(`\nstorage: a SERVQUAL response takes about ${room.perResponse} characters as stored (plain JSON); beside ${CUSTOMERS} customers, at most ${room.responses} responses fit`);
} finally {
  await env.close();
}
