// Journey: printing a blueprint wider than a page. Printed (print media emulated), the
// drawing comes first, a page per group of whole phases with the lane names on each, no
// step's, phase's or line's name cut by a page's edge, and then the analysis; the PDF
// Chromium makes of it is landscape. Screenshots of the printed pages and the PDF land in
// target/screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, SCREENSHOTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const LANES = ['evidence', 'customer', 'onstage', 'backstage', 'support'];

/** 16 columns in three phases; the middle one (7 columns) is longer than a page (6). */
function blueprint() {
  const steps = [];
  for (let column = 0; column < 16; column++) {
    for (const lane of LANES.slice(1, 1 + (column % 3) + 1)) {
      steps.push({ id: steps.length + 1, lane, column, name: `Column ${column + 1} ${lane} with a rather long name`, minutes: 2 });
    }
  }
  const connectors = [];
  for (let i = 1; i < steps.length; i++) connectors.push({ from: i, to: i + 1, label: i % 5 === 0 ? 'hand over' : '' });
  const phases = [{ name: 'Arrive and check in', from: 0, to: 4 }, { name: 'Stay', from: 5, to: 11 }, { name: 'Leave', from: 12, to: 15 }];
  return { id: 1, name: 'A long stay', steps, connectors, phases };
}

test('a blueprint wider than a page prints the drawing first, split by phase, landscape', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1123, height: 794 } });
  const stored = JSON.stringify({ schema: 2, rev: 1, data: { blueprints: [blueprint()], next_id: 2 } });
  await context.addInitScript((stored) => {
    if (!localStorage.getItem('crm.blueprints')) localStorage.setItem('crm.blueprints', stored);
  }, stored);
  const page = await context.newPage();
  await open(page, env.origin + '/blueprints/1');
  await page.waitForSelector('[data-testid=bp-analysis] [data-testid=bp-customer-time]');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));

  // Pages of whole phases, six columns at most: 1–5 (Arrive), 6–11 and 12 (Stay, cut where
  // it passes a page) with 13–16 (Leave) beside it.
  const pages = page.locator('[data-testid=bp-print-pages] .bp-print-page');
  assert.deepEqual(await pages.evaluateAll((ps) => ps.map((p) => p.dataset.columns)), ['1-5', '6-11', '12-16']);
  assert.equal(await page.locator('[data-testid=bp-canvas-box]').isVisible(), false, 'the screen drawing is not printed');

  // The drawing before the analysis, in the page's order.
  const drawingFirst = await page.evaluate(() => {
    const drawing = document.querySelector('.bp-print-page');
    const analysis = document.querySelector('[data-testid=bp-analysis]');
    return Boolean(drawing.compareDocumentPosition(analysis) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(drawingFirst, 'the drawing is printed before the analysis');

  // On each page: the five lane names, and every name whole inside it (the steps of its
  // columns, the lines' and the phases' names); measured as drawn on paper.
  const report = await pages.evaluateAll((ps) => ps.map((svg) => {
    const [first, last] = svg.dataset.columns.split('-').map(Number);
    const box = svg.getBoundingClientRect();
    const inside = (e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
    };
    const column = (g) => Number(/column (\d+)/.exec(g.getAttribute('aria-label'))[1]);
    const steps = [...svg.querySelectorAll('.bp-step')].filter((g) => column(g) >= first && column(g) <= last);
    const cut = [...steps.map((g) => g.querySelector('.bp-step-name')), ...svg.querySelectorAll('.bp-line text')]
      .filter((e) => !inside(e)).map((e) => e.textContent);
    const phases = [...svg.querySelectorAll('.bp-phase text')].filter(inside).map((e) => e.textContent);
    return {
      columns: svg.dataset.columns,
      lanes: svg.querySelectorAll(':scope > svg .bp-lane-name').length,
      steps: steps.length,
      cut,
      phases,
      size: [Math.round(box.width), Math.round(box.height)],
      scale: box.width / svg.viewBox.baseVal.width,
    };
  }));
  for (const p of report) {
    assert.equal(p.lanes, 5, `the lane names on page ${p.columns}`);
    assert.ok(p.steps > 0, `steps on page ${p.columns}`);
    assert.deepEqual(p.cut, [], `nothing cut on page ${p.columns}`);
  }
  assert.deepEqual(report.map((p) => p.phases), [['Arrive and check in'], ['Stay'], ['Stay', 'Leave']]);
  // The same scale on every page: the full page is as wide as the paper, the others less.
  const scales = report.map((p) => p.scale);
  assert.ok(Math.max(...scales) - Math.min(...scales) < 0.01, `one scale: ${JSON.stringify(report.map((p) => p.size))}`);

  await page.screenshot({ path: join(SCREENSHOTS, 'blueprint-print-pages.png'), fullPage: true });
  for (let i = 0; i < report.length; i++) {
    await pages.nth(i).screenshot({ path: join(SCREENSHOTS, `blueprint-print-page-${i + 1}.png`) });
  }

  // The PDF as the browser prints it: landscape from the page's own @page rule, the three
  // drawing pages and then the analysis.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(SCREENSHOTS, 'blueprint-print.pdf'), pdf);
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(boxes.length >= 4, `at least the three drawing pages and the analysis: ${boxes.length} pages`);
  for (const [w, h] of boxes) assert.ok(w > h, `landscape pages: ${w} × ${h}`);

  // Afterwards the copies go.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.locator('.bp-print-page').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});
