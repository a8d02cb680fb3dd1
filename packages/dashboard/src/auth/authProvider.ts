import type { ApolloClient } from '@apollo/client';
import { gql } from '@apollo/client';
import type { AuthProvider } from 'react-admin';
import { toHttpError } from '../graphql/errors';
import { clearSession, readSession, writeSession } from './session';

const SIGN_IN = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      expiresAt
      account { id displayName roles providerId }
    }
  }
`;
const SIGN_OUT = gql`mutation SignOut { signOut }`;

interface SignInResult {
  signIn: {
    token: string;
    expiresAt: string;
    account: { id: string; displayName: string; roles: string[]; providerId: string | null };
  };
}

/** Sign-in with the system's own accounts; permissions are the account's roles. */
export function graphAuthProvider(client: ApolloClient): AuthProvider {
  return {
    async login({ username, password }: { username: string; password: string }) {
      try {
        const result = await client.mutate<SignInResult>({
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
        });
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
    async checkError(error: { status?: number }) {
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

export const can = {
  council: (roles: Roles) => roles.some((r) => ['COUNCIL_MEMBER', 'ADMIN', 'COORDINATOR'].includes(r)),
  cases: (roles: Roles) =>
    roles.some((r) =>
      ['COORDINATOR', 'PROVIDER_STAFF', 'HEALTH_OFFICER', 'EDUCATION_OFFICER', 'EMPLOYMENT_OFFICER'].includes(
        r,
      ),
    ),
  writeCases: (roles: Roles) => roles.some((r) => ['COORDINATOR', 'PROVIDER_STAFF'].includes(r)),
  health: (roles: Roles) => roles.some((r) => ['HEALTH_OFFICER', 'COORDINATOR'].includes(r)),
  reference: (roles: Roles) => roles.some((r) => r !== 'AUDITOR' && r !== 'COUNCIL_MEMBER'),
  roadmaps: (roles: Roles) => roles.some((r) => ['COORDINATOR', 'ADMIN', 'COUNCIL_MEMBER'].includes(r)),
  audit: (roles: Roles) => roles.includes('AUDITOR'),
  admin: (roles: Roles) => roles.includes('ADMIN'),
};
