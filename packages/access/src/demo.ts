import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_COORDINATOR_ACCOUNT_ID, Role } from '@sl/core';
import { Account } from './account/account.entity.js';
import { AccountService } from './account/account.service.js';
import { hashPassword } from './account/password.js';

/** Published in the README: demo accounts exist only with DEMO_DATA, which production refuses. */
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_ACCOUNTS: { login: string; displayName: string; roles: Role[]; agencyId: string }[] = [
  { login: 'admin', displayName: 'Администратор системы', roles: [Role.ADMIN], agencyId: 'Минсоцразвития' },
  {
    login: 'coordinator',
    displayName: 'Иванова Анна Сергеевна',
    roles: [Role.COORDINATOR],
    agencyId: 'Минсоцразвития',
  },
  {
    login: 'health',
    displayName: 'Петров Олег Игоревич',
    roles: [Role.HEALTH_OFFICER],
    agencyId: 'Минздрав',
  },
  {
    login: 'education',
    displayName: 'Смирнова Ольга Петровна',
    roles: [Role.EDUCATION_OFFICER],
    agencyId: 'Минобразования',
  },
  {
    login: 'employment',
    displayName: 'Кузнецов Илья Андреевич',
    roles: [Role.EMPLOYMENT_OFFICER],
    agencyId: 'Центр занятости',
  },
  {
    login: 'council',
    displayName: 'Соколова Марина Викторовна',
    roles: [Role.COUNCIL_MEMBER],
    agencyId: 'Совет при Губернаторе',
  },
  {
    login: 'auditor',
    displayName: 'Морозов Павел Дмитриевич',
    roles: [Role.AUDITOR],
    agencyId: 'Служба аудита',
  },
];

export async function seedAccessDemo(em: EntityManager): Promise<void> {
  if ((await em.count(Account, {})) > 1) return;
  const service = new AccountService(em, { now: () => new Date() });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    if (await em.count(Account, { login: account.login })) continue;
    // The demo cases are in the demo coordinator's hands (social's demo names this account).
    const id = account.login === 'coordinator' ? DEMO_COORDINATOR_ACCOUNT_ID : undefined;
    await service.create({ ...account, password: DEMO_PASSWORD }, { ...(id ? { id } : {}), passwordHash });
  }
}
