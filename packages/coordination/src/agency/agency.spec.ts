import { readFileSync } from 'node:fs';
import { AGENCY_DIRECTORY, parseAbbreviationList } from './agency.fixture.js';
import { AgencyDirectory } from './agency-directory.js';

const seed003 = readFileSync(new URL('../fixtures/seeds/novosibirsk-003.txt', import.meta.url), 'utf8');
const directory = (region: string) =>
  new AgencyDirectory(AGENCY_DIRECTORY[region]!.map((a, i) => ({ id: `${region}-${i}`, ...a })));

describe('agency directory', () => {
  it('holds every abbreviation of seed 003’s list «Применяемые сокращения» with its full name', () => {
    const list = parseAbbreviationList(seed003);
    expect(list).toHaveLength(15);
    const novosibirsk = AGENCY_DIRECTORY.novosibirsk!;
    for (const { abbreviation, name } of list) {
      expect(novosibirsk).toContainEqual(expect.objectContaining({ name, abbreviations: [abbreviation] }));
    }
    expect(novosibirsk).toHaveLength(list.length);
  });

  it('resolves names as roadmap cells write them: case, quotes, line breaks, markup, one typo', () => {
    const nso = directory('novosibirsk');
    expect(nso.resolve('Минтруда\nи соцразвития НСО')?.name).toBe(
      'министерство труда и социального развития Новосибирской области',
    );
    expect(nso.resolve('<p>минздрав нсо</p>')?.abbreviations).toEqual(['Минздрав НСО']);
    expect(nso.resolve('ГАСУСО НСО "Обской ПНИ"')?.abbreviations).toEqual(['ГАСУСО НСО «Обской ПНИ»']);
    // seed 003 item 2.20 writes «Минтруд» for «Минтруда»
    expect(nso.resolve('Минтруд и соцразвития НСО')).not.toBeNull();
    expect(nso.resolve('КЦСО')).toBeNull();
    expect(nso.resolve('Министерство обороны')).toBeNull();
  });

  it('splits executors into responsible and co-executing agencies and keeps unknown names', () => {
    const nso = directory('novosibirsk');
    const split = nso.splitExecutors(
      'Минтруда и соцразвития НСО, Минздрав НСО во взаимодействии с ОМС НСО, КЦСОН,\nпрофессиональными образовательными учреждениями',
    );
    expect(split.responsible.map((e) => e.nameAsWritten)).toEqual([
      'Минтруда и соцразвития НСО',
      'Минздрав НСО',
    ]);
    expect(split.coExecutors.map((e) => [e.nameAsWritten, e.agencyId !== null])).toEqual([
      ['ОМС НСО', true],
      ['КЦСОН', true],
      ['профессиональными образовательными учреждениями', false],
    ]);
    // seed 004: agencies one per line, no separator
    const ao = directory('astrakhan').splitExecutors(
      'Министерство социального развития и труда АО\nМинистерство физической культуры и спорта',
    );
    expect(ao.responsible.map((e) => e.agencyId)).toEqual(['astrakhan-0', 'astrakhan-3']);
  });
});
