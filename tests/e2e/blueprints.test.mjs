// Journeys through Service blueprints: start from a sample, add a step by clicking an
// empty cell, move it with the arrow keys, mark it a fail point in the side panel, undo
// and redo (buttons and keys), mark a wait and see the customer's time change, edit a name
// in the table view, reload and find everything; the list's rename, duplicate and delete;
// drag a step to another lane with its arrow following, select several (Shift-click, a
// band, Shift+arrows), copy, paste and delete them; mark a service element and a
// competitor's figure; export a PNG; print pages; screenshots on a laptop and a phone in
// both languages and both colour schemes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newContext, open, screenshot, SCREENSHOTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const text = (page, id) => page.locator(`[data-testid=${id}]`).first().innerText();
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('crm.blueprints') || 'null'));
const label = (page, id) => page.locator(`[data-testid=bp-step-${id}]`).getAttribute('aria-label');
const failBadges = (page, id) => page.locator(`[data-testid=bp-step-${id}] .bp-badge.fail`).count();

test('a blueprint from the hotel sample: add, move, mark, undo and redo, reload', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const page = await context.newPage();
  await open(page, env.origin + '/blueprints');
  assert.match(await text(page, 'bp-empty'), /No blueprints yet/);
  await page.click('[data-testid=bp-new-sample-0]');
  await page.waitForSelector('[data-testid=page-blueprint]');
  assert.equal(new URL(page.url()).pathname, '/blueprints/1');
  assert.equal(await text(page, 'blueprint-title'), 'A hotel stay');
  // The sample's figures: 63 minutes of steps and 48 of waiting on the main path.
  assert.equal(await text(page, 'bp-customer-time'), 'Customer time: 111 minutes');
  assert.match(await text(page, 'bp-waiting-share'), /48 minutes \(43\.2%\)/);
  assert.match(await text(page, 'bp-longest-wait'), /30 minutes/);
  await page.click('[data-testid=working-customer-time] summary');
  assert.match(await text(page, 'working-customer-time'), /Customer time \(minutes\) = 63 \+ 48 = 111/);

  // The SVG carries a title, a description and a label per step.
  assert.equal(await page.locator('[data-testid=bp-canvas] > title').textContent(), 'A hotel stay');
  assert.match(await page.locator('[data-testid=bp-canvas] > desc').textContent(), /steps and \d+ arrows in five lanes/);
  assert.ok(await page.locator('[data-testid=bp-canvas] .bp-touchpoint').count() > 0, 'touchpoints are marked');

  // Click the empty customer cell in the spare column: a new step there, selected.
  const columns = await page.locator('[data-testid=bp-table] thead th').count() - 1;
  const spare = columns - 1;
  await page.click(`[data-testid=bp-cell-customer-${spare}]`);
  const selected = page.locator('.bp-step.selected');
  await selected.waitFor();
  const id = (await selected.getAttribute('data-testid')).replace('bp-step-', '');
  assert.match(await label(page, id), new RegExp(`New step, Customer actions, column ${spare + 1}`));
  await page.fill('[data-testid=bp-field-name]', 'Ask about parking');
  await page.press('[data-testid=bp-field-name]', 'Tab');
  assert.match(await label(page, id), /^Ask about parking, Customer actions/);

  // Arrow keys move the selected step: down a lane, then right a column.
  await page.focus('[data-testid=bp-canvas]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.match(await label(page, id), new RegExp(`Onstage contact-employee actions, column ${spare + 2}`));
  assert.match(await text(page, 'bp-selected-announcement'), /Selected: Ask about parking/);

  // Mark it a fail point in the side panel.
  await page.check('[data-testid=bp-field-is-fail]');
  await page.fill('[data-testid=bp-field-fail-what]', 'No parking space left');
  await page.press('[data-testid=bp-field-fail-what]', 'Tab');
  assert.equal(await failBadges(page, id), 1);
  assert.match(await text(page, 'bp-risk-table'), /Ask about parking\s+No parking space left\s+3\s+3\s+9/);
  assert.match(await text(page, 'bp-risk-gaps'), /Ask about parking: No execution standard set/);

  // Undo twice: the text, then the mark; redo both.
  await page.click('[data-testid=bp-undo]');
  assert.doesNotMatch(await text(page, 'bp-risk-table'), /No parking space left/);
  await page.click('[data-testid=bp-undo]');
  assert.equal(await failBadges(page, id), 0);
  assert.equal(await page.isChecked('[data-testid=bp-field-is-fail]'), false);
  await page.click('[data-testid=bp-redo]');
  await page.click('[data-testid=bp-redo]');
  assert.equal(await failBadges(page, id), 1);
  assert.match(await text(page, 'bp-risk-table'), /No parking space left/);
  // The same with the keys.
  await page.focus('[data-testid=bp-canvas]');
  await page.keyboard.press('Control+z');
  assert.doesNotMatch(await text(page, 'bp-risk-table'), /No parking space left/);
  await page.keyboard.press('Control+Shift+Z');
  assert.match(await text(page, 'bp-risk-table'), /No parking space left/);
  assert.match(await label(page, id), /Onstage contact-employee actions/);

  // The table view: focusing a name selects its step; a wait on the main path's first
  // step adds to the customer's time.
  await page.focus('[data-testid=bp-table-name-2]');
  assert.equal(await page.locator('.bp-step.selected').getAttribute('data-testid'), 'bp-step-2');
  await page.fill('[data-testid=bp-table-name-2]', 'Book the room online');
  await page.press('[data-testid=bp-table-name-2]', 'Tab');
  assert.match(await label(page, 2), /^Book the room online/);
  await page.check('[data-testid=bp-field-is-wait]');
  await page.fill('[data-testid=bp-field-wait-minutes]', '10');
  await page.press('[data-testid=bp-field-wait-minutes]', 'Tab');
  assert.equal(await text(page, 'bp-customer-time'), 'Customer time: 121 minutes');
  assert.match(await text(page, 'bp-broken-principles'), /Unoccupied waits feel longer/);
  await screenshot(page, 'blueprint-editor-en');

  // Reload: everything is still there.
  await page.reload();
  await page.waitForSelector('[data-testid=bp-canvas]');
  assert.match(await label(page, id), /^Ask about parking, Onstage contact-employee actions, column/);
  assert.equal(await failBadges(page, id), 1);
  assert.match(await text(page, 'bp-risk-table'), /No parking space left/);
  assert.equal(await text(page, 'bp-customer-time'), 'Customer time: 121 minutes');
  const book = await stored(page);
  assert.equal(book.schema, 2);
  assert.equal(book.data.blueprints.length, 1);
  const step = book.data.blueprints[0].steps.find((s) => String(s.id) === id);
  assert.equal(step.lane, 'onstage');
  assert.equal(step.fail_point.what, 'No parking space left');

  // Exports: the whole blueprint as JSON, the steps as CSV, the drawing as an SVG of its own.
  const download = async (testid) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
    return { name: file.suggestedFilename(), path: await file.path() };
  };
  const json = await download('bp-export-json');
  assert.equal(json.name, 'A hotel stay.json');
  const exported = JSON.parse(readFileSync(json.path, 'utf8'));
  assert.equal(exported.steps.find((s) => String(s.id) === id).fail_point.what, 'No parking space left');
  const csv = await download('bp-export-csv');
  assert.equal(csv.name, 'A hotel stay-steps.csv');
  assert.match(readFileSync(csv.path, 'utf8'), /^\uFEFF?id,lane,phase,name,minutes,wait_minutes,fail_point,standard,evidence,next/);
  const svg = await download('bp-export-svg');
  const drawing = readFileSync(svg.path, 'utf8');
  assert.match(drawing, /^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*><style>/);
  assert.match(drawing, /aria-label="Ask about parking, Onstage/);

  // The JSON imports back as a new blueprint with the same figures; a file that is not a
  // blueprint is refused.
  await open(page, env.origin + '/blueprints');
  await page.setInputFiles('[data-testid=bp-import-json]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"steps": 5}') });
  assert.match(await text(page, 'bp-import-error'), /not a blueprint/);
  await page.setInputFiles('[data-testid=bp-import-json]', json.path);
  await page.waitForURL(/\/blueprints\/2$/);
  assert.equal(await text(page, 'bp-customer-time'), 'Customer time: 121 minutes');
  assert.equal(await failBadges(page, id), 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the list: rename, duplicate as to-be, delete after asking, undo the delete; the to-be compared', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const page = await context.newPage();
  await open(page, env.origin + '/blueprints');
  await page.click('[data-testid=bp-new-blank]');
  await page.waitForSelector('[data-testid=page-blueprint]');
  assert.equal(await text(page, 'blueprint-title'), 'Untitled blueprint');
  await page.click('[data-testid=bp-table-add-customer-0]');
  await page.fill('[data-testid=bp-field-name]', 'Walk in');
  await page.press('[data-testid=bp-field-name]', 'Tab');
  await open(page, env.origin + '/blueprints');
  await page.click('[data-testid=bp-rename-1]');
  await page.fill('[data-testid=bp-rename-input-1]', 'Our café');
  await page.click('[data-testid=bp-rename-save-1]');
  assert.match(await text(page, 'bp-row-1'), /Our café/);
  await page.click('[data-testid=bp-duplicate-1]');
  assert.match(await text(page, 'bp-row-2'), /Our café \(to be\)[\s\S]*To be · Steps: 1/);
  await page.click('[data-testid=bp-delete-1]');
  assert.match(await text(page, 'bp-delete-question'), /Delete “Our café”/);
  await page.click('[data-testid=bp-delete-confirm]');
  assert.equal(await page.locator('[data-testid=bp-row-1]').count(), 0);
  await page.click('[data-testid=bp-undo-delete]');
  assert.match(await text(page, 'bp-row-1'), /Our café/);
  await page.reload();
  await page.waitForSelector('[data-testid=bp-row-2]');
  assert.equal(await page.locator('.bp-row').count(), 2);

  // The to-be version is compared with the blueprint it came from; its details are edited
  // in "About this blueprint".
  await page.click('[data-testid=bp-open-2]');
  await page.waitForSelector('[data-testid=bp-canvas]');
  assert.match(await text(page, 'bp-compare-card'), /This to-be version against “Our café”/);
  assert.match(await text(page, 'bp-compare'), /Touchpoints\s+0\s+0\s+0/);
  await page.click('[data-testid=bp-about] summary');
  await page.fill('[data-testid=bp-about-persona]', 'A regular on the way to work');
  await page.press('[data-testid=bp-about-persona]', 'Tab');
  assert.match(await page.locator('.bp-editor-header').innerText(), /To be · A regular on the way to work/);
  await page.click('[data-testid=bp-undo]');
  assert.doesNotMatch(await page.locator('.bp-editor-header').innerText(), /A regular/);

  // "Load demo data" adds the four samples beside the user's own blueprints, once.
  for (let round = 0; round < 2; round++) {
    await open(page, env.origin + '/customers');
    await page.click('[data-testid=load-demo]');
    // The second time there are customers to replace, so the list asks first.
    if (round === 1) await page.click('[data-testid=data-confirm-yes]');
    await page.waitForSelector('[data-testid=customer-table], table');
  }
  await open(page, env.origin + '/blueprints');
  await page.waitForSelector('[data-testid=bp-row-6]');
  assert.equal(await page.locator('.bp-row').count(), 6);
  assert.match(await text(page, 'bp-row-1'), /Our café/);
  assert.match(await text(page, 'bp-row-3'), /A hotel stay/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('steps imported from CSV: row errors first, nothing changed until confirmed, then undoable', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const page = await context.newPage();
  await open(page, env.origin + '/blueprints');
  await page.click('[data-testid=bp-new-blank]');
  await page.waitForSelector('[data-testid=bp-canvas]');
  await page.click('[data-testid=bp-import-csv]');
  await page.waitForSelector('[data-testid=page-steps-import]');
  const header = 'id,lane,phase,name,minutes,wait_minutes,fail_point,standard,evidence,next';
  const bad = [header, '1,customer,Arrive,Walk in,2,,,,,2', '2,onstage,Arrive,Greet the guest,1,5,Nobody at the desk,,,9', '3,kitchen,Order,Order coffee,3,,,,Menu board,'].join('\n');
  await page.fill('[data-testid=import-paste]', bad);
  await page.click('[data-testid=import-read-pasted]');
  const errors = await text(page, 'import-row-errors');
  assert.match(errors, /Row 3: Next: “9” names an id that no row has/);
  assert.match(errors, /Row 4: Lane: “kitchen” is not a lane/);
  assert.match(await text(page, 'import-valid-count'), /nothing can be imported until every row/);
  assert.equal(await page.isDisabled('[data-testid=import-confirm]'), true);
  assert.equal((await stored(page)).data.blueprints[0].steps.length, 0, 'nothing changed before confirm');

  const good = bad.replace(',,,9', ',,,3').replace('3,kitchen', '3,customer');
  await page.click('[data-testid=import-cancel]');
  await page.fill('[data-testid=import-paste]', good);
  await page.click('[data-testid=import-read-pasted]');
  assert.match(await text(page, 'import-valid-count'), /3 of 3 rows/);
  await page.click('[data-testid=import-confirm]');
  assert.match(await text(page, 'import-done'), /3 steps imported/);
  // Back in the app (not a reload: the undo history lives in this tab).
  await page.click('[data-testid=import-back]');
  await page.waitForSelector('[data-testid=bp-canvas]');
  // 2 + 1 + 3 minutes of steps and a 5-minute wait along 1 → 2 → 3.
  assert.equal(await text(page, 'bp-customer-time'), 'Customer time: 11 minutes');
  assert.match(await label(page, 2), /^Greet the guest, Onstage contact-employee actions, column 1/);
  assert.match(await label(page, 3), /^Order coffee, Customer actions, column 2/);
  assert.equal(await page.locator('[data-testid=bp-canvas] .bp-phase').count(), 2);
  await page.click('[data-testid=bp-undo]');
  assert.equal(await page.locator('[data-testid=bp-canvas] [data-testid^=bp-step-]').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a sample blueprint on a phone, in Chinese: the canvas scrolls in its box, not the page', async () => {
  const context = await newContext(env.browser, { locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await open(page, env.origin + '/blueprints');
  await page.click('[data-testid=bp-new-sample-1]');
  await page.waitForSelector('[data-testid=bp-canvas]');
  assert.equal(await text(page, 'blueprint-title'), '餐厅用餐');
  assert.match(await text(page, 'bp-customer-time'), /^顾客总用时：\d+(\.\d+)? 分钟$/);
  assert.match(await page.locator('[data-testid=bp-canvas] [data-testid^=bp-step-]').first().getAttribute('aria-label'), /，第 \d+ 列/);
  await screenshot(page, 'blueprint-editor-phone-zh');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways page scroll on a phone (${overflow}px)`);
  const box = await page.evaluate(() => {
    const b = document.querySelector('[data-testid=bp-canvas-box]');
    return { scroll: b.scrollWidth, client: b.clientWidth };
  });
  assert.ok(box.scroll > box.client, `the canvas scrolls inside its box (${box.scroll} > ${box.client})`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** The centre of an element on the screen. */
const centre = async (page, selector) => {
  const box = await page.locator(selector).first().boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};
const points = (page, from, to) => page.locator(`[data-testid=bp-arrow-${from}-${to}] polyline`).getAttribute('points');
const stepCount = (page) => page.locator('[data-testid=bp-canvas] [data-testid^=bp-step-]').count();

for (const [locale, scheme] of [['en-US', 'light'], ['zh-CN', 'dark']]) {
  const en = locale === 'en-US';
  test(`drag, select several, copy and paste, elements and benchmarks, PNG and print (${locale}, ${scheme})`, async () => {
    const context = await env.browser.newContext({ locale, viewport: { width: 1366, height: 800 }, colorScheme: scheme, acceptDownloads: true });
    const page = await context.newPage();
    await open(page, env.origin + '/blueprints');
    await page.click('[data-testid=bp-new-blank]');
    await page.waitForSelector('[data-testid=bp-canvas]');
    // Two steps and an arrow between them: customer/1 → onstage/2.
    await page.click('[data-testid=bp-cell-customer-0]');
    await page.fill('[data-testid=bp-field-name]', en ? 'Walk in' : '进店');
    await page.press('[data-testid=bp-field-name]', 'Tab');
    await page.fill('[data-testid=bp-field-minutes]', '3');
    await page.press('[data-testid=bp-field-minutes]', 'Tab');
    await page.click('[data-testid=bp-cell-onstage-1]');
    await page.click('[data-testid=bp-step-1]');
    await page.focus('[data-testid=bp-canvas]');
    await page.keyboard.press('c');
    await page.click('[data-testid=bp-step-2]');
    await page.locator('[data-testid=bp-arrow-1-2]').waitFor();
    const before = await points(page, 1, 2);

    // Drag step 2 down to the backstage lane and one column on: while the button is held
    // the step snaps to the cell under the pointer and its arrow is routed again.
    const from = await centre(page, '[data-testid=bp-step-2]');
    const to = await centre(page, '[data-testid=bp-cell-backstage-2]');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(from.x + (to.x - from.x) * i / 8, from.y + (to.y - from.y) * i / 8);
    }
    const during = await points(page, 1, 2);
    assert.notEqual(during, before, 'the arrow follows during the drag');
    assert.match(await label(page, 2), en ? /Backstage contact-employee actions, column 3/ : /后台员工行为，第 3 列/, 'drawn where it will land');
    assert.equal((await stored(page)).data.blueprints[0].steps.find((s) => s.id === 2).lane, 'onstage', 'saved only on the drop');
    await page.mouse.up();
    assert.match(await label(page, 2), en ? /Backstage contact-employee actions, column 3/ : /后台员工行为，第 3 列/);
    assert.equal(await points(page, 1, 2), during, 'the drop keeps the route drawn during the drag');
    // One drop, one undo.
    await page.click('[data-testid=bp-undo]');
    assert.match(await label(page, 2), en ? /Onstage contact-employee actions, column 2/ : /前台员工行为，第 2 列/);
    assert.equal(await points(page, 1, 2), before);
    await page.click('[data-testid=bp-redo]');
    assert.match(await label(page, 2), en ? /Backstage contact-employee actions, column 3/ : /后台员工行为，第 3 列/);

    // A click without movement still selects; Shift-click adds to the selection.
    await page.click('[data-testid=bp-step-1]');
    assert.equal(await page.locator('.bp-step.selected').count(), 1);
    await page.click('[data-testid=bp-step-2]', { modifiers: ['Shift'] });
    assert.equal(await page.locator('.bp-step.selected').count(), 2);
    assert.match(await text(page, 'bp-selected-announcement'), en ? /2 steps selected/ : /已选中 2 个步骤/);
    // Copy and paste with the keys: two new steps in free cells, their arrow kept.
    await page.focus('[data-testid=bp-canvas]');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    assert.equal(await stepCount(page), 4);
    await page.locator('[data-testid=bp-arrow-3-4]').waitFor();
    assert.equal(await page.locator('.bp-step.selected').count(), 2, 'the pasted steps are selected');
    await page.click('[data-testid=bp-undo]');
    assert.equal(await stepCount(page), 2);
    await page.click('[data-testid=bp-paste]');
    assert.equal(await stepCount(page), 4);

    // A band over empty cells selects every step it touches; the arrow keys move them all.
    const a = await centre(page, '[data-testid=bp-cell-evidence-0]');
    const b = await centre(page, '[data-testid=bp-cell-support-4]');
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
    assert.equal(await page.locator('[data-testid=bp-band]').count(), 1);
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
    assert.equal(await page.locator('.bp-step.selected').count(), 4);
    assert.equal(await stepCount(page), 4, 'a band adds no step');
    await page.focus('[data-testid=bp-canvas]');
    await page.keyboard.press('ArrowRight');
    assert.match(await label(page, 1), en ? /Customer actions, column 2/ : /顾客行为，第 2 列/);
    await page.keyboard.press('Delete');
    assert.equal(await stepCount(page), 0);
    await page.keyboard.press('Control+z');
    assert.equal(await stepCount(page), 4);
    await page.keyboard.press('Control+z');
    assert.match(await label(page, 1), en ? /Customer actions, column 1/ : /顾客行为，第 1 列/);
    // Shift+arrow keys select from the keyboard alone.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    assert.equal(await page.locator('.bp-step.selected').count(), 2);

    // A service element marked missing shows in the teacher's checks; present, it goes.
    await page.click('[data-testid=bp-elements] summary');
    await page.selectOption('[data-testid=bp-element-status-14]', 'missing');
    assert.match(await text(page, 'bp-checks'), en ? /A service element is missing: Warranty/ : /缺少一项服务要素/);
    await page.selectOption('[data-testid=bp-element-step-14]', '1');
    await page.selectOption('[data-testid=bp-element-status-14]', 'present');
    assert.doesNotMatch(await text(page, 'bp-checks-card'), en ? /Warranty/ : /缺少一项服务要素/);

    // A competitor's time for step 1 beside ours: 3 minutes against 1, a gap of 2.
    await page.click('[data-testid=bp-step-1]');
    await page.check('[data-testid=bp-field-has-benchmark]');
    await page.fill('[data-testid=bp-field-competitor]', 'Inn');
    await page.press('[data-testid=bp-field-competitor]', 'Tab');
    await page.fill('[data-testid=bp-field-theirs]', '1');
    await page.press('[data-testid=bp-field-theirs]', 'Tab');
    assert.match(await text(page, 'bp-benchmarks'), /Inn[\s\S]*3\s+1\s+2/);
    await page.click('[data-testid=bp-step-2]', { modifiers: ['Shift'] });
    await screenshot(page, `blueprint-selection-${locale}-${scheme}`);
    await page.locator('[data-testid=bp-analysis]').screenshot({ path: join(SCREENSHOTS, `blueprint-analysis-${locale}-${scheme}.png`) });

    // PNG: a download that is a PNG.
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=bp-export-png]')]);
    assert.match(file.suggestedFilename(), /\.png$/);
    const png = readFileSync(await file.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.length > 2000, `a picture, not an empty file (${png.length} bytes)`);

    // Print: pages of the drawing with the lane names on each, gone after printing.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    assert.ok(await page.locator('[data-testid=bp-print-pages] .bp-print-page').count() >= 1);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('.bp-print-page').first().boundingBox();
    assert.ok(printed && printed.height > 100, `the first printed page shows the drawing (${JSON.stringify(printed)})`);
    assert.equal(await page.locator('[data-testid=bp-canvas-box]').isVisible(), false, 'the screen drawing is not printed');
    await page.screenshot({ path: join(SCREENSHOTS, `blueprint-print-${locale}-${scheme}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.locator('.bp-print-page').count(), 0);

    // Reload: the steps, the element and the figure are all still there.
    await page.reload();
    await page.waitForSelector('[data-testid=bp-canvas]');
    assert.equal(await stepCount(page), 4);
    assert.match(await text(page, 'bp-benchmarks'), /Inn/);
    const book = await stored(page);
    const saved = book.data.blueprints[0];
    assert.deepEqual(saved.elements.map((e) => [e.kind, e.present, e.step]), [['warranty', true, 1]]);
    assert.equal(saved.benchmarks[0].theirs, 1);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

for (const [locale, scheme] of [['en-US', 'dark'], ['zh-CN', 'light']]) {
  const en = locale === 'en-US';
  test(`a step tied to a survey item and to complaint categories (${locale}, ${scheme})`, async () => {
    const context = await env.browser.newContext({ locale, viewport: { width: 1366, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    // The demo: customers with complaints, surveys with answers, the sample blueprints.
    await open(page, env.origin + '/customers');
    await page.click('[data-testid=load-demo]');
    await page.waitForSelector('[data-testid=customer-table], table');
    await open(page, env.origin + '/blueprints/1');
    await page.waitForSelector('[data-testid=bp-canvas]');
    await page.click('[data-testid=bp-step-2]');
    await page.selectOption('[data-testid=bp-field-survey]', { index: 1 });
    assert.match(await text(page, 'bp-tie-result'), en ? /Latest result: (P − E )?[+-]?\d+\.\d\d \(\d+ answers?\)/ : /最新结果：/);
    assert.match(await page.locator('[data-testid=bp-step-2]').getAttribute('class'), /tie-(good|fair|poor)/);
    assert.match(await label(page, 2), en ? /survey (P − E )?[+-]?\d+\.\d\d/ : /调查结果 /);
    assert.equal(await page.locator('[data-testid=bp-legend]').count(), 1);
    await page.check('[data-testid=bp-field-complaint-service]');
    assert.match(await text(page, 'bp-complaint-count'), en ? /^\d+ complaints? in the customers' timelines$/ : /^客户时间线中有 \d+ 条投诉$/);
    assert.match(await label(page, 2), en ? /\d+ complaints?$/ : /\d+ 条投诉$/);
    // Undo takes the categories away, redo puts them back.
    await page.click('[data-testid=bp-undo]');
    assert.equal(await page.locator('[data-testid=bp-complaint-count]').count(), 0);
    await page.click('[data-testid=bp-redo]');
    assert.equal(await page.locator('[data-testid=bp-complaint-count]').count(), 1);
    await page.click('[data-testid=bp-step-3]', { modifiers: ['Shift'] });
    await page.locator('[data-testid=bp-canvas-box]').screenshot({ path: join(SCREENSHOTS, `blueprint-tied-${locale}-${scheme}.png`) });
    await page.locator('.bp-table-card').first().screenshot({ path: join(SCREENSHOTS, `blueprint-table-${locale}-${scheme}.png`) });
    await page.reload();
    await page.waitForSelector('[data-testid=bp-canvas]');
    assert.match(await page.locator('[data-testid=bp-step-2]').getAttribute('class'), /tie-(good|fair|poor)/);
    assert.match(await label(page, 2), en ? /\d+ complaints?$/ : /\d+ 条投诉$/);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}
