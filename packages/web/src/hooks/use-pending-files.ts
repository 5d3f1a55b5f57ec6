import { ParleyError } from '@parley/sdk';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/auth-errors.js';
import { MAX_FILES, TOO_LARGE, UNSUPPORTED, fileRefusal, tooManyFilesNotice } from '../lib/attachment-rules.js';
import { useApi } from './use-api.js';

/** Why a file cannot go (yet): `blocking` refusals (the client's, or the server's 413/415) need the file removed; others a retry. */
export interface FileProblem {
  message: string;
  blocking: boolean;
}

/** A file waiting in the composer's tray. */
export interface PendingFile {
  /** Stable key for the tray's list. */
  key: string;
  file: File;
  /** An object URL of an image to preview it, revoked when the file leaves the tray; null for other files. */
  previewUrl: string | null;
  problem: FileProblem | null;
  /** The share of the file's bytes sent, 0 to 1, while it uploads; null otherwise. */
  progress: number | null;
  /** The stored upload's id once uploaded (a retry does not upload it again). */
  attachmentId: string | null;
}

/** The composer's files and what can be done with them. */
export interface PendingFiles {
  files: readonly PendingFile[];
  /** "At most 5 files per message: …" when some picked files were left out; null otherwise. */
  notice: string | null;
  /** Adds picked, dropped, pasted or recorded files (those beyond {@link MAX_FILES} are left out, with a notice). */
  add: (files: readonly File[]) => void;
  remove: (key: string) => void;
  /** Whether the files may be sent: none refused for good. */
  sendable: boolean;
  uploading: boolean;
  /** Uploads the files not uploaded yet; resolves with every attachment id in order, or null when one failed. */
  upload: () => Promise<string[] | null>;
  /** Takes the uploaded files out of the tray (their message was sent); files added meanwhile stay. */
  clearSent: () => void;
}

let nextKey = 0;

/** An object URL previewing an image; null for other files, or where object URLs cannot be made of it. */
function previewUrlOf(file: File): string | null {
  if (!file.type.startsWith('image/')) return null;
  try {
    return URL.createObjectURL(file);
  } catch {
    return null;
  }
}

function pendingFile(file: File): PendingFile {
  const refusal = fileRefusal(file);
  nextKey += 1;
  return {
    key: `file-${nextKey}`,
    file,
    previewUrl: refusal === null ? previewUrlOf(file) : null,
    problem: refusal === null ? null : { message: refusal, blocking: true },
    progress: null,
    attachmentId: null,
  };
}

function revoke(files: readonly PendingFile[]): void {
  for (const file of files) if (file.previewUrl) URL.revokeObjectURL(file.previewUrl);
}

/**
 * The server's refusal of one upload as the tray shows it: `PAYLOAD_TOO_LARGE` (413) and `UNSUPPORTED_MEDIA_TYPE`
 * (415) with the client's own wording, for good; anything else (network, rate limit, read-only) to retry.
 */
export function uploadProblem(error: unknown): FileProblem {
  if (error instanceof ParleyError && error.code === 'PAYLOAD_TOO_LARGE') return { message: TOO_LARGE, blocking: true };
  if (error instanceof ParleyError && error.code === 'UNSUPPORTED_MEDIA_TYPE') return { message: UNSUPPORTED, blocking: true };
  return { message: `Upload failed: ${describeError(error)}`, blocking: false };
}

/**
 * The files of one conversation's composer (issue 6): checked on the client as they come (type, 10 MB, 5 files), then
 * uploaded one request per file (`api.attachments.upload`, so each has its own progress and its own refusal) when
 * the message is sent.
 */
export function usePendingFiles(conversationId: string): PendingFiles {
  const api = useApi();
  const [files, setFiles] = useState<readonly PendingFile[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const current = useRef(files);
  current.current = files;
  useEffect(() => () => revoke(current.current), []);

  const update = useCallback((key: string, change: Partial<PendingFile>) => {
    setFiles((list) => list.map((file) => (file.key === key ? { ...file, ...change } : file)));
  }, []);

  const add = useCallback((picked: readonly File[]) => {
    const room = Math.max(0, MAX_FILES - current.current.length);
    const taken = picked.slice(0, room).map(pendingFile);
    setNotice(picked.length > room ? tooManyFilesNotice(picked.length - room) : null);
    if (taken.length > 0) setFiles((list) => [...list, ...taken]);
  }, []);

  const remove = useCallback((key: string) => {
    revoke(current.current.filter((file) => file.key === key));
    setFiles((list) => list.filter((file) => file.key !== key));
    setNotice(null);
  }, []);

  const clearSent = useCallback(() => {
    setFiles((list) => {
      // Revoking twice (a strict-mode second call of this updater) is harmless.
      revoke(list.filter((file) => file.attachmentId !== null));
      return list.filter((file) => file.attachmentId === null);
    });
    setNotice(null);
  }, []);

  const uploadOne = useCallback(
    async (item: PendingFile): Promise<string | null> => {
      if (item.attachmentId) return item.attachmentId;
      update(item.key, { progress: 0, problem: null });
      try {
        const onProgress = ({ loaded, total }: { loaded: number; total: number }) => update(item.key, { progress: total > 0 ? loaded / total : 0 });
        const [stored] = await api.attachments.upload(conversationId, [item.file], { onProgress });
        if (!stored) throw new Error('The server stored no file.');
        update(item.key, { progress: null, attachmentId: stored.id });
        return stored.id;
      } catch (error) {
        update(item.key, { progress: null, problem: uploadProblem(error) });
        return null;
      }
    },
    [api, conversationId, update],
  );

  const upload = useCallback(async () => {
    setUploading(true);
    try {
      const ids = await Promise.all(current.current.map(uploadOne));
      return ids.every((id): id is string => id !== null) ? ids : null;
    } finally {
      setUploading(false);
    }
  }, [uploadOne]);

  const sendable = files.every((file) => !file.problem?.blocking);
  return { files, notice, add, remove, sendable, uploading, upload, clearSent };
}
