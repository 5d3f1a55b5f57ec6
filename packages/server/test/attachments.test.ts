import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseDisposition } from 'content-disposition';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, Message } from '@parley/protocol';
import { dialects } from './support/databases.js';
import { emitWithAck, nextEvent } from './support/events.js';
import { createProject, expectStatus, sendMessage, signIn, type Actor } from './support/factories.js';
import { makeAudio, makeJpeg, makeVideo } from './support/media-fixtures.js';
import { startS3Server, type S3TestServer } from './support/s3.js';
import { startTestServer, type TestServer } from './support/server.js';
import { download, upload } from './support/uploads.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const LIMIT = 256 * 1024;

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/**
 * Issue 6: uploads are checked by their bytes, processed, stored (local disk and an S3-compatible server), attached
 * to messages and delivered to participants or signed-URL holders only.
 */
const setups = [
  ...dialects.map((dialect) => ({ dialect, storage: 'local' as const })),
  { dialect: 'sqlite' as const, storage: 's3' as const },
];

describe.each(setups)('attachments ($dialect, $storage storage)', ({ dialect, storage }) => {
  let t: TestServer;
  let s3: S3TestServer | undefined;
  let fixtures: string;
  let client: Actor;
  let provider: Actor;
  let conversationId: string;
  let projectId: string;

  beforeAll(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'parley-upload-fixtures-'));
    s3 = storage === 's3' ? await startS3Server() : undefined;
    const s3Env: Record<string, string> = s3
      ? { PARLEY_S3_BUCKET: s3.bucket, PARLEY_S3_ENDPOINT: s3.endpoint, PARLEY_S3_ACCESS_KEY_ID: s3.accessKeyId, PARLEY_S3_SECRET_ACCESS_KEY: s3.secretAccessKey }
      : {};
    t = await startTestServer({ dialect, env: { PARLEY_MAX_FILE_BYTES: String(LIMIT), ...s3Env } });
    ({ client, provider, conversation: { id: conversationId }, project: { id: projectId } } = await createProject(t));
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  const send = (actor: Actor, body: Record<string, unknown>): Promise<Message> => expectStatus(sendMessage(t, actor, conversationId, body), 201);

  it('stores a photo without its EXIF, with a 320 px WebP thumbnail, and delivers it to the other participant', async () => {
    const photo = await makeJpeg(fixtures, { width: 1200, height: 800, orientation: 6, gps: true });
    const uploaded = await upload(t, client.token, conversationId, [{ name: 'holiday.jpg', path: photo }]);
    expect(uploaded.status).toBe(201);
    const [attachment] = uploaded.body.items as Attachment[];
    // Orientation 6 turns the 1200 × 800 pixels upright: 800 × 1200.
    expect(attachment).toMatchObject({ kind: 'image', name: 'holiday.jpg', mime: 'image/jpeg', width: 800, height: 1200 });

    const watcher = await t.connect(provider.token);
    const heard = nextEvent(watcher, 'message:new', ({ message }) => message.conversationId === conversationId && message.type === 'image');
    const message = await send(client, { attachmentIds: [attachment?.id] });
    expect(message).toMatchObject({ type: 'image', text: '', attachments: [expect.objectContaining({ id: attachment?.id })] });
    const seen = (await heard).message.attachments[0];
    // Lists and notifications label a photo without caption.
    expect((await expectStatus(t.api(provider.token, 'GET', `/conversations/${conversationId}`), 200)).lastMessage).toMatchObject({ type: 'image', preview: '📷 Photo' });
    await t.server.app.settled();
    const notifications = await expectStatus(t.api(provider.token, 'GET', '/notifications?unread=true'), 200);
    expect(notifications.items.find((n: { conversationId: string }) => n.conversationId === conversationId)).toMatchObject({ preview: '📷 Photo' });
    const reply = await send(provider, { text: 'Nice view', replyToId: message.id });
    expect(reply.replyTo).toMatchObject({ id: message.id, preview: '📷 Photo', deleted: false });
    expect(seen?.url).toMatch(/^\/api\/attachments\/.+\?expires=\d+&sig=/);

    // The signed URL needs no token; the bytes are what the upload answered, and carry no EXIF or GPS.
    const file = await download(t, seen?.url ?? '');
    expect(file.status).toBe(200);
    expect(sha256(file.bytes)).toBe(attachment?.sha256);
    expect(file.bytes.length).toBe(attachment?.size);
    const stored = await sharp(file.bytes).metadata();
    expect({ width: stored.width, height: stored.height, exif: stored.exif, orientation: stored.orientation }).toEqual({ width: 800, height: 1200, exif: undefined, orientation: undefined });
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toBe('sandbox');
    expect(parseDisposition(file.headers.get('content-disposition') ?? '')).toEqual({ type: 'inline', parameters: { filename: 'holiday.jpg' } });
    expect(file.headers.get('etag')).toBe(`"${attachment?.sha256}"`);
    expect((await download(t, seen?.url ?? '', { headers: { 'if-none-match': file.headers.get('etag') ?? '' } })).status).toBe(304);

    const thumbnail = await download(t, seen?.thumbnailUrl ?? '');
    const thumb = await sharp(thumbnail.bytes).metadata();
    expect({ format: thumb.format, width: thumb.width, height: thumb.height, exif: thumb.exif }).toEqual({ format: 'webp', width: 213, height: 320, exif: undefined });
  });

  it('serves byte ranges of audio and video, with their durations and a video poster', async () => {
    const video = await makeVideo(fixtures, 'mp4', { width: 640, height: 360, seconds: 2 });
    const voice = await makeAudio(fixtures, 'webm', 1);
    const uploaded = await expectStatus(
      upload(t, client.token, conversationId, [
        { name: 'clip.mp4', path: video },
        { name: 'voice-note.webm', path: voice },
      ]),
      201,
    );
    const [clip, note] = uploaded.items as Attachment[];
    expect(clip).toMatchObject({ kind: 'video', mime: 'video/mp4', width: 640, height: 360, thumbnailUrl: expect.any(String) });
    expect(clip?.durationMs).toBeGreaterThanOrEqual(1900);
    expect(note).toMatchObject({ kind: 'audio', mime: 'audio/webm' });
    expect(note?.durationMs).toBeGreaterThan(900);

    const original = await readFile(video);
    const part = await download(t, clip?.url ?? '', { headers: { range: 'bytes=100-1099' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${original.length}`);
    expect(part.bytes.equals(original.subarray(100, 1100))).toBe(true);
    const tail = await download(t, clip?.url ?? '', { headers: { range: 'bytes=-10' } });
    expect(tail.bytes.equals(original.subarray(original.length - 10))).toBe(true);
    expect((await download(t, clip?.url ?? '', { headers: { range: `bytes=${original.length + 5}-` } })).status).toBe(416);
    const poster = await sharp((await download(t, clip?.thumbnailUrl ?? '')).bytes).metadata();
    expect({ format: poster.format, width: poster.width, height: poster.height }).toEqual({ format: 'webp', width: 320, height: 180 });

    // Mixed kinds make a `file` message; a voice note alone an `audio` one.
    expect((await send(client, { attachmentIds: [clip?.id, note?.id], text: 'both' })).type).toBe('file');
  });

  it('refuses disguised, scripted, oversized and too many files, storing none of them', async () => {
    const before = await filesUnder(t.dataDir);
    const html = '<!doctype html><html><body><script>alert(1)</script></body></html>';
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const refusals: [string, Awaited<ReturnType<typeof upload>>, number, string][] = [
      ['HTML renamed .png', await upload(t, client.token, conversationId, [{ name: 'cat.png', bytes: html }]), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['SVG with a script', await upload(t, client.token, conversationId, [{ name: 'logo.svg', bytes: svg }]), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['one byte over the limit', await upload(t, client.token, conversationId, [{ name: 'big.txt', bytes: 'a'.repeat(LIMIT + 1) }]), 413, 'PAYLOAD_TOO_LARGE'],
      ['six files', await upload(t, client.token, conversationId, Array.from({ length: 6 }, (_, i) => ({ name: `n${i}.txt`, bytes: `note ${i}` }))), 413, 'PAYLOAD_TOO_LARGE'],
      ['a good file beside a bad one', await upload(t, client.token, conversationId, [{ name: 'ok.txt', bytes: 'fine' }, { name: 'x.pdf', bytes: html }]), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['no file at all', await upload(t, client.token, conversationId, []), 400, 'VALIDATION_FAILED'],
    ];
    for (const [what, response, status, code] of refusals) expect({ what, status: response.status, code: response.body?.error?.code }).toEqual({ what, status, code });
    expect(await filesUnder(t.dataDir)).toEqual(before);

    // Exactly at the limit is fine.
    expect((await upload(t, client.token, conversationId, [{ name: 'edge.txt', bytes: 'a'.repeat(LIMIT) }])).status).toBe(201);
  });

  it('keeps hostile names for display only: no path, no CR/LF, quotes safely in Content-Disposition', async () => {
    const uploaded = await expectStatus(
      upload(t, client.token, conversationId, [
        { name: '../../etc/passwd', bytes: 'root:x:0:0' },
        { name: 'in"voice\r\nX-Injected: 1.txt', bytes: 'total: 10' },
      ]),
      201,
    );
    const [passwd, invoice] = uploaded.items as Attachment[];
    expect(passwd).toMatchObject({ name: 'passwd', kind: 'file', mime: 'text/plain' });
    expect(invoice?.name).toBe('in"voiceX-Injected: 1.txt');
    const file = await download(t, invoice?.url ?? '');
    expect(file.headers.get('x-injected')).toBeNull();
    expect(parseDisposition(file.headers.get('content-disposition') ?? '')).toEqual({ type: 'attachment', parameters: { filename: 'in"voiceX-Injected: 1.txt' } });
    expect(file.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    // Nothing was written outside the storage root; stored names are server ids.
    if (storage === 'local') {
      const stored = await filesUnder(join(t.dataDir, 'attachments'));
      expect(stored).toEqual(expect.arrayContaining([passwd?.id, invoice?.id]));
      expect(stored.every((name) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))).toBe(true);
    }
  });

  it('lets only participants read files, and only with a signed URL that is intact', async () => {
    const [file] = (await expectStatus(upload(t, client.token, conversationId, [{ name: 'terms.txt', bytes: 'terms' }]), 201)).items as Attachment[];
    const id = file?.id ?? '';
    // Before it is sent, an upload is its uploader's alone.
    expect((await download(t, `/api/attachments/${id}`, { token: provider.token })).status).toBe(404);
    expect((await download(t, `/api/attachments/${id}`, { token: client.token })).status).toBe(200);
    await send(client, { attachmentIds: [id], text: 'the terms' });
    expect((await download(t, `/api/attachments/${id}`, { token: provider.token })).status).toBe(200);

    const stranger = (await createProject(t)).client;
    expect((await download(t, `/api/attachments/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await download(t, `/api/attachments/${id}/thumbnail`, { token: client.token })).status).toBe(404);
    expect((await t.api(stranger.token, 'GET', `/attachments/${id}/meta`)).status).toBe(404);
    expect((await download(t, `/api/attachments/${id}`)).status).toBe(401);

    const signed = new URL(file?.url ?? '', t.url);
    const tampered = new URL(signed);
    tampered.searchParams.set('sig', `${signed.searchParams.get('sig')?.slice(0, -2) ?? ''}AA`);
    const extended = new URL(signed);
    extended.searchParams.set('expires', String(Number(signed.searchParams.get('expires')) + 60));
    const otherFile = new URL(signed);
    otherFile.pathname = `/api/attachments/${id}/thumbnail`;
    for (const url of [tampered, extended, otherFile]) expect((await download(t, url.pathname + url.search)).status).toBe(403);
    // A fresh URL comes with the metadata.
    const meta = await expectStatus(t.api(provider.token, 'GET', `/attachments/${id}/meta`), 200);
    expect((await download(t, meta.url)).status).toBe(200);
  });

  it('attaches only the sender’s own unsent uploads, forwards them, and stops serving a deleted message’s files', async () => {
    const [mine] = (await expectStatus(upload(t, client.token, conversationId, [{ name: 'a.txt', bytes: 'a' }]), 201)).items as Attachment[];
    const [theirs] = (await expectStatus(upload(t, provider.token, conversationId, [{ name: 'b.txt', bytes: 'b' }]), 201)).items as Attachment[];
    const refuse = async (body: Record<string, unknown>) => (await sendMessage(t, client, conversationId, body)).body.error;
    expect(await refuse({ attachmentIds: [theirs?.id] })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await refuse({ attachmentIds: [mine?.id, mine?.id] })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await refuse({ attachmentIds: [mine?.id], type: 'location', location: { latitude: 1, longitude: 2 } })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await refuse({ type: 'image', text: 'no files' })).toMatchObject({ code: 'VALIDATION_FAILED' });

    const sent = await send(client, { attachmentIds: [mine?.id], text: 'mine', clientId: 'with-file-1' });
    expect(sent.type).toBe('file');
    // A retry with the same key answers the stored message; the same key with other files is a conflict.
    expect((await sendMessage(t, client, conversationId, { attachmentIds: [mine?.id], text: 'mine', clientId: 'with-file-1' })).status).toBe(200);
    expect((await sendMessage(t, client, conversationId, { text: 'mine', clientId: 'with-file-1' })).body.error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await refuse({ attachmentIds: [mine?.id] })).toMatchObject({ code: 'VALIDATION_FAILED' });

    const group = await expectStatus(t.api(client.token, 'POST', '/conversations', { projectId, title: 'Files', participantIds: [provider.id] }), 201);
    const forwarded = await expectStatus(t.api(client.token, 'POST', `/messages/${sent.id}/forward`, { conversationId: group.id }), 201);
    expect(forwarded.attachments).toEqual([expect.objectContaining({ name: 'a.txt', sha256: mine?.sha256 })]);
    expect((await download(t, forwarded.attachments[0].url)).bytes.toString()).toBe('a');

    const url = sent.attachments[0]?.url ?? '';
    await expectStatus(t.api(client.token, 'DELETE', `/messages/${sent.id}`), 200);
    expect((await download(t, url)).status).toBe(404);
    const history = await expectStatus(t.api(provider.token, 'GET', `/conversations/${conversationId}/messages?limit=100`), 200);
    expect(history.items.find((m: Message) => m.id === sent.id)?.attachments).toEqual([]);
  });

  it('sends files over the socket too, acknowledging the stored message', async () => {
    const [sheet] = (await expectStatus(upload(t, client.token, conversationId, [{ name: 'sheet.csv', bytes: 'a,b\n1,2\n' }]), 201)).items as Attachment[];
    const socket = await t.connect(client.token);
    const ack = await emitWithAck<{ ok: boolean; data: Message }>(socket, 'message:send', { conversationId, attachmentIds: [sheet?.id], clientId: 'socket-file-1' });
    expect(ack).toMatchObject({ ok: true, data: { type: 'file', text: '', attachments: [expect.objectContaining({ id: sheet?.id, mime: 'text/csv' })] } });
    const refused = await emitWithAck<{ ok: boolean; error: { code: string } }>(socket, 'message:send', { conversationId, text: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('removes uploads never sent after the time allowed, and refuses uploads into closed conversations', async () => {
    const [stray] = (await expectStatus(upload(t, client.token, conversationId, [{ name: 'stray.txt', bytes: 'stray' }]), 201)).items as Attachment[];
    expect(await t.server.app.attachments.sweepUnclaimed(Date.now() + 23 * 3600_000)).toBe(0);
    expect(await t.server.app.attachments.sweepUnclaimed(Date.now() + 25 * 3600_000)).toBeGreaterThanOrEqual(1);
    expect((await download(t, stray?.url ?? '')).status).toBe(404);

    const closed = await createProject(t);
    await expectStatus(t.api(closed.client.token, 'PATCH', `/projects/${closed.project.id}`, { status: 'completed' }), 200);
    const refused = await upload(t, closed.client.token, closed.conversation.id, [{ name: 'late.txt', bytes: 'late' }]);
    expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 409, code: 'CONVERSATION_READ_ONLY' });
    const outsider = await signIn(t, { role: 'client' });
    expect((await upload(t, outsider.token, conversationId, [{ name: 'x.txt', bytes: 'x' }])).status).toBe(404);
  });
});
