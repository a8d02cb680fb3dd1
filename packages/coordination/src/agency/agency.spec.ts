import { readFileSync } from 'node:fs';
import { parseAbbreviationList, withListedAgencies } from './abbreviations.js';
import { AGENCY_DIRECTORY } from './agency.fixture.js';
import { AgencyDirectory } from './agency-directory.js';

const seed003 = readFileSync(new URL('../fixtures/seeds/novosibirsk-003.txt', import.meta.url), 'utf8');
const directory = (region: string) =>
  region === 'novosibirsk'
    ? withListedAgencies([], region, parseAbbreviationList(seed003)).directory
    : new AgencyDirectory(AGENCY_DIRECTORY[region]!.map((a, i) => ({ id: `${region}-${i}`, ...a })));

describe('agency directory', () => {
  it('reads seed 003’s own list «Применяемые сокращения» into the directory, each with its kind', () => {
    const list = parseAbbreviationList(seed003);
    expect(list).toHaveLength(15);
    expect(list[0]).toEqual({
      abbreviation: 'Минтруда и соцразвития НСО',
      name: 'министерство труда и социального развития Новосибирской области',
    });
    // two entries on one line, separated by «;»
    expect(list.map((e) => e.abbreviation)).toContain(
      'ГБПОУ НСО «Новосибирский профессионально-педагогический колледж»',
    );
    const { additions } = withListedAgencies([], 'novosibirsk', list);
    expect(additions).toHaveLength(15);
    expect(additions.every((a) => a.isNew)).toBe(true);
    expect(Object.fromEntries(additions.map((a) => [a.abbreviation, a.kind]))).toMatchObject({
      'Минздрав НСО': 'MINISTRY',
      'ОМС НСО': 'MUNICIPALITY',
      КЦСОН: 'INSTITUTION',
      'СО НКО': 'NGO',
      'НМООИ «Ассоциация «Интеграция» ОООИ': 'NGO',
    });
    // a directory that already knows an agency under another spelling gains the abbreviation only
    const known = [
      { id: 'x', name: 'министерство здравоохранения Новосибирской области', abbreviations: [] },
    ];
    const again = withListedAgencies(known, 'novosibirsk', list);
    expect(again.additions.filter((a) => !a.isNew)).toEqual([
      expect.objectContaining({ id: 'x', abbreviation: 'Минздрав НСО' }),
    ]);
    expect(again.directory.resolve('Минздрав НСО')?.id).toBe('x');
    expect(withListedAgencies(again.directory.entries, 'novosibirsk', list).additions).toEqual([]);
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
