/**
 * The signed-in session lives in sessionStorage: it ends with the tab, and no other site can read
 * it (the strict Content-Security-Policy forbids foreign scripts). Roles are kept beside the token
 * so that menus render before the first `me` round trip.
 */
export interface Session {
  token: string;
  expiresAt: string;
  id: string;
  name: string;
  roles: string[];
  providerId: string | null;
  /** After an administrator's reset: the dashboard shows only the change of password. */
  mustChangePassword?: boolean;
}

const KEY = 'sl.session';

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (new Date(session.expiresAt).getTime() <= Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function writeSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
