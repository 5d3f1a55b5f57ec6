import type { AttachmentKind } from '@parley/protocol';

/**
 * `attachments`: one row per uploaded file; `message_id` null until a message claims it (then `position` orders the
 * message's files). `size` in bytes; `width`/`height` in pixels; `duration_ms` in ms.
 */
export interface AttachmentsTable {
  id: string;
  conversation_id: string;
  uploader_id: string;
  message_id: string | null;
  position: number;
  kind: AttachmentKind;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  storage_key: string;
  thumbnail_key: string | null;
  created_at: string;
}
