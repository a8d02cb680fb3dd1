import { validate } from 'class-validator';
import { HousingKind } from './housing.enums.js';
import { CreateHousingUnitInput } from './housing.inputs.js';
import { KINDS_WITH_OPERATOR } from './housing.service.js';

describe('housing rules', () => {
  it('knows every form of housing of seed 001 §9.2 and seed 003 items 2.10, 2.12', () => {
    expect(Object.values(HousingKind).sort()).toEqual(
      [
        // 001 §9.2: training flats in stationary providers, separate units, rented flats, own / social tenancy
        'TRAINING_FLAT',
        'PROVIDER_UNIT',
        'RENTED_FLAT',
        'OWN_FLAT',
        'SOCIAL_TENANCY',
        // 003 item 2.12: specialised stock, NGO-owned housing, dormitories; item 2.10: the "hotel"
        'SPECIALISED_STOCK',
        'NGO_HOUSING',
        'DORMITORY',
        'HOTEL',
      ].sort(),
    );
  });

  it("requires a provider for the units that are the provider's own (001 §9.2), not for the person's own flat", () => {
    expect(KINDS_WITH_OPERATOR.has(HousingKind.TRAINING_FLAT)).toBe(true);
    expect(KINDS_WITH_OPERATOR.has(HousingKind.PROVIDER_UNIT)).toBe(true);
    expect(KINDS_WITH_OPERATOR.has(HousingKind.OWN_FLAT)).toBe(false);
    expect(KINDS_WITH_OPERATOR.has(HousingKind.SOCIAL_TENANCY)).toBe(false);
  });

  it('accepts 1 to 500 places and refuses 0 with a Russian message', async () => {
    const input = (places: number) =>
      Object.assign(new CreateHousingUnitInput(), {
        kind: HousingKind.TRAINING_FLAT,
        address: 'ул. Учебная, д. 1',
        municipality: 'г. Мурманск',
        places,
      });
    // seed 000 item 12: a training department of 12 places
    expect(await validate(input(12))).toEqual([]);
    const errors = await validate(input(0));
    expect(errors.map((e) => e.property)).toEqual(['places']);
    expect(Object.values(errors[0]!.constraints!)).toEqual(['Число мест: не меньше 1']);
    expect(await validate(input(501))).toHaveLength(1);
  });
});
