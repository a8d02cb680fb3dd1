import { DEMO_PASSWORD } from '@sl/access';

/** Signs in with a demo account (they exist whenever DEMO_DATA is on) and returns the header. */
export async function demoAuthorization(base: string, login = 'coordinator'): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
      variables: { input: { login, password: DEMO_PASSWORD } },
    }),
  });
  const body = (await res.json()) as { data?: { signIn?: { token?: string } } };
  const token = body.data?.signIn?.token;
  if (!token) throw new Error(`demo sign-in failed: ${JSON.stringify(body)}`);
  return `Bearer ${token}`;
}
