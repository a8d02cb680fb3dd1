import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyIdOf, DEMO_COORDINATOR_ACCOUNT_ID, Role } from '@sl/core';
import { Account } from './account/account.entity.js';
import { AccountService } from './account/account.service.js';
import { hashPassword } from './account/password.js';

/** Published in the README: demo accounts exist only with DEMO_DATA, which production refuses. */
export const DEMO_PASSWORD = 'demo-password-2026';

/** The demo's region: its roadmap (seed 000) and Council are Kaliningrad's (coordination demo.ts). */
const DEMO_REGION = 'kaliningrad';
/** Each demo account's agency, by its name in the directory (coordination agency.fixture.ts). */
export const DEMO_AGENCIES = {
  social: 'Министерство социальной политики Калининградской области',
  health: 'Министерство здравоохранения Калининградской области',
  education: 'Министерство образования Калининградской области',
  employment: 'Центр занятости населения Калининградской области',
  council: 'Совет по делам инвалидов при Губернаторе Калининградской области',
} as const;
const agency = (key: keyof typeof DEMO_AGENCIES) => agencyIdOf(DEMO_REGION, DEMO_AGENCIES[key]);

export const DEMO_ACCOUNTS: {
  login: string;
  displayName: string;
  roles: Role[];
  agencyId: string | null;
}[] = [
  { login: 'admin', displayName: 'Администратор системы', roles: [Role.ADMIN], agencyId: agency('social') },
  {
    login: 'coordinator',
    displayName: 'Иванова Анна Сергеевна',
    roles: [Role.COORDINATOR],
    agencyId: agency('social'),
  },
  {
    login: 'health',
    displayName: 'Петров Олег Игоревич',
    roles: [Role.HEALTH_OFFICER],
    agencyId: agency('health'),
  },
  {
    login: 'education',
    displayName: 'Смирнова Ольга Петровна',
    roles: [Role.EDUCATION_OFFICER],
    agencyId: agency('education'),
  },
  {
    login: 'employment',
    displayName: 'Кузнецов Илья Андреевич',
    roles: [Role.EMPLOYMENT_OFFICER],
    agencyId: agency('employment'),
  },
  {
    login: 'council',
    displayName: 'Соколова Марина Викторовна',
    roles: [Role.COUNCIL_MEMBER],
    agencyId: agency('council'),
  },
  // The audit service is no agency of the directory.
  { login: 'auditor', displayName: 'Морозов Павел Дмитриевич', roles: [Role.AUDITOR], agencyId: null },
];

export async function seedAccessDemo(em: EntityManager): Promise<void> {
  if ((await em.count(Account, {})) > 1) return;
  const service = new AccountService(em, { now: () => new Date() });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    if (await em.count(Account, { login: account.login })) continue;
    // The demo cases are in the demo coordinator's hands (social's demo names this account).
    const id = account.login === 'coordinator' ? DEMO_COORDINATOR_ACCOUNT_ID : undefined;
    await service.create(
      { ...account, agencyId: account.agencyId ?? undefined, password: DEMO_PASSWORD },
      { ...(id ? { id } : {}), passwordHash },
    );
  }
}
