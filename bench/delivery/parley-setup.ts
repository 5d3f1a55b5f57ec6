import type { Role } from '@parley/protocol';
import { createTokenKeys } from '../../packages/server/src/modules/identity/token-keys.js';
import type { BenchConversation, BenchMember } from './wire.js';

/** Token lifetime for bench users (s): longer than any run. */
const TOKEN_TTL_S = 6 * 3600;

/** What the setup needs: where Parley listens and the secret it verifies tokens with. */
export interface SetupOptions {
  url: string;
  secret: string;
  conversations: number;
  /** Participants per conversation (K ≥ 2). */
  room: number;
  /** Conversations set up at once. */
  concurrency: number;
}

type Api = (token: string, method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

function apiClient(url: string): Api {
  return async (token, method, path, body) => {
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    const parsed: unknown = text ? JSON.parse(text) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  };
}

/** The `id` field of an API body; throws when the contract's shape is not there. */
function idOf(body: unknown, what: string): string {
  if (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string') return body.id;
  throw new Error(`no ${what} id in ${JSON.stringify(body)}`);
}

/**
 * Creates `conversations` project conversations of `room` participants each, through the API only
 * (contract § Marketplace flow): a client requests, a provider (K = 2) or an agency (K > 2) proposes,
 * the admin approves it, the client accepts, and the agency assigns K − 2 of its workers. Every user is
 * created from its token on first sight (`GET /api/me`). Returns the conversations with members' tokens.
 */
export async function setupParley(options: SetupOptions): Promise<BenchConversation[]> {
  const keys = createTokenKeys({ jwtSecret: options.secret, jwksUrl: undefined, devAuth: false });
  const api = apiClient(options.url);
  const sign = (sub: string, role: Role, agencyId?: string) => keys.sign({ sub, role, name: sub, ...(agencyId ? { agencyId } : {}) }, TOKEN_TTL_S);
  const adminToken = await sign('bench-admin', 'admin');
  await api(adminToken, 'GET', '/me');
  const day = 24 * 3600 * 1000;

  async function one(c: number): Promise<BenchConversation> {
    const agency = options.room > 2;
    const client: BenchMember = { userId: `bench-c${c}-client`, token: await sign(`bench-c${c}-client`, 'client') };
    const providerId = `bench-c${c}-${agency ? 'agency' : 'provider'}`;
    const provider: BenchMember = { userId: providerId, token: await sign(providerId, agency ? 'agency' : 'provider', agency ? providerId : undefined) };
    const workers: BenchMember[] = [];
    for (let w = 0; w < options.room - 2; w += 1) {
      const id = `bench-c${c}-w${w}`;
      workers.push({ userId: id, token: await sign(id, 'worker', providerId) });
    }
    await Promise.all([client, provider, ...workers].map((m) => api(m.token ?? '', 'GET', '/me')));
    const request = await api(client.token ?? '', 'POST', '/requests', { title: `Bench project ${c}`, description: 'Delivery benchmark' });
    const proposal = await api(provider.token ?? '', 'POST', `/requests/${idOf(request, 'request')}/proposals`, {
      price: 100_000,
      currency: 'EUR',
      scope: 'Benchmark',
      deadline: new Date(Date.now() + 30 * day).toISOString(),
      expiresAt: new Date(Date.now() + 7 * day).toISOString(),
    });
    await api(adminToken, 'POST', `/admin/providers/${providerId}/approve`);
    const accepted = await api(client.token ?? '', 'POST', `/proposals/${idOf(proposal, 'proposal')}/accept`);
    const projectId = idOf(accepted.project, 'project');
    for (const worker of workers) await api(provider.token ?? '', 'POST', `/projects/${projectId}/workers`, { userId: worker.userId });
    return { id: idOf(accepted.conversation, 'conversation'), members: [client, provider, ...workers] };
  }

  const result: BenchConversation[] = new Array<BenchConversation>(options.conversations);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < options.conversations) {
      const c = next;
      next += 1;
      result[c] = await one(c);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, lane));
  return result;
}

/** The relay's workload: the same shape with synthetic ids and no tokens. */
export function relayConversations(conversations: number, room: number): BenchConversation[] {
  return Array.from({ length: conversations }, (_, c) => ({
    id: `relay-c${c}`,
    members: Array.from({ length: room }, (_, m) => ({ userId: `relay-c${c}-u${m}` })),
  }));
}
