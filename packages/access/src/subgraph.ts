import { type SubgraphDefinition } from '@sl/core';
import { Account } from './account/account.entity.js';
import { AccountResolver } from './account/account.resolver.js';
import { AccountService } from './account/account.service.js';
import { AccountUpdateResolver } from './account/account-update.resolver.js';
import { Colleague, colleagueReference } from './account/colleague.js';
import { CoordinatorResolver } from './account/coordinators.resolver.js';
import { usePasswordHashCost } from './account/password.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { AuditEvent } from './audit/audit-event.entity.js';
import { AuditEventRecipientResolver } from './audit/audit-recipient.resolver.js';
import { ApiClient } from './client/api-client.entity.js';
import { ApiClientResolver } from './client/api-client.resolver.js';
import { seedAccessDemo } from './demo.js';
import { IdempotentRequest } from './idempotency/idempotent-request.entity.js';
import { createAccessLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { PasswordResolver } from './password/password.resolver.js';
import { RecordWrite } from './record-write/record-write.model.js';
import { RecordWriteResolver } from './record-write/record-write.resolver.js';
import { BreakGlassGrant } from './session/break-glass.entity.js';
import { Session } from './session/session.entity.js';
import { ApiVersionResolver } from './version/api-version.resolver.js';

/** Accounts, sessions, partner systems and the audit log: who may ask, and who asked. */
export const accessSubgraph: SubgraphDefinition = {
  name: 'access',
  entities: [Account, Session, BreakGlassGrant, ApiClient, AuditEvent, IdempotentRequest],
  migrations,
  resolvers: [
    AccountResolver,
    CoordinatorResolver,
    ApiClientResolver,
    AuditResolver,
    AccountUpdateResolver,
    AuditEventRecipientResolver,
    ApiVersionResolver,
    PasswordResolver,
    RecordWriteResolver,
  ],
  orphanedTypes: [Colleague, RecordWrite],
  referenceResolvers: { Colleague: colleagueReference },
  createLoaders: createAccessLoaders,
  seedDemo: (em) => seedAccessDemo(em),
  async onStart(em, config) {
    usePasswordHashCost(config.PASSWORD_HASH_COST);
    if (config.ADMIN_LOGIN && config.ADMIN_PASSWORD) {
      await new AccountService(em, { now: () => new Date() }).ensureAdministrator(
        config.ADMIN_LOGIN,
        config.ADMIN_PASSWORD,
      );
    }
  },
};
