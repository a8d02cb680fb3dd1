import {
  bulkLoadLock,
  checkSnils,
  connectOrm,
  createLogger,
  deferConstraints,
  demoPeopleChunks,
  demoProfile,
  RowSink,
  testConfig,
} from '@sl/core';
import { DatabaseHasPeopleError, generateData } from '@sl/gateway';
import { socialSubgraph } from '@sl/social';
import pg from 'pg';
import { demoRecipient } from '../../packages/social/src/demo.js';
import { Visit } from '../../packages/social/src/services/visit.entity.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

/**
 * The data generator through its real path (the people's part written with COPY) on a fresh
 * database: a `region` profile cut down to a few thousand people, checked across the subgraphs'
 * schemas with SQL as the database's owner, then read through the gateway.
 */
const PEOPLE = 3000;
const SCHEMAS = ['social', 'health', 'education', 'employment', 'coordination'];

describe('the data generator', () => {
  let t: TestSystem;
  let db: pg.Client;
  /** Every index and constraint of the subgraphs' schemas, as the migrations made them. */
  let migrated: string[];
  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const definitions = async () =>
    (
      await db.query<{ d: string }>(
        `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d
           FROM pg_constraint WHERE connamespace::regnamespace::text = ANY($1)
         UNION ALL
         SELECT pg_get_indexdef(indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
           WHERE c.relnamespace::regnamespace::text = ANY($1)
         ORDER BY 1`,
        [SCHEMAS],
      )
    ).rows.map((r) => r.d);
  const connectSocial = () =>
    connectOrm({
      schema: 'social',
      url: t.database.url,
      entities: socialSubgraph.entities,
      migrations: socialSubgraph.migrations,
      poolMax: 1,
      logger: createLogger('silent'),
    });

  beforeAll(async () => {
    t = await startTestSystem();
    db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
    migrated = await definitions();
    await generateData({
      config: testConfig({ DATABASE_URL: t.database.url }),
      profile: 'region',
      people: PEOPLE,
      logger: createLogger('silent'),
    });
  }, 600_000);
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  const people = () => [...demoPeopleChunks(PEOPLE, 'kaluga', 1000, demoProfile('region').scale)].flat();

  it('writes the rows the profile asks for in every subgraph', async () => {
    const journeys = people().map((p) => p.journey);
    expect(await count('SELECT count(*) n FROM social.recipient')).toBe(PEOPLE);
    expect(await count('SELECT count(*) n FROM social.application')).toBe(PEOPLE);
    expect(await count('SELECT count(*) n FROM health.medical_conclusion')).toBe(PEOPLE);
    expect(await count('SELECT count(*) n FROM coordination.need_registry_entry')).toBe(PEOPLE);
    const working = journeys.filter((j) => j.job !== 'NONE').length;
    const studying = journeys.filter((j) => j.education !== 'NONE').length;
    expect(await count('SELECT count(*) n FROM employment.placement')).toBe(working);
    expect(await count('SELECT count(*) n FROM education.enrolment')).toBe(studying);
    // The large profiles: about 30% in work, 10% in education.
    expect(working / PEOPLE).toBeGreaterThan(0.25);
    expect(working / PEOPLE).toBeLessThan(0.35);
    expect(studying / PEOPLE).toBeCloseTo(0.1, 2);
    // Visits grow with the weeks of history: more than the demo's six weeks would give.
    const visits = await count('SELECT count(*) n FROM social.visit');
    expect(visits / PEOPLE).toBeGreaterThan(5);
  });

  it('meets on the person: every ministry writes only about people social knows', async () => {
    for (const table of [
      'health.medical_conclusion',
      'health.rehabilitation_episode',
      'education.enrolment',
      'education.guidance_session',
      'employment.placement',
      'employment.employment_support',
      'employment.work_recommendation',
      'coordination.need_registry_entry',
    ]) {
      const orphans = await count(
        `SELECT count(*) n FROM ${table} x WHERE NOT EXISTS (SELECT 1 FROM social.recipient r WHERE r.id = x.recipient_id)`,
      );
      expect({ table, orphans }).toEqual({ table, orphans: 0 });
    }
  });

  it('keeps the rules: placements, stages, housing, СНИЛС', async () => {
    // seed 001 §13 е, §14: services (and the agency's supported employment) only after a grant.
    expect(
      await count(`SELECT count(*) n FROM employment.placement p WHERE NOT EXISTS (
        SELECT 1 FROM social.application a WHERE a.recipient_id = p.recipient_id AND a.decision = 'GRANTED')`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) n FROM social.stage s WHERE NOT EXISTS (
        SELECT 1 FROM social.application a WHERE a.recipient_id = s.recipient_id AND a.decision = 'GRANTED'
          AND a.decided_on <= s.started_on)`),
    ).toBe(0);
    // seed 004 п. 2.1: nobody is both in work and on the register of the unemployed.
    expect(
      await count(`SELECT count(*) n FROM employment.placement p JOIN employment.employment_support s
        ON s.recipient_id = p.recipient_id AND s.kind = 'UNEMPLOYMENT_REGISTRATION'
        WHERE p.end_date IS NULL AND s.end_date IS NULL`),
    ).toBe(0);
    // seed 002 §15.2: stages follow each other, each beginning when the one before ended.
    expect(
      await count(`SELECT count(*) n FROM social.stage a JOIN social.stage b ON a.recipient_id = b.recipient_id
        AND a.id <> b.id AND a.started_on < b.started_on WHERE a.ended_on IS NULL OR a.ended_on > b.started_on`),
    ).toBe(0);
    // seed 000 item 12: a unit never holds more people at once than its places.
    expect(
      await count(`SELECT count(*) n FROM social.housing_unit u WHERE u.places < (
        SELECT count(*) FROM social.housing_occupancy o WHERE o.unit_id = u.id AND o.to_date IS NULL)`),
    ).toBe(0);
    expect(
      await count('SELECT count(*) n FROM social.housing_occupancy WHERE to_date IS NULL'),
    ).toBeGreaterThan(100);
    // seed 002 §2: every СНИЛС carries its check number, and no two people share one.
    const snils = (await db.query<{ snils: string }>('SELECT snils FROM social.recipient')).rows.map(
      (r) => r.snils,
    );
    expect(snils.filter((s) => checkSnils(s) !== null)).toEqual([]);
    expect(new Set(snils).size).toBe(PEOPLE);
  });

  it('sets indexes and foreign keys aside during the load and leaves them as the migrations made them', async () => {
    expect(await definitions()).toEqual(migrated);
    expect(migrated.some((d) => d.includes('FOREIGN KEY'))).toBe(true);
    expect(await count(`SELECT count(*) n FROM pg_class WHERE relname = 'bulk_load_deferred'`)).toBe(0);
  });

  it('answers through the gateway: the card and the indicators', async () => {
    const card = await t.gql<{
      recipients: {
        edges: {
          node: {
            snils: string;
            applications: { decision: string | null }[];
            employed: boolean;
            registeredUnemployed: boolean;
            enrolments: { status: string }[];
          };
        }[];
      };
    }>(
      `{ recipients(first: 50) { edges { node { snils applications { decision }
        employed registeredUnemployed enrolments { status } } } } }`,
    );
    expect(card.errors).toBeUndefined();
    const nodes = card.data!.recipients.edges.map((e) => e.node);
    expect(nodes).toHaveLength(50);
    for (const n of nodes) expect(n.employed && n.registeredUnemployed).toBe(false);
    const indicators = await t.gql<{ indicators: { applications: { submitted: number } } }>(
      '{ indicators(asOf: "2026-11-20") { applications { submitted } } }',
    );
    expect(indicators.errors).toBeUndefined();
    expect(indicators.data!.indicators.applications.submitted).toBeGreaterThan(0);
  });

  it('refuses a database that has people unless told to reset, and resets only the data', async () => {
    const options = {
      config: testConfig({ DATABASE_URL: t.database.url }),
      profile: 'demo' as const,
      people: 50,
      logger: createLogger('silent'),
    };
    await expect(generateData(options)).rejects.toBeInstanceOf(DatabaseHasPeopleError);
    expect(await count('SELECT count(*) n FROM social.recipient')).toBe(PEOPLE);
    const accounts = await count('SELECT count(*) n FROM access.account');
    await generateData({ ...options, reset: true });
    expect(await count('SELECT count(*) n FROM social.recipient')).toBe(50);
    expect(await count('SELECT count(*) n FROM employment.employer')).toBe(4);
    expect(await count('SELECT count(*) n FROM access.account')).toBe(accounts);
  });

  it('writes through the row sink the same row as the ORM writes for the same entity', async () => {
    const orm = await connectSocial();
    try {
      const { recipient_id: recipientId, staff_member_id: staffMember } = (
        await db.query('SELECT recipient_id, staff_member_id FROM social.visit LIMIT 1')
      ).rows[0];
      // `delivered` left out: its default; a relation by key and one mapped to its key.
      const data = {
        recipientId,
        staffMember,
        plannedAt: new Date('2026-11-17T10:00:00+03:00'),
        hoursDelivered: null,
      };
      const sink = new RowSink(orm.em.fork());
      const viaSink = sink.create(Visit, data);
      await sink.flush({ client: db, stats: new Map() });
      const em = orm.em.fork();
      const viaOrm = em.create(Visit, data);
      await em.flush();
      const rows = await db.query(
        `SELECT id, to_jsonb(v) - 'id' - 'created_at' AS row FROM social.visit v WHERE id = ANY($1)`,
        [[viaSink.id, viaOrm.id]],
      );
      expect(rows.rows).toHaveLength(2);
      expect(rows.rows[0].row).toEqual(rows.rows[1].row);
      expect(rows.rows[0].row).toMatchObject({ delivered: false, recipient_id: recipientId });
    } finally {
      await orm.close();
    }
  });

  it('writes a recipient (embeddables, enums, a generated column) through the row sink as the ORM does', async () => {
    const orm = await connectSocial();
    // A person the generator did not write, with a representative (legal capacity limited).
    const person = [...demoPeopleChunks(PEOPLE + 4, 'kaluga', PEOPLE + 4)].flat().at(-1)!;
    expect(person.index % 5).toBe(3);
    const row = async () =>
      (
        await db.query(
          `SELECT to_jsonb(r) - 'created_at' - 'updated_at' AS row FROM social.recipient r WHERE id = $1`,
          [person.id],
        )
      ).rows[0]?.row;
    try {
      const sink = new RowSink(orm.em.fork());
      demoRecipient(sink, person);
      await sink.flush({ client: db, stats: new Map() });
      const viaSink = await row();
      await db.query('DELETE FROM social.recipient WHERE id = $1', [person.id]);
      const em = orm.em.fork();
      demoRecipient(em, person);
      await em.flush();
      expect(await row()).toEqual(viaSink);
      expect(viaSink).toMatchObject({
        legal_capacity: 'LIMITED',
        representative_kind: expect.any(String),
        search_name: expect.any(String),
        version: 1,
      });
    } finally {
      await db.query('DELETE FROM social.recipient WHERE id = $1', [person.id]);
      await orm.close();
    }
  });

  it('restores what an interrupted load set aside on the next connection, unless a load still runs', async () => {
    await deferConstraints(db, 'social', ['visit', 'stage']);
    const deferred = await definitions();
    expect(deferred.length).toBeLessThan(migrated.length);
    // A load holding the schema's lock restores its own at the end: a connection leaves them be.
    await db.query('SELECT pg_advisory_lock(hashtext($1))', [bulkLoadLock('social')]);
    await (await connectSocial()).close();
    expect(await definitions()).toEqual(deferred);
    await db.query('SELECT pg_advisory_unlock(hashtext($1))', [bulkLoadLock('social')]);
    await (await connectSocial()).close();
    expect(await definitions()).toEqual(migrated);
    expect(await count(`SELECT count(*) n FROM pg_class WHERE relname = 'bulk_load_deferred'`)).toBe(0);
  });
});
