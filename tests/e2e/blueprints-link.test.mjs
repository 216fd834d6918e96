// Journey: the selected step is in the address (`/blueprints/1?step=4`), so a reload or a
// link sent to someone opens the blueprint with that step selected and its details shown;
// choosing nothing takes it out again, and a link to a step that is not there selects none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const step = (page) => new URL(page.url()).searchParams.get('step');
const selected = (page) => page.locator('[data-testid=bp-canvas] .bp-step.selected')
  .evaluateAll((gs) => gs.map((g) => g.dataset.testid.replace('bp-step-', '')));

test('the selected step survives a reload and travels in a link', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await open(page, env.origin + '/blueprints');
  await page.click('[data-testid=bp-new-sample-0]');
  await page.waitForSelector('[data-testid=bp-step-4]');
  assert.equal(step(page), null, 'nothing selected, nothing in the address');

  // A click on a step puts it in the address, in place of the page (Back still leaves).
  const history = await page.evaluate(() => history.length);
  await page.click('[data-testid=bp-step-4]');
  await page.waitForURL(/\?step=4$/);
  assert.equal(await page.evaluate(() => history.length), history, 'the address is replaced, not added to');
  const name = await page.inputValue('[data-testid=bp-field-name]');

  // Reloaded: the same step selected, its details in the side panel.
  await page.reload();
  await page.waitForSelector('[data-testid=bp-step-4].selected');
  assert.deepEqual(await selected(page), ['4']);
  assert.equal(await page.inputValue('[data-testid=bp-field-name]'), name);
  assert.equal(step(page), '4');

  // Another step chosen by keyboard; Escape chooses none and the address follows.
  await page.focus('[data-testid=bp-canvas]');
  await page.click('[data-testid=bp-step-2]');
  await page.waitForURL(/\?step=2$/);
  await page.focus('[data-testid=bp-canvas]');
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.search);
  assert.deepEqual(await selected(page), []);

  // A link opened in a new tab selects its step; a link to a step that is not there none.
  const other = await context.newPage();
  await open(other, env.origin + '/blueprints/1?step=5');
  await other.waitForSelector('[data-testid=bp-step-5].selected');
  assert.ok((await other.inputValue('[data-testid=bp-field-name]')).length > 0, 'the step\'s details are shown');
  await open(other, env.origin + '/blueprints/1?step=999');
  await other.waitForSelector('[data-testid=bp-step-5]');
  assert.deepEqual(await selected(other), []);
  assert.deepEqual([...page.errors, ...other.errors], []);
  await context.close();
});
