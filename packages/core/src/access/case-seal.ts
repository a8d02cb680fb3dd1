import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Social's seal over who coordinates a person's case, which health receives with `@requires`. Health
 * cannot read social's tables, and a representation is whatever its caller sends: the seal (an
 * HMAC with a key derived from SESSION_SECRET, bound to the person, the coordinators and an expiry)
 * lets health trust only what social itself stated, recently.
 */
const SEAL_SECONDS = 120;

function mac(secret: string, recipientId: string, ids: readonly string[], expires: number): Buffer {
  const key = createHmac('sha256', secret).update('case-assignment-seal').digest();
  return createHmac('sha256', key)
    .update(`${recipientId}|${[...ids].sort().join(',')}|${expires}`)
    .digest();
}

export function sealCaseAssignment(
  secret: string,
  now: Date,
  recipientId: string,
  ids: readonly string[],
): string {
  const expires = Math.floor(now.getTime() / 1000) + SEAL_SECONDS;
  return `${expires}.${mac(secret, recipientId, ids, expires).toString('base64url')}`;
}

export function verifyCaseSeal(
  secret: string,
  now: Date,
  recipientId: string,
  ids: readonly string[],
  seal: unknown,
): boolean {
  if (typeof seal !== 'string') return false;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(seal);
  if (!match) return false;
  const expires = Number(match[1]);
  const nowSeconds = now.getTime() / 1000;
  if (expires < nowSeconds || expires > nowSeconds + SEAL_SECONDS) return false;
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = mac(secret, recipientId, ids, expires);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
