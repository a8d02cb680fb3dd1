/**
 * What one request did with people's data, collected while it runs and written in one statement
 * before the answer leaves (see `writeAuditTrail`). A request whose trail cannot be written fails.
 */
export interface AuditChange {
  recipientId: string | null;
  /** `Application`, `HousingOccupancy`, … */
  entity: string;
  entityId: string;
  /** `export`: an auditor downloaded part of the audit log itself. */
  action: 'create' | 'update' | 'delete' | 'export';
  before: unknown;
  after: unknown;
}

export class AuditTrail {
  /** recipientId → the fields read, as `Type.field`. */
  readonly reads = new Map<string, Set<string>>();
  readonly changes: AuditChange[] = [];
  /** Records whose access needed a break-the-glass grant: flagged in the log. */
  readonly brokenGlass = new Set<string>();

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

  get isEmpty(): boolean {
    return this.reads.size === 0 && this.changes.length === 0;
  }

  clear(): void {
    this.reads.clear();
    this.changes.length = 0;
    this.brokenGlass.clear();
  }
}
