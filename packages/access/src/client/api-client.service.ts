import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type Clock,
  ConflictError,
  checkRoleCombination,
  isUuid,
  NotFoundError,
  Role,
  ValidationError,
} from '@sl/core';
import { addDays } from 'date-fns';
import { CLIENT_PREFIX, newSecret, sha256 } from '../account/tokens.js';
import { ApiClient } from './api-client.entity.js';
import type { CreateApiClientInput } from './api-client.inputs.js';

export interface IssuedCredentials {
  client: ApiClient;
  /** `slc_<id>.<secret>`, shown once: only its hash is kept. */
  token: string;
}

/** Roles a machine may never hold: administration and audit are for named people. */
const HUMAN_ONLY = [Role.ADMIN, Role.AUDITOR];

export class ApiClientService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateApiClientInput): Promise<IssuedCredentials> {
    checkRoleCombination(input.roles);
    if (input.roles.some((r) => HUMAN_ONLY.includes(r))) {
      throw new ValidationError(
        'Системе-партнёру нельзя назначить роль администратора или аудитора',
        'roles',
      );
    }
    if (await this.em.count(ApiClient, { name: input.name.trim() })) {
      throw new ConflictError('CLIENT_NAME_TAKEN', `Система «${input.name}» уже зарегистрирована`, {
        field: 'name',
      });
    }
    const secret = newSecret('');
    const client = this.em.create(ApiClient, {
      name: input.name.trim(),
      agencyId: input.agencyId.trim(),
      roles: [...new Set(input.roles)],
      secretHash: sha256(secret),
      allowedOperations: input.allowedOperations ?? null,
      createdAt: this.clock.now(),
    });
    await this.em.flush();
    return { client, token: `${CLIENT_PREFIX}${client.id}.${secret}` };
  }

  /** A new secret; the previous one keeps working for one day so the partner can switch over. */
  async rotate(id: string): Promise<IssuedCredentials> {
    const client = await this.active(id);
    const secret = newSecret('');
    const now = this.clock.now();
    client.previousSecretHash = client.secretHash;
    client.previousSecretValidUntil = addDays(now, 1);
    client.secretHash = sha256(secret);
    client.rotatedAt = now;
    await this.em.flush();
    return { client, token: `${CLIENT_PREFIX}${client.id}.${secret}` };
  }

  async revoke(id: string): Promise<ApiClient> {
    const client = await this.active(id);
    client.revokedAt = this.clock.now();
    await this.em.flush();
    return client;
  }

  private async active(id: string): Promise<ApiClient> {
    const client = isUuid(id) ? await this.em.findOne(ApiClient, { id, revokedAt: null }) : null;
    if (!client) throw new NotFoundError('Система-партнёр', id);
    return client;
  }
}
