import { sharedBuffersMb } from './embedded.js';

const GB = 1024 ** 3;

describe('the embedded PostgreSQL page cache', () => {
  it('takes a quarter of the machine, at least PostgreSQL’s default and at most 8 GB', () => {
    expect(sharedBuffersMb(0, 24 * GB)).toBe(6144);
    expect(sharedBuffersMb(0, 256 * GB)).toBe(8192);
    expect(sharedBuffersMb(0, 0.25 * GB)).toBe(128);
  });

  it('follows the setting when there is one', () => {
    expect(sharedBuffersMb(512, 24 * GB)).toBe(512);
  });
});
