import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { readSession } from '../auth/session';

/**
 * One Apollo client for the whole dashboard. Every request carries the bearer token of the
 * session; the cache is off for queries (react-admin keeps its own cache through react-query, and
 * two caches would disagree after a mutation).
 */
export function createClient(uri = '/graphql'): ApolloClient {
  const auth = new SetContextLink((prevContext) => {
    const session = readSession();
    return session ? { headers: { ...prevContext.headers, authorization: `Bearer ${session.token}` } } : {};
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri })]),
    cache: new InMemoryCache(),
    defaultOptions: {
      query: { fetchPolicy: 'no-cache' },
      mutate: { fetchPolicy: 'no-cache' },
    },
  });
}

export const client = createClient();
