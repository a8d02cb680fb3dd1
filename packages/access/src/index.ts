export { AccountService } from './account/account.service.js';
export { hashPassword } from './account/password.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo.js';
export {
  IDEMPOTENCY_LEASE_MS,
  type IdempotencyClaim,
  IdempotencyService,
} from './idempotency/idempotency.service.js';
export { Authenticator } from './session/authenticator.js';
export { accessSubgraph } from './subgraph.js';
