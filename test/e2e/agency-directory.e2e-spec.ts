import { agencyIdOf, Role, testConfig } from '@sl/core';
import { startSystem } from '@sl/gateway';
import { seedText, sql, toBase64 } from '../support/roadmap-files.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/** Administrators add and edit the agencies of a region's directory; nobody else may. */
const CREATE = /* GraphQL */ `
  mutation Create($input: CreateAgencyInput!) {
    createAgency(input: $input) { id region name abbreviations kind }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateAgencyInput!) {
    updateAgency(input: $input) { id region name abbreviations kind }
  }
`;
const PREVIEW = /* GraphQL */ `
  mutation Preview($input: RoadmapImportInput!) {
    previewRoadmapImport(input: $input) { unresolvedExecutors { itemKey name } }
  }
`;

interface Agency {
  id: string;
  region: string;
  name: string;
  abbreviations: string[];
  kind: string;
}

describe('the agency directory, kept by administrators', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem();
  });
  afterAll(() => t.stop());

  const asAdmin = { as: Role.ADMIN } as const;
  const count = async () =>
    (await sql<{ n: number }>(t.database.url, 'SELECT count(*)::int AS n FROM coordination.agency'))[0]!.n;
  const create = (input: Record<string, unknown>, as: Role = Role.ADMIN) =>
    t.gql<{ createAgency: Agency }>(CREATE, { input }, { as });

  it('adds an agency an imported roadmap names but the directory lacked, and the import then resolves it', async () => {
    // seed 003 item 2.3 names «профессиональными образовательными учреждениями среднего
    // профессионального и высшего образования», which its list of abbreviations does not hold
    const input = {
      region: 'novosibirsk',
      filename: 'nso.txt',
      contentBase64: toBase64(seedText('novosibirsk-003')),
    };
    const before = await t.gql<{ previewRoadmapImport: { unresolvedExecutors: { name: string }[] } }>(
      PREVIEW,
      {
        input,
      },
    );
    const name =
      'профессиональными образовательными учреждениями среднего профессионального и высшего образования';
    expect(before.data!.previewRoadmapImport.unresolvedExecutors.map((u) => u.name)).toContain(name);

    const full = 'профессиональные образовательные организации Новосибирской области';
    const res = await create({
      region: 'novosibirsk',
      name: `  профессиональные   образовательные организации Новосибирской области `,
      abbreviations: [name, name.toUpperCase()],
      kind: 'INSTITUTION',
    });
    expect(res.errors).toBeUndefined();
    // spaces tidied, the same spelling twice kept once
    expect(res.data!.createAgency).toEqual({
      id: agencyIdOf('novosibirsk', full),
      region: 'novosibirsk',
      name: full,
      abbreviations: [name],
      kind: 'INSTITUTION',
    });
    const after = await t.gql<{ previewRoadmapImport: { unresolvedExecutors: { name: string }[] } }>(
      PREVIEW,
      {
        input,
      },
    );
    expect(after.data!.previewRoadmapImport.unresolvedExecutors.map((u) => u.name)).not.toContain(name);
  });

  it('edits name, spellings and kind; the id stays, and a restart does not bring the old name back', async () => {
    const id = agencyIdOf('kaliningrad', 'Министерство образования Калининградской области');
    const res = await t.gql<{ updateAgency: Agency }>(
      UPDATE,
      {
        input: {
          id,
          name: 'Министерство образования и науки Калининградской области',
          abbreviations: ['Минобрнауки Калининградской области'],
        },
      },
      asAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateAgency).toEqual({
      id,
      region: 'kaliningrad',
      name: 'Министерство образования и науки Калининградской области',
      abbreviations: ['Минобрнауки Калининградской области'],
      kind: 'MINISTRY',
    });
    const resolved = await t.gql<{ resolveAgency: { id: string } | null }>(
      '{ resolveAgency(region: "kaliningrad", text: "Минобрнауки Калининградской области") { id } }',
    );
    expect(resolved.data!.resolveAgency).toEqual({ id });
    const before = await count();
    const second = await startSystem({ config: testConfig({ DATABASE_URL: t.database.url }) });
    await second.stop();
    expect(await count()).toBe(before);
  });

  it('refuses a name or spelling that already stands for another agency, and bad fields, changing nothing', async () => {
    const before = await count();
    const taken = await create({
      region: 'kaliningrad',
      name: 'министерство  социальной политики калининградской области',
      abbreviations: [],
      kind: 'MINISTRY',
    });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'AGENCY_EXISTS', field: 'name' });
    expect(taken.errors?.[0]?.message).toBe(
      'В справочнике региона уже есть ведомство «Министерство социальной политики Калининградской области»',
    );
    const spelling = await create({
      region: 'kaliningrad',
      name: 'Министерство спорта Калининградской области',
      abbreviations: ['Минсоцполитики Калининградской области'],
      kind: 'MINISTRY',
    });
    expect(spelling.errors?.[0]?.extensions).toMatchObject({
      code: 'AGENCY_ABBREVIATION_TAKEN',
      field: 'abbreviations',
    });
    // the old name of a renamed agency still owns its id
    const renamedAway = await create({
      region: 'kaliningrad',
      name: 'Министерство образования Калининградской области',
      abbreviations: [],
      kind: 'MINISTRY',
    });
    expect(renamedAway.errors?.[0]?.extensions).toMatchObject({ code: 'AGENCY_EXISTS', field: 'name' });
    const short = await create({ region: 'kaliningrad', name: 'М', abbreviations: [], kind: 'MINISTRY' });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
    expect(short.errors?.[0]?.message).toBe('Полное наименование: от 3 до 500 символов');
    const region = await create({
      region: 'Калуга',
      name: 'Министерство',
      abbreviations: [],
      kind: 'MINISTRY',
    });
    expect(region.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'region' });
    const missing = await t.gql(
      UPDATE,
      { input: { id: '00000000-0000-4000-8000-000000000001', kind: 'NGO' } },
      asAdmin,
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const clash = await t.gql(
      UPDATE,
      {
        input: {
          id: agencyIdOf('kaliningrad', 'Правительство Калининградской области'),
          abbreviations: ['ЦЗН Калининградской области'],
        },
      },
      asAdmin,
    );
    expect(clash.errors?.[0]?.extensions).toMatchObject({
      code: 'AGENCY_ABBREVIATION_TAKEN',
      field: 'abbreviations',
    });
    expect(await count()).toBe(before);
  });

  it.each([Role.COORDINATOR, Role.HEALTH_OFFICER, Role.COUNCIL_MEMBER, Role.AUDITOR])(
    'refuses %s: only administrators keep the directory',
    async (role) => {
      const before = await count();
      const res = await create(
        {
          region: 'kaliningrad',
          name: 'Министерство культуры Калининградской области',
          abbreviations: [],
          kind: 'MINISTRY',
        },
        role,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const edit = await t.gql(
        UPDATE,
        { input: { id: agencyIdOf('kaliningrad', 'Правительство Калининградской области'), kind: 'NGO' } },
        { as: role },
      );
      expect(edit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await count()).toBe(before);
    },
  );
});
