import { describe, expect, it } from 'vitest';
import { createProject } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { clientPool, useSdkServer } from './support/sdk.js';

// The SDK's attachment methods against a real server (issue 6), in Node (fetch, no progress events).

describe('ParleyClient attachments', () => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, {}, (server) => (t = server));

  it('uploads files, sends them in a message, renews their URLs and resolves them against the server', async () => {
    const { client, provider, conversation } = await createProject(t);
    const sdk = pool.make(t, client);
    const [notes, table] = await sdk.attachments.upload(conversation.id, [
      { name: 'notes.txt', data: new Blob(['first draft']) },
      new File(['a,b\n1,2\n'], 'table.csv'),
    ]);
    expect(notes).toMatchObject({ name: 'notes.txt', mime: 'text/plain', kind: 'file', size: 11 });
    expect(table).toMatchObject({ name: 'table.csv', mime: 'text/csv' });

    const message = await sdk.messages.send(conversation.id, { attachmentIds: [notes?.id ?? '', table?.id ?? ''], text: 'two files' });
    expect(message).toMatchObject({ type: 'file', text: 'two files' });
    expect(message.attachments.map((a) => a.name)).toEqual(['notes.txt', 'table.csv']);

    const fresh = await pool.make(t, provider).attachments.meta(notes?.id ?? '');
    const response = await fetch(sdk.attachments.absoluteUrl(fresh.url));
    expect(await response.text()).toBe('first draft');
    await expect(sdk.attachments.upload(conversation.id, [{ name: 'page.html', data: new Blob(['<html><script></script></html>']) }])).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      status: 415,
    });
  });
});
