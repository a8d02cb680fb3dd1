import { ManualClock } from '@sl/core';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signIn, until } from '../support/browser.js';
import { demoAuthorization } from '../support/demo-session.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 23, corrections: the case coordinator annuls a wrong assessment from the case workspace
 * with a reason; it stays listed, marked, the summary offers a new assessment and the history
 * shows both the assessment and its annulment.
 */
const clock = new ManualClock(new Date());
let t: TestSystem;
let browser: Browser;
let page: Page;
let base: string;
let recipientId: string;
let score: number;

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '12' }, clock });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
  // A demo case, run by the demo coordinator: their newest assessment in force.
  const coordinator = { authorization: await demoAuthorization(base) };
  const found = await t.gql<{
    assessments: { edges: { node: { recipientId: string; score: number; annulledAt: string | null } }[] };
  }>('{ assessments(first: 20) { edges { node { recipientId score annulledAt } } } }', {}, coordinator);
  expect(found.errors).toBeUndefined();
  const latest = found.data!.assessments.edges.map((e) => e.node).find((a) => !a.annulledAt)!;
  recipientId = latest.recipientId;
  const person = await t.gql<{ recipient: { assessments: { score: number }[] } }>(
    'query($id: ID!) { recipient(id: $id) { assessments { score } } }',
    { id: recipientId },
    coordinator,
  );
  score = person.data!.recipient.assessments[0]!.score;
  page = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
  await signIn(page, base, 'coordinator');
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

it('annuls the latest assessment with a reason, keeps it marked, offers a new one and shows both in the history', async () => {
  await page.goto(`${base}/#/recipients/${recipientId}/show/social`);
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: String(score), exact: true }) });
  await row.getByRole('button', { name: 'Аннулировать / исправить' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(`Оценка (${score} баллов) останется в деле с отметкой`).waitFor();
  // No reason, no annulment: the field says so, in Russian, and the dialog stays open.
  await dialog.getByRole('button', { name: 'Записать', exact: true }).click();
  const reason = dialog.getByLabel(/Причина аннулирования/);
  await until(async () => (await reason.getAttribute('aria-invalid')) === 'true');
  await expectAccessible(page, 'corrections-01-annul-error');
  await reason.fill('Баллы подсчитаны неверно: ответы по разделу «ориентация» перепутаны');
  await dialog.getByRole('button', { name: 'Записать', exact: true }).click();
  await page
    .locator('.MuiSnackbar-root')
    .filter({ hasText: /Оценка от .* аннулирована/ })
    .first()
    .waitFor();
  await dialog.waitFor({ state: 'hidden' });

  // The record stays, marked with who, when and why; it can no longer be annulled.
  const marked = page.getByRole('row').filter({ hasText: 'ответы по разделу «ориентация» перепутаны' });
  await marked.getByText(/аннулирована .*\(coordinator\)/).waitFor();
  expect(await marked.getByRole('button', { name: 'Аннулировать / исправить' }).count()).toBe(0);
  // The summary offers the corrected assessment.
  await page.getByRole('button', { name: 'Оценка нуждаемости', exact: true }).first().waitFor();
  await expectAccessible(page, 'corrections-02-annulled');

  const stored = await t.gql<{
    recipient: { assessments: { score: number; annulmentReason: string | null }[] };
  }>(
    'query($id: ID!) { recipient(id: $id) { assessments { score annulmentReason } } }',
    { id: recipientId },
    { authorization: await demoAuthorization(base) },
  );
  expect(stored.data!.recipient.assessments[0]).toEqual({
    score,
    annulmentReason: 'Баллы подсчитаны неверно: ответы по разделу «ориентация» перепутаны',
  });

  await page.goto(`${base}/#/recipients/${recipientId}/show/timeline`);
  const history = page.locator('[data-testid="timeline-tab"]');
  await history.getByText('Оценка аннулирована').first().waitFor();
  await history.getByText('Оценена нуждаемость').first().waitFor();
  await expectAccessible(page, 'corrections-03-timeline');
});
