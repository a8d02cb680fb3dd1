import { isTheWrite } from './record-write.service.js';

const write = { recipientId: 'p', entity: 'Stage', entityId: 's1', change: 'endedOn' };
const row = (
  action: 'create' | 'update',
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
) => ({
  recipient_id: 'p',
  entity: 'Stage',
  entity_id: 's1',
  action,
  actor_kind: 'user',
  actor_id: 'a',
  before,
  after,
});

describe('which audit line is the write a timeline event tells of', () => {
  it('takes the creation for `create`, and only it', () => {
    expect(isTheWrite(row('create', null, { endedOn: null }), { ...write, change: 'create' })).toBe(true);
    expect(
      isTheWrite(row('update', { endedOn: null }, { endedOn: null }), { ...write, change: 'create' }),
    ).toBe(false);
  });

  it('takes the change that first set the field, not a later one nor another record’s', () => {
    expect(isTheWrite(row('update', { endedOn: null }, { endedOn: '2026-03-01' }), write)).toBe(true);
    expect(isTheWrite(row('update', { endedOn: '2026-03-01' }, { endedOn: '2026-03-02' }), write)).toBe(
      false,
    );
    expect(isTheWrite(row('update', { endedOn: null }, { endedOn: null }), write)).toBe(false);
    expect(isTheWrite(row('create', null, { endedOn: '2026-03-01' }), write)).toBe(true);
    expect(
      isTheWrite(row('update', { endedOn: null }, { endedOn: '2026-03-01' }), { ...write, entityId: 's2' }),
    ).toBe(false);
  });
});
