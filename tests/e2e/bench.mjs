// Benchmark (not a test): with 10,000 customers stored, measures in headless Chromium
// start-up until the list is usable, one search keystroke, opening a customer and
// saving an edit, plus the longest main-thread task, and how many customers fit in the
// storage quota. Run with `bash .ci/bench`; it prints a Markdown table for BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { start, newContext } from './harness.mjs';

const COUNT = Number(process.env.CRM_BENCH_CUSTOMERS ?? 10000);
const RUNS = Number(process.env.CRM_BENCH_RUNS ?? 5);
// localStorage items exactly as the app writes them: `crm.customers` plus compressed
// shards `crm.customers.s<n>` of 100 customers each (written by tests/bench_fixture.rs).
const fixturePath = join(import.meta.dirname, '..', '..', 'target', 'bench', 'storage-fixture.json');
const fixture = readFileSync(fixturePath, 'utf8');
const SHARD_SIZE = 100;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);

// Records long tasks (> 50 ms) from the first moment of every page load.
const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
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
  await page.evaluate(([raw, shards]) => {
    const items = JSON.parse(raw);
    localStorage.clear();
    localStorage.setItem('crm.customers', items['crm.customers']);
    for (let n = 0; n < shards; n++) localStorage.setItem(`crm.customers.s${n}`, items[`crm.customers.s${n}`]);
  }, [fixture, Math.ceil(count / SHARD_SIZE)]);

  // Start-up: navigation start until the first customer row is on screen.
  await page.goto(env.origin + '/customers');
  await page.waitForSelector('[data-testid=customer-row]');
  const startup = await page.evaluate(() => {
    const row = performance.getEntriesByType('mark').find((m) => m.name === 'rows');
    return row ? row.startTime : performance.now();
  });

  // One keystroke of search: input event until the next frame has been painted.
  await page.focus('[data-testid=customer-search]');
  const keystroke = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid=customer-search]');
    const t0 = performance.now();
    input.value = '王';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=customer-row]').length > 0);

  // Opening a customer from the list.
  const open = await timeUntil(page, () => page.click('[data-testid=customer-row] a'), '[data-testid=page-customer]');

  // Saving an edit: change the notes on the edit form and save.
  await page.click('[data-testid=edit-customer]');
  await page.waitForSelector('[data-testid=field-notes]');
  await page.fill('[data-testid=field-notes]', 'benchmark edit ' + Date.now());
  const save = await timeUntil(page, () => page.click('[data-testid=save-customer]'), '[data-testid=page-customer]');

  const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  await context.close();
  return { startup, keystroke, open, save, longest };
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
    return { customers: shards * shardSize, all: shards === generated, chars, perCustomer: Math.round(chars / (shards * shardSize)) };
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
  const row = (name, k, target) => `| ${name} | ${median(col(k)).toFixed(1)} | ${max(col(k)).toFixed(1)} | ${target} |`;
  console.log(`\n${measured} customers stored (of ${COUNT} generated), ${RUNS} runs`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Chromium headless\n`);
  console.log('| task | median ms | worst ms | target |');
  console.log('| --- | ---: | ---: | --- |');
  console.log(row('start-up until the list is usable', 'startup', '< 300 ms'));
  console.log(row('one search keystroke (input to painted frame)', 'keystroke', '< 16 ms'));
  console.log(row('open a customer from the list', 'open', '< 50 ms'));
  console.log(row('save an edit', 'save', '< 50 ms'));
  console.log(row('longest main-thread task seen', 'longest', '< 50 ms'));
  const limit = quota.all ? `all ${quota.customers} generated fit` : `at most ${quota.customers} fit`;
  console.log(`\nstorage: about ${quota.perCustomer} characters per customer as stored; ${limit} (${(quota.chars / 1e6).toFixed(2)} M chars)`);
} finally {
  await env.close();
}
