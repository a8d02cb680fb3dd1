/** Who is asking. Filled in by authentication at the gateway or at a subgraph's own edge. */
export interface Actor {
  kind: 'user' | 'client' | 'system';
  id: string;
  /** The account's login or the API client's name, as the audit log shows it. */
  name: string;
  agencyId: string | null;
  roles: string[];
  /** For provider staff: the provider whose people they serve. */
  providerId: string | null;
  /** The signed-in session (users only), so it can be ended. */
  sessionId?: string;
  /** People opened by break-the-glass, still within the grant's time. */
  grants?: string[];
  /** For an API client restricted to trusted documents: the SHA-256 of each allowed query. */
  allowedOperations?: string[] | null;
  /** After an administrator's reset: the session may only change the password (or sign out). */
  passwordChangeRequired?: boolean;
}
