import { AppError } from '../errors/errors.js';
import { decodeCursor, encodeCursor, keysetCondition, sortSignature } from './pagination.js';

describe('keyset pagination', () => {
  it('round-trips cursor values', () => {
    const values = ['Иванов', 'Пётр', '', '6524d412-9857-4b8f-b67a-15bc3bf69944'];
    expect(decodeCursor(encodeCursor(values), 4)).toEqual(values);
  });

  it('refuses a cursor that is not ours or of another sort', () => {
    expect(() => decodeCursor('garbage', 2)).toThrow(AppError);
    expect(() => decodeCursor(encodeCursor(['a', 'b', 'c']), 2)).toThrow(/курсор/);
    // Same keys in the other direction: a page from it would be wrong, so it is refused.
    const asc = sortSignature([{ field: 'lastName', direction: 'ASC' }]);
    const desc = sortSignature([{ field: 'lastName', direction: 'DESC' }]);
    expect(decodeCursor(encodeCursor(['Иванов'], asc), 1, asc)).toEqual(['Иванов']);
    expect(() => decodeCursor(encodeCursor(['Иванов'], asc), 1, desc)).toThrow(AppError);
  });

  it('expands (a, b) > (x, y) per key, honouring each direction', () => {
    expect(
      keysetCondition(
        [
          { field: 'lastName', direction: 'DESC' },
          { field: 'id', direction: 'ASC' },
        ],
        ['Петров', 'id-1'],
      ),
    ).toEqual({ $or: [{ lastName: { $lt: 'Петров' } }, { lastName: 'Петров', id: { $gt: 'id-1' } }] });
  });
});
