import { AppError, isUuid } from '@sl/core';
import type { Express, Request, Response } from 'express';
import {
  decisionLetter,
  type Letter,
  type LetterApplication,
  type LetterPerson,
  type LetterTermination,
  terminationLetter,
} from './letter.js';
import { letterDocx, letterPdf } from './render.js';

const FORMATS = {
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: letterDocx,
  },
  pdf: { mimeType: 'application/pdf', render: letterPdf },
} as const;

const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  LETTER_UNAVAILABLE: 409,
};

// The person's name, address and case: every field a personal read the subgraphs audit for the caller.
const QUERY = `query Letter($id: ID!) {
  recipient(id: $id) {
    lastName firstName patronymic sex address municipality representative { kind fullName }
    applications { id submittedOn appliedBy decision decidedOn refusalGround refusalParagraph refusalMissingDocuments
      decisionAct decidingAuthority needUntil assessmentId }
    assessments { id recommendedService { name hours { min max per } } }
    terminations { reason effectiveOn }
  }
}`;

interface LetterRecord extends LetterPerson {
  applications: (Omit<LetterApplication, 'service'> & { assessmentId: string | null })[];
  assessments: { id: string; recommendedService: NonNullable<LetterApplication['service']> }[];
  terminations: LetterTermination[];
}

function fail(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * The letters to a person (seed 001 §13, §16, §17): `GET /letters/<recipientId>/decision/<applicationId>.docx|pdf`
 * and `GET /letters/<recipientId>/termination.docx|pdf`. Like the reports, the record is asked of
 * this very gateway with the caller's own Authorization header, so only those who may read the
 * case get a letter and each read of the person's data is audited by the subgraph that holds it.
 */
export function mountLetters(app: Express, options: { today: () => string }) {
  /** Serves the letter named by the URL's last segment, `<stem>.docx|pdf`, when `stemFits` its route. */
  const send = async (
    req: Request,
    res: Response,
    stemFits: (stem: string) => boolean,
    compose: (record: LetterRecord, stem: string) => Letter,
  ) => {
    const authorization = req.header('authorization');
    if (!authorization) return fail(res, 401, 'UNAUTHENTICATED', 'Требуется вход в систему');
    const file = String(req.params.file).toLowerCase();
    const dot = file.lastIndexOf('.');
    const stem = file.slice(0, Math.max(dot, 0));
    const extension = file.slice(dot + 1);
    const format = Object.hasOwn(FORMATS, extension) ? FORMATS[extension as keyof typeof FORMATS] : null;
    const recipientId = String(req.params.recipientId);
    if (dot < 0 || !format || !stemFits(stem) || !isUuid(recipientId))
      return fail(res, 404, 'LETTER_NOT_FOUND', 'Такого письма нет');
    const host = req.socket.localAddress?.includes(':')
      ? `[${req.socket.localAddress}]`
      : req.socket.localAddress;
    const answer = await fetch(`http://${host}:${req.socket.localPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ operationName: 'Letter', query: QUERY, variables: { id: recipientId } }),
    });
    const body = (await answer.json()) as {
      data?: { recipient: LetterRecord | null };
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const error = body.errors?.[0];
    const record = body.data?.recipient;
    if (error || !record) {
      const code = error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      return fail(res, HTTP_STATUS[code] ?? 500, code, error?.message ?? 'Письмо не сформировано');
    }
    let letter: Letter;
    try {
      letter = compose(record, stem);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return fail(res, HTTP_STATUS[e.code] ?? 500, e.code, e.message);
    }
    res
      .status(200)
      .type(format.mimeType)
      .setHeader('content-disposition', `attachment; filename="${file}"`)
      .setHeader('cache-control', 'no-store')
      .send(await format.render(letter));
  };

  app.get('/letters/:recipientId/decision/:file', (req, res) =>
    send(req, res, isUuid, (record, applicationId) => {
      const application = record.applications.find((a) => a.id === applicationId);
      if (!application) throw new AppError('NOT_FOUND', 'Такого заявления у человека нет');
      // The service the grant rests on: the assessment it names (001 §9.1).
      const assessment = record.assessments.find((a) => a.id === application.assessmentId);
      return decisionLetter(
        record,
        { ...application, service: assessment?.recommendedService ?? null },
        options.today(),
      );
    }),
  );
  app.get('/letters/:recipientId/:file', (req, res) =>
    send(
      req,
      res,
      (stem) => stem === 'termination',
      (record) =>
        terminationLetter(
          record,
          record.terminations,
          options.today(),
          record.applications.find((a) => a.decidingAuthority)?.decidingAuthority ?? null,
        ),
    ),
  );
}
