import { csvCell } from './audit-export.route.js';

describe('audit export cells', () => {
  it('quotes every cell and doubles quotes (RFC 4180)', () => {
    expect(csvCell('Иванова "Анна"')).toBe('"Иванова ""Анна"""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(['Recipient.snils', 'Recipient.lastName'])).toBe('"Recipient.snils Recipient.lastName"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)']) {
      expect(csvCell(formula).startsWith(`"'`)).toBe(true);
    }
  });
});
