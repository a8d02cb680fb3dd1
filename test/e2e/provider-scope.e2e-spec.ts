import { Role } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

interface Page {
  recipients: { totalCount: number; edges: { node: { id: string; lastName: string | null } }[] };
}
const PAGE = `query ($f: RecipientFilter) { recipients(filter: $f, first: 200) { totalCount edges { node { id lastName } } } }`;
const PERSON = `query ($id: ID!) { recipient(id: $id) { id lastName stages { kind } } }`;

describe('provider staff see only the people their provider serves', () => {
  let t: TestSystem;
  let providerA: string;
  let providerB: string;
  let personOfB: string;

  beforeAll(async () => {
    t = await startTestSystem({ env: { DEMO_DATA: 'true', DEMO_PEOPLE: '60' } });
    const providers = await t.gql<{ providers: { edges: { node: { id: string } }[] } }>(
      '{ providers(first: 50) { edges { node { id } } } }',
    );
    // Two providers that serve somebody in the demo data.
    const serving: string[] = [];
    for (const { node } of providers.data!.providers.edges) {
      const page = await t.gql<Page>(PAGE, { f: { providerId: node.id } });
      if (page.data!.recipients.totalCount > 0) serving.push(node.id);
      if (serving.length === 2) break;
    }
    [providerA, providerB] = serving as [string, string];
    personOfB = (await t.gql<Page>(PAGE, { f: { providerId: providerB } })).data!.recipients.edges[0]!.node
      .id;
  }, 180_000);
  afterAll(() => t?.stop());

  const asStaffOfA = () => ({ as: { role: Role.PROVIDER_STAFF, providerId: providerA } });

  it('lists only the people of their own provider, whatever filter they send', async () => {
    const coordinatorView = await t.gql<Page>(PAGE, { f: { providerId: providerA } });
    const own = await t.gql<Page>(PAGE, {}, asStaffOfA());
    expect(own.errors).toBeUndefined();
    expect(own.data!.recipients.totalCount).toBe(coordinatorView.data!.recipients.totalCount);
    const other = await t.gql<Page>(PAGE, { f: { providerId: providerB } }, asStaffOfA());
    expect(other.data!.recipients.totalCount).toBe(coordinatorView.data!.recipients.totalCount);
    expect(other.data!.recipients.edges.map((e) => e.node.id)).not.toContain(personOfB);
  });

  it('refuses the record of another provider’s person with OUT_OF_SCOPE, and breaks the glass with a reason', async () => {
    const refused = await t.gql<{ recipient: { lastName: string | null } }>(
      PERSON,
      { id: personOfB },
      asStaffOfA(),
    );
    expect(refused.errors?.map((e) => e.extensions?.code)).toContain('OUT_OF_SCOPE');
    expect(refused.data?.recipient?.lastName ?? null).toBeNull();

    const grant = await t.gql(
      `mutation ($r: ID!) { breakGlass(recipientId: $r, reason: "Подменяю заболевшего специалиста на выезде") { expiresAt } }`,
      { r: personOfB },
      asStaffOfA(),
    );
    expect(grant.errors).toBeUndefined();
    // A new session picks the grant up (grants are read at sign-in of each request).
    const opened = await t.gql<{ recipient: { lastName: string } }>(PERSON, { id: personOfB }, asStaffOfA());
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.recipient.lastName).toBeTruthy();
    const flagged = await t.system.accessOrm.em
      .getConnection()
      .execute<{ n: string }[]>(
        `select count(*) as n from access.audit_event where recipient_id = ? and action = 'read' and break_glass`,
        [personOfB],
      );
    expect(Number(flagged[0]!.n)).toBeGreaterThan(0);
  });
});
