import type { Conversation, Project } from '@parley/protocol';
import type { ApiResponse, TestServer, TestUserSpec } from './server.js';

let counter = 0;
/** A unique id for a test user, e.g. `client-3-k9x`. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
}

/** A signed-in test user: the spec and a bearer token. The user row exists once the token is first used. */
export interface Actor extends TestUserSpec {
  token: string;
}

/** Signs a user in (the server creates them from the token's claims on first sight). */
export async function signIn(t: TestServer, spec: Partial<TestUserSpec> & Pick<TestUserSpec, 'role'>): Promise<Actor> {
  const id = spec.id ?? uniqueId(spec.role);
  const user: TestUserSpec = { ...spec, id, name: spec.name ?? `${spec.role} ${id}` };
  const token = await t.token(user);
  const me = await t.api(token, 'GET', '/me');
  if (me.status !== 200) throw new Error(`sign-in failed: ${me.status} ${JSON.stringify(me.body)}`);
  return { ...user, token };
}

/** The people and records of one accepted project. */
export interface ProjectFixture {
  client: Actor;
  provider: Actor;
  admin: Actor;
  project: Project;
  conversation: Conversation;
}

/** A proposal's default terms: 2,500.00 EUR, deadline in 30 days, expiring in 7 days. */
export function proposalBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const day = 24 * 60 * 60 * 1000;
  return {
    price: 250_000,
    currency: 'EUR',
    scope: 'Design and build the landing page.',
    deadline: new Date(Date.now() + 30 * day).toISOString(),
    expiresAt: new Date(Date.now() + 7 * day).toISOString(),
    ...overrides,
  };
}

/**
 * Runs the marketplace flow through the API: a client opens a request, a provider (or an agency
 * with `agency: true`) proposes, an admin approves the provider, the client accepts. Fails loudly on any step.
 */
export async function createProject(t: TestServer, opts: { agency?: boolean; title?: string } = {}): Promise<ProjectFixture> {
  const client = await signIn(t, { role: 'client' });
  const providerId = uniqueId(opts.agency ? 'agency' : 'provider');
  const provider = await signIn(t, opts.agency ? { role: 'agency', id: providerId, agencyId: providerId } : { role: 'provider', id: providerId });
  const admin = await signIn(t, { role: 'admin' });
  const request = await expectStatus(t.api(client.token, 'POST', '/requests', { title: opts.title ?? 'Landing page', description: 'A new landing page' }), 201);
  const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
  await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
  const accepted = await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
  return { client, provider, admin, project: accepted.project, conversation: accepted.conversation };
}

/** Awaits a response and returns its body, throwing with the body when the status differs. */
// The body's shape is whatever the contract says for that route.
export async function expectStatus(response: Promise<{ status: number; body: any }>, status: number): Promise<any> {
  const { status: actual, body } = await response;
  if (actual !== status) throw new Error(`expected ${status}, got ${actual}: ${JSON.stringify(body)}`);
  return body;
}

/** `POST /api/conversations/:id/messages` as `actor`, answering the raw response (status, headers, body). */
export function sendMessage(t: TestServer, actor: Actor, conversationId: string, body: unknown): Promise<ApiResponse> {
  return t.api(actor.token, 'POST', `/conversations/${conversationId}/messages`, body);
}
