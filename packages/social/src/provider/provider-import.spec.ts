import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { murmanskProviders } from './murmansk-providers.data.js';
import { ServiceForm } from './provider.enums.js';
import { formsOf, municipalityOf, parseProviderList, splitContacts } from './provider-import.js';

// A committed copy of the published order (seed 002), so the test needs nothing outside the repo.
const seeds = path.resolve(process.cwd(), 'packages/social/src/fixtures/seeds');
const seed002 = readdirSync(seeds).find((f) => f.startsWith('002_'))!;
const text = readFileSync(path.join(seeds, seed002), 'utf8');

describe('the Murmansk list of providers (seed 002, appendix 2)', () => {
  const parsed = parseProviderList(text);

  it('finds all 14 providers of the list, numbered rows 1–14', () => {
    // seed 002 appendix 2: «Перечень организаций социального обслуживания…», rows 1–14
    expect(parsed).toHaveLength(14);
    expect(new Set(parsed.map((p) => p.name)).size).toBe(14);
    for (const p of parsed) {
      expect(p.name).toMatch(/^ГОВ?АУСОН «.+»$/);
      expect(p.postalAddress).toMatch(/^18\d{4}, /);
      expect(p.email).toMatch(/^[\w.-]+@[\w.-]+\.ru$/);
      expect(p.phone).toMatch(/\d/);
    }
  });

  it('reads sampled rows exactly as published', () => {
    // seed 002 appendix 2, row 1
    expect(parsed[0]).toEqual({
      name: 'ГОАУСОН «Мончегорский комплексный центр социального обслуживания населения»',
      shortName: 'ГОАУСОН «Мончегорский КЦСОН»',
      postalAddress: '184511, г. Мончегорск, ул. Строительная, д. 5',
      municipality: 'г. Мончегорск',
      phone: '(815-36) 72-735',
      email: 'm_kcson@mail.ru',
      forms: [ServiceForm.SEMI_STATIONARY, ServiceForm.HOME_BASED],
    });
    // row 8: the address names the district before the settlement
    expect(parsed[7]).toMatchObject({
      name: 'ГОАУСОН «Ловозерский комплексный центр социального обслуживания населения»',
      postalAddress: '184580, Ловозерский район, пгт. Ревда, ул. Кузина, д. 5',
      municipality: 'Ловозерский район',
      phone: '(815 38) 44-797',
      email: 'lov.csps@yandex.ru',
    });
    // row 12, under «На дому»: home-based only
    expect(parsed[11]).toMatchObject({
      name: 'ГОАУСОН «Печенгский комплексный центр социального обслуживания населения»',
      postalAddress: '184421, Печенгский район, п.г.т.Никель, ул. Октябрьская, д. 15а',
      phone: '(815 54) 400-64',
      email: 'soccentre@yandex.ru',
      forms: [ServiceForm.HOME_BASED],
    });
    // row 14, after the repeated table header, its e-mail wrapped in an HTML link
    expect(parsed[13]).toEqual({
      name: 'ГОВАУСОН «Апатитский комплексный центр социального обслуживания населения»',
      shortName: 'ГОВАУСОН «Апатитский КЦСОН»',
      postalAddress: '184209, г. Апатиты, ул. Зиновьева, д. 13а',
      municipality: 'г. Апатиты',
      phone: '815-55 76-358',
      email: 'kcsn-apatity@yandex.ru',
      forms: [ServiceForm.HOME_BASED],
    });
  });

  it('gives rows 1–9 semi-stationary and home-based service, rows 10–14 home-based', () => {
    // seed 002 appendix 2: headings «В полустационарной форме и на дому» and «На дому»
    expect(parsed.slice(0, 9).every((p) => p.forms.join() === 'SEMI_STATIONARY,HOME_BASED')).toBe(true);
    expect(parsed.slice(9).every((p) => p.forms.join() === 'HOME_BASED')).toBe(true);
  });

  it('matches the committed reference data (regenerate with pnpm providers:import)', () => {
    expect(murmanskProviders).toEqual(parsed);
  });

  it('survives cells broken over lines, markup and a stationary heading', () => {
    const noisy = [
      'Приложение № 2',
      '№ п/п\tНаименование учреждения\tКонтактные данные',
      '<b>В стационарной форме</b>\t\t',
      '1.\tГБУ «Дом-интернат',
      'для инвалидов»\t180000, г. Тест, ул. Новая,',
      'д. 1, (8152) 00-00-00, <a href="mailto:a@b.ru">a@b.ru</a>',
      '---',
      'Приложение',
      '2.\tnot a provider\t',
    ].join('\n');
    expect(parseProviderList(noisy)).toEqual([
      {
        name: 'ГБУ «Дом-интернат для инвалидов»',
        shortName: 'ГБУ «Дом-интернат для инвалидов»',
        postalAddress: '180000, г. Тест, ул. Новая, д. 1',
        municipality: 'г. Тест',
        phone: '(8152) 00-00-00',
        email: 'a@b.ru',
        forms: [ServiceForm.STATIONARY],
      },
    ]);
  });

  it('tells the forms, the municipality and the contacts apart', () => {
    expect(formsOf('В полустационарной форме и на дому')).toEqual([
      ServiceForm.SEMI_STATIONARY,
      ServiceForm.HOME_BASED,
    ]);
    expect(formsOf('Стационарная форма')).toEqual([ServiceForm.STATIONARY]);
    expect(municipalityOf('184703, пгт. Умба, Терский район, ул. Совхозная, д. 16')).toBe('Терский район');
    expect(splitContacts('183038, г. Мурманск, д. 1, x@y.ru')).toEqual({
      postalAddress: '183038, г. Мурманск, д. 1',
      phone: '',
      email: 'x@y.ru',
    });
  });
});
