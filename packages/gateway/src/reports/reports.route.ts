import type { Express, Request, Response } from 'express';
import { councilBriefDocx } from './docx.js';
import { type ReportData, type ReportShape, reportOperation, reportShape } from './report-data.js';
import { albrechtMonitoringXlsx, annualReportXlsx } from './xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

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
 * `GET /reports/<name>?asOf=YYYY-MM-DD`: the report is made from one GraphQL operation sent to this
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
    const host = req.socket.localAddress?.includes(':')
      ? `[${req.socket.localAddress}]`
      : req.socket.localAddress;
    const answer = await fetch(`http://${host}:${req.socket.localPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({
        operationName: 'Report',
        query: operation,
        variables: { asOf, from: `${asOf.slice(0, 4)}-01-01` },
      }),
    });
    const body = (await answer.json()) as {
      data?: ReportData;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const error = body.errors?.[0];
    if (error || !body.data) {
      const code = error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      return fail(res, HTTP_STATUS[code] ?? 500, code, error?.message ?? 'Отчёт не сформирован');
    }
    const file = await kind.render(body.data, shape, options.region);
    const filename = `${req.params.name}-${asOf}.${kind.extension}`;
    res
      .status(200)
      .type(kind.mimeType)
      .setHeader('content-disposition', `attachment; filename="${filename}"`)
      .setHeader('cache-control', 'no-store')
      .send(file);
  });
}
