import { jwtVerify, SignJWT } from 'jose';
import type { Actor } from '../context.js';

const ISSUER = 'supported-living-gateway';
const AUDIENCE = 'supported-living-subgraph';
/** Long enough for one request's query plan, short enough that a leaked header is soon useless. */
const LIFETIME_SECONDS = 60;

/** The header a separately deployed subgraph reads the caller from. */
export const ACTOR_HEADER = 'x-actor-assertion';
/** The client's operation name, forwarded so a remote subgraph's audit records name it. */
export const OPERATION_HEADER = 'x-operation-name';

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/**
 * The gateway authenticates the caller once and tells each remote subgraph who it is with a short
 * signed assertion; a subgraph reached directly without one serves nobody's data.
 */
export async function signActorAssertion(actor: Actor, secret: string, requestId: string): Promise<string> {
  const { kind, id, name, agencyId, roles, providerId, grants, sessionId, passwordChangeRequired } = actor;
  return new SignJWT({
    kind,
    name,
    agencyId,
    roles,
    providerId,
    grants: grants ?? [],
    sessionId: sessionId ?? null,
    ...(passwordChangeRequired ? { passwordChangeRequired: true } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setJti(requestId)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key(secret));
}

/** The actor of a valid assertion; null for a missing, forged, expired or too long-lived one. */
export async function verifyActorAssertion(token: string | undefined, secret: string): Promise<Actor | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['iat', 'exp', 'sub'],
      // The verifier caps the lifetime, whatever the issuer wrote: issued at most 60 s ago…
      maxTokenAge: LIFETIME_SECONDS,
      clockTolerance: 5,
    });
    const p = payload as Record<string, unknown>;
    // …and valid for at most 60 s from its issue.
    if (payload.exp! - payload.iat! > LIFETIME_SECONDS) return null;
    if (typeof payload.sub !== 'string' || !Array.isArray(p.roles)) return null;
    return {
      kind: p.kind === 'client' ? 'client' : 'user',
      id: payload.sub,
      name: String(p.name ?? ''),
      agencyId: typeof p.agencyId === 'string' ? p.agencyId : null,
      roles: (p.roles as unknown[]).filter((r): r is string => typeof r === 'string'),
      providerId: typeof p.providerId === 'string' ? p.providerId : null,
      ...(typeof p.sessionId === 'string' ? { sessionId: p.sessionId } : {}),
      grants: Array.isArray(p.grants)
        ? (p.grants as unknown[]).filter((g): g is string => typeof g === 'string')
        : [],
      ...(p.passwordChangeRequired === true ? { passwordChangeRequired: true } : {}),
    };
  } catch {
    return null;
  }
}
