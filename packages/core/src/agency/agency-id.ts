import { createHash } from 'node:crypto';

/** The namespace of the agency directory's name-based ids (RFC 9562 §5.5). */
const NAMESPACE = Buffer.from('6f1c2a4e9b3d4c5e8a7f0d1e2c3b4a59', 'hex');

/**
 * The id of a directory agency: a UUID v5 of its region and full name. The same agency has the
 * same id in every installation, so accounts and API clients (access) can name the agency of a
 * directory they never read, and the demo's accounts the demo region's ministries.
 */
export function agencyIdOf(region: string, name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${region}\u0000${name}`, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
