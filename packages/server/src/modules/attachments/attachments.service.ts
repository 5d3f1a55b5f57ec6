import { mkdir, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Attachment, User } from '@parley/protocol';
import type { Database } from '../../db/schema.js';
import { AppError, forbidden, invalid, notFound, payloadTooLarge, unauthenticated } from '../../errors.js';
import { newId, nowIso } from '../../ids.js';
import { requireParticipant, requireWritable } from '../conversations/conversations.access.js';
import { findParticipant } from '../conversations/conversations.repository.js';
import { findMessage } from '../messages/messages.repository.js';
import type { AttachmentUrls, AttachmentVariant } from './attachment-urls.js';
import { presentAttachment } from './attachments.presenter.js';
import { deleteUnclaimed, findAttachment, insertAttachment, listUnclaimedBefore, type AttachmentRow } from './attachments.repository.js';
import { displayName } from './display-name.js';
import { inspectUpload } from './media/inspect.js';
import type { InspectedMedia, MediaTools } from './media/media-types.js';
import { digestFile, receiveUpload, type ReceivedFile } from './receive-upload.js';
import type { ByteRange, ObjectStorage } from './storage/object-storage.js';

/** One file part of an upload request: the client's name and its byte stream. */
export interface IncomingFile {
  filename: string;
  file: Readable;
}

/** Who asks for an attachment's bytes: a signed URL's query, or the bearer of a token (`user`), or nobody. */
export type AttachmentAccess = { expires: number; sig: string } | { user: User } | null;

/** Limits and tools of the attachments module (PARLEY_MAX_FILE_BYTES, PARLEY_MAX_FILES, …). */
export interface AttachmentsSettings {
  maxFileBytes: number;
  maxFiles: number;
  /** After how long an upload no message claimed is removed, in seconds. */
  unclaimedTtlS: number;
  tools: MediaTools;
  /** Where uploads are received before they are checked and stored: this instance's own, created at start, removed at stop. */
  tmpDir: string;
}

/**
 * Files in conversations (issue 6): uploads streamed to disk, checked by their bytes, processed and stored; their
 * delivery to participants (or the holders of a signed URL); and the removal of uploads never sent.
 */
export class AttachmentsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly storage: ObjectStorage,
    private readonly urls: AttachmentUrls,
    private readonly settings: AttachmentsSettings,
    private readonly log: Logger,
  ) {}

  /** Creates the temporary directory. */
  async start(): Promise<void> {
    await mkdir(this.settings.tmpDir, { recursive: true, mode: 0o700 });
  }

  /** Removes the temporary directory (call after the HTTP server closed). */
  async stop(): Promise<void> {
    await rm(this.settings.tmpDir, { recursive: true, force: true });
  }

  /**
   * `POST /api/conversations/:id/attachments`: stores up to `maxFiles` files of at most `maxFileBytes` each for the
   * caller, unattached until a message claims them, and answers them in request order. All or nothing: any refusal
   * stores none. Throws `NOT_FOUND` (not a participant), `CONVERSATION_READ_ONLY` / `CONVERSATION_LOCKED`,
   * `PAYLOAD_TOO_LARGE` (a file over the limit, as soon as it is crossed; more than `maxFiles` files),
   * `UNSUPPORTED_MEDIA_TYPE` (a type off the allow-list, or a name that says another type) and `VALIDATION_FAILED`
   * (no file).
   */
  async upload(actor: User, conversationId: string, files: AsyncIterable<IncomingFile>): Promise<Attachment[]> {
    await requireParticipant(this.db, conversationId, actor.id);
    await requireWritable(this.db, conversationId);
    const dir = `${this.settings.tmpDir}/${newId()}`;
    await mkdir(dir, { mode: 0o700 });
    try {
      const received = await this.receiveAll(files, dir);
      const inspected: InspectedMedia[] = [];
      for (const file of received) inspected.push(await inspectUpload(file.received.path, { declaredName: file.name, utf8Text: file.received.utf8Text }, this.settings.tools));
      const rows: AttachmentRow[] = [];
      for (const [index, file] of received.entries()) {
        const media = inspected[index];
        if (media) rows.push(await this.store(actor, conversationId, file.name, file.received, media));
      }
      return rows.map((row) => presentAttachment(row, this.urls));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** `GET /api/attachments/:id/meta`: the attachment with fresh signed URLs. Same access rule as {@link open}, bearer only. */
  async meta(actor: User, attachmentId: string): Promise<Attachment> {
    return presentAttachment(await this.authorize({ user: actor }, attachmentId, 'file'), this.urls);
  }

  /**
   * The row of an attachment the caller may read: with a valid signed URL for this `variant`, or as a participant of
   * its conversation (an upload not sent yet: its uploader only; admins: any). A deleted message's files are gone.
   * Throws `UNAUTHENTICATED` (no signature, no token), `FORBIDDEN` (an expired or altered signature) and `NOT_FOUND`.
   */
  async authorize(access: AttachmentAccess, attachmentId: string, variant: AttachmentVariant): Promise<AttachmentRow> {
    if (access === null) throw unauthenticated('Missing bearer token or signed URL');
    if ('sig' in access && !this.urls.verify(attachmentId, variant, access.expires, access.sig)) {
      throw forbidden('This link has expired or is not valid; ask for the message again');
    }
    const row = await findAttachment(this.db, attachmentId);
    if (!row || (variant === 'thumbnail' && row.thumbnail_key === null)) throw notFound('attachment', attachmentId);
    if ('user' in access && !(await this.mayRead(access.user, row))) throw notFound('attachment', attachmentId);
    if (row.message_id !== null && (await findMessage(this.db, row.message_id))?.deleted_at !== null) throw notFound('attachment', attachmentId);
    return row;
  }

  /**
   * The bytes of an attachment row's file or thumbnail, or only `range` of them (inclusive byte offsets), as a stream
   * from storage. Throws `NOT_FOUND` for a thumbnail the row has none of; rejects with `ObjectNotFoundError` when the
   * storage holds nothing under the key.
   */
  read(row: AttachmentRow, variant: AttachmentVariant, range?: ByteRange): Promise<Readable> {
    const key = variant === 'thumbnail' ? row.thumbnail_key : row.storage_key;
    if (key === null) throw notFound('attachment', row.id);
    return this.storage.read(key, range);
  }

  /** Removes uploads no message claimed within `unclaimedTtlS` (rows first, then their bytes); answers how many. */
  async sweepUnclaimed(nowMs = Date.now()): Promise<number> {
    const before = new Date(nowMs - this.settings.unclaimedTtlS * 1000).toISOString();
    let removed = 0;
    for (;;) {
      const rows = await listUnclaimedBefore(this.db, before, 100);
      for (const row of rows) {
        if (!(await deleteUnclaimed(this.db, row.id))) continue;
        for (const key of [row.storage_key, row.thumbnail_key]) if (key !== null) await this.storage.delete(key);
        removed += 1;
      }
      if (rows.length < 100) return removed;
    }
  }

  /** Every file part to disk, at most `maxFiles`; the multipart parser's own limits become the contract's errors. */
  private async receiveAll(files: AsyncIterable<IncomingFile>, dir: string): Promise<{ name: string; received: ReceivedFile }[]> {
    const { maxFiles, maxFileBytes } = this.settings;
    const received: { name: string; received: ReceivedFile }[] = [];
    try {
      for await (const part of files) {
        const name = displayName(part.filename);
        if (received.length >= maxFiles) {
          part.file.resume();
          throw payloadTooLarge(`At most ${maxFiles} files per upload`, maxFiles);
        }
        received.push({ name, received: await receiveUpload(part.file, dir, maxFileBytes, name) });
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isMultipartLimit(error)) throw payloadTooLarge(`At most ${maxFiles} files of ${maxFileBytes} bytes per upload`, maxFileBytes);
      throw error;
    }
    if (received.length === 0) throw invalid('files', 'must hold at least one file');
    return received;
  }

  private async store(actor: User, conversationId: string, name: string, received: ReceivedFile, media: InspectedMedia): Promise<AttachmentRow> {
    const id = newId();
    const storedPath = media.sanitizedPath ?? received.path;
    const digest = media.sanitizedPath ? await digestFile(media.sanitizedPath) : received;
    const thumbnailKey = media.thumbnailPath ? `${id}.thumb.webp` : null;
    await this.storage.putFile(id, storedPath, media.mime);
    if (media.thumbnailPath && thumbnailKey) await this.storage.putFile(thumbnailKey, media.thumbnailPath, 'image/webp');
    const row: AttachmentRow = {
      id,
      conversation_id: conversationId,
      uploader_id: actor.id,
      message_id: null,
      position: 0,
      kind: media.kind,
      name,
      mime: media.mime,
      size: digest.size,
      sha256: digest.sha256,
      width: media.width ?? null,
      height: media.height ?? null,
      duration_ms: media.durationMs ?? null,
      storage_key: id,
      thumbnail_key: thumbnailKey,
      created_at: nowIso(),
    };
    await insertAttachment(this.db, row);
    this.log.debug({ attachmentId: id, mime: row.mime, size: row.size }, 'attachment stored');
    return row;
  }

  private async mayRead(user: User, row: AttachmentRow): Promise<boolean> {
    if (user.role === 'admin') return true;
    if (row.message_id === null) return row.uploader_id === user.id;
    return (await findParticipant(this.db, row.conversation_id, user.id)) !== undefined;
  }
}

/** @fastify/multipart's own limit errors (files, parts, file size) carry status 413. */
function isMultipartLimit(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 413;
}
