import { LockMode, OptimisticLockError, raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  AppError,
  ConflictError,
  type ConnectionShape,
  checkSnils,
  escapeLike,
  isUuid,
  NotFoundError,
  normalizeSnils,
  type PageRequest,
  paginate,
  RecipientNotFoundError,
  Role,
  type SortKey,
  ValidationError,
} from '@sl/core';
import type DataLoader from 'dataloader';
import { ageOn } from '../application/eligibility.js';
import { type SocialContext, snapshot, todayOf } from '../common/social-context.js';
import { currentProviderOf } from '../deadlines/deadline.sql.js';
import { housingPlaceCondition, pendingApplicationCondition } from '../indicators/people-behind.js';
import { LifeLimitations, Recipient, Representative } from './recipient.entity.js';
import { LIFE_CATEGORIES } from './recipient.enums.js';
import {
  type AssignCaseCoordinatorInput,
  type CreateRecipientInput,
  type RecipientFilter,
  type RecipientOrder,
  RecipientSortField,
  type UpdateRecipientInput,
} from './recipient.inputs.js';

const SORT_KEYS: Record<RecipientSortField, (keyof Recipient & string)[]> = {
  [RecipientSortField.NAME]: ['lastName', 'firstName', 'patronymic', 'id'],
  [RecipientSortField.BIRTH_DATE]: ['birthDate', 'id'],
};

/** The same rule as the `search_name` column: lower case, ё as е, single spaces. */
export function normalizeName(value: string): string {
  return value.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}

/** A valid СНИЛС, normalised, or a SNILS_INVALID refusal saying what is wrong with it. */
export function validSnils(input: string): string {
  const problem = checkSnils(input);
  if (problem === 'FORMAT')
    throw new ValidationError('СНИЛС должен состоять из 11 цифр', 'snils', 'SNILS_INVALID');
  if (problem === 'ZERO') {
    throw new ValidationError(
      'СНИЛС 000-000-000 00 не выдаётся: укажите настоящий номер',
      'snils',
      'SNILS_INVALID',
    );
  }
  if (problem === 'CHECKSUM') {
    throw new ValidationError(
      'Контрольное число СНИЛС не совпадает: проверьте номер',
      'snils',
      'SNILS_INVALID',
    );
  }
  return normalizeSnils(input);
}

export class RecipientService {
  constructor(private readonly em: EntityManager) {}

  list(
    filter: RecipientFilter = {},
    order?: RecipientOrder,
    page: PageRequest = {},
    /** Conditions limiting the list to whom the caller may read (`callerNarrowing`). */
    narrowing: readonly FilterQuery<Recipient>[] = [],
    /** The day the figure filters count on when they name none (the request's clock). */
    today: string | null = null,
  ): Promise<ConnectionShape<Recipient>> {
    const where: FilterQuery<Recipient> & Record<string, unknown> = {};
    if (filter.municipality) where.municipality = filter.municipality;
    if (filter.snils) where.snils = normalizeSnils(filter.snils);
    if (filter.degree) where.autonomyDegree = filter.degree;
    if (filter.caseCoordinatorId) where.caseCoordinatorId = filter.caseCoordinatorId;
    const words = filter.name ? normalizeName(filter.name).split(' ').filter(Boolean) : [];
    const conditions: FilterQuery<Recipient>[] = [where];
    for (const word of words) conditions.push({ searchName: { $like: `%${escapeLike(word)}%` } });
    // Stage and provider live in other tables of this schema: EXISTS / scalar subqueries keep the
    // list one SELECT (and the keyset order on the recipient's own columns).
    if (filter.stage) {
      const kind = filter.stage;
      conditions.push({
        [raw(
          (alias) =>
            `exists (select 1 from social.stage fs where fs.recipient_id = ${alias}.id and fs.ended_on is null and fs.kind = ?)`,
          [kind],
        )]: [],
      } as FilterQuery<Recipient>);
    }
    if (filter.terminated != null) {
      conditions.push({
        [raw(
          (alias) =>
            `${filter.terminated ? '' : 'not '}exists (select 1 from social.stage ts where ts.recipient_id = ${alias}.id and ts.end_reason = 'TERMINATED')`,
        )]: [],
      } as FilterQuery<Recipient>);
    }
    if (filter.providerId) {
      const providerId = filter.providerId;
      conditions.push({
        [raw((alias) => `${currentProviderOf(`${alias}.id`)} = ?::uuid`, [providerId])]: [],
      } as FilterQuery<Recipient>);
    }
    if (filter.pendingApplication)
      conditions.push(pendingApplicationCondition(filter.pendingApplication, today));
    if (filter.housing) conditions.push(housingPlaceCondition(filter.housing, today));
    conditions.push(...narrowing);
    const direction = order?.direction ?? 'ASC';
    const keys: SortKey[] = SORT_KEYS[order?.field ?? RecipientSortField.NAME].map((field) => ({
      field,
      direction,
    }));
    return paginate(this.em, Recipient, conditions.length > 1 ? { $and: conditions } : where, keys, page);
  }

  /** The person, through the request's loader: a card's other subgraphs ask for them again. */
  async get(id: string, loader: DataLoader<string, Recipient | null>): Promise<Recipient> {
    const found = isUuid(id) ? await loader.load(id) : null;
    if (!found) throw new NotFoundError('Получатель', id);
    return found;
  }

  async create(ctx: SocialContext, input: CreateRecipientInput): Promise<Recipient> {
    return this.em.transactional(async (em) => {
      const snils = validSnils(input.snils);
      checkBirthDate(ctx, input.birthDate);
      await assertSnilsFree(em, snils, null);
      const recipient = em.create(Recipient, {
        snils,
        lastName: input.lastName.trim(),
        firstName: input.firstName.trim(),
        patronymic: input.patronymic?.trim() ?? '',
        birthDate: input.birthDate,
        sex: input.sex,
        municipality: input.municipality.trim(),
        // The coordinator who registers the person runs the case until it is reassigned.
        caseCoordinatorId:
          ctx.actor?.kind === 'user' && ctx.actor.roles.includes(Role.COORDINATOR) ? ctx.actor.id : null,
      });
      applyOptionalFields(recipient, input);
      await flushOrDuplicate(em);
      ctx.audit?.change({
        recipientId: recipient.id,
        entity: 'Recipient',
        entityId: recipient.id,
        action: 'create',
        before: null,
        after: snapshot(recipient),
      });
      return recipient;
    });
  }

  /**
   * Hands the case to another coordinator (docs/access.md, "Case handover"): only the case's own
   * coordinator or an administrator may, and only to an active coordinator account, which social
   * asks the access subgraph through the graph (it holds no accounts). The handover is a security
   * event of the audit log; a refused attempt is one too.
   */
  async assignCaseCoordinator(ctx: SocialContext, input: AssignCaseCoordinatorInput): Promise<Recipient> {
    const actor = ctx.actor!;
    const refuse = (error: AppError, before: string | null): never => {
      ctx.audit?.security('CASE_HANDOVER_REFUSED', {
        recipientId: isUuid(input.recipientId) ? input.recipientId : null,
        entityId: input.recipientId,
        before: { caseCoordinatorId: before },
        after: { caseCoordinatorId: input.accountId, refused: error.code },
      });
      throw error;
    };
    const current = isUuid(input.recipientId)
      ? await this.em.findOne(Recipient, { id: input.recipientId }, { fields: ['id', 'caseCoordinatorId'] })
      : null;
    if (!current) throw new RecipientNotFoundError(input.recipientId);
    const isAdministrator = actor.roles.includes(Role.ADMIN);
    if (!isAdministrator && current.caseCoordinatorId !== actor.id) {
      refuse(
        new AppError(
          'NOT_CASE_COORDINATOR',
          'Передать дело может только координатор, который его ведёт, или администратор',
          { field: 'recipientId' },
        ),
        current.caseCoordinatorId,
      );
    }
    const found = await ctx.peer<{ coordinators: { edges: { node: { id: string } }[] } }>(
      'access',
      'query ($ids: [ID!]) { coordinators(ids: $ids, first: 1) { edges { node { id } } } }',
      { ids: [input.accountId] },
    );
    if (!found.coordinators.edges.some((e) => e.node.id === input.accountId)) {
      refuse(
        new ValidationError(
          'Дело можно передать только действующему координатору уполномоченного органа',
          'accountId',
          'NOT_A_COORDINATOR',
        ),
        current.caseCoordinatorId,
      );
    }
    return this.em.transactional(async (em) => {
      const recipient = await em.findOne(
        Recipient,
        { id: input.recipientId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!recipient) throw new RecipientNotFoundError(input.recipientId);
      // The right to hand over is checked again under the row lock: no race with another handover.
      if (!isAdministrator && recipient.caseCoordinatorId !== actor.id) {
        throw new ConflictError('EDIT_CONFLICT', 'Дело уже передано другому координатору');
      }
      const before = { caseCoordinatorId: recipient.caseCoordinatorId };
      recipient.caseCoordinatorId = input.accountId;
      await em.flush();
      ctx.audit?.security('CASE_HANDOVER', {
        recipientId: recipient.id,
        entityId: recipient.id,
        before,
        after: { caseCoordinatorId: recipient.caseCoordinatorId },
      });
      return recipient;
    });
  }

  async update(ctx: SocialContext, input: UpdateRecipientInput): Promise<Recipient> {
    return this.em.transactional(async (em) => {
      const recipient = await em.findOne(Recipient, { id: input.id });
      if (!recipient) throw new RecipientNotFoundError(input.id);
      if (recipient.version !== input.version) throw editConflict(recipient.version);
      const before = snapshot(recipient);
      if (input.snils !== undefined && input.snils !== null) {
        const snils = validSnils(input.snils);
        if (snils !== recipient.snils) await assertSnilsFree(em, snils, recipient.id);
        recipient.snils = snils;
      }
      if (input.birthDate) {
        checkBirthDate(ctx, input.birthDate);
        recipient.birthDate = input.birthDate;
      }
      if (input.lastName) recipient.lastName = input.lastName.trim();
      if (input.firstName) recipient.firstName = input.firstName.trim();
      if (input.patronymic !== undefined) recipient.patronymic = input.patronymic?.trim() ?? '';
      if (input.sex) recipient.sex = input.sex;
      if (input.municipality) recipient.municipality = input.municipality.trim();
      applyOptionalFields(recipient, input);
      try {
        await flushOrDuplicate(em);
      } catch (error) {
        // Another edit of the same version committed between our read and our write: the row's
        // version moved on, so the versioned UPDATE matched nothing.
        if (error instanceof OptimisticLockError) throw editConflict(input.version + 1);
        throw error;
      }
      ctx.audit?.change({
        recipientId: recipient.id,
        entity: 'Recipient',
        entityId: recipient.id,
        action: 'update',
        before,
        after: snapshot(recipient),
      });
      return recipient;
    });
  }
}

function checkBirthDate(ctx: SocialContext, birthDate: string): void {
  if (birthDate > todayOf(ctx) || birthDate < '1900-01-01') {
    throw new ValidationError(
      'Дата рождения не может быть в будущем или ранее 1900 года',
      'birthDate',
      'BIRTH_DATE_INVALID',
    );
  }
  // Seeds 001 §2 and 002 §1: supported living is organised for disabled people over 18; the
  // register holds its participants, so nobody younger is registered (or made younger).
  const age = ageOn(birthDate, todayOf(ctx));
  if (age < 18) {
    throw new ValidationError(
      `Сопровождаемое проживание организуется для инвалидов старше 18 лет; по этой дате рождения человеку ${age}`,
      'birthDate',
      'NOT_ADULT',
    );
  }
}

async function assertSnilsFree(em: EntityManager, snils: string, exceptId: string | null): Promise<void> {
  const other = await em.findOne(Recipient, { snils }, { fields: ['id'] });
  if (other && other.id !== exceptId) throw snilsDuplicate(other.id);
}

function editConflict(current: number): ConflictError {
  return new ConflictError(
    'EDIT_CONFLICT',
    'Запись уже изменил другой пользователь. Откройте её заново, проверьте изменения и внесите свои ещё раз.',
    { field: 'version', currentVersion: current },
  );
}

function snilsDuplicate(existingId?: string): ConflictError {
  return new ConflictError('SNILS_DUPLICATE', 'Получатель с таким СНИЛС уже есть в реестре', {
    field: 'snils',
    ...(existingId ? { existingId } : {}),
  });
}

/** Two coordinators entering the same СНИЛС at once: the unique index decides, the loser is told why. */
async function flushOrDuplicate(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw snilsDuplicate();
    throw error;
  }
}

type OptionalFields = Omit<
  CreateRecipientInput,
  'snils' | 'lastName' | 'firstName' | 'birthDate' | 'sex' | 'municipality'
>;

/** Optional fields: undefined leaves the value, null clears it. */
function applyOptionalFields(recipient: Recipient, input: OptionalFields): void {
  if (input.address !== undefined) recipient.address = input.address?.trim() || null;
  if (input.phone !== undefined) recipient.phone = input.phone?.trim() || null;
  if (input.email !== undefined) recipient.email = input.email?.trim() || null;
  if (input.legalCapacity !== undefined) recipient.legalCapacity = input.legalCapacity;
  if (input.disabilityGroup !== undefined) recipient.disabilityGroup = input.disabilityGroup;
  if (input.ipraNumber !== undefined) recipient.ipraNumber = input.ipraNumber?.trim() || null;
  if (input.ipraDate !== undefined) recipient.ipraDate = input.ipraDate;
  if (input.representative !== undefined) {
    recipient.representative = input.representative
      ? Object.assign(new Representative(), {
          kind: input.representative.kind,
          fullName: input.representative.fullName.trim(),
          identityDocument: input.representative.identityDocument.trim(),
          authorityDocument: input.representative.authorityDocument.trim(),
        })
      : null;
  }
  if (input.limitations !== undefined) {
    const next = new LifeLimitations();
    for (const category of LIFE_CATEGORIES) {
      const given = input.limitations?.[category];
      next[category] = given === undefined ? (recipient.limitations?.[category] ?? null) : given;
    }
    recipient.limitations = next;
  }
}
