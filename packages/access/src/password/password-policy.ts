import { ValidationError } from '@sl/core';
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';

/**
 * zxcvbn's score from 0 to 4; 3 means an attacker needs at least 10⁸ guesses — with scrypt
 * hashes and the sign-in lockout, far beyond reach — while a passphrase of a few unrelated words
 * passes easily.
 */
export const MIN_PASSWORD_SCORE = 3;

// Built once, on the first password checked: the dictionaries (some 5 MB of modules) take longer to
// load than checking a password, and most processes never check one.
let factory: Promise<ZxcvbnFactory> | null = null;
function estimator(): Promise<ZxcvbnFactory> {
  factory ??= loadEstimator();
  return factory;
}
async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    // Levenshtein against some 100 000 dictionary words costs 1–3 s of CPU per check, on the
    // event loop that serves every request; zxcvbn's l33t and pattern matching still catch
    // "passw0rd"-like variants, and the score below is what refuses them.
    useLevenshteinDistance: false,
  });
}

/**
 * There is no Russian dictionary for zxcvbn on npm. A Russian word typed on the ЙЦУКЕН layout
 * is the same keystrokes as its Latin counterpart ("пароль" is "gfhjkm", a well-known common
 * password; "йцукен" is "qwerty"), so a password is checked as typed and as those keys.
 */
const RUSSIAN_LAYOUT = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
function asLatinKeys(password: string): string {
  return [...password]
    .map((ch) => {
      const i = RUSSIAN_LAYOUT.indexOf(ch.toLowerCase());
      if (i < 0) return ch;
      const key = LATIN_KEYS[i]!;
      return ch === ch.toLowerCase() ? key : key.toUpperCase();
    })
    .join('');
}

/** Why a password is refused, as zxcvbn's warning names it, in words a coordinator understands. */
const REASONS: Record<string, string> = {
  blank: 'Пароль не может состоять из одних пробелов',
  straightRow: 'Пароль — ряд клавиш подряд (вроде «qwerty» или «йцукен»), его подбирают первым',
  keyPattern: 'Пароль — простой узор на клавиатуре, его подбирают первым',
  simpleRepeat: 'Пароль состоит из одного повторяющегося символа (вроде «aaaaaaaaaaaa»)',
  extendedRepeat: 'Пароль состоит из повторов одной группы символов (вроде «abcabcabc»)',
  sequences: 'Пароль — простая последовательность (вроде «abcdef» или «123456»)',
  recentYears: 'Пароль держится на годе, а годы подбирают первыми',
  dates: 'Пароль держится на дате, а даты подбирают первыми',
  topTen: 'Пароль входит в десятку самых распространённых паролей',
  topHundred: 'Пароль входит в сотню самых распространённых паролей',
  common: 'Пароль входит в список распространённых паролей',
  similarToCommon: 'Пароль похож на распространённый пароль',
  pwned: 'Пароль найден среди утёкших паролей',
  wordByItself: 'Одно слово — слишком простой пароль',
  namesByThemselves: 'Имена и фамилии сами по себе — слишком простой пароль',
  commonNames: 'Распространённые имена и фамилии легко подобрать',
  userInputs: 'Пароль содержит логин или имя пользователя',
};
const TOO_GUESSABLE = 'Пароль слишком легко подобрать';
const ADVICE = 'Возьмите фразу из нескольких несвязанных слов, например «Сирень у реки 42»';

export interface PasswordVerdict {
  ok: boolean;
  /** zxcvbn's warning key (or `blank`); null when the password is merely too guessable. */
  reason: string | null;
  message: string | null;
}

/**
 * The password policy of every account (at creation, at a change, at an administrator's reset):
 * zxcvbn's estimate against its common-password, English and keyboard-pattern dictionaries, the
 * account's own login and name counted as known words. Length is checked by the inputs (12+).
 */
export async function judgePassword(
  password: string,
  userInputs: readonly string[] = [],
): Promise<PasswordVerdict> {
  if (password.trim() === '') return { ok: false, reason: 'blank', message: REASONS.blank! };
  // The login and name whole and word by word: "pw-user-2026" contains the login "pw-user".
  const inputs = userInputs
    .map((s) => s.toLowerCase())
    .flatMap((s) => [s, ...s.split(/[\s._-]+/)])
    .filter((s) => s.length >= 3);
  const z = await estimator();
  const results: ZxcvbnResult[] = [z.check(password, inputs)];
  const typed = asLatinKeys(password);
  if (typed !== password) results.push(z.check(typed, inputs.map(asLatinKeys)));
  const weakest = results.reduce((a, b) => (b.guesses < a.guesses ? b : a));
  if (weakest.score >= MIN_PASSWORD_SCORE) return { ok: true, reason: null, message: null };
  const reason = weakest.feedback.warning;
  const why = (reason && REASONS[reason]) ?? TOO_GUESSABLE;
  return { ok: false, reason: reason ?? null, message: `${why}. ${ADVICE}.` };
}

/** Refuses a password the policy finds weak with PASSWORD_TOO_WEAK on the named field. */
export async function requireStrongPassword(
  password: string,
  userInputs: readonly string[],
  field = 'password',
): Promise<void> {
  const verdict = await judgePassword(password, userInputs);
  if (!verdict.ok) {
    throw new ValidationError(verdict.message!, field, 'PASSWORD_TOO_WEAK', { reason: verdict.reason });
  }
}
