import { Role, snilsFromBody } from '@sl/core';
import pg from 'pg';
import { startTestSystem, type TestSystem } from '../support/system.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }
`;
const LIST = /* GraphQL */ `
  query List($filter: RecipientFilter, $orderBy: RecipientOrder, $first: Int, $after: String) {
    recipients(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id lastName firstName patronymic birthDate } }
    }
  }
`;
const COUNT = `query($filter: RecipientFilter) { recipients(filter: $filter, first: 1) { totalCount } }`;

interface Person {
  id: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
}
interface List {
  recipients: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Person }[];
  };
}

const TOWN = 'г. Киров';
const OTHER_TOWN = 'г. Сосновка';
// Few birth dates and few names for many people, some without a patronymic: every page of 4
// ends inside a run of equal values, so the cursor's tie-break on id is what continues it.
const BIRTH_DATES = ['1980-05-01', '1975-02-10', '1980-05-01', '1991-12-31', '1975-02-10'];
const LAST_NAMES = ['Ефимова', 'Абрамов', 'Ефимова', 'Яковлев'];
const PATRONYMICS = ['Игоревна', '', 'Андреевич', ''];
const PEOPLE = 17;

/** JS order of what PostgreSQL sorts: its `C`-collated text and uuids compare as their bytes. */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('lists page by keyset at any depth: every row exactly once, in order, read by index', () => {
  let t: TestSystem;
  const registered: Person[] = [];

  beforeAll(async () => {
    t = await startTestSystem();
    for (let i = 0; i < PEOPLE; i += 1) {
      const person = {
        lastName: LAST_NAMES[i % LAST_NAMES.length]!,
        firstName: i % 3 === 0 ? 'Анна' : 'Борис',
        patronymic: PATRONYMICS[i % PATRONYMICS.length]!,
        birthDate: BIRTH_DATES[i % BIRTH_DATES.length]!,
      };
      const { patronymic, ...named } = person;
      const res = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
        input: {
          ...named,
          ...(patronymic ? { patronymic } : {}),
          sex: 'FEMALE',
          municipality: TOWN,
          snils: snilsFromBody(500_100_000 + i),
        },
      });
      expect(res.errors).toBeUndefined();
      registered.push({ ...person, id: res.data!.createRecipient.id });
    }
    // Someone elsewhere: a list filtered by municipality must not show them.
    const other = await t.gql(CREATE, {
      input: {
        lastName: 'Абрамов',
        firstName: 'Анна',
        birthDate: '1980-05-01',
        sex: 'FEMALE',
        municipality: OTHER_TOWN,
        snils: snilsFromBody(500_200_000),
      },
    });
    expect(other.errors).toBeUndefined();
  });
  afterAll(() => t?.stop());

  async function walk(orderBy: { field: string; direction: string }, first = 4) {
    const seen: Person[] = [];
    let after: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof t.gql<List>>> = await t.gql<List>(LIST, {
        filter: { municipality: TOWN },
        orderBy,
        first,
        after,
      });
      expect(res.errors).toBeUndefined();
      const page = res.data!.recipients;
      seen.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return seen;
  }

  it.each(['ASC', 'DESC'])('walks the birth-date order %s across runs of equal dates', async (direction) => {
    const seen = await walk({ field: 'BIRTH_DATE', direction });
    const sign = direction === 'ASC' ? 1 : -1;
    const expected = [...registered].sort(
      (a, b) => sign * (byteOrder(a.birthDate, b.birthDate) || byteOrder(a.id, b.id)),
    );
    expect(seen.map((p) => p.id)).toEqual(expected.map((p) => p.id));
  });

  it.each([
    ['ASC', 1],
    ['DESC', 3],
  ])(
    'walks the name order %s across equal names and missing patronymics (pages of %i)',
    async (direction, first) => {
      const seen = await walk({ field: 'NAME', direction: direction as string }, first as number);
      const sign = direction === 'ASC' ? 1 : -1;
      const expected = [...registered].sort(
        (a, b) =>
          sign *
          (byteOrder(a.lastName, b.lastName) ||
            byteOrder(a.firstName, b.firstName) ||
            byteOrder(a.patronymic ?? '', b.patronymic ?? '') ||
            byteOrder(a.id, b.id)),
      );
      expect(seen.map((p) => p.id)).toEqual(expected.map((p) => p.id));
      expect(seen.some((p) => p.patronymic === null)).toBe(true);
    },
  );

  it('reads a deep page as a range of the index: the leading sort key is an index condition', async () => {
    const start = await t.gql<List>(LIST, {
      filter: { municipality: TOWN },
      orderBy: { field: 'BIRTH_DATE', direction: 'DESC' },
      first: 9,
    });
    t.resetQueries();
    const deep = await t.gql<List>(LIST, {
      filter: { municipality: TOWN },
      orderBy: { field: 'BIRTH_DATE', direction: 'DESC' },
      first: 4,
      after: start.data!.recipients.pageInfo.endCursor,
    });
    expect(deep.errors).toBeUndefined();
    const statement = (t.queries.get('social') ?? []).find(
      (q) => /^select/i.test(q) && /order by/i.test(q) && q.includes('birth_date'),
    );
    expect(statement).toBeDefined();
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      // A few rows would rather be read whole; the planner is told not to, so the plan shows how
      // the condition meets the index, as it does on a million people.
      await client.query('set enable_seqscan = off');
      await client.query('set enable_bitmapscan = off');
      // The statement as the ORM sent it, its values as placeholders: the generic plan is the one
      // for any cursor.
      let n = 0;
      const generic = statement!.replace(/\?/g, () => `$${++n}`);
      const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(
        `explain (format json, generic_plan) ${generic}`,
      );
      const conds: string[] = [];
      const visit = (node: Record<string, unknown>) => {
        if (typeof node['Index Cond'] === 'string') conds.push(node['Index Cond']);
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) visit(child);
      };
      visit((rows[0]!['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0]!.Plan);
      expect(conds.some((c) => /birth_date\s*<=/.test(c))).toBe(true);
    } finally {
      await client.end();
    }
  });

  describe('totalCount kept until the counted table changes (INDICATORS_STALE_SECONDS=0)', () => {
    const counts = () => (t.queries.get('social') ?? []).filter((q) => /count\(/i.test(q));
    const total = async (filter: Record<string, unknown>, as: Role | { role: Role } = Role.COORDINATOR) => {
      const res = await t.gql<List>(COUNT, { filter }, { as });
      expect(res.errors).toBeUndefined();
      return res.data!.recipients.totalCount;
    };

    it('counts once, then answers a repeated count with no COUNT statement', async () => {
      expect(await total({ municipality: TOWN })).toBe(PEOPLE);
      t.resetQueries();
      expect(await total({ municipality: TOWN })).toBe(PEOPLE);
      expect(counts()).toEqual([]);
      // Another condition is another count.
      expect(await total({ municipality: OTHER_TOWN })).toBe(1);
      expect(counts()).toHaveLength(1);
    });

    it('moves right after a person is registered', async () => {
      const before = await total({ municipality: TOWN });
      const res = await t.gql(CREATE, {
        input: {
          lastName: 'Новикова',
          firstName: 'Вера',
          birthDate: '1988-08-08',
          sex: 'FEMALE',
          municipality: TOWN,
          snils: snilsFromBody(500_300_000),
        },
      });
      expect(res.errors).toBeUndefined();
      t.resetQueries();
      expect(await total({ municipality: TOWN })).toBe(before + 1);
      expect(counts()).toHaveLength(1);
    });

    it('keeps the caller’s scope in the count: provider staff do not get the coordinator’s number', async () => {
      expect(await total({ municipality: TOWN })).toBeGreaterThan(0);
      // The provider scope reads other tables (stage, service plan), so it is counted every time.
      t.resetQueries();
      expect(await total({ municipality: TOWN }, { role: Role.PROVIDER_STAFF })).toBe(0);
      expect(counts()).toHaveLength(1);
    });
  });
});
