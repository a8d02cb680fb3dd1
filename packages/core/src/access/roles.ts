import { ValidationError } from '../errors/errors.js';

/**
 * Who may do what, in one place. Fields and mutations name an `Access` entry rather than a list of
 * roles, so the access matrix (`docs/access.md`) and the code cannot drift field by field.
 */
export enum Role {
  /** Manages accounts and API clients; sees no personal records. */
  ADMIN = 'ADMIN',
  /** Coordinator of the authorised body (social protection): runs the case. */
  COORDINATOR = 'COORDINATOR',
  HEALTH_OFFICER = 'HEALTH_OFFICER',
  EDUCATION_OFFICER = 'EDUCATION_OFFICER',
  EMPLOYMENT_OFFICER = 'EMPLOYMENT_OFFICER',
  /** Staff of a social-service provider: only the people their provider serves. */
  PROVIDER_STAFF = 'PROVIDER_STAFF',
  /** Governor's Council: indicators and the roadmap, never a personal record. */
  COUNCIL_MEMBER = 'COUNCIL_MEMBER',
  /** Reads the audit log. */
  AUDITOR = 'AUDITOR',
}

const {
  ADMIN,
  COORDINATOR,
  HEALTH_OFFICER,
  EDUCATION_OFFICER,
  EMPLOYMENT_OFFICER,
  PROVIDER_STAFF,
  COUNCIL_MEMBER,
  AUDITOR,
} = Role;
const OFFICERS = [HEALTH_OFFICER, EDUCATION_OFFICER, EMPLOYMENT_OFFICER];

export const Access = {
  /** Who the person is (name, birth date, sex, municipality): every agency serving them. */
  IDENTITY: [COORDINATOR, ...OFFICERS, PROVIDER_STAFF],
  /** СНИЛС: the key agencies match their records by. */
  SNILS: [COORDINATOR, ...OFFICERS, PROVIDER_STAFF],
  /**
   * The person's full name alone: every agency serving them, and auditors, who read in the log whose
   * record was opened (each such read is itself logged).
   */
  PERSON_NAME: [COORDINATOR, ...OFFICERS, PROVIDER_STAFF, AUDITOR],
  /** Address, contacts, representative, legal capacity. */
  CONTACT: [COORDINATOR, PROVIDER_STAFF],
  /** Disability group, ИПРА, limitation degrees: what each ministry plans its support from. */
  DISABILITY: [COORDINATOR, ...OFFICERS, PROVIDER_STAFF],
  /** The social case: applications, interagency requests, assessments, decisions. */
  CASE: [COORDINATOR],
  /** Stages, service plans, housing places, visits: the case as the provider delivers it. */
  SERVICE: [COORDINATOR, PROVIDER_STAFF],
  /**
   * Medical conclusions and other health details (a special category, 152-ФЗ art. 10): health
   * officers, and coordinators only on the cases they coordinate (`HEALTH_OWN_CASE_ONLY`).
   */
  HEALTH: [HEALTH_OFFICER, COORDINATOR],
  /**
   * Who coordinates the person's case: the coordinators, and health officers because health's
   * subgraph needs it (`@requires`) to apply the own-case rule to their own requests too.
   */
  CASE_ASSIGNMENT: [COORDINATOR, HEALTH_OFFICER],
  /**
   * Handing a case to another coordinator: the case's own coordinator, or an administrator (a case
   * whose coordinator left or has none); the target must be an active coordinator account.
   */
  CASE_HANDOVER: [COORDINATOR, ADMIN],
  /** The person's consents and their history: the authorised body that records them. */
  CONSENT: [COORDINATOR],
  EDUCATION: [EDUCATION_OFFICER, COORDINATOR],
  EMPLOYMENT: [EMPLOYMENT_OFFICER, COORDINATOR],
  /** Registries that hold no personal data: providers, housing units, agencies. */
  REFERENCE: [ADMIN, COORDINATOR, ...OFFICERS, PROVIDER_STAFF, COUNCIL_MEMBER, AUDITOR],
  /** Aggregates: indicators, roadmap execution. */
  AGGREGATE: [COORDINATOR, ...OFFICERS, PROVIDER_STAFF, COUNCIL_MEMBER],
  /** Writes to the social case. */
  CASE_WRITE: [COORDINATOR],
  /** Writes of delivered services (visits, hours). */
  SERVICE_WRITE: [COORDINATOR, PROVIDER_STAFF],
  /** Writes to the registries (providers, housing units). */
  REFERENCE_WRITE: [COORDINATOR],
  /** Progress reports on roadmap obligations: each ministry reports what it has done. */
  PROGRESS_WRITE: [COORDINATOR, ...OFFICERS],
  /** Council meetings and decisions: the coordinator as the Council's secretariat, and its members. */
  COUNCIL_WRITE: [COORDINATOR, COUNCIL_MEMBER],
  HEALTH_WRITE: [HEALTH_OFFICER],
  EDUCATION_WRITE: [EDUCATION_OFFICER],
  EMPLOYMENT_WRITE: [EMPLOYMENT_OFFICER],
  AUDIT: [AUDITOR],
  ADMINISTRATION: [ADMIN],
} as const satisfies Record<string, readonly Role[]>;

export type AccessName = keyof typeof Access;

/**
 * Roles that must be an account's (or API client's) only role (docs/access.md, "Role combinations"):
 * administration and audit stay apart from the work they oversee, and provider staff's scope would
 * be meaningless beside an unscoped role. Other roles combine, and their row rules apply role by
 * role, so a combination never reads more than one of its roles would alone.
 */
export const EXCLUSIVE_ROLES: readonly Role[] = [ADMIN, AUDITOR, PROVIDER_STAFF];

/** Refuses a set of roles in which an exclusive role is combined with another one. */
export function checkRoleCombination(roles: readonly string[]): void {
  const distinct = new Set(roles);
  if (distinct.size > 1 && EXCLUSIVE_ROLES.some((role) => distinct.has(role))) {
    throw new ValidationError(
      'Роли администратора, аудитора и сотрудника поставщика не совмещаются с другими ролями',
      'roles',
      'ROLE_COMBINATION_FORBIDDEN',
    );
  }
}

/** Roles of `Access.HEALTH` that read health details only on a case they coordinate. */
export const HEALTH_OWN_CASE_ONLY: readonly Role[] = [COORDINATOR];
