import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '@sl/core';
import type { DecisionReport } from '../council/decision-report.entity.js';
import { EvidenceFile, type ProgressReport } from '../obligation/obligation.entity.js';
import type { EvidenceInput } from '../obligation/obligation.inputs.js';

export const MAX_EVIDENCE_BYTES = 200_000;
/** Media types accepted as evidence, each with the bytes its files begin with. */
const EVIDENCE_TYPES: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b) =>
    b.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (b) =>
    b.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004',
  'text/plain': (b) => !b.includes(0),
};

/**
 * Checks and attaches the evidence of a report (an obligation's or a Council decision's): size,
 * and content that is what its media type says. Throws before anything is flushed.
 */
export function attachEvidence(
  em: EntityManager,
  owner: { report: ProgressReport } | { decisionReport: DecisionReport },
  files: readonly EvidenceInput[],
): void {
  for (const file of files) {
    const content = Buffer.from(file.contentBase64, 'base64');
    if (content.length === 0 || content.length > MAX_EVIDENCE_BYTES) {
      throw new ValidationError(
        `Файл «${file.filename}»: размер от 1 байта до ${MAX_EVIDENCE_BYTES / 1000} КБ`,
        'evidence',
        'EVIDENCE_TOO_LARGE',
      );
    }
    const check = EVIDENCE_TYPES[file.mediaType];
    if (!check?.(content)) {
      throw new ValidationError(
        `Файл «${file.filename}»: допустимы PDF, PNG, JPEG, DOCX, XLSX и текст, и содержимое должно им соответствовать`,
        'evidence',
        'EVIDENCE_TYPE_INVALID',
      );
    }
    em.create(EvidenceFile, {
      ...owner,
      sha256: createHash('sha256').update(content).digest('hex'),
      // The client's name is kept for display only, stripped of any path.
      displayName: displayName(file.filename),
      mediaType: file.mediaType,
      size: content.length,
      content,
    });
  }
}

/** The client's file name for display: no directories, no control characters. */
function displayName(filename: string): string {
  const base = filename.replace(/^.*[/\\]/, '');
  const printable = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20).join('');
  return printable.slice(0, 200) || 'файл';
}
