import { Migration } from '@mikro-orm/migrations';
import { agencyIdOf, INTERAGENCY_AGENCIES, variables } from '@sl/core';

/**
 * Interagency requests name their receiving agency by its directory id (`agencyIdOf`), no longer by
 * free text. A stored name is matched, without case, to the configured region's agencies: their
 * directory names, the spellings earlier versions and their demo wrote for them, and — when the
 * directory lives in this same database — every name and abbreviation it holds for the region. The
 * matched request keeps the directory's name; a name matching nothing keeps its text and no id
 * (shown as it was; a new request always names a directory agency).
 */
const EARLIER_SPELLINGS: Record<string, Record<string, string[]>> = {
  kaluga: {
    RESIDENCE_REGISTRATION: [
      'Управление по вопросам миграции УМВД России',
      'УВМ УМВД России по Калужской области',
    ],
    DISABILITY_FACT: ['Социальный фонд России (ЕЦП)', 'СФР (ЕЦП)', 'СФР', 'ОСФР по Калужской области'],
    MEDICAL_CONCLUSION: [
      'Областная психиатрическая больница',
      'Министерство здравоохранения Калужской области',
      'Минздрав Калужской области',
      'Минздрав КО',
      'Минздрав области',
    ],
  },
  murmansk: {
    RESIDENCE_REGISTRATION: [
      'Управление по вопросам миграции УМВД России',
      'УВМ УМВД России по Мурманской области',
    ],
    DISABILITY_FACT: ['Социальный фонд России (ЕЦП)', 'СФР (ЕЦП)', 'СФР', 'ОСФР по Мурманской области'],
    MEDICAL_CONCLUSION: [
      'Областная психиатрическая больница',
      'Минздрав Мурманской области',
      'Минздрав области',
    ],
  },
};

export class Migration20261203133000_interagency_agency_ids extends Migration {
  override name = 'Migration20261203133000_interagency_agency_ids';

  override async up(): Promise<void> {
    // Run in order (not queued): the rows are matched after the column exists.
    await this.execute(`alter table "social"."interagency_request" add "agency_id" uuid null;`);
    await this.execute(`alter table "social"."interagency_request" alter column "agency" type varchar(300);`);
    const region = variables.REGION.schema.parse(process.env.REGION);
    const known = new Map<string, { id: string; name: string }>();
    const add = (spelling: string, name: string) =>
      known.set(spelling.trim().toLowerCase(), { id: agencyIdOf(region, name), name });
    const subjects: Record<string, string> = INTERAGENCY_AGENCIES[region] ?? {};
    for (const [subject, name] of Object.entries(subjects)) {
      add(name, name);
      for (const spelling of EARLIER_SPELLINGS[region]?.[subject] ?? []) add(spelling, name);
    }
    const [directory] = await this.execute(
      `select to_regclass('coordination.agency') is not null as present`,
    );
    if (directory?.present) {
      const agencies = (await this.execute(
        'select name, abbreviations from coordination.agency where region = ?',
        [region],
      )) as { name: string; abbreviations: string[] | string }[];
      for (const a of agencies) {
        const spellings = typeof a.abbreviations === 'string' ? JSON.parse(a.abbreviations) : a.abbreviations;
        for (const spelling of [a.name, ...(spellings as string[])]) add(spelling, a.name);
      }
    }
    const rows = (await this.execute('select distinct agency from social.interagency_request')) as {
      agency: string;
    }[];
    for (const { agency } of rows) {
      const found = known.get(agency.trim().toLowerCase());
      if (found)
        await this.execute(
          'update social.interagency_request set agency_id = ?, agency = ? where agency = ?',
          [found.id, found.name, agency],
        );
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "social"."interagency_request" drop column "agency_id";`);
  }
}
