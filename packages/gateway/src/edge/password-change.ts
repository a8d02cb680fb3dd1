import type { ApolloServerPlugin } from '@apollo/server';
import type { BaseContext } from '@sl/core';
import { GraphQLError } from 'graphql';
import { rootFieldsOf } from './graphql-http.js';

/** What a session whose password was reset may still do: change it, see who it is, sign out. */
const ALLOWED = new Set(['Mutation.changePassword', 'Mutation.signOut', 'Query.me']);

export const PASSWORD_CHANGE_REQUIRED_MESSAGE =
  'Пароль был сброшен администратором: сначала смените его («Сменить пароль»), затем продолжайте работу.';

/**
 * After an administrator's reset the user signs in with the temporary password, and that session
 * may do nothing else until the password is changed: every other operation is refused before it
 * runs, so no subgraph serves data to whoever only knows the temporary password.
 */
export const passwordChangeGate: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (!contextValue.actor?.passwordChangeRequired || !operation) return;
        const type = operation.operation === 'mutation' ? 'Mutation' : 'Query';
        const fields = rootFieldsOf(operation);
        const allowed =
          operation.operation !== 'subscription' &&
          fields?.every((name) => name.startsWith('__') || ALLOWED.has(`${type}.${name}`));
        if (allowed) return;
        throw new GraphQLError(PASSWORD_CHANGE_REQUIRED_MESSAGE, {
          extensions: { code: 'PASSWORD_CHANGE_REQUIRED', http: { status: 403 } },
        });
      },
    };
  },
};
