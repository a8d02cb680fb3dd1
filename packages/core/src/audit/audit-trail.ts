/**
 * What one request did with people's data, collected while it runs and written in one statement
 * before the answer leaves (see `writeAuditTrail`). A request whose trail cannot be written fails.
 */
export interface AuditChange {
  recipientId: string | null;
  /** `Application`, `HousingOccupancy`, … */
  entity: string;
  entityId: string;
  /**
   * `export`: an auditor downloaded part of the audit log itself; `security`: a security event
   * (`entity` names it, see `SecurityEvent`).
   */
  action: 'create' | 'update' | 'delete' | 'export' | 'security';
  before: unknown;
  after: unknown;
}

/** The security events of the audit log (docs/access.md, "Audited security events"). */
export type SecurityEvent =
  | 'SIGN_IN_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_CREATED'
  | 'ROLES_CHANGED'
  | 'ACCOUNT_DEACTIVATED'
  | 'ACCOUNT_ACTIVATED'
  | 'ACCOUNT_UNLOCKED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  | 'API_CLIENT_ISSUED'
  | 'API_CLIENT_ROTATED'
  | 'API_CLIENT_REVOKED'
  | 'BREAK_GLASS'
  | 'CASE_HANDOVER'
  | 'CASE_HANDOVER_REFUSED'
  | 'AUDIT_LOG_READ';

export class AuditTrail {
  /** recipientId → the fields read, as `Type.field`. */
  readonly reads = new Map<string, Set<string>>();
  readonly changes: AuditChange[] = [];
  /** Records whose access needed a break-the-glass grant: flagged in the log. */
  readonly brokenGlass = new Set<string>();
  /**
   * Reads a row rule or a role refused: `recipientId → code → fields`, written as `refused` rows;
   * null for a refused root query that names nobody.
   */
  readonly refusals = new Map<string | null, Map<string, Set<string>>>();

  refused(recipientId: string | null, field: string, code: string): void {
    let codes = this.refusals.get(recipientId);
    if (!codes) {
      codes = new Map();
      this.refusals.set(recipientId, codes);
    }
    let fields = codes.get(code);
    if (!fields) {
      fields = new Set();
      codes.set(code, fields);
    }
    fields.add(field);
  }

  read(recipientId: string, field: string): void {
    let fields = this.reads.get(recipientId);
    if (!fields) {
      fields = new Set();
      this.reads.set(recipientId, fields);
    }
    fields.add(field);
  }

  change(change: AuditChange): void {
    this.changes.push(change);
  }

  /** A security event: `entityId` is what it is about (an account, a client, the person). */
  security(
    event: SecurityEvent,
    details: { recipientId?: string | null; entityId: string; before?: unknown; after?: unknown },
  ): void {
    this.changes.push({
      action: 'security',
      entity: event,
      recipientId: details.recipientId ?? null,
      entityId: details.entityId,
      before: details.before ?? null,
      after: details.after ?? null,
    });
  }

  get isEmpty(): boolean {
    return this.reads.size === 0 && this.changes.length === 0 && this.refusals.size === 0;
  }

  clear(): void {
    this.reads.clear();
    this.refusals.clear();
    this.changes.length = 0;
    this.brokenGlass.clear();
  }
}
