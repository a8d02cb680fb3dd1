import { ManualClock, snilsFromBody } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateRecipientInput!) {
    createRecipient(input: $input) {
      id snils lastName firstName patronymic birthDate sex municipality address phone email legalCapacity
      representative { kind fullName identityDocument authorityDocument }
      disabilityGroup ipraNumber ipraDate
      limitations { selfCare movement orientation communication learning behaviourControl }
      possibleDuplicates { id lastName }
    }
  }
`;
const SEARCH = /* GraphQL */ `
  query Search($filter: RecipientFilter, $first: Int, $after: String) {
    recipients(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id lastName firstName patronymic municipality possibleDuplicates { id } } }
    }
  }
`;

interface Created {
  createRecipient: {
    id: string;
    snils: string;
    sex: string;
    representative: { kind: string } | null;
    limitations: Record<string, number | null>;
    possibleDuplicates: { id: string }[];
  };
}
interface Search {
  recipients: {
    totalCount: number;
    edges: { node: { id: string; lastName: string; possibleDuplicates: { id: string }[] } }[];
  };
}

const base = {
  lastName: 'Семёнова',
  firstName: 'Алёна',
  patronymic: 'Петровна',
  birthDate: '1990-04-12',
  sex: 'FEMALE',
  municipality: 'г. Обнинск',
};

describe('recipients: registering and finding people', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ clock: new ManualClock(new Date('2026-03-02T09:00:00Z')) });
  });
  afterAll(() => t.stop());

  const count = async (filter: Record<string, unknown>) =>
    (await t.gql<Search>(SEARCH, { filter })).data!.recipients.totalCount;

  it('refuses a СНИЛС with a wrong check number and writes nothing', async () => {
    const good = snilsFromBody(112_233_445);
    const bad = `${good.slice(0, 9)}${String((Number(good.slice(9)) + 1) % 100).padStart(2, '0')}`;
    const res = await t.gql(CREATE, { input: { ...base, snils: bad } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SNILS_INVALID', field: 'snils' });
    expect(res.errors?.[0]?.message).toMatch(/Контрольное число/);
    expect(await count({ snils: bad })).toBe(0);
    expect(await count({ name: 'Семёнова' })).toBe(0);
  });

  it('registers a complete record', async () => {
    const snils = snilsFromBody(112_233_445);
    const res = await t.gql<Created>(CREATE, {
      input: {
        ...base,
        snils: `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`,
        address: 'г. Обнинск, ул. Ленина, д. 5, кв. 3',
        phone: '+7 910 123-45-67',
        email: 'alena@example.ru',
        legalCapacity: 'LIMITED',
        representative: {
          kind: 'LEGAL',
          fullName: 'Семёнов Пётр Ильич',
          identityDocument: 'паспорт 2900 123456',
          authorityDocument: 'распоряжение органа опеки № 15',
        },
        disabilityGroup: 'GROUP_2',
        ipraNumber: '1234.5.40/2025',
        ipraDate: '2025-11-01',
        limitations: {
          selfCare: 2,
          movement: 1,
          orientation: 0,
          communication: 3,
          learning: 2,
          behaviourControl: 1,
        },
      },
    });
    expect(res.errors).toBeUndefined();
    const r = res.data!.createRecipient;
    expect(r).toMatchObject({
      snils,
      sex: 'FEMALE',
      representative: { kind: 'LEGAL' },
      possibleDuplicates: [],
    });
    expect(r.limitations).toEqual({
      selfCare: 2,
      movement: 1,
      orientation: 0,
      communication: 3,
      learning: 2,
      behaviourControl: 1,
    });
  });

  it('refuses a second person with the same СНИЛС', async () => {
    const res = await t.gql(CREATE, {
      input: { ...base, lastName: 'Другая', snils: snilsFromBody(112_233_445) },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SNILS_DUPLICATE', field: 'snils' });
    expect(await count({ name: 'Другая' })).toBe(0);
  });

  it('registers a namesake with the same birth date but flags both as possible duplicates', async () => {
    const res = await t.gql<Created>(CREATE, {
      input: { ...base, lastName: 'СЕМЕНОВА', firstName: 'алена', snils: snilsFromBody(223_344_556) },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createRecipient.possibleDuplicates).toHaveLength(1);
    const both = await t.gql<Search>(SEARCH, { filter: { name: 'семенова' } });
    expect(both.data!.recipients.edges).toHaveLength(2);
    for (const { node } of both.data!.recipients.edges) expect(node.possibleDuplicates).toHaveLength(1);
  });

  it('refuses bad input with stable codes: unknown enum, degree out of 0–3, birth date in the future', async () => {
    const unknownEnum = await t.gql(CREATE, {
      input: { ...base, sex: 'OTHER', snils: snilsFromBody(334_455_667) },
    });
    expect(unknownEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const degree = await t.gql(CREATE, {
      input: { ...base, snils: snilsFromBody(334_455_667), limitations: { selfCare: 4 } },
    });
    expect(degree.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'limitations.selfCare',
    });
    const future = await t.gql(CREATE, {
      input: { ...base, snils: snilsFromBody(334_455_667), birthDate: '2026-03-03' },
    });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BIRTH_DATE_INVALID', field: 'birthDate' });
    expect(await count({ snils: snilsFromBody(334_455_667) })).toBe(0);
  });

  it('finds people by part of the name in any case with ё and е alike, by СНИЛС and by municipality', async () => {
    await t.gql(CREATE, {
      input: {
        ...base,
        lastName: 'Ёлкин',
        firstName: 'Пётр',
        sex: 'MALE',
        municipality: 'г. Калуга',
        snils: snilsFromBody(445_566_778),
      },
    });
    expect(await count({ name: 'елк' })).toBe(1);
    expect(await count({ name: 'ЁЛКИН пЕтр' })).toBe(1);
    expect(await count({ name: 'петр елкин' })).toBe(1);
    expect(await count({ name: 'алена' })).toBe(2);
    expect(await count({ name: '%' })).toBe(0);
    expect(await count({ snils: snilsFromBody(445_566_778) })).toBe(1);
    expect(await count({ municipality: 'г. Обнинск' })).toBe(2);
    expect(await count({ municipality: 'г. Обнинск', name: 'ёлкин' })).toBe(0);
  });

  it('updates a record: omitted fields stay, null clears, a taken СНИЛС is refused', async () => {
    const found = await t.gql<Search>(SEARCH, { filter: { name: 'ёлкин' } });
    const id = found.data!.recipients.edges[0]!.node.id;
    const UPDATE = `mutation($input: UpdateRecipientInput!) { updateRecipient(input: $input) { id lastName phone legalCapacity snils version } }`;
    const ok = await t.gql<{ updateRecipient: Record<string, unknown> }>(UPDATE, {
      input: { id, version: 1, phone: '+7 4842 55-55-55', legalCapacity: 'FULL' },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateRecipient).toMatchObject({
      lastName: 'Ёлкин',
      phone: '+7 4842 55-55-55',
      legalCapacity: 'FULL',
      version: 2,
    });
    const cleared = await t.gql<{ updateRecipient: Record<string, unknown> }>(UPDATE, {
      input: { id, version: 2, phone: null },
    });
    expect(cleared.data!.updateRecipient.phone).toBeNull();
    const taken = await t.gql(UPDATE, { input: { id, version: 3, snils: snilsFromBody(112_233_445) } });
    expect(taken.errors?.[0]?.extensions?.code).toBe('SNILS_DUPLICATE');
    const missing = await t.gql(UPDATE, {
      input: { id: '00000000-0000-4000-8000-000000000000', version: 1, phone: '123456' },
    });
    expect(missing.errors?.[0]?.extensions?.code).toBe('RECIPIENT_NOT_FOUND');
  });

  it('refuses the second of two coordinators editing the same version, and overwrites nothing', async () => {
    const found = await t.gql<Search>(SEARCH, { filter: { name: 'ёлкин' } });
    const id = found.data!.recipients.edges[0]!.node.id;
    const READ = 'query($id: ID!) { recipient(id: $id) { version phone address } }';
    const UPDATE = `mutation($input: UpdateRecipientInput!) { updateRecipient(input: $input) { version phone address } }`;
    type Read = { recipient: { version: number; phone: string | null; address: string | null } };
    // Both open the record at the same version…
    const seen = (await t.gql<Read>(READ, { id })).data!.recipient.version;
    // …the first saves a new phone, the second (still on the old version) a new address.
    const first = await t.gql<{ updateRecipient: { version: number } }>(UPDATE, {
      input: { id, version: seen, phone: '+7 4842 11-11-11' },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.updateRecipient.version).toBe(seen + 1);
    const second = await t.gql(UPDATE, {
      input: { id, version: seen, address: 'г. Обнинск, ул. Мира, д. 1' },
    });
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'EDIT_CONFLICT',
      field: 'version',
      currentVersion: seen + 1,
    });
    expect(second.errors?.[0]?.message).toMatch(/другой пользователь/);
    const after = (await t.gql<Read>(READ, { id })).data!.recipient;
    expect(after).toMatchObject({ version: seen + 1, phone: '+7 4842 11-11-11' });
    expect(after.address).not.toBe('г. Обнинск, ул. Мира, д. 1');

    // At the very same moment: exactly one of two edits of one version is saved.
    const [a, b] = await Promise.all([
      t.gql(UPDATE, { input: { id, version: seen + 1, phone: '+7 4842 22-22-22' } }),
      t.gql(UPDATE, { input: { id, version: seen + 1, phone: '+7 4842 33-33-33' } }),
    ]);
    const codes = [a, b].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['EDIT_CONFLICT', 'OK']);
    const final = (await t.gql<Read>(READ, { id })).data!.recipient;
    expect(final.version).toBe(seen + 2);
    const winner = [a, b].find((r) => !r.errors) as { data: { updateRecipient: { phone: string } } };
    expect(final.phone).toBe(winner.data.updateRecipient.phone);
  });
});
