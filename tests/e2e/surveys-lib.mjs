// What the surveys journeys share: a stored customer record, reading a test id's text,
// and taking pasted response codes.

/** A customer record as the app stores it (schema 1), with nothing but its name. */
export const person = (id, name) => ({
  id, name, kind: 'individual', company: '', phone: '', email: `${id}@example.com`, address: '', owner: '',
  tags: [], notes: '', created_at: '2024-01-10T08:00:00Z', updated_at: '2024-01-10T08:00:00Z',
  value_class: null, motive: null, internal: false, stage: 'formation',
  stage_history: [{ stage: 'formation', date: '2024-01-10' }], ladder: 'customer',
  relationship_level: null, channel: 'other', referred_by: null, interactions: [], churn: null,
});

export const text = (page, id) => page.locator(`[data-testid=${id}]`).first().innerText();

/** Takes the pasted codes. They are read in steps: the report comes once all are taken. */
export const takeCodes = async (page) => {
  await page.click('[data-testid=codes-take]');
  await page.locator('[data-testid=codes-report] li').first().waitFor();
};
