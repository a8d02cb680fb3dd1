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

  it('expands (a, b) > (x, y) per key, honouring each direction, under a bound on the leading key', () => {
    expect(
      keysetCondition(
        [
          { field: 'lastName', direction: 'DESC' },
          { field: 'id', direction: 'ASC' },
        ],
        ['Петров', 'id-1'],
      ),
    ).toEqual({
      $and: [
        { lastName: { $lte: 'Петров' } },
        { $or: [{ lastName: { $lt: 'Петров' } }, { lastName: 'Петров', id: { $gt: 'id-1' } }] },
      ],
    });
    // The bound is what PostgreSQL can read as a range of the index; the OR alone it cannot.
    expect(
      keysetCondition(
        [
          { field: 'birthDate', direction: 'ASC' },
          { field: 'id', direction: 'ASC' },
        ],
        ['1990-01-01', 'id-1'],
      ),
    ).toEqual({
      $and: [
        { birthDate: { $gte: '1990-01-01' } },
        { $or: [{ birthDate: { $gt: '1990-01-01' } }, { birthDate: '1990-01-01', id: { $gt: 'id-1' } }] },
      ],
    });
    // One key is its own range.
    expect(keysetCondition([{ field: 'id', direction: 'DESC' }], ['id-1'])).toEqual({ id: { $lt: 'id-1' } });
  });

  describe('a nullable key, in PostgreSQL order (NULLs last ascending, first descending)', () => {
    const keys = (direction: 'ASC' | 'DESC') => [
      { field: 'patronymic', direction },
      { field: 'id', direction },
    ];
    const nullable = new Set(['patronymic']);

    it('ASC after a value: greater values, then every NULL; no single range to bound', () => {
      expect(keysetCondition(keys('ASC'), ['Ильич', 'id-1'], nullable)).toEqual({
        $or: [
          { $or: [{ patronymic: { $gt: 'Ильич' } }, { patronymic: null }] },
          { patronymic: 'Ильич', id: { $gt: 'id-1' } },
        ],
      });
    });

    it('ASC after a NULL: only the NULLs further on', () => {
      expect(keysetCondition(keys('ASC'), [null, 'id-1'], nullable)).toEqual({
        patronymic: null,
        id: { $gt: 'id-1' },
      });
    });

    it('DESC after a NULL: the NULLs further on, then every value', () => {
      expect(keysetCondition(keys('DESC'), [null, 'id-1'], nullable)).toEqual({
        $or: [{ patronymic: { $ne: null } }, { patronymic: null, id: { $lt: 'id-1' } }],
      });
    });

    it('DESC after a value: smaller values only (the NULLs came first), bounded', () => {
      expect(keysetCondition(keys('DESC'), ['Ильич', 'id-1'], nullable)).toEqual({
        $and: [
          { patronymic: { $lte: 'Ильич' } },
          { $or: [{ patronymic: { $lt: 'Ильич' } }, { patronymic: 'Ильич', id: { $lt: 'id-1' } }] },
        ],
      });
    });

    it('a NULL in a later key is compared as equal by IS NULL in the branches after it', () => {
      const three = [
        { field: 'lastName', direction: 'ASC' as const },
        { field: 'patronymic', direction: 'ASC' as const },
        { field: 'id', direction: 'ASC' as const },
      ];
      expect(keysetCondition(three, ['Иванов', null, 'id-1'], nullable)).toEqual({
        $and: [
          { lastName: { $gte: 'Иванов' } },
          {
            $or: [
              { lastName: { $gt: 'Иванов' } },
              { lastName: 'Иванов', patronymic: null, id: { $gt: 'id-1' } },
            ],
          },
        ],
      });
    });
  });
});
