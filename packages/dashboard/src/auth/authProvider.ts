import type { ApolloClient } from '@apollo/client';
// The server's own role presets (a plain module without imports), so the menu cannot drift from
// what the graph enforces.
import { Access, type AccessName } from '@sl/core/roles';
import type { AuthProvider } from 'react-admin';
import { graphql } from '../gql';
import { toHttpError } from '../graphql/errors';
import { clearSession, readSession, writeSession } from './session';

const SIGN_IN = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      expiresAt
      account { id displayName roles providerId mustChangePassword }
    }
  }
`);
const SIGN_OUT = graphql(`mutation SignOut { signOut }`);

/** Sign-in with the system's own accounts; permissions are the account's roles. */
export function graphAuthProvider(client: ApolloClient): AuthProvider {
  return {
    async login({ username, password }: { username: string; password: string }) {
      try {
        const result = await client.mutate({
          mutation: SIGN_IN,
          variables: { input: { login: username, password } },
        });
        const { token, expiresAt, account } = result.data!.signIn;
        writeSession({
          token,
          expiresAt,
          id: account.id,
          name: account.displayName,
          roles: account.roles,
          providerId: account.providerId,
          mustChangePassword: account.mustChangePassword,
        });
        // A reset password is good for one thing: choosing a new one, straight after sign-in.
        return account.mustChangePassword ? { redirectTo: '/password' } : undefined;
      } catch (error) {
        throw new Error(toHttpError(error).message);
      }
    },
    async logout() {
      if (readSession()) await client.mutate({ mutation: SIGN_OUT }).catch(() => undefined);
      clearSession();
    },
    async checkAuth() {
      if (!readSession()) throw new Error('ra.auth.auth_check_error');
    },
    async checkError(error: { status?: number; body?: { code?: unknown } }) {
      if (error?.body?.code === 'PASSWORD_CHANGE_REQUIRED') {
        throw { redirectTo: '/password', logoutUser: false, message: false };
      }
      if (error?.status === 401) {
        clearSession();
        throw new Error('ra.notification.logged_out');
      }
    },
    async getIdentity() {
      const session = readSession();
      if (!session) throw new Error('ra.auth.auth_check_error');
      return { id: session.id, fullName: session.name };
    },
    async getPermissions() {
      return readSession()?.roles ?? [];
    },
  };
}

export type Roles = string[];

/** Whether one of the roles is in a preset of the server (core's `Access`). */
export function granted(roles: Roles, access: AccessName): boolean {
  return (Access[access] as readonly string[]).some((role) => roles.includes(role));
}

/**
 * What the menu and the home page offer, from the same presets the graph enforces: a page is
 * offered only when the queries behind it would answer (an administrator, outside
 * `Access.AGGREGATE`, is not offered the Council page).
 */
export const can = {
  /** The Council's page is for its members and its secretariat, and reads aggregates only. */
  council: (roles: Roles) => granted(roles, 'AGGREGATE') && granted(roles, 'COUNCIL_WRITE'),
  cases: (roles: Roles) => granted(roles, 'IDENTITY'),
  writeCases: (roles: Roles) => granted(roles, 'SERVICE_WRITE'),
  health: (roles: Roles) => granted(roles, 'HEALTH'),
  reference: (roles: Roles) => granted(roles, 'REFERENCE'),
  roadmaps: (roles: Roles) => granted(roles, 'AGGREGATE'),
  progress: (roles: Roles) => granted(roles, 'AGGREGATE') && granted(roles, 'PROGRESS_WRITE'),
  councilMeetings: (roles: Roles) => granted(roles, 'AGGREGATE') && granted(roles, 'COUNCIL_WRITE'),
  audit: (roles: Roles) => granted(roles, 'AUDIT'),
  admin: (roles: Roles) => granted(roles, 'ADMINISTRATION'),
};
