// Benchmark (not a test): a blueprint of 300 steps and 400 arrows stored, measured in
// headless Chromium: opening it from the list until every step is drawn, each pointer move
// of a drag (the step snapping to a new cell and its arrows re-routed), saving an edit
// (the longest main-thread task), and the SVG export. Run by `bash .ci/bench`; it
// prints a Markdown table for BENCHMARKS.md.
import os from 'node:os';
import { start, newContext } from './harness.mjs';

const RUNS = Number(process.env.CRM_BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const LANES = ['evidence', 'customer', 'onstage', 'backstage', 'support'];

/** 300 steps in the four lower lanes (the evidence lane kept free to drag into) and 400 arrows. */
function blueprint() {
  const steps = [];
  for (let i = 0; i < 300; i++) {
    steps.push({ id: i + 1, lane: LANES[1 + (i % 4)], column: Math.floor(i / 4), name: `Step ${i + 1}`, minutes: 2 });
  }
  const connectors = [];
  for (let i = 1; i < 300; i++) connectors.push({ from: i, to: i + 1 });
  for (let i = 1; connectors.length < 400; i += 3) connectors.push({ from: i, to: i + 7 });
  return { id: 1, name: 'Benchmark', steps, connectors };
}

const STORED = JSON.stringify({ schema: 2, rev: 1, data: { blueprints: [blueprint()], next_id: 2 } });

const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
};

/** After the microtasks (where the page redraws) have run. */
const settled = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });

async function run(env) {
  const context = await newContext(env.browser);
  await context.addInitScript(([stored, observe]) => {
    if (!localStorage.getItem('crm.blueprints')) localStorage.setItem('crm.blueprints', stored);
    new Function(`(${observe})()`)();
  }, [STORED, OBSERVE_LONG_TASKS.toString()]);
  const page = await context.newPage();
  await page.goto(env.origin + '/blueprints');
  await page.waitForSelector('[data-testid=bp-open-1]');
  // Open: from the click on the list until the 300th step is drawn.
  const open = await page.evaluate(async () => {
    const t0 = performance.now();
    const done = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (document.querySelector('[data-testid=bp-step-300]')) { obs.disconnect(); resolve(performance.now()); }
      });
      obs.observe(document.body, { subtree: true, childList: true });
    });
    document.querySelector('[data-testid=bp-open-1]').click();
    return (await done) - t0;
  });
  // Drag step 1 (customer lane, column 0) up into the free evidence lane and along it:
  // every move lands in a new cell, so the step and its arrows are drawn again each time.
  const moves = await page.evaluate(async (settledSource) => {
    const settled = new Function(`return (${settledSource})()`);
    const svg = document.querySelector('[data-testid=bp-canvas]');
    const step = document.querySelector('[data-testid=bp-step-1]');
    const box = step.getBoundingClientRect();
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const at = (x, y) => ({ clientX: x, clientY: y, bubbles: true, pointerId: 1, button: 0, isPrimary: true });
    const x0 = box.left + box.width / 2;
    const y0 = box.top + box.height / 2;
    step.dispatchEvent(new PointerEvent('pointerdown', at(x0, y0)));
    const times = [];
    for (let i = 1; i <= 30; i++) {
      const t = performance.now();
      svg.dispatchEvent(new PointerEvent('pointermove', at(x0 + i * 180 * scale, y0 - 110 * scale)));
      await settled();
      times.push(performance.now() - t);
    }
    svg.dispatchEvent(new PointerEvent('pointerup', at(x0 + 30 * 180 * scale, y0 - 110 * scale)));
    await settled();
    return times;
  }, settled.toString());
  const moved = await page.locator('[data-testid=bp-step-1]').getAttribute('aria-label');
  if (!/Physical evidence, column 31/.test(moved)) throw new Error(`the drag did not land: ${moved}`);
  // An edit saved: a name typed in the table; the longest task until it is stored.
  await page.evaluate(() => { window.__longTasks = []; });
  await page.fill('[data-testid=bp-table-name-5]', 'Renamed');
  await page.press('[data-testid=bp-table-name-5]', 'Tab');
  await page.waitForFunction(() => (localStorage.getItem('crm.blueprints') || '').includes('Renamed'));
  await page.waitForTimeout(300);
  const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  // SVG export: the click's whole work (it is synchronous: markup, styles, the file).
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(() => {
      const t = performance.now();
      document.querySelector('[data-testid=bp-export-svg]').click();
      window.__export = performance.now() - t;
    }),
  ]);
  const svgTime = await page.evaluate(() => window.__export);
  await exported.path();
  await context.close();
  return { open, move: median(moves), moveMax: Math.max(...moves), longest, svg: svgTime };
}

const env = await start();
const results = [];
try {
  for (let i = 0; i < RUNS; i++) results.push(await run(env));
} finally {
  await env.close();
}
const pick = (k) => median(results.map((r) => r[k])).toFixed(1);
console.log(`\nBlueprint of 300 steps and 400 arrows, median of ${RUNS} runs — ${os.cpus()[0].model}, ${os.cpus().length} cores\n`);
console.log('| Measure | Budget | Median |');
console.log('| --- | --- | --- |');
console.log(`| Open from the list until every step is drawn | ≤ 200 ms | ${pick('open')} ms |`);
console.log(`| One pointer move of a drag (step re-placed, arrows re-routed) | ≤ 8 ms | ${pick('move')} ms (slowest ${pick('moveMax')} ms) |`);
console.log(`| Longest task while an edit is saved | ≤ 50 ms | ${pick('longest')} ms |`);
console.log(`| SVG export | ≤ 500 ms | ${pick('svg')} ms |`);
