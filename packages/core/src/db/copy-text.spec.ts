import { copyText } from './copy-text.js';

describe('COPY text of a value', () => {
  it('escapes what COPY would read as a separator, a line end or an escape', () => {
    expect(copyText('Иванова Т. П.')).toBe('Иванова Т. П.');
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    // A backslash and N is text, not COPY's null.
    expect(copyText('\\N')).toBe('\\\\N');
  });

  it('writes null and undefined as COPY null, numbers and booleans as PostgreSQL reads them', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText(1.5)).toBe('1.5');
    expect(copyText(10n)).toBe('10');
    expect(copyText(true)).toBe('t');
    expect(copyText(false)).toBe('f');
  });

  it('serialises the rest as pg binds a parameter, then escapes it', () => {
    expect(copyText(['a', 'b\tc'])).toBe('{"a","b\\tc"}');
    expect(copyText({ note: 'x\ny' })).toBe('{"note":"x\\\\ny"}');
    expect(copyText(Buffer.from([1, 255]))).toBe('\\\\x01ff');
  });
});
