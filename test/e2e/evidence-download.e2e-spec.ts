import { agencyIdOf, ManualClock, Role } from '@sl/core';
import { seedText, toBase64 } from '../support/roadmap-files.js';
import { startTestSystem, type TestSystem } from '../support/system.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('a photo of the seminar'),
]);

describe('evidence files of progress reports downloaded through the gateway (GET /evidence/:id)', () => {
  let t: TestSystem;
  let file: { id: string; downloadUrl: string; displayName: string };

  async function download(path: string, as: Role | 'anonymous') {
    const req = t.http().get(path);
    if (as !== 'anonymous') req.set('Authorization', `Bearer ${await t.tokenFor(as)}`);
    return req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  }
  const codeOf = (body: Buffer) => JSON.parse(body.toString()).errors[0].extensions.code;

  beforeAll(async () => {
    t = await startTestSystem({ clock: new ManualClock(new Date('2021-01-15T09:00:00Z')) });
    const imported = await t.gql<{ importRoadmap: { roadmap: { id: string } } }>(
      `mutation($input: RoadmapImportInput!) { importRoadmap(input: $input) { roadmap { id } } }`,
      {
        input: {
          region: 'astrakhan',
          filename: 'astrakhan.txt',
          title: 'Дорожная карта Астраханской области',
          contentBase64: toBase64(seedText('astrakhan-004')),
        },
      },
    );
    expect(imported.errors).toBeUndefined();
    const obligations = await t.gql<{ obligations: { edges: { node: { id: string } }[] } }>(
      'query($r: ID) { obligations(filter: { roadmapId: $r }, first: 1) { edges { node { id } } } }',
      { r: imported.data!.importRoadmap.roadmap.id },
    );
    const reported = await t.gql<{
      reportProgress: { evidence: { id: string; downloadUrl: string; displayName: string }[] };
    }>(
      `mutation($input: ProgressReportInput!) { reportProgress(input: $input) {
        evidence { id downloadUrl displayName } } }`,
      {
        input: {
          obligationId: obligations.data!.obligations.edges[0]!.node.id,
          text: 'Проведён семинар, фото прилагается',
          evidence: [
            { filename: 'семинар "итоги".png', mediaType: 'image/png', contentBase64: toBase64(PNG) },
          ],
        },
      },
      // A coordinator of the region's authorised body reports on any of its obligations.
      {
        as: {
          role: Role.COORDINATOR,
          agencyId: agencyIdOf('astrakhan', 'Министерство социального развития и труда Астраханской области'),
        },
      },
    );
    expect(reported.errors).toBeUndefined();
    file = reported.data!.reportProgress.evidence[0]!;
  });
  afterAll(() => t.stop());

  it('names where the file is served, and serves it whole with its type and its name', async () => {
    expect(file.downloadUrl).toBe(`/evidence/${file.id}`);
    const res = await download(file.downloadUrl, Role.COORDINATOR);
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    // The Cyrillic name exactly (RFC 5987), and an ASCII fallback the quotes cannot break out of.
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe('семинар "итоги".png');
    expect(file.displayName).toBe('семинар "итоги".png');
  });

  it('serves the file to those who read the progress reports (the ministries too)', async () => {
    for (const role of [Role.EDUCATION_OFFICER, Role.COUNCIL_MEMBER]) {
      const res = await download(file.downloadUrl, role);
      expect({ role, status: res.status }).toEqual({ role, status: 200 });
    }
  });

  it('refuses the anonymous, and the roles that may not read the reports', async () => {
    const anonymous = await download(file.downloadUrl, 'anonymous');
    expect(anonymous.status).toBe(401);
    expect(codeOf(anonymous.body as Buffer)).toBe('UNAUTHENTICATED');
    for (const role of [Role.ADMIN, Role.AUDITOR]) {
      const res = await download(file.downloadUrl, role);
      expect({ role, status: res.status, code: codeOf(res.body as Buffer) }).toEqual({
        role,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    const forged = await t.http().get(file.downloadUrl).set('Authorization', 'Bearer forged');
    expect(forged.status).toBe(401);
  });

  it('gives the content in the graph too, in one batch when a list asks for it', async () => {
    const res = await t.gql<{
      obligations: {
        edges: { node: { reports: { evidence: { id: string; contentBase64: string }[] }[] } }[];
      };
    }>('{ obligations(first: 50) { edges { node { reports { evidence { id contentBase64 } } } } } }');
    expect(res.errors).toBeUndefined();
    const files = res.data!.obligations.edges.flatMap((e) => e.node.reports.flatMap((r) => r.evidence));
    expect(files.find((f) => f.id === file.id)?.contentBase64).toBe(PNG.toString('base64'));
  });

  it('answers 404 for a file that does not exist and 400 for an id that is not one', async () => {
    const missing = await download('/evidence/00000000-0000-4000-8000-000000000000', Role.COORDINATOR);
    expect(missing.status).toBe(404);
    expect(codeOf(missing.body as Buffer)).toBe('NOT_FOUND');
    const invalid = await download('/evidence/..%2F..%2Fetc', Role.COORDINATOR);
    expect(invalid.status).toBe(400);
    expect(codeOf(invalid.body as Buffer)).toBe('ID_INVALID');
  });
});
