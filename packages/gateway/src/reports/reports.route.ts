import type { Express, Request, Response } from 'express';
import { councilBriefDocx } from './docx.js';
import {
  type ListPage,
  MORE_DECISIONS,
  MORE_LATE,
  type ReportData,
  type ReportShape,
  reportOperation,
  reportShape,
} from './report-data.js';
import { albrechtMonitoringXlsx, annualReportXlsx } from './xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const REGION = /^[a-z][a-z-]{1,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Answer<T> = { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };

interface ReportKind {
  mimeType: string;
  extension: string;
  render(data: ReportData, shape: ReportShape, region: string): Promise<Buffer>;
}

/** Each report by its URL name. Seed 000 item 16 (annual report), item 18 (Albrecht centre). */
export const REPORTS: Record<string, ReportKind> = {
  'annual-report': { mimeType: XLSX, extension: 'xlsx', render: annualReportXlsx },
  'albrecht-monitoring': {
    mimeType: XLSX,
    extension: 'xlsx',
    render: (d, s) => albrechtMonitoringXlsx(d, s),
  },
  'council-brief': { mimeType: DOCX, extension: 'docx', render: councilBriefDocx },
};

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

function fail(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * `GET /reports/<name>?asOf=YYYY-MM-DD[&region=…][&roadmapId=…]`: one region's roadmaps and Council
 * (or one roadmap), every late item and decision of it however many. The report is made from one GraphQL operation sent to this
 * very gateway with the caller's own Authorization header, so it sees exactly what the caller may
 * see, each subgraph answers for its own data, and every rule of the graph (authentication, limits,
 * audit) applies unchanged.
 */
export function mountReports(
  app: Express,
  options: { supergraphSdl: string; region: string; today: () => string },
) {
  const shape = reportShape(options.supergraphSdl);
  const operation = reportOperation(shape);
  app.get('/reports/:name', async (req: Request, res: Response) => {
    const kind = REPORTS[String(req.params.name)];
    if (!kind) return fail(res, 404, 'REPORT_NOT_FOUND', 'Такого отчёта нет');
    const authorization = req.header('authorization');
    if (!authorization) return fail(res, 401, 'UNAUTHENTICATED', 'Требуется вход в систему');
    const asOf = typeof req.query.asOf === 'string' && req.query.asOf ? req.query.asOf : options.today();
    if (!ISO_DATE.test(asOf)) return fail(res, 400, 'DATE_INVALID', 'Дата должна быть в формате ГГГГ-ММ-ДД');
    const region = typeof req.query.region === 'string' && req.query.region ? req.query.region : null;
    const roadmapId =
      typeof req.query.roadmapId === 'string' && req.query.roadmapId ? req.query.roadmapId : null;
    if (region !== null && !REGION.test(region))
      return fail(res, 400, 'REGION_INVALID', 'Регион: латинский код из строчных букв, например kaliningrad');
    if (roadmapId !== null && !UUID.test(roadmapId))
      return fail(res, 400, 'VALIDATION_FAILED', 'Неверный идентификатор дорожной карты');
    const host = req.socket.localAddress?.includes(':')
      ? `[${req.socket.localAddress}]`
      : req.socket.localAddress;
    const ask = async <T>(operationName: string, query: string, variables: Record<string, unknown>) => {
      const answer = await fetch(`http://${host}:${req.socket.localPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ operationName, query, variables }),
      });
      return (await answer.json()) as Answer<T>;
    };
    const refused = (body: Answer<unknown>) => {
      const error = body.errors?.[0];
      const code = error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      return fail(res, HTTP_STATUS[code] ?? 500, code, error?.message ?? 'Отчёт не сформирован');
    };
    const body = await ask<ReportData>('Report', operation, {
      asOf,
      from: `${asOf.slice(0, 4)}-01-01`,
      region,
      roadmapId,
    });
    if (body.errors?.length || !body.data) return refused(body);
    const data = body.data;
    // Every page of both lists: a report that stopped at the first hundred would hide the rest.
    for (const [list, name, query, variables] of [
      ['lateObligations', 'ReportLate', MORE_LATE, { region, roadmapId }],
      ['councilDecisions', 'ReportDecisions', MORE_DECISIONS, { region }],
    ] as const) {
      const target = data[list] as ListPage<unknown>;
      while (target.pageInfo.hasNextPage) {
        const more = await ask<{ page: ListPage<unknown> }>(name, query, {
          ...variables,
          after: target.pageInfo.endCursor,
        });
        if (more.errors?.length || !more.data) return refused(more);
        target.edges.push(...more.data.page.edges);
        target.pageInfo = more.data.page.pageInfo;
      }
    }
    const file = await kind.render(data, shape, options.region);
    const filename = `${req.params.name}-${asOf}.${kind.extension}`;
    res
      .status(200)
      .type(kind.mimeType)
      .setHeader('content-disposition', `attachment; filename="${filename}"`)
      .setHeader('cache-control', 'no-store')
      .send(file);
  });
}
