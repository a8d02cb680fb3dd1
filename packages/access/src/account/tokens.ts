import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Session tokens and client secrets are random; only their SHA-256 is stored. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export const SESSION_PREFIX = 'sls_';
export const CLIENT_PREFIX = 'slc_';
