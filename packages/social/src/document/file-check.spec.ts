import { checkFile, displayName } from './file-check.js';

describe('a file of a case, checked by its content', () => {
  it('keeps the name for display only: no folders, no control characters, the extension of what it is', () => {
    expect(displayName('C:\\сканы\\паспорт.pdf', 'application/pdf')).toBe('паспорт.pdf');
    expect(displayName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(displayName('скан\u0000\u001b.pdf', 'image/jpeg')).toBe('скан.jpg');
    expect(displayName('.pdf', 'application/pdf')).toBe('документ.pdf');
  });

  it('refuses by content, size and encoding with stable codes', async () => {
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => 'NO ERROR',
        (e: { code?: string }) => e.code,
      );
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    await expect(checkFile(png, 1000)).resolves.toMatchObject({ mediaType: 'image/png' });
    expect(await code(checkFile(png, 10))).toBe('DOCUMENT_TOO_LARGE');
    expect(await code(checkFile(Buffer.from('plain text, named .pdf').toString('base64'), 1000))).toBe(
      'DOCUMENT_TYPE_INVALID',
    );
    expect(await code(checkFile('', 1000))).toBe('DOCUMENT_FILE_EMPTY');
    expect(await code(checkFile('not base64 at all!', 1000))).toBe('DOCUMENT_FILE_EMPTY');
  });
});
