import { AppError } from '@sl/core';
import { judgePassword, requireStrongPassword } from './password-policy.js';

describe('the password policy', () => {
  it.each([
    ['blank', '               ', 'blank', /пробелов/],
    ['one repeated character', 'aaaaaaaaaaaa', 'simpleRepeat', /повторяющегося символа/],
    ['a repeated group', 'abcabcabcabc', 'extendedRepeat', /повторов одной группы/],
    ['a common password', '123456789012', 'common', /распространённых паролей/],
    ['a common password with digits', 'password1234', 'similarToCommon', /похож на распространённый/],
    ['an English keyboard row', 'qwertyuiop12', 'similarToCommon', /распространённый/],
    // The same keys as "qwertyuiop[]": a keyboard row, however it is typed.
    ['a Russian keyboard row', 'йцукенгшщзхъ', 'straightRow', /ряд клавиш/],
  ])('refuses %s and names why in Russian', async (_, password, reason, message) => {
    const verdict = await judgePassword(password);
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toBe(reason);
    expect(verdict.message).toMatch(message);
  });

  it('reads a Russian word as the keys it is typed with ("пароль" is "gfhjkm")', async () => {
    const verdict = await judgePassword('пароль123456');
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/распространённ/);
  });

  it("counts the account's own login and name as known words", async () => {
    expect((await judgePassword('zhukovskaya2026', [])).ok).toBe(true);
    const own = await judgePassword('zhukovskaya2026', ['m.zhukovskaya', 'Мария Жуковская']);
    expect(own.ok).toBe(false);
    expect(own.message).toMatch(/логин или имя/);
  });

  it('accepts passphrases of unrelated words, Russian or Latin', async () => {
    for (const password of ['Сирень у реки 42', 'correct horse battery', 'Kalinka-Malinka-77']) {
      expect(await judgePassword(password)).toEqual({ ok: true, reason: null, message: null });
    }
  });

  it('refuses with PASSWORD_TOO_WEAK on the field it is told', async () => {
    let caught: unknown;
    try {
      await requireStrongPassword('aaaaaaaaaaaa', [], 'newPassword');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('PASSWORD_TOO_WEAK');
    expect((caught as AppError).details).toMatchObject({ field: 'newPassword', reason: 'simpleRepeat' });
    await expect(requireStrongPassword('Сирень у реки 42', [])).resolves.toBeUndefined();
  });
});
