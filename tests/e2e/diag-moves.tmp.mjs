import { start, newContext } from './harness.mjs';
const LANES = ['evidence', 'customer', 'onstage', 'backstage', 'support'];
function blueprint() {
  const steps = [];
  for (let i = 0; i < 300; i++) steps.push({ id: i + 1, lane: LANES[1 + (i % 4)], column: Math.floor(i / 4), name: `Step ${i + 1}`, minutes: 2 });
  const connectors = [];
  for (let i = 1; i < 300; i++) connectors.push({ from: i, to: i + 1 });
  for (let i = 1; connectors.length < 400; i += 3) connectors.push({ from: i, to: i + 7 });
  return { id: 1, name: 'Benchmark', steps, connectors };
}
const STORED = JSON.stringify({ schema: 2, rev: 1, data: { blueprints: [blueprint()], next_id: 2 } });
const env = await start();
const context = await newContext(env.browser);
await context.addInitScript((stored) => { if (!localStorage.getItem('crm.blueprints')) localStorage.setItem('crm.blueprints', stored); }, STORED);
const page = await context.newPage();
await page.goto(env.origin + '/blueprints/1');
await page.waitForSelector('[data-testid=bp-analysis]');
await page.waitForTimeout(1500);
await page.evaluate(() => {
  const svg = document.querySelector('[data-testid=bp-canvas]');
  const step = document.querySelector('[data-testid=bp-step-1]');
  const box = step.getBoundingClientRect();
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  window.__at = (x, y) => ({ clientX: x, clientY: y, bubbles: true, pointerId: 1, button: 0, isPrimary: true });
  window.__g = { svg, x0: box.left + box.width / 2, y0: box.top + box.height / 2, scale };
  step.dispatchEvent(new PointerEvent('pointerdown', window.__at(window.__g.x0, window.__g.y0)));
});
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
for (let i = 1; i <= 30; i++) {
  await cdp.send('Profiler.start');
  const t = await page.evaluate(async (i) => {
    const { svg, x0, y0, scale } = window.__g;
    const t = performance.now();
    svg.dispatchEvent(new PointerEvent('pointermove', window.__at(x0 + i * 180 * scale, y0 - 110 * scale)));
    for (let k = 0; k < 200; k++) await null;
    return performance.now() - t;
  }, i);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map(); const incl = new Map();
  profile.samples.forEach((id, k) => {
    const dt = (profile.timeDeltas[k] ?? 0) / 1000;
    const f = byId.get(id).callFrame; const key = f.functionName || `(${f.url.split('/').pop() || 'program'})`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) { const fn = byId.get(n).callFrame.functionName; if (!fn.includes('crm')) continue; if (seen.has(fn)) continue; seen.add(fn); incl.set(fn, (incl.get(fn) ?? 0) + dt); }
  });
  const short = (fn) => fn.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 160);
  console.log(`\n### move ${i}: ${t.toFixed(1)} ms`);
  if (t > 6) {
    for (const [fn, ms] of [...self].filter(([f]) => f !== '(idle)' && f !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  self ${ms.toFixed(1).padStart(6)}  ${short(fn)}`);
    for (const [fn, ms] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  incl ${ms.toFixed(1).padStart(6)}  ${short(fn)}`);
  }
}
await env.close();
