// Benchmark (not a test): with 10,000 customers stored, measures in headless Chromium
// start-up until the list is usable, one search keystroke, opening a customer and
// saving an edit, plus the longest main-thread task, and how many customers fit in the
// storage quota. Run with `bash .ci/bench`; it prints a Markdown table for BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { start, newContext } from './harness.mjs';
import { clickInPage, max, median, profiled } from './bench-lib.mjs';

const COUNT = Number(process.env.CRM_BENCH_CUSTOMERS ?? 10000);
const RUNS = Number(process.env.CRM_BENCH_RUNS ?? 5);
// localStorage items exactly as the app writes them: `crm.customers` plus compressed
// shards `crm.customers.s<n>` of 100 ids each (written by tests/bench_fixture.rs): the
// 70,000 customers for the quota, and a book of exactly the first CRM_BENCH_CUSTOMERS
// for the timings (ids start at 1, so shard 0 holds 99 and whole shards of the big
// fixture never make exactly 10,000).
const benchDir = join(import.meta.dirname, '..', '..', 'target', 'bench');
const fixture = readFileSync(join(benchDir, 'storage-fixture.json'), 'utf8');
const measuredFixture = readFileSync(join(benchDir, 'storage-fixture-measured.json'), 'utf8');
const SHARD_SIZE = 100;


// Records long tasks (> 50 ms) from the first moment of every page load.
const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long tasks are told apart by the phase mark before them.
  performance.mark('phase:start-up');
  // Marks the moment the first customer row is in the document.
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid=customer-row]')) {
      performance.mark('rows');
      obs.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
};

/** Time (ms) from `action` until `selector` matches, measured inside the page. */
async function timeUntil(page, action, selector) {
  await page.evaluate((sel) => {
    window.__done = new Promise((resolve) => {
      const check = () => document.querySelector(sel) && (obs.disconnect(), resolve(performance.now()));
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    window.__t0 = performance.now();
  }, selector);
  await action();
  return page.evaluate(async () => (await window.__done) - window.__t0);
}

async function measureOnce(env, count) {
  const context = await newContext(env.browser);
  await context.addInitScript(OBSERVE_LONG_TASKS);
  const page = await context.newPage();
  await page.goto(env.origin + '/settings');
  if (count !== COUNT) throw new Error(`only ${count} of ${COUNT} customers fit; lower CRM_BENCH_CUSTOMERS`);
  await page.evaluate((raw) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(JSON.parse(raw))) localStorage.setItem(key, value);
  }, measuredFixture);

  // Start-up: navigation start until the first customer row is on screen.
  await profiled(page, 'start-up', async () => {
    await page.goto(env.origin + '/customers');
    await page.waitForSelector('[data-testid=customer-row]');
  });
  const startup = await page.evaluate(() => {
    const row = performance.getEntriesByType('mark').find((m) => m.name === 'rows');
    return row ? row.startTime : performance.now();
  });
  // When the customers were read and the list prepared (marks set by the app).
  const [reading, read, prepared] = await page.evaluate(() => ['crm:reading', 'crm:read', 'crm:prepared']
    .map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN));

  const phase = (name) => page.evaluate((n) => performance.mark(`phase:${n}`), name);

  // One keystroke of search, two ways: its work (input event until a task queued right
  // after it runs: the handler, effects and microtasks are done) and until the next
  // animation frame, the one that shows the result. Frames come every 16.7 ms, so the
  // second also waits for the frame's turn.
  await phase('keystroke');
  await page.focus('[data-testid=customer-search]');
  const keystrokeFor = (value) => page.evaluate(async (value) => {
    const input = document.querySelector('[data-testid=customer-search]');
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const frame = new Promise((r) => requestAnimationFrame(() => r(performance.now() - t0)));
    const work = await new Promise((r) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => r(performance.now() - t0);
      channel.port2.postMessage(0);
    });
    return [work, await frame];
  }, value);
  const [keystrokeWork, keystroke] = await profiled(page, 'keystroke', () => keystrokeFor('王'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=customer-row]').length > 0);
  // A pinyin query: no name holds it as text, so every Chinese name and company is
  // matched by its pinyin (the search's slowest path), and 张伟 and the like are found.
  await page.waitForTimeout(200);
  const [pinyinWork, pinyin] = await profiled(page, 'pinyin', () => keystrokeFor('zhangw'));
  // (A build without pinyin search finds no one: the list says so.)
  await page.waitForSelector('[data-testid=customer-row], [data-testid=no-matches]');
  // Back to the first search (not timed), so the next steps start from the same list.
  await keystrokeFor('王');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=customer-row]').length > 0);

  // Opening a customer from the list.
  await phase('open');
  // Until the whole page is there: the figures and timeline are built a task after the
  // profile.
  const open = await profiled(page, 'open', () => timeUntil(page, () => clickInPage(page, '[data-testid=customer-row] a'), '[data-testid=customer-figures]'));

  // Saving an edit: change the notes on the edit form and save.
  await phase('save');
  await page.click('[data-testid=edit-customer]');
  await page.waitForSelector('[data-testid=field-notes]');
  await page.fill('[data-testid=field-notes]', 'benchmark edit ' + Date.now());
  const save = await profiled(page, 'save', () =>
    timeUntil(page, () => clickInPage(page, '[data-testid=save-customer]'), '[data-testid=customer-figures]'));

  // Back to the list half a second after the save (the time to read the saved page).
  await page.waitForTimeout(500);
  await phase('back');
  const back = await profiled(page, 'back', () =>
    timeUntil(page, () => clickInPage(page, '[data-testid=nav-customers]'), '[data-testid=customer-row]'));

  // The longest task, the step it ran in, and the longest task of each step.
  const [longest, longestIn, byStep] = await page.evaluate(() => {
    const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('phase:'));
    const phaseOf = (t) => marks.filter((m) => m.startTime <= t).pop()?.name.slice(6) ?? 'start-up';
    const worst = window.__longTasks.reduce((a, b) => (b.duration > a.duration ? b : a), { start: 0, duration: 0 });
    const byStep = {};
    for (const t of window.__longTasks) {
      const step = phaseOf(t.start);
      byStep[step] = Math.max(byStep[step] ?? 0, t.duration);
    }
    return [worst.duration, worst.duration ? phaseOf(worst.start) : '-', byStep];
  });
  await context.close();
  return { startup, reading, read, prepared, keystrokeWork, keystroke, pinyinWork, pinyin, open, save, back, longest, longestIn, byStep };
}

/** How many customers localStorage holds: shards are stored in order until the browser
 *  refuses one (what the app meets at the limit is covered by the quota journey). */
async function quotaCapacity(env) {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.origin + '/settings');
  const result = await page.evaluate(([raw, shardSize]) => {
    const items = JSON.parse(raw);
    localStorage.clear();
    localStorage.setItem('crm.customers', items['crm.customers']);
    let chars = 'crm.customers'.length + items['crm.customers'].length;
    let shards = 0;
    for (; items[`crm.customers.s${shards}`] !== undefined; shards++) {
      const key = `crm.customers.s${shards}`;
      try { localStorage.setItem(key, items[key]); } catch { break; }
      chars += key.length + items[key].length;
    }
    const generated = Object.keys(items).length - 1;
    localStorage.clear();
    // Ids run from 1, so shard 0 holds ids 1–99 and shard n ids n·100 … n·100+99; the
    // last shard holds only the ids up to the last one generated.
    const lastId = JSON.parse(items['crm.customers']).data.meta.next_id - 1;
    const customers = Math.min(shards * shardSize - 1, lastId);
    return { customers, all: shards === generated, chars, perCustomer: Math.round(chars / customers) };
  }, [fixture, SHARD_SIZE]);
  await context.close();
  return result;
}

const env = await start();
try {
  const quota = await quotaCapacity(env);
  const measured = Math.min(COUNT, quota.customers);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(env, measured));
  const col = (k) => runs.map((r) => r[k]);
  // A long task is one over 50 ms, so 0 means none was seen.
  const ms = (v, k) => (k === 'longest' && v === 0 ? 'none' : v.toFixed(1));
  const row = (name, k, target) => `| ${name} | ${ms(median(col(k)), k)} | ${ms(max(col(k)), k)} | ${target} |`;
  console.log(`\n${measured} customers stored (of ${COUNT} generated), ${RUNS} runs`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Chromium headless\n`);
  console.log('| task | median ms | worst ms | target |');
  console.log('| --- | ---: | ---: | --- |');
  console.log(row('start-up until the list is usable', 'startup', '< 300 ms'));
  console.log(row('one search keystroke: its work', 'keystrokeWork', '< 16 ms'));
  console.log(row('one search keystroke: input to the next frame', 'keystroke', '< 16 ms'));
  console.log(row('one pinyin keystroke (zhangw): its work', 'pinyinWork', '< 16 ms'));
  console.log(row('one pinyin keystroke (zhangw): input to the next frame', 'pinyin', '< 16 ms'));
  console.log(row('open a customer from the list', 'open', '< 50 ms'));
  console.log(row('save an edit', 'save', '< 50 ms'));
  console.log(row('back to the list after the edit', 'back', '< 50 ms'));
  console.log(row('longest main-thread task seen', 'longest', '< 50 ms'));
  console.log(`\nstart-up (medians): wasm running and reading from ${median(col('reading')).toFixed(0)} ms, customers read at ${median(col('read')).toFixed(0)} ms, list prepared at ${median(col('prepared')).toFixed(0)} ms, first row at ${median(col('startup')).toFixed(0)} ms after navigation`);
  console.log(`the longest task ran during: ${col('longestIn').join(', ')} (one per run)`);
  const steps = ['start-up', 'keystroke', 'open', 'save', 'back'];
  const perStep = steps.map((step) => `${step} ${median(runs.map((r) => r.byStep[step] ?? 0)).toFixed(0)} ms`);
  console.log(`longest task of each step (median; 0: none over 50 ms): ${perStep.join(', ')}`);
  const limit = quota.all ? `all ${quota.customers} generated fit` : `at most ${quota.customers} fit`;
  console.log(`\nstorage: about ${quota.perCustomer} characters per customer as stored; ${limit} (${(quota.chars / 1e6).toFixed(2)} M chars)`);
} finally {
  await env.close();
}
