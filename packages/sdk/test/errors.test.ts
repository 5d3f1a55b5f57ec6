import { describe, expect, it } from 'vitest';
import { ParleyError } from '@parley/sdk';
import { dialects } from '../../server/test/support/databases.js';
import { createProject, signIn, uniqueId } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { clientPool, connected, deadUrl, useSdkServer } from './support/sdk.js';

// Every SDK failure is a ParleyError carrying the contract's `code` (contract § Conventions), the HTTP
// `status` (0 when no answer came) and, on 429, `retryAfterMs` from `Retry-After`.

/** Awaits `pending`, which must reject, and returns the rejection as a {@link ParleyError}. */
async function failure(pending: Promise<unknown>): Promise<ParleyError> {
  const outcome = await pending.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  if (!('rejected' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)}`);
  expect(outcome.rejected).toBeInstanceOf(ParleyError);
  const error = outcome.rejected as ParleyError; // checked on the line above
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe('ParleyError');
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

describe.each(dialects)('ParleyError from REST calls (%s)', (dialect) => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, { dialect }, (server) => (t = server));

  it('answers NOT_FOUND (404) to a non-participant, for the project, the conversation and its messages', async () => {
    const { project, conversation } = await createProject(t);
    const outsider = pool.make(t, await signIn(t, { role: 'client' }));
    const calls = [
      () => outsider.projects.get(project.id),
      () => outsider.projects.close(project.id, 'cancelled'),
      () => outsider.conversations.get(conversation.id),
      () => outsider.messages.list(conversation.id),
      () => outsider.messages.send(conversation.id, { text: 'let me in' }),
      () => outsider.reads.markRead(conversation.id, 1),
    ];
    for (const call of calls) {
      expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND', status: 404, retryAfterMs: undefined });
    }
  });

  it('answers NOT_FOUND (404) for an id that does not exist', async () => {
    const sdk = pool.make(t, await signIn(t, { role: 'client' }));
    expect(await failure(sdk.conversations.get('no-such-conversation'))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    // Ids are escaped into the path, so an id with a slash cannot reach another route.
    expect(await failure(sdk.projects.get('a/b?c'))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('answers VALIDATION_FAILED (400) with details naming the field', async () => {
    const { client, conversation } = await createProject(t);
    const error = await failure(pool.make(t, client).messages.send(conversation.id, { text: '   ' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(JSON.stringify(error.details)).toContain('text');
  });

  it('answers UNAUTHENTICATED (401) for an expired token and for a garbage one', async () => {
    const expired = await t.token({ id: uniqueId('client'), role: 'client' }, -10);
    expect(await failure(pool.make(t, { token: expired }).me())).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(await failure(pool.make(t, { token: 'not-a-jwt' }).conversations.list())).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('answers NETWORK_ERROR (status 0) when nobody listens at the URL', async () => {
    const sdk = pool.at({ url: await deadUrl(), token: 'whatever' });
    expect(await failure(sdk.me())).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(await failure(sdk.conversations.list({ search: 'x' }))).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('rejects with the token source’s own error when getToken fails, without calling the server', async () => {
    const sdk = pool.make(t, { getToken: () => Promise.reject(new Error('session expired')) });
    await expect(sdk.me()).rejects.toThrow('session expired');
  });
});

describe.each(dialects)('ParleyError for rate-limited sends (%s)', (dialect) => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, { dialect, env: { PARLEY_SEND_RATE: '1', PARLEY_SEND_BURST: '1' } }, (server) => (t = server));

  it('answers RATE_LIMITED (429) with retryAfterMs from Retry-After', async () => {
    const { client, conversation } = await createProject(t);
    const sdk = pool.make(t, client);
    await sdk.messages.send(conversation.id, { text: 'the burst' });
    const error = await failure(sdk.messages.send(conversation.id, { text: 'one too many' }));
    // One send per second and a burst of one: the wait is at most 1 s, and Retry-After rounds up to whole seconds.
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterMs: 1000 });
  });

  it('answers RATE_LIMITED over the socket with retryAfterMs from the error details', async () => {
    const { provider, conversation } = await createProject(t);
    const sdk = pool.make(t, provider);
    await connected(sdk);
    await sdk.live.send(conversation.id, { text: 'the burst' });
    const error = await failure(sdk.live.send(conversation.id, { text: 'one too many' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(1000);
  });
});
