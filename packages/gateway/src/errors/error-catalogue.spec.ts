import { readFileSync } from 'node:fs';
import { REQUEST_ERROR_CODES } from '../edge/graphql-http.js';
import { ERROR_CATALOGUE, renderErrorDoc } from './error-catalogue.js';
import { scanErrorCodes } from './error-codes.scan.js';

describe('the error catalogue', () => {
  const scanned = scanErrorCodes(new URL('../../..', import.meta.url).pathname);

  it('documents every code the source gives to its error classes, and no other', () => {
    const documented = Object.entries(ERROR_CATALOGUE)
      .filter(([, e]) => !e.external)
      .map(([code]) => code)
      .sort();
    expect(documented).toEqual([...scanned.keys()].sort());
  });

  it('finds codes in each form the source writes them', () => {
    // super('FORBIDDEN', …), new ValidationError(message, field, 'CODE'), extensions: { code },
    // { code, message } handed on, and the HTTP helpers.
    for (const code of ['FORBIDDEN', 'SNILS_INVALID', 'OPERATION_NOT_ALLOWED', 'NOT_ADULT', 'RATE_LIMITED'])
      expect(scanned.has(code)).toBe(true);
    // Data that is not an error code is not taken for one (the Kaluga service types).
    expect(scanned.has('TYPE_1')).toBe(false);
  });

  it('gives the status by media type (¹) to exactly the request errors the gateway answers so', () => {
    const marked = Object.entries(ERROR_CATALOGUE)
      .filter(([, e]) => e.status === '400 ¹')
      .map(([code]) => code);
    expect(marked.sort()).toEqual([...REQUEST_ERROR_CODES].sort());
  });

  it('is what docs/errors.md says (regenerate with ./dev.sh schema:generate)', () => {
    const committed = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
    expect(committed).toEqual(renderErrorDoc());
  });
});
