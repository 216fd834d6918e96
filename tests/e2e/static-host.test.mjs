// Journeys on a plain static host: no rewrite rule, only 404.html for a path it does not
// have, as GitHub Pages serves. A deep link and a reload open the app at the site's root
// and under /crm/, and the build writes the files the common hosts need (README
// "Put it online").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newContext, open, DIST, DIST_SUBPATH } from './harness.mjs';

let env;
before(async () => { env = await start({ fallback: '404' }); });
after(async () => { await env.close(); });

const customer = {
  id: 1, name: '王作文', kind: 'individual', company: '', phone: '', email: 'wzw@example.com', address: '', owner: '',
  tags: [], notes: '', created_at: '2024-01-10T08:00:00Z', updated_at: '2024-01-10T08:00:00Z',
  value_class: null, motive: null, internal: false, stage: 'formation',
  stage_history: [{ stage: 'formation', date: '2024-01-10' }], ladder: 'customer',
  relationship_level: null, channel: 'other', referred_by: null, interactions: [], churn: null,
};

for (const [base, dist] of [['', DIST], ['/crm', DIST_SUBPATH]]) {
  test(`deep links and reloads open the app on a host without a rewrite rule (${base || 'root'})`, async () => {
    // The build writes 404.html (the app itself) and the rewrite rule for its base.
    assert.equal(readFileSync(join(dist, '404.html'), 'utf8'), readFileSync(join(dist, 'index.html'), 'utf8'));
    assert.equal(readFileSync(join(dist, '_redirects'), 'utf8'), `${base}/*  ${base}/index.html  200\n`);

    const context = await newContext(env.browser, { locale: 'zh-CN' });
    const book = JSON.stringify({ schema: 1, rev: 1, data: { customers: [customer], next_id: 2 } });
    await context.addInitScript((raw) => {
      if (!localStorage.getItem('crm.customers')) localStorage.setItem('crm.customers', raw);
    }, book);
    const page = await context.newPage();

    // The host answers 404 with the app, which opens the page the address names.
    const response = await page.goto(env.origin + base + '/customers/1');
    assert.equal(response.status(), 404, 'the test host has no rewrite rule');
    await page.waitForSelector('[data-testid=page-customer]');
    assert.equal(await page.locator('[data-testid=customer-name]').innerText(), '王作文');
    await page.reload();
    await page.waitForSelector('[data-testid=page-customer]');
    assert.equal(await page.locator('[data-testid=customer-name]').innerText(), '王作文');

    // A deep link with a query, then in-app navigation and a reload there.
    await open(page, env.origin + base + '/credit/aging?asof=2026-12-31');
    assert.equal(new URL(page.url()).searchParams.get('asof'), '2026-12-31');
    await page.click('[data-testid=nav-learn]');
    await page.waitForSelector('[data-testid=page-learn]');
    assert.equal(new URL(page.url()).pathname, base + '/learn');
    await page.reload();
    await page.waitForSelector('[data-testid=page-learn]');
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}
