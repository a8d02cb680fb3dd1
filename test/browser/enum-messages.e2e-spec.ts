import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { enEnums, ruEnums } from '../../packages/dashboard/src/i18n/enums.js';

// The dashboard shows every enum value through `enums.<Enum>.<VALUE>`; a value missing from a
// message file would reach the screen as `WORK_AT_HEIGHT`. The composed schema is the list.
const supergraph = parse(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'));
const schemaEnums = supergraph.definitions
  .filter((d) => d.kind === Kind.ENUM_TYPE_DEFINITION)
  .filter((d) => !/^(join|link)__/.test(d.name.value))
  .map((d) => ({ name: d.name.value, values: (d.values ?? []).map((v) => v.name.value) }));

describe('the dashboard translates every enum value of the graph', () => {
  it('finds the graph’s enums to check', () => {
    expect(schemaEnums.map((e) => e.name)).toEqual(expect.arrayContaining(['AutonomyDegree', 'WorkKind']));
  });

  for (const [language, messages] of [
    ['ru', ruEnums as Record<string, Record<string, string>>],
    ['en', enEnums as Record<string, Record<string, string>>],
  ] as const) {
    it(`has a ${language} message for each value, and none for values the graph lacks`, () => {
      const missing = schemaEnums.flatMap((e) =>
        e.values.filter((v) => !messages[e.name]?.[v]?.trim()).map((v) => `${e.name}.${v}`),
      );
      const stale = Object.entries(messages).flatMap(([name, values]) => {
        const known = schemaEnums.find((e) => e.name === name)?.values ?? [];
        return Object.keys(values)
          .filter((v) => !known.includes(v))
          .map((v) => `${name}.${v}`);
      });
      expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    });
  }

  it('does not leave Russian values in English or the raw value as a translation', () => {
    const raw = Object.entries(ruEnums as Record<string, Record<string, string>>).flatMap(([name, values]) =>
      Object.entries(values)
        .filter(([value, text]) => text === value && !/^[IVX]+$/.test(value))
        .map(([value]) => `ru ${name}.${value}`),
    );
    const cyrillicInEnglish = Object.entries(enEnums as Record<string, Record<string, string>>).flatMap(
      ([name, values]) =>
        Object.entries(values)
          .filter(([, text]) => /[а-яё]/i.test(text))
          .map(([value]) => `en ${name}.${value}`),
    );
    expect([...raw, ...cyrillicInEnglish]).toEqual([]);
  });
});
