import type { DemoPerson, DemoSeeder, RowFactory } from '@sl/core';
import { MedicalConclusion } from './conclusion/medical-conclusion.entity.js';
import { MobileTeamVisit } from './mobile-team/mobile-team-visit.entity.js';
import {
  RehabilitationEpisode,
  RehabilitationSetting,
} from './rehabilitation/rehabilitation-episode.entity.js';

const ORGANISATIONS = [
  'ГБУЗ «Областная клиническая больница»',
  'ГБУЗ «Городская поликлиника № 2»',
  'ГБУЗ «Центральная районная больница»',
];
const CONTRAINDICATIONS = [['A15.0'], ['F20.0', 'F10.2'], ['C34.1']];
const SETTINGS = Object.values(RehabilitationSetting);

export const healthDemo: DemoSeeder<null> = {
  hasData: async (em) => (await em.count(MedicalConclusion, {})) > 0,
  reference: async () => null,
  people: (rows, people) => seedHealthPeople(rows, people),
};

function seedHealthPeople(rows: RowFactory, people: readonly DemoPerson[]): void {
  for (const p of people) {
    // Every applicant brings the conclusion with the application (seed 001 §3); the journey says
    // when, and whether contraindications were found.
    const conclusion = p.journey.medicalConclusion;
    if (conclusion) {
      const year = Number(conclusion.issuedOn.slice(0, 4));
      rows.create(MedicalConclusion, {
        recipientId: p.id,
        issuedOn: conclusion.issuedOn,
        contraindicationsPresent: conclusion.contraindications,
        conditions: conclusion.contraindications
          ? CONTRAINDICATIONS[p.index % CONTRAINDICATIONS.length]!
          : [],
        organisation: ORGANISATIONS[p.index % ORGANISATIONS.length]!,
        // Valid a year (a 29 February issue runs to 28 February).
        validUntil: `${year + 1}${conclusion.issuedOn.slice(4).replace('-02-29', '-02-28')}`,
      });
    }
    if (p.index % 6 === 1) {
      rows.create(RehabilitationEpisode, {
        recipientId: p.id,
        setting: SETTINGS[p.index % SETTINGS.length]!,
        organisation: ORGANISATIONS[(p.index + 1) % ORGANISATIONS.length]!,
        condition: p.index % 12 === 1 ? 'F70.0' : null,
        startDate: `2025-${String(1 + (p.index % 12)).padStart(2, '0')}-05`,
        endDate: p.index % 4 === 1 ? null : `2025-${String(1 + (p.index % 12)).padStart(2, '0')}-26`,
      });
    }
    // seed 003 item 1.9: field teams for people with mental disorders.
    if (p.index % 7 === 3) {
      rows.create(MobileTeamVisit, {
        recipientId: p.id,
        visitedOn: `2025-${String(1 + (p.index % 12)).padStart(2, '0')}-1${p.index % 10}`,
        team: 'Выездная бригада ЦРБ (психиатр, терапевт)',
        help: 'Осмотр на дому, коррекция терапии, направление на МСЭ',
      });
    }
  }
}
