import { ManualClock, Role, snilsFromBody } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

const CREATE = `mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`;
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id kind sharedWith action effectiveOn recordedBy } }`;
const WITHDRAW = `mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id action effectiveOn } }`;
const CARD = `query Card($id: ID!) { recipient(id: $id) { id lastName snils disabilityGroup } }`;
const HISTORY = `query ($id: ID!) { recipient(id: $id) {
  consents { kind sharedWith agencyId action effectiveOn document }
  consentsInForce { kind sharedWith agencyId } } }`;

interface AuditRow {
  actor_name: string;
  action: string;
  fields: string[] | null;
  entity: string | null;
  after: { action?: string; sharedWith?: string } | null;
  break_glass: boolean;
}

describe('consents: recorded with dates and withdrawals; sharing stops when withdrawn', () => {
  let t: TestSystem;
  let person: string;
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));
  const health = { as: Role.HEALTH_OFFICER };
  const errorCode = (res: { errors?: { extensions?: { code?: string } }[] }) =>
    res.errors?.[0]?.extensions?.code;
  const auditOf = (where: string) =>
    t.system.accessOrm.em
      .getConnection()
      .execute<AuditRow[]>(
        `SELECT * FROM access.audit_event WHERE recipient_id = ? AND ${where} ORDER BY id`,
        [person],
      );
  const consentCount = async () =>
    Number(
      (
        await t.system.runtimes
          .get('social')!
          .orm.em.getConnection()
          .execute<{ n: string }[]>('SELECT count(*) n FROM social.consent_event WHERE recipient_id = ?', [
            person,
          ])
      )[0]!.n,
    );

  beforeAll(async () => {
    t = await startTestSystem({ clock });
    const res = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
      input: {
        snils: '11223344595',
        lastName: 'Согласова',
        firstName: 'Вера',
        birthDate: '1988-03-01',
        sex: 'FEMALE',
        municipality: 'г. Калуга',
        disabilityGroup: 'GROUP_2',
      },
    });
    expect(res.errors).toBeUndefined();
    person = res.data!.createRecipient.id;
  });
  afterAll(() => t?.stop());

  it('shares nothing with a ministry officer before the person consents (CONSENT_MISSING)', async () => {
    const res = await t.gql(CARD, { id: person }, health);
    expect(errorCode(res)).toBe('CONSENT_MISSING');
    expect(JSON.stringify(res.data)).not.toContain('Согласова');
    // Nothing was served, so nothing is recorded as read.
    expect(await auditOf(`action = 'read' AND actor_name = 't-health-officer'`)).toHaveLength(0);
    // The coordinator (the authorised body, which holds the record) is not bound by sharing consent.
    expect((await t.gql(CARD, { id: person })).errors).toBeUndefined();
  });

  it('refuses malformed consents with stable codes and writes nothing', async () => {
    const before = await consentCount();
    const base = { recipientId: person, givenOn: '2026-11-10' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, kind: 'SHARING' }, 'CONSENT_MINISTRY_REQUIRED'],
      [{ ...base, kind: 'ASSESSMENT', sharedWith: 'HEALTH' }, 'CONSENT_MINISTRY_NOT_APPLICABLE'],
      [{ ...base, kind: 'PERSONAL_DATA', givenOn: '2026-11-21' }, 'DATE_IN_FUTURE'],
      [
        { ...base, kind: 'PERSONAL_DATA', recipientId: '00000000-0000-4000-8000-000000000001' },
        'RECIPIENT_NOT_FOUND',
      ],
    ];
    for (const [input, code] of cases) expect(errorCode(await t.gql(GIVE, { input }))).toBe(code);
    const unknownMinistry = await t.gql(GIVE, { input: { ...base, kind: 'SHARING', sharedWith: 'POLICE' } });
    expect(errorCode(unknownMinistry)).toBe('BAD_USER_INPUT');
    const notInForce = await t.gql(WITHDRAW, {
      input: { recipientId: person, kind: 'PERSONAL_DATA', withdrawnOn: '2026-11-10' },
    });
    expect(errorCode(notInForce)).toBe('CONSENT_NOT_IN_FORCE');
    // Only the coordinator records consents.
    expect(errorCode(await t.gql(GIVE, { input: { ...base, kind: 'PERSONAL_DATA' } }, health))).toBe(
      'FORBIDDEN',
    );
    expect(await consentCount()).toBe(before);
  });

  it('lets the officer read while processing and sharing with their ministry are in force', async () => {
    // seed 002, application form: consent to the assessment and to the use of the person's data.
    for (const input of [
      { kind: 'ASSESSMENT' },
      { kind: 'PERSONAL_DATA' },
      { kind: 'SHARING', sharedWith: 'HEALTH' },
      { kind: 'SHARING', sharedWith: 'EDUCATION', agencyId: 'Минобразования' },
    ]) {
      const res = await t.gql(GIVE, {
        input: { recipientId: person, givenOn: '2026-11-10', document: 'Заявление от 10.11.2026', ...input },
      });
      expect(res.errors).toBeUndefined();
    }
    const again = await t.gql(GIVE, {
      input: { recipientId: person, kind: 'SHARING', sharedWith: 'HEALTH', givenOn: '2026-11-12' },
    });
    expect(errorCode(again)).toBe('CONSENT_ALREADY_GIVEN');

    const read = await t.gql<{ recipient: { lastName: string } }>(CARD, { id: person }, health);
    expect(read.errors).toBeUndefined();
    expect(read.data!.recipient.lastName).toBe('Согласова');
    // A sharing consent naming one agency opens the data to that agency's officers only.
    const ownAgency = { as: { role: Role.EDUCATION_OFFICER, agencyId: 'Минобразования' } };
    const otherAgency = { as: { role: Role.EDUCATION_OFFICER, agencyId: 'Колледж-3' } };
    expect((await t.gql(CARD, { id: person }, ownAgency)).errors).toBeUndefined();
    expect(errorCode(await t.gql(CARD, { id: person }, otherAgency))).toBe('CONSENT_MISSING');
    // No consent names employment.
    expect(errorCode(await t.gql(CARD, { id: person }, { as: Role.EMPLOYMENT_OFFICER }))).toBe(
      'CONSENT_MISSING',
    );
  });

  it('stops sharing from the day of the withdrawal; the coordinator still sees; the audit shows both', async () => {
    const early = await t.gql(WITHDRAW, {
      input: { recipientId: person, kind: 'SHARING', sharedWith: 'HEALTH', withdrawnOn: '2026-11-09' },
    });
    expect(errorCode(early)).toBe('CONSENT_DATE_BEFORE_LAST');
    const withdrawn = await t.gql(WITHDRAW, {
      input: {
        recipientId: person,
        kind: 'SHARING',
        sharedWith: 'HEALTH',
        withdrawnOn: '2026-11-20',
        document: 'Заявление об отзыве согласия от 20.11.2026',
      },
    });
    expect(withdrawn.errors).toBeUndefined();

    const refused = await t.gql(CARD, { id: person }, health);
    expect(errorCode(refused)).toBe('CONSENT_WITHDRAWN');
    expect(refused.errors?.[0]?.message).toMatch(/отозвал согласие/);
    expect(JSON.stringify(refused.data)).not.toContain('Согласова');
    const coordinator = await t.gql<{ recipient: { lastName: string } }>(CARD, { id: person });
    expect(coordinator.data!.recipient.lastName).toBe('Согласова');

    // The officer's read before the withdrawal and the coordinator's after it are both recorded;
    // the refused read is not (nothing was served), and the withdrawal itself is a recorded change.
    const reads = await auditOf(
      `action = 'read' AND 'Recipient.lastName' = ANY(SELECT jsonb_array_elements_text(fields))`,
    );
    expect(reads.map((r) => r.actor_name)).toEqual(
      expect.arrayContaining(['t-health-officer', 't-coordinator']),
    );
    expect(reads.filter((r) => r.actor_name === 't-health-officer')).toHaveLength(1);
    const changes = await auditOf(`entity = 'ConsentEvent'`);
    expect(changes.at(-1)).toMatchObject({
      actor_name: 't-coordinator',
      action: 'create',
      after: expect.objectContaining({ action: 'WITHDRAWN', sharedWith: 'HEALTH' }),
    });
  });

  it('keeps the whole history, newest first, and tells which consents are in force', async () => {
    const res = await t.gql<{
      recipient: {
        consents: { kind: string; sharedWith: string | null; action: string; effectiveOn: string }[];
        consentsInForce: { kind: string; sharedWith: string | null }[];
      };
    }>(HISTORY, { id: person });
    expect(res.errors).toBeUndefined();
    const { consents, consentsInForce } = res.data!.recipient;
    expect(consents).toHaveLength(5);
    expect(consents[0]).toMatchObject({ kind: 'SHARING', sharedWith: 'HEALTH', action: 'WITHDRAWN' });
    expect(consents.filter((c) => c.sharedWith === 'HEALTH').map((c) => c.action)).toEqual([
      'WITHDRAWN',
      'GIVEN',
    ]);
    expect(consentsInForce.map((c) => `${c.kind}:${c.sharedWith ?? ''}`).sort()).toEqual([
      'ASSESSMENT:',
      'PERSONAL_DATA:',
      'SHARING:EDUCATION',
    ]);
    // The history is the coordinator's: officers are refused it.
    expect(errorCode(await t.gql(HISTORY, { id: person }, health))).toBe('FORBIDDEN');
  });

  it('stops all sharing when consent to processing is withdrawn, and a renewed consent restores it', async () => {
    const ownAgency = { as: { role: Role.EDUCATION_OFFICER, agencyId: 'Минобразования' } };
    await t.gql(WITHDRAW, {
      input: { recipientId: person, kind: 'PERSONAL_DATA', withdrawnOn: '2026-11-20' },
    });
    expect(errorCode(await t.gql(CARD, { id: person }, ownAgency))).toBe('CONSENT_WITHDRAWN');
    clock.set(new Date('2026-11-25T09:00:00Z'));
    const renewed = await t.gql(GIVE, {
      input: { recipientId: person, kind: 'PERSONAL_DATA', givenOn: '2026-11-25' },
    });
    expect(renewed.errors).toBeUndefined();
    expect((await t.gql(CARD, { id: person }, ownAgency)).errors).toBeUndefined();
  });

  it('opens a withdrawn record only by break-the-glass, flagged in the audit log', async () => {
    const res = await t.gql(
      `mutation ($r: ID!) { breakGlass(recipientId: $r, reason: "Экстренная госпитализация, нужен СНИЛС") { expiresAt } }`,
      { r: person },
      health,
    );
    expect(res.errors).toBeUndefined();
    const read = await t.gql<{ recipient: { snils: string } }>(CARD, { id: person }, health);
    expect(read.errors).toBeUndefined();
    expect(read.data!.recipient.snils).toBe('11223344595');
    const [flagged] = await auditOf(`action = 'read' AND actor_name = 't-health-officer' AND break_glass`);
    expect(flagged?.fields).toContain('Recipient.snils');
  });

  it('checks the consents of a whole page of people in one statement', async () => {
    const officer = { as: { role: Role.EDUCATION_OFFICER, agencyId: 'Минобразования' } };
    for (let k = 0; k < 6; k += 1) {
      const created = await t.gql<{ createRecipient: { id: string } }>(CREATE, {
        input: {
          snils: snilsFromBody(200000100 + k),
          lastName: 'Страничная',
          firstName: `Ирина${'абвгде'[k]}`,
          birthDate: '1990-01-01',
          sex: 'FEMALE',
          municipality: 'г. Обнинск',
        },
      });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createRecipient.id;
      for (const kind of ['PERSONAL_DATA', 'SHARING'])
        await t.gql(GIVE, {
          input: {
            recipientId: id,
            kind,
            givenOn: '2026-11-25',
            ...(kind === 'SHARING' ? { sharedWith: 'EDUCATION' } : {}),
          },
        });
    }
    t.resetQueries();
    const page = await t.gql<{ recipients: { edges: { node: { lastName: string } }[] } }>(
      `{ recipients(filter: { municipality: "г. Обнинск" }, first: 10) { edges { node { lastName snils } } } }`,
      {},
      officer,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.recipients.edges).toHaveLength(6);
    // The list's own condition (an officer lists only people shared with them) and one check of
    // the whole page: two statements, not one per person.
    const consentReads = (t.queries.get('social') ?? []).filter((sql) => sql.includes('consent_event'));
    expect(consentReads).toHaveLength(2);
  });
});
