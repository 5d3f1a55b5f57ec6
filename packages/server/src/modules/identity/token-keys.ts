import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { TokenClaimsSchema, type Role, type TokenClaims } from '@parley/protocol';
import type { Config } from '../../config.js';
import { unauthenticated } from '../../errors.js';

/** Algorithms accepted for each key source (allow-list; `none` and everything else is refused). */
const HMAC_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256'];

/** Verifies and issues Parley's bearer tokens (contract § Identity). */
export interface TokenKeys {
  /** Verifies `token` and returns its claims. Throws `UNAUTHENTICATED` when it is malformed, badly signed, expired or lacks `sub`, `role` or `exp`. */
  verify(token: string): Promise<TokenClaims>;
  /** Signs an HS256 token for `claims`, valid for `ttlSeconds` (s). Used by the dev route and `parley token`. */
  sign(claims: { sub: string; role: Role; name?: string; email?: string; agencyId?: string }, ttlSeconds: number): Promise<string>;
}

/**
 * Keys from the configuration: `PARLEY_JWT_SECRET` for HS256, `PARLEY_JWKS_URL` for RS256/ES256.
 * With `PARLEY_DEV_AUTH=1` and no secret, a random secret is drawn for this process (tokens end with it).
 */
export function createTokenKeys(config: Pick<Config, 'jwtSecret' | 'jwksUrl' | 'devAuth'>): TokenKeys {
  const secretText = config.jwtSecret ?? (config.devAuth ? randomBytes(32).toString('base64url') : undefined);
  const secret = secretText === undefined ? undefined : new TextEncoder().encode(secretText);
  const jwks: JWTVerifyGetKey | undefined = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;

  async function verifyPayload(token: string): Promise<JWTPayload> {
    const options = { requiredClaims: ['exp', 'sub'] };
    const header = decodeAlgorithm(token);
    if (secret && HMAC_ALGORITHMS.includes(header)) {
      return (await jwtVerify(token, secret, { ...options, algorithms: HMAC_ALGORITHMS })).payload;
    }
    if (jwks && JWKS_ALGORITHMS.includes(header)) {
      return (await jwtVerify(token, jwks, { ...options, algorithms: JWKS_ALGORITHMS })).payload;
    }
    throw unauthenticated(`Token algorithm ${header || '(none)'} is not accepted`);
  }

  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        payload = await verifyPayload(token);
      } catch (error) {
        if (error instanceof Error && error.name === 'AppError') throw error;
        throw unauthenticated(error instanceof Error ? `Invalid token: ${error.message}` : 'Invalid token');
      }
      const claims = TokenClaimsSchema.safeParse(payload);
      if (!claims.success) throw unauthenticated(`Invalid token claims: ${claims.error.issues[0]?.path.join('.') ?? ''}`);
      return claims.data;
    },
    async sign(claims, ttlSeconds) {
      if (!secret) throw new Error('No PARLEY_JWT_SECRET to sign with');
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(secret);
    },
  };
}

/** The `alg` of a compact JWS header (jose's `decodeProtectedHeader`), or '' when the token is not one. */
function decodeAlgorithm(token: string): string {
  try {
    return decodeProtectedHeader(token).alg ?? '';
  } catch {
    return '';
  }
}
