import { ServiceForm } from './provider.enums.js';

/** One provider as the published list gives it. */
export interface ProviderRecord {
  name: string;
  shortName: string;
  postalAddress: string;
  municipality: string;
  phone: string;
  email: string;
  forms: ServiceForm[];
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const ROW_START = /^(\d+)\.\s*\t/;

/** The text extracted from Word keeps some HTML and Markdown: drop the markup, keep the text. */
function stripMarkup(line: string): string {
  return line
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\u00a0/g, ' ');
}

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The section heading of the list names the forms of service of the rows under it. */
export function formsOf(heading: string): ServiceForm[] {
  const text = heading.toLowerCase();
  const forms: ServiceForm[] = [];
  if (/(^|[^у])стационар/.test(text)) forms.push(ServiceForm.STATIONARY);
  if (text.includes('полустационар')) forms.push(ServiceForm.SEMI_STATIONARY);
  if (text.includes('на дому')) forms.push(ServiceForm.HOME_BASED);
  return forms;
}

/** The municipality of a postal address: the district when named, otherwise the settlement. */
export function municipalityOf(address: string): string {
  const parts = address.split(',').map(squeeze);
  const district = parts.find((p) => /район|округ/i.test(p));
  if (district) return district;
  return parts.find((p) => /^(г\.|пгт|п\.г\.т|п\.|с\.)/i.test(p)) ?? parts[1] ?? address;
}

/** «Мончегорский комплексный центр …» → «Мончегорский КЦСОН», the name coordinators use. */
export function shortNameOf(name: string): string {
  return squeeze(name.replace(/комплексный центр социального обслуживания населения/i, 'КЦСОН'));
}

/** "184511, г. …, д. 5, (815-36) 72-735, m_kcson@mail.ru" → address, phone, e-mail. */
export function splitContacts(contacts: string): { postalAddress: string; phone: string; email: string } {
  const text = squeeze(contacts);
  const emails = text.match(EMAIL) ?? [];
  const email = emails.at(-1) ?? '';
  let rest = email ? text.slice(0, text.lastIndexOf(email)) : text;
  rest = rest.replace(/[,;\s]+$/, '');
  const segments = rest.split(',');
  const last = squeeze(segments.at(-1) ?? '');
  const isPhone = /^[()\d\s-]+$/.test(last) && (last.match(/\d/g) ?? []).length >= 5;
  const phone = isPhone ? last : '';
  const postalAddress = squeeze((isPhone ? segments.slice(0, -1) : segments).join(','));
  return { postalAddress, phone, email };
}

/**
 * Parses the list of providers of seed 002 (appendix 2): tab-separated cells, cells broken over
 * several lines, section headings naming the form of service, the table header repeated after a
 * page break, and leftover HTML (`<b>`, `<a href="mailto:…">`).
 */
export function parseProviderList(text: string): ProviderRecord[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => /^\s*Приложение\s*№\s*2\s*$/.test(stripMarkup(l)));
  if (start < 0) throw new Error('Приложение № 2 не найдено в тексте');
  const rows: { cells: string[]; forms: ServiceForm[] }[] = [];
  let forms: ServiceForm[] = [];
  for (const raw of lines.slice(start + 1)) {
    const line = stripMarkup(raw);
    // The next appendix (the application form) ends the list.
    if (/^\s*Приложение\s*(№.*)?$/.test(line)) break;
    if (!line.trim() || /^\s*-{3,}\s*$/.test(line)) continue;
    if (/^\s*№\s*п\/п/.test(line)) continue;
    const row = ROW_START.exec(line);
    if (row) {
      rows.push({ cells: line.slice(row[0].length).split('\t').map(squeeze), forms });
      continue;
    }
    const cells = line.split('\t').map(squeeze);
    const heading = cells[0] && cells.slice(1).every((c) => c === '') ? formsOf(cells[0]) : [];
    if (heading.length > 0) {
      forms = heading;
      continue;
    }
    // A line break inside a cell: the text continues the last cell of the previous row.
    const last = rows.at(-1);
    // A tab on that line starts the next cell.
    if (last) {
      const [continued = '', ...next] = cells;
      last.cells[last.cells.length - 1] = squeeze(`${last.cells.at(-1) ?? ''} ${continued}`);
      last.cells.push(...next.filter(Boolean));
    }
  }
  return rows.map(({ cells, forms: rowForms }) => {
    const name = squeeze(cells[0] ?? '');
    const contacts = cells.slice(1).join(', ');
    const { postalAddress, phone, email } = splitContacts(contacts);
    return {
      name,
      shortName: shortNameOf(name),
      postalAddress,
      municipality: municipalityOf(postalAddress),
      phone,
      email,
      forms: rowForms,
    };
  });
}
