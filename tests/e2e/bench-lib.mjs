// What the benchmarks share: the opt-in DevTools profile of a phase (CRM_BENCH_PROFILE=1,
// with the profile build of `.ci/bench --profile`, where wasm functions keep their names).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROFILE = process.env.CRM_BENCH_PROFILE === '1';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const max = (xs) => Math.max(...xs);

/** Time (ms) from `action` until `ready()` holds in the page, checked inside the page on
 *  each change of the document. */
export async function timeUntil(page, action, ready) {
  await page.evaluate((ready) => {
    const test = new Function(`return (${ready})()`);
    window.__done = new Promise((resolve) => {
      const check = () => test() && (obs.disconnect(), resolve(performance.now()));
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    window.__t0 = performance.now();
  }, ready.toString());
  await action();
  return page.evaluate(async () => (await window.__done) - window.__t0);
}

/** The longest task (ms, 0 for none over 50 ms) that started after `since`, from the
 *  `window.__longTasks` a benchmark's init script records. */
export const longestSince = (page, since) => page.evaluate((since) =>
  Math.max(0, ...window.__longTasks.filter((t) => t.start >= since).map((t) => t.duration)), since);
/** With CRM_BENCH_TASKS=1, prints each task over 50 ms since `since`: when it started after
 *  `since` and how long it took, to find which step of a phase it was. */
export async function printLongTasks(page, name, since) {
  if (process.env.CRM_BENCH_TASKS !== '1') return;
  const tasks = await page.evaluate((since) => window.__longTasks.filter((t) => t.start >= since), since);
  for (const t of tasks) console.log(`${name}: a ${t.duration.toFixed(0)} ms task from +${(t.start - since).toFixed(0)} ms`);
}
export const now = (page) => page.evaluate(() => performance.now());

/**
 * With CRM_BENCH_PROFILE=1: runs `phase` under the DevTools CPU profiler and prints the
 * functions with the most self time (wasm functions keep their Rust names in the profile
 * build). Without it, just runs `phase`.
 */
export async function profiled(page, name, phase) {
  if (!PROFILE) return phase();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await phase();
  const { profile } = await cdp.send('Profiler.stop');
  // Kept for a closer look (DevTools' Performance panel opens it; so does any script).
  mkdirSync(join(import.meta.dirname, '..', '..', 'target', 'bench'), { recursive: true });
  const file = join(import.meta.dirname, '..', '..', 'target', 'bench', `profile-${name.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`\n(profile written to ${file})`);
  const dt = profile.timeDeltas;
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = f.functionName || `(${f.url.split('/').pop() || 'program'})`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\n## ${name}: ${total.toFixed(0)} ms sampled; most self time`);
  for (const [fn, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${fn.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 150)}`);
  }
  // Inclusive time of this app's own functions (a function counted once per sample).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total2 = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const fn = byId.get(n).callFrame.functionName;
      if (!fn.startsWith('crm[') && !fn.startsWith('<crm[')) continue;
      if (seen.has(fn)) continue;
      seen.add(fn);
      total2.set(fn, (total2.get(fn) ?? 0) + (dt[i] ?? 0) / 1000);
    }
  });
  console.log(`-- this app's functions, most time including callees`);
  const short = (fn) => fn.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 150);
  for (const [fn, ms] of [...total2].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${short(fn)}`);
  }
  await cdp.detach();
  return result;
}

/** Clicks `selector` from inside the page. Playwright's own click first waits for the
 *  element to hold still over two animation frames (about 33 ms), which is the
 *  harness's time, not the app's. */
export const clickInPage = (page, selector) => page.evaluate((s) => document.querySelector(s).click(), selector);
