import { hashPassword, unknownAccountHash, usePasswordHashCost, verifyPassword } from './password.js';

describe('password hashes', () => {
  afterAll(() => usePasswordHashCost(17));

  it('makes new hashes at the configured cost and verifies each at the cost it was made with', async () => {
    usePasswordHashCost(10);
    const cheap = await hashPassword('Сирень у реки 42');
    expect(cheap.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 10), '8', '1']);
    expect(unknownAccountHash().split('$')[1]).toBe(String(2 ** 10));

    usePasswordHashCost(11);
    const dearer = await hashPassword('Сирень у реки 42');
    expect(dearer.split('$')[1]).toBe(String(2 ** 11));
    // A hash made before the cost changed still verifies: it carries its own parameters.
    await expect(verifyPassword('Сирень у реки 42', cheap)).resolves.toBe(true);
    await expect(verifyPassword('Сирень у реки 43', cheap)).resolves.toBe(false);
    await expect(verifyPassword('Сирень у реки 42', dearer)).resolves.toBe(true);
  });
});
