import type { Attachment } from '@parley/protocol';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useApi } from './use-api.js';

/** A message's attachments with URLs renewed where one failed to load. */
export interface FreshAttachments {
  items: readonly Attachment[];
  /** An `<img>`, `<video>` or `<audio>` of this attachment failed to load: renew its URLs, once per attachment. */
  onLoadError: (attachmentId: string) => void;
}

/**
 * Signed attachment URLs last 10 to 15 minutes (docs: `urlExpiresAt`): when one fails to load, this asks
 * `api.attachments.meta(id)` once for fresh URLs and shows the attachment with them. A second failure is left alone,
 * so a file that is really gone does not loop.
 */
export function useFreshAttachments(attachments: readonly Attachment[]): FreshAttachments {
  const api = useApi();
  const [renewed, setRenewed] = useState<ReadonlyMap<string, Attachment>>(new Map());
  const asked = useRef(new Set<string>());
  const onLoadError = useCallback(
    (attachmentId: string) => {
      if (asked.current.has(attachmentId)) return;
      asked.current.add(attachmentId);
      api.attachments
        .meta(attachmentId)
        .then((fresh) => setRenewed((map) => new Map(map).set(attachmentId, fresh)))
        .catch(() => undefined);
    },
    [api],
  );
  const items = useMemo(() => attachments.map((attachment) => renewed.get(attachment.id) ?? attachment), [attachments, renewed]);
  return { items, onLoadError };
}
