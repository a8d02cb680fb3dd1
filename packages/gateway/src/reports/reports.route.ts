import type { Express, Request, Response } from 'express';
import { albrechtMonitoring } from './albrecht.js';
import { annualReport, type RoadmapAccount } from './annual.js';
import { councilBrief } from './brief.js';
import type { ReportDocument } from './document.js';
import {
  AGENCY_REGION,
  type Answer,
  type Ask,
  answered,
  ITEMS,
  MEETING,
  type MeasureAccount,
  type MeetingRef,
  OWN_REGION,
  ReportRefused,
  ROADMAPS,
  type RoadmapRef,
  readAll,
} from './queries.js';
import { reportDocx } from './render-docx.js';
import { reportPdf } from './render-pdf.js';
import { reportXlsx } from './render-xlsx.js';
import {
  MORE_DECISIONS,
  MORE_LATE,
  type ReportData,
  type ReportShape,
  reportOperation,
  reportShape,
} from './report-data.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const REGION = /^[a-z][a-z-]{1,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YEAR = /^20\d\d$/;

/** Every report in every format: the same `ReportDocument` written by each renderer. */
export const FORMATS = {
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: reportXlsx },
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: reportDocx,
  },
  pdf: { mimeType: 'application/pdf', render: reportPdf },
} as const;
type Format = keyof typeof FORMATS;

interface Params {
  asOf: string;
  region: string;
  roadmapId: string | null;
  year: number;
  today: string;
  meeting: MeetingRef | null;
}

interface ReportKind {
  /** The format of `/reports/<name>` without an extension. */
  defaultFormat: Format;
  compose(data: ReportData, shape: ReportShape, params: Params, ask: Ask): Promise<ReportDocument>;
}

/** Each report by its URL name. Seed 000 item 16 (annual report), item 18 (Albrecht centre), item 5 (Council). */
export const REPORTS: Record<string, ReportKind> = {
  'annual-report': {
    defaultFormat: 'xlsx',
    async compose(data, shape, p, ask) {
      const roadmaps = (
        await readAll<RoadmapRef>(ask, 'ReportRoadmaps', ROADMAPS, { region: p.region })
      ).edges
        .map((e) => e.node)
        .filter((r) => !p.roadmapId || r.id === p.roadmapId);
      const accounts: RoadmapAccount[] = [];
      for (const r of roadmaps) {
        const items = await readAll<MeasureAccount>(ask, 'ReportItems', ITEMS, { roadmapId: r.id });
        accounts.push({ ...r, items: items.edges.map((e) => e.node) });
      }
      return annualReport({
        data,
        shape,
        region: p.region,
        year: p.year,
        today: p.today,
        roadmaps: accounts,
      });
    },
  },
  'albrecht-monitoring': {
    defaultFormat: 'xlsx',
    compose: async (data, shape, p) => albrechtMonitoring(data, shape, p.region, p.today),
  },
  'council-brief': {
    defaultFormat: 'docx',
    compose: async (data, shape, p) => councilBrief(data, shape, p.region, p.meeting),
  },
};

const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

function fail(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

const queryText = (req: Request, name: string) => {
  const value = req.query[name];
  return typeof value === 'string' && value ? value : null;
};

/**
 * `GET /reports/<name>[.xlsx|.docx|.pdf]?asOf=YYYY-MM-DD[&region=…][&roadmapId=…][&year=YYYY][&meetingId=…]`:
 * one region's roadmaps and Council (the meeting's region for a meeting's brief, else the one
 * asked, else the caller's own agency's), every late item and decision of it however many. The
 * report is made from GraphQL operations sent to this very gateway with the caller's own
 * Authorization header, so it sees exactly what the caller may see, each subgraph answers for its
 * own data, and every rule of the graph (authentication, limits, audit) applies unchanged.
 */
export function mountReports(
  app: Express,
  options: { supergraphSdl: string; region: string; today: () => string },
) {
  const shape = reportShape(options.supergraphSdl);
  const operation = reportOperation(shape);
  app.get('/reports/:file', async (req: Request, res: Response) => {
    const file = String(req.params.file);
    const dot = file.lastIndexOf('.');
    const name = dot < 0 ? file : file.slice(0, dot);
    const kind = Object.hasOwn(REPORTS, name) ? REPORTS[name] : undefined;
    if (!kind) return fail(res, 404, 'REPORT_NOT_FOUND', 'Такого отчёта нет');
    const extension = dot < 0 ? kind.defaultFormat : file.slice(dot + 1).toLowerCase();
    if (!Object.hasOwn(FORMATS, extension))
      return fail(res, 404, 'REPORT_NOT_FOUND', 'Отчёты выгружаются в форматах XLSX, DOCX и PDF');
    const format = FORMATS[extension as Format];
    const authorization = req.header('authorization');
    if (!authorization) return fail(res, 401, 'UNAUTHENTICATED', 'Требуется вход в систему');
    const today = options.today();
    const yearText = queryText(req, 'year');
    if (yearText !== null && (!YEAR.test(yearText) || `${yearText}-01-01` > today))
      return fail(res, 400, 'YEAR_INVALID', 'Отчётный год: четыре цифры, не позже текущего года');
    const year = yearText === null ? null : Number(yearText);
    // a past year's report: its figures as of the year's last day
    const asOf =
      queryText(req, 'asOf') ?? (year !== null && year < Number(today.slice(0, 4)) ? `${year}-12-31` : today);
    if (!ISO_DATE.test(asOf)) return fail(res, 400, 'DATE_INVALID', 'Дата должна быть в формате ГГГГ-ММ-ДД');
    const askedRegion = queryText(req, 'region');
    const roadmapId = queryText(req, 'roadmapId');
    const meetingId = queryText(req, 'meetingId');
    if (askedRegion !== null && !REGION.test(askedRegion))
      return fail(res, 400, 'REGION_INVALID', 'Регион: латинский код из строчных букв, например kaliningrad');
    if (roadmapId !== null && !UUID.test(roadmapId))
      return fail(res, 400, 'VALIDATION_FAILED', 'Неверный идентификатор дорожной карты');
    if (meetingId !== null && !UUID.test(meetingId))
      return fail(res, 400, 'VALIDATION_FAILED', 'Неверный идентификатор заседания Совета');
    const host = req.socket.localAddress?.includes(':')
      ? `[${req.socket.localAddress}]`
      : req.socket.localAddress;
    const ask: Ask = async <T>(operationName: string, query: string, variables: Record<string, unknown>) => {
      const answer = await fetch(`http://${host}:${req.socket.localPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ operationName, query, variables }),
      });
      return (await answer.json()) as Answer<T>;
    };
    try {
      const meeting = meetingId
        ? (await answered(ask<{ councilMeeting: MeetingRef }>('ReportMeeting', MEETING, { id: meetingId })))
            .councilMeeting
        : null;
      const region = meeting?.region ?? askedRegion ?? (await ownRegion(ask)) ?? options.region;
      const data = await answered(
        ask<ReportData>('Report', operation, { asOf, from: `${asOf.slice(0, 4)}-01-01`, region, roadmapId }),
      );
      data.lateObligations = await readAll(
        ask,
        'ReportLate',
        MORE_LATE,
        { region, roadmapId },
        data.lateObligations,
      );
      data.councilDecisions = await readAll(
        ask,
        'ReportDecisions',
        MORE_DECISIONS,
        { region },
        data.councilDecisions,
      );
      const params = { asOf, region, roadmapId, year: year ?? Number(asOf.slice(0, 4)), today, meeting };
      const body = await format.render(await kind.compose(data, shape, params, ask));
      res
        .status(200)
        .type(format.mimeType)
        .setHeader('content-disposition', `attachment; filename="${name}-${region}-${asOf}.${extension}"`)
        .setHeader('cache-control', 'no-store')
        .send(body);
    } catch (e) {
      if (!(e instanceof ReportRefused)) throw e;
      const code = e.error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      return fail(res, HTTP_STATUS[code] ?? 500, code, e.message);
    }
  });
}

/** The region of the caller's own agency, when the account belongs to one. */
async function ownRegion(ask: Ask): Promise<string | null> {
  const me = await answered(ask<{ me: { agencyId: string | null } }>('ReportOwnRegion', OWN_REGION, {}));
  if (!me.me.agencyId) return null;
  const agency = await answered(
    ask<{ agency: { region: string } | null }>('ReportAgencyRegion', AGENCY_REGION, { id: me.me.agencyId }),
  );
  return agency.agency?.region ?? null;
}
