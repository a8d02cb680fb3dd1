import { isUuid } from '../validation/uuid.js';
import { agencyIdOf } from './agency-id.js';

describe('agencyIdOf', () => {
  it('gives a version-5 UUID that depends on the region and the name only', () => {
    const id = agencyIdOf('kaliningrad', 'Министерство образования Калининградской области');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(agencyIdOf('kaliningrad', 'Министерство образования Калининградской области')).toBe(id);
    expect(agencyIdOf('astrakhan', 'Министерство образования Калининградской области')).not.toBe(id);
    expect(agencyIdOf('kaliningrad', 'Министерство социальной политики Калининградской области')).not.toBe(
      id,
    );
  });
});
