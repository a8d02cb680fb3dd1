import { ManualClock, Role } from '@sl/core';
import ExcelJS from 'exceljs';
import { startTestSystem, type TestSystem } from '../support/system.js';

/** RFC 4180: quoted cells, doubled quotes, CRLF line ends (what the export writes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

describe('the audit log exported for auditors (csv, xlsx)', () => {
  let t: TestSystem;
  let person: string;
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));

  async function download(query: string, as: Role | 'anonymous' = Role.AUDITOR) {
    const req = t.http().get(`/audit/export${query}`);
    if (as !== 'anonymous') req.set('Authorization', `Bearer ${await t.tokenFor(as)}`);
    return req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  }
  const codeOf = (body: Buffer) => JSON.parse(body.toString()).errors[0].extensions.code;
  const records = (sql: string) =>
    t.system.accessOrm.em.getConnection().execute<Record<string, unknown>[]>(sql);

  beforeAll(async () => {
    t = await startTestSystem({ clock });
    const created = await t.gql<{ createRecipient: { id: string } }>(
      `mutation ($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }`,
      {
        input: {
          snils: '11223344595',
          lastName: 'Выгрузкина',
          firstName: 'Ольга',
          birthDate: '1979-02-03',
          sex: 'FEMALE',
          municipality: 'г. Калуга',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    person = created.data!.createRecipient.id;
    await t.gql(`query Card($id: ID!) { recipient(id: $id) { lastName snils } }`, { id: person });
    // Another day's read, outside the range exported below.
    clock.set(new Date('2026-11-22T09:00:00Z'));
    await t.gql(`query Later($id: ID!) { recipient(id: $id) { lastName } }`, { id: person });
  });
  afterAll(() => t?.stop());

  it('is for auditors only, signed in, with a valid range', async () => {
    expect((await download('?from=2026-11-20&to=2026-11-20', 'anonymous')).status).toBe(401);
    const coordinator = await download('?from=2026-11-20&to=2026-11-20', Role.COORDINATOR);
    expect(coordinator.status).toBe(403);
    expect(codeOf(coordinator.body)).toBe('FORBIDDEN');
    const cases: [string, string][] = [
      ['?from=2026-13-01&to=2026-11-20', 'DATE_INVALID'],
      ['?to=2026-11-20', 'DATE_INVALID'],
      ['?from=2026-11-21&to=2026-11-20', 'DATE_RANGE_INVALID'],
      ['?from=2026-11-20&to=2026-11-20&recipientId=1;drop', 'RECIPIENT_ID_INVALID'],
      ['?from=2026-11-20&to=2026-11-20&format=pdf', 'FORMAT_INVALID'],
    ];
    for (const [query, code] of cases) {
      const res = await download(query);
      expect(res.status).toBe(400);
      expect(codeOf(res.body)).toBe(code);
    }
  });

  it('exports the range as CSV that parses back to the log’s rows, and records the export', async () => {
    const res = await download(`?from=2026-11-20&to=2026-11-20&recipientId=${person}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toContain('audit-2026-11-20-2026-11-20.csv');
    const [header, ...rows] = parseCsv((res.body as Buffer).toString('utf8').replace(/^\uFEFF/, ''));
    expect(header).toContain('actor_name');
    const col = (name: string) => header!.indexOf(name);
    const expected = await records(
      `select id, action, subgraph from access.audit_event where recipient_id = '${person}'
        and occurred_at >= '2026-11-20T00:00:00+03:00' and occurred_at < '2026-11-21T00:00:00+03:00' order by occurred_at, id`,
    );
    expect(rows.map((r) => [r[col('id')], r[col('action')], r[col('subgraph')]])).toEqual(
      expected.map((e) => [String(e.id), e.action, e.subgraph]),
    );
    // The creation with its content, and the read naming its fields; not the 22nd's read.
    expect(rows.map((r) => r[col('action')])).toEqual(expect.arrayContaining(['create', 'read']));
    const read = rows.find((r) => r[col('action')] === 'read' && r[col('operation')] === 'Card')!;
    expect(read[col('fields')]).toBe('Recipient.lastName Recipient.snils');
    expect(rows.some((r) => r[col('operation')] === 'Later')).toBe(false);
    const created = rows.find((r) => r[col('action')] === 'create')!;
    expect(JSON.parse(created[col('after')]!)).toMatchObject({ lastName: 'Выгрузкина' });

    const [exported] = await records(
      `select actor_name, action, entity, recipient_id, after from access.audit_event where action = 'export' order by id desc limit 1`,
    );
    expect(exported).toMatchObject({
      actor_name: 't-auditor',
      entity: 'AuditExport',
      recipient_id: person,
      after: { from: '2026-11-20', to: '2026-11-20', recipientId: person, format: 'csv' },
    });
  });

  it('exports XLSX with the same rows, and streams a range larger than one batch', async () => {
    // 2 500 log lines on the 23rd: more than two batches of the export's keyset reads.
    await t.system.accessOrm.em.getConnection().execute(
      `insert into access.audit_event (occurred_at, request_id, subgraph, actor_kind, actor_name, roles, action, recipient_id, fields)
       select '2026-11-23T10:00:00Z'::timestamptz + make_interval(secs => g), 'bulk-' || g, 'social', 'user',
              'bulk', '["COORDINATOR"]'::jsonb, 'read', '${person}', '["Recipient.lastName"]'::jsonb
         from generate_series(1, 2500) g`,
    );
    const csv = await download('?from=2026-11-23&to=2026-11-23');
    const lines = parseCsv((csv.body as Buffer).toString('utf8'));
    expect(lines).toHaveLength(2501);
    const ids = lines.slice(1).map((l) => Number(l[0]));
    expect(new Set(ids).size).toBe(2500);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);

    const res = await download(`?from=2026-11-20&to=2026-11-23&recipientId=${person}&format=xlsx`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('recipient_id');
    const [count] = (await records(
      `select count(*)::int n from access.audit_event where recipient_id = '${person}'
        and occurred_at >= '2026-11-20T00:00:00+03:00' and occurred_at < '2026-11-24T00:00:00+03:00'`,
    )) as { n: number }[];
    const n = count!.n;
    expect(sheet.rowCount - 1).toBe(n);
    expect(n).toBeGreaterThan(2500);
  });
});
