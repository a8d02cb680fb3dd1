import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, expectAccessible, launchBrowser, signIn, until } from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * Issue 18, "Passwords", in a real browser: an administrator resets a password from the accounts
 * screen, the user signs in with it and is taken straight to the change form, a weak password is
 * refused with the reason under its field, a strong one accepted, and the user then works; and a
 * user changes their own password from the user menu.
 */
const TEMPORARY = 'Временный пароль 7391';

let t: TestSystem;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '4' } });
  base = `http://127.0.0.1:${t.system.server.port}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function page(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const p = await context.newPage();
  p.on('pageerror', (e) => console.error(`browser: ${e.message}`));
  return p;
}

/** The server's message under the named input (by aria-describedby), once the input is invalid. */
async function expectFieldError(p: Page, name: string, text: RegExp): Promise<void> {
  const input = p.locator(`input[name="${name}"]`);
  await until(async () => (await input.getAttribute('aria-invalid')) === 'true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const ids = describedBy.split(' ').filter(Boolean);
  expect(ids.length).toBeGreaterThan(0);
  await p
    .locator(ids.map((id) => `[id="${id}"]`).join(', '))
    .getByText(text)
    .waitFor({ timeout: 15_000 });
}

describe('passwords on the dashboard', () => {
  it('an administrator resets a password; the user must change it at sign-in, and then works', async () => {
    const admin = await page();
    await signIn(admin, base, 'admin');
    await admin.goto(`${base}/#/accounts`);
    const row = admin.locator('tr', { hasText: 'employment' });
    await row.getByRole('button', { name: 'Сбросить пароль' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.locator('input[name="newPassword"]').fill('aaaaaaaaaaaaaa');
    await dialog.getByRole('button', { name: 'Сбросить пароль' }).click();
    await expectFieldError(admin, 'newPassword', /одного повторяющегося символа/);
    await expectAccessible(admin, 'p01-reset-weak');
    await dialog.locator('input[name="newPassword"]').fill(TEMPORARY);
    await dialog.getByRole('button', { name: 'Сбросить пароль' }).click();
    await admin.getByText('Пароль сброшен').waitFor({ timeout: 60_000 });
    await admin.context().close();

    const user = await page();
    await signIn(user, base, 'employment', TEMPORARY);
    // Straight to the change form, and nothing else opens until it is done.
    await until(async () => user.url().endsWith('#/password'));
    await user.getByText('Администратор сбросил ваш пароль').waitFor();
    await expectAccessible(user, 'p02-forced-change');
    await user.goto(`${base}/#/agencies`);
    await until(async () => user.url().endsWith('#/password'));

    await user.locator('input[name="currentPassword"]').fill(TEMPORARY);
    await user.locator('input[name="newPassword"]').fill('password2026');
    await user.locator('input[name="repeatPassword"]').fill('password2026');
    await user.getByRole('button', { name: 'Сменить пароль' }).click();
    await expectFieldError(user, 'newPassword', /распространённ/);
    await expectAccessible(user, 'p03-weak-refused');

    await user.locator('input[name="newPassword"]').fill('Ландыш над обрывом 58');
    await user.locator('input[name="repeatPassword"]').fill('Ландыш над обрывом 58');
    await user.getByRole('button', { name: 'Сменить пароль' }).click();
    await user.getByText('Пароль изменён').waitFor({ timeout: 60_000 });
    await until(async () => !user.url().endsWith('#/password'));
    // The user now works: a list of their menu loads.
    await user.goto(`${base}/#/agencies`);
    await user.locator('table tbody tr').first().waitFor({ timeout: 15_000 });
    await user.context().close();

    const again = await page();
    await signIn(again, base, 'employment', 'Ландыш над обрывом 58');
    expect(again.url()).not.toMatch(/#\/password$/);
    await again.context().close();
  });

  it('a user changes their own password from the user menu', async () => {
    const user = await page();
    await signIn(user, base, 'education');
    await user.getByRole('button', { name: 'Смирнова Ольга Петровна' }).click();
    await user.getByRole('menuitem', { name: 'Сменить пароль' }).click();
    await until(async () => user.url().endsWith('#/password'));
    await user.locator('input[name="currentPassword"]').fill('not-my-password-1');
    await user.locator('input[name="newPassword"]').fill('Сирень у реки 42');
    await user.locator('input[name="repeatPassword"]').fill('Сирень у реки 43');
    await user.getByRole('button', { name: 'Сменить пароль' }).click();
    await expectFieldError(user, 'repeatPassword', /Пароли не совпадают/);
    await user.locator('input[name="repeatPassword"]').fill('Сирень у реки 42');
    await user.getByRole('button', { name: 'Сменить пароль' }).click();
    await expectFieldError(user, 'currentPassword', /Текущий пароль указан неверно/);
    await expectAccessible(user, 'p04-own-change-wrong-current');
    await user.locator('input[name="currentPassword"]').fill(DEMO_PASSWORD);
    await user.getByRole('button', { name: 'Сменить пароль' }).click();
    await user.getByText('Пароль изменён').waitFor({ timeout: 60_000 });
    await user.context().close();

    const again = await page();
    await signIn(again, base, 'education', 'Сирень у реки 42');
    await again.context().close();
  });
});
