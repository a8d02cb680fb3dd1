import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Authenticator } from '@sl/access';
import {
  AUDIT_UNAVAILABLE_MESSAGE,
  AuditTrail,
  type Clock,
  type Config,
  createLogger,
  isUuid,
  Role,
  requestIdOf,
  type SubgraphContext,
  writeAuditTrail,
} from '@sl/core';
import ExcelJS from 'exceljs';
import type { Express, Request, Response } from 'express';
import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from '../edge/password-change.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Rows fetched per statement: the file is written batch by batch, never held whole in memory. */
const BATCH = 1000;
/** The region's dates are Moscow time (as `localDateOf`), UTC+3 all year. */
const DAY_START = 'T00:00:00+03:00';

export const AUDIT_EXPORT_COLUMNS = [
  'id',
  'occurred_at',
  'subgraph',
  'operation',
  'action',
  'actor_kind',
  'actor_id',
  'actor_name',
  'agency_id',
  'roles',
  'ip',
  'recipient_id',
  'fields',
  'entity',
  'entity_id',
  'break_glass',
  'before',
  'after',
] as const;

type Row = Record<(typeof AUDIT_EXPORT_COLUMNS)[number], unknown>;

function fail(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** A cell as text: lists joined, JSON as JSON, times in ISO. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(' ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with
 * an apostrophe, so a name typed by an attacker cannot become a formula in the auditor's Excel.
 */
export function csvCell(value: unknown): string {
  let cell = text(value);
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return `"${cell.replaceAll('"', '""')}"`;
}

interface ExportQuery {
  from: string;
  to: string;
  recipientId: string | null;
  format: 'csv' | 'xlsx';
}

function parseQuery(req: Request): ExportQuery | { code: string; message: string } {
  const q = req.query;
  const from = typeof q.from === 'string' ? q.from : '';
  const to = typeof q.to === 'string' ? q.to : '';
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to))
    return { code: 'DATE_INVALID', message: 'Укажите даты from и to в формате ГГГГ-ММ-ДД' };
  if (from > to) return { code: 'DATE_RANGE_INVALID', message: 'Дата начала позже даты окончания' };
  const recipientId = typeof q.recipientId === 'string' && q.recipientId ? q.recipientId : null;
  if (recipientId !== null && !isUuid(recipientId))
    return { code: 'RECIPIENT_ID_INVALID', message: 'Неверный идентификатор получателя' };
  const format = q.format === undefined ? 'csv' : q.format;
  if (format !== 'csv' && format !== 'xlsx')
    return { code: 'FORMAT_INVALID', message: 'Формат выгрузки: csv или xlsx' };
  return { from, to, recipientId, format };
}

/** Writes and waits when the client reads slower than the database answers. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * `GET /audit/export?from=YYYY-MM-DD&to=YYYY-MM-DD[&recipientId=][&format=csv|xlsx]`: the audit log
 * for auditors, oldest first, streamed in keyset batches so that a year's log costs no more memory
 * than a day's. The export is itself recorded in the log (who, which range, which person) before a
 * byte is sent; if that record cannot be written, nothing is exported.
 */
export function mountAuditExport(
  app: Express,
  options: { orm: () => MikroORM; authenticator: Authenticator; config: Config; clock: Clock },
) {
  app.get('/audit/export', async (req: Request, res: Response) => {
    let actor: Awaited<ReturnType<Authenticator['authenticate']>>;
    try {
      actor = await options.authenticator.authenticate(req.header('authorization'));
    } catch (error) {
      return fail(res, 401, 'UNAUTHENTICATED', error instanceof Error ? error.message : 'Требуется вход');
    }
    if (!actor) return fail(res, 401, 'UNAUTHENTICATED', 'Требуется вход в систему');
    if (actor.passwordChangeRequired) {
      return fail(res, 403, 'PASSWORD_CHANGE_REQUIRED', PASSWORD_CHANGE_REQUIRED_MESSAGE);
    }
    if (!actor.roles.includes(Role.AUDITOR)) return fail(res, 403, 'FORBIDDEN', 'Недостаточно прав');
    const parsed = parseQuery(req);
    if ('code' in parsed) return fail(res, 400, parsed.code, parsed.message);
    const query: ExportQuery = parsed;

    const em = options.orm().em.fork();
    const trail = new AuditTrail();
    const requestId = requestIdOf(res);
    trail.change({
      recipientId: query.recipientId,
      entity: 'AuditExport',
      entityId: requestId,
      action: 'export',
      before: null,
      after: query,
    });
    const context = {
      requestId,
      actor,
      clock: options.clock,
      logger: createLogger('silent'),
      ip: req.ip,
      operationName: 'GET /audit/export',
      audit: trail,
      subgraph: 'gateway',
    } as unknown as SubgraphContext;
    try {
      await writeAuditTrail(em, context);
    } catch {
      return fail(res, 503, 'AUDIT_UNAVAILABLE', AUDIT_UNAVAILABLE_MESSAGE);
    }

    const from = new Date(`${query.from}${DAY_START}`);
    const to = new Date(new Date(`${query.to}${DAY_START}`).getTime() + 24 * 3600 * 1000);
    const connection = em.getConnection();
    async function* batches(): AsyncGenerator<Row[]> {
      let after: { at: Date; id: string } | null = null;
      for (;;) {
        const params: unknown[] = [from, to];
        let where = 'occurred_at >= ? and occurred_at < ?';
        if (query.recipientId) {
          where += ' and recipient_id = ?';
          params.push(query.recipientId);
        }
        if (after) {
          where += ' and (occurred_at, id) > (?, ?)';
          params.push(after.at, after.id);
        }
        const rows = await connection.execute<Row[]>(
          `select ${AUDIT_EXPORT_COLUMNS.join(', ')} from access.audit_event where ${where} order by occurred_at, id limit ${BATCH}`,
          params,
        );
        if (rows.length > 0) yield rows;
        if (rows.length < BATCH) return;
        const last = rows.at(-1)!;
        after = { at: last.occurred_at as Date, id: String(last.id) };
      }
    }

    const filename = `audit-${query.from}-${query.to}.${query.format}`;
    res
      .status(200)
      .setHeader('content-disposition', `attachment; filename="${filename}"`)
      .setHeader('cache-control', 'no-store');
    try {
      if (query.format === 'csv') {
        res.type('text/csv; charset=utf-8');
        // The BOM makes Excel read the file as UTF-8 (Cyrillic names).
        await write(res, `\uFEFF${AUDIT_EXPORT_COLUMNS.join(',')}\r\n`);
        for await (const rows of batches()) {
          await write(
            res,
            rows.map((row) => `${AUDIT_EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(',')}\r\n`).join(''),
          );
        }
        res.end();
      } else {
        res.type(XLSX);
        const book = new ExcelJS.stream.xlsx.WorkbookWriter({
          stream: res,
          useStyles: false,
          useSharedStrings: false,
        });
        const sheet = book.addWorksheet('Журнал доступа');
        sheet.addRow([...AUDIT_EXPORT_COLUMNS]).commit();
        for await (const rows of batches()) {
          for (const row of rows) sheet.addRow(AUDIT_EXPORT_COLUMNS.map((c) => text(row[c]))).commit();
        }
        sheet.commit();
        await book.commit();
      }
    } catch (error) {
      // Headers are gone: cut the download short rather than hand over a truncated file as whole.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
