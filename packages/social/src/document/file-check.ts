import { ValidationError } from '@sl/core';
import { fileTypeFromBuffer } from 'file-type';

/** What a case file may be, by its content: scans and signed copies, and Word for drafts. */
export const ALLOWED_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

export interface CheckedFile {
  content: Buffer;
  mediaType: string;
}

/**
 * Decodes a file sent base64 and tells what it is from its bytes (`file-type` reads the magic
 * numbers, and opens a ZIP to tell DOCX from other Office files), never from the name or the
 * client's word: a text or a program renamed `.pdf` is refused.
 */
export async function checkFile(contentBase64: string, maxBytes: number): Promise<CheckedFile> {
  // Buffer.from ignores what is not base64; a strict round trip refuses garbage instead of storing it.
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length === 0 || content.toString('base64') !== contentBase64.replace(/\s+/g, '')) {
    throw new ValidationError('Файл пуст или повреждён при передаче', 'contentBase64', 'DOCUMENT_FILE_EMPTY');
  }
  if (content.length > maxBytes) {
    throw new ValidationError(
      `Файл больше допустимого: ${formatSize(content.length)} при пределе ${formatSize(maxBytes)}`,
      'contentBase64',
      'DOCUMENT_TOO_LARGE',
      { limit: maxBytes, size: content.length },
    );
  }
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !Object.hasOwn(ALLOWED_MEDIA_TYPES, detected.mime)) {
    throw new ValidationError(
      'Содержимое файла не является документом PDF, JPEG, PNG или DOCX (проверяется само содержимое, а не имя файла)',
      'contentBase64',
      'DOCUMENT_TYPE_INVALID',
      { detected: detected?.mime ?? null },
    );
  }
  return { content, mediaType: detected.mime };
}

function formatSize(bytes: number): string {
  return bytes < 1_000_000
    ? `${Math.ceil(bytes / 1000).toLocaleString('ru-RU')} КБ`
    : `${(bytes / 1_000_000).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`;
}

/**
 * The client's file name for display and download: no directories, no control characters, and
 * the extension of what the content is (a JPEG sent as `скан.pdf` is kept as `скан.jpg`).
 */
export function displayName(filename: string, mediaType: string): string {
  const base = filename.replace(/^.*[/\\]/, '');
  const printable = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('');
  const stem =
    printable
      .replace(/\.[^.]{1,5}$/, '')
      .trim()
      .slice(0, 180) || 'документ';
  return `${stem}.${ALLOWED_MEDIA_TYPES[mediaType]}`;
}
