import type { Conversation, CreateReportBody, Message } from '@parley/protocol';
import { ParleyError } from '@parley/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { applyMessagePreview } from '../api/conversation-cache.js';
import { queryKeys } from '../api/query-keys.js';
import { describeActionError } from '../lib/message-action-errors.js';
import { useRealtimeStore } from '../store/realtime-store.js';
import { useApi } from './use-api.js';
import { usePins } from './use-pins.js';

/** How long a notice ("Copied.", "Forwarded to …") stays on screen, in ms. */
const NOTICE_MS = 4000;

/** What a thread's message bubbles can do (issue 5, message actions). */
export interface MessageActions {
  /** False in a conversation that is no longer active: no reply, edit or reaction (copy, forward and delete stay). */
  canWrite: boolean;
  copy: (message: Message) => void;
  /** Quotes the message above the composer; the next message sent answers it. */
  reply: (message: Message) => void;
  /** Stores new text (`PATCH /api/messages/:id`); rejects with the refusal (`EDIT_WINDOW_EXPIRED`, …). */
  edit: (message: Message, text: string) => Promise<void>;
  /** Opens the delete confirmation. */
  confirmDelete: (message: Message) => void;
  /** Opens the dialog choosing where to forward the message. */
  forward: (message: Message) => void;
  /** Adds the caller's reaction, or removes it when the caller already reacted with that emoji. */
  toggleReaction: (message: Message, emoji: string) => void;
  /** Opens the dialog reporting the message to the admins. */
  report: (message: Message) => void;
  /** The ids of the conversation's pinned messages. */
  pinnedIds: ReadonlySet<string>;
  /** Pins the message for the whole conversation, or unpins it (`messages.pin`); a refusal shows as the notice. */
  setPinned: (message: Message, pinned: boolean) => void;
}

/** The dialog a message action opened, if any. */
export type MessageDialog = { kind: 'delete' | 'forward' | 'report'; message: Message } | null;

/** A thread's message actions and the state they leave: the reply being written, an open dialog, a notice. */
export interface MessageActionsState {
  actions: MessageActions;
  replyingTo: Message | null;
  cancelReply: () => void;
  dialog: MessageDialog;
  closeDialog: () => void;
  /** Deletes the message (the delete dialog's confirmation); rejects with the refusal. */
  remove: (message: Message) => Promise<void>;
  /** Forwards the message into `target` (the forward dialog's choice); rejects with the refusal. */
  forwardTo: (message: Message, target: Conversation) => Promise<void>;
  /**
   * Reports the message (the report dialog's choice), then says "Reported. Thank you."; a message the caller
   * reported before (`409 ALREADY_REPORTED`) says so instead. Rejects with any other refusal.
   */
  sendReport: (message: Message, body: CreateReportBody) => Promise<void>;
  /** A passing status for the reader ("Copied.", "Forwarded to …", a refused reaction), or null. */
  notice: string | null;
}

const NO_PINS: ReadonlySet<string> = new Set();

/**
 * The message actions of conversation `conversationId` through the SDK (`messages.edit`, `delete`, `react`, `unreact`,
 * `forward`, `pin`, `reports.create`); a pin's answer (the conversation's pins) replaces the cached pins. Each answer (the caller's view of the message) goes into the thread and the inbox preview at once;
 * the matching `message:updated` / `message:deleted` / `message:reaction` event then changes nothing more.
 */
export function useMessageActions(conversationId: string, canWrite: boolean): MessageActionsState {
  const api = useApi();
  const queryClient = useQueryClient();
  const pins = usePins(conversationId).data;
  const pinnedIds = useMemo(() => (pins ? new Set(pins.items.map((pin) => pin.message.id)) : NO_PINS), [pins]);
  const [replyingTo, setReplyingTo] = useState<Message | null>(null);
  const [dialog, setDialog] = useState<MessageDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const apply = useCallback(
    (message: Message) => {
      useRealtimeStore.getState().changeMessage(message);
      applyMessagePreview(queryClient, message);
    },
    [queryClient],
  );

  const actions = useMemo<MessageActions>(
    () => ({
      canWrite,
      copy: (message) => {
        // Outside a secure context the browser has no `navigator.clipboard`: the access then throws, and is refused like a denial.
        Promise.resolve()
          .then(() => navigator.clipboard.writeText(message.text))
          .then(
          () => setNotice('Message copied.'),
          () => setNotice('Could not copy: the browser refused access to the clipboard.'),
        );
      },
      reply: setReplyingTo,
      edit: async (message, text) => apply(await api.messages.edit(message.id, text)),
      confirmDelete: (message) => setDialog({ kind: 'delete', message }),
      forward: (message) => setDialog({ kind: 'forward', message }),
      report: (message) => setDialog({ kind: 'report', message }),
      toggleReaction: (message, emoji) => {
        const mine = message.reactions.some((reaction) => reaction.emoji === emoji && reaction.me);
        (mine ? api.messages.unreact(message.id, emoji) : api.messages.react(message.id, emoji)).then(apply, (error: unknown) =>
          setNotice(`Could not react: ${describeActionError(error)}`),
        );
      },
      pinnedIds,
      setPinned: (message, pinned) => {
        api.messages.pin(message.id, pinned).then(
          (list) => queryClient.setQueryData(queryKeys.pins(conversationId), list),
          (error: unknown) => setNotice(`Could not ${pinned ? 'pin' : 'unpin'}: ${describeActionError(error)}`),
        );
      },
    }),
    [api, apply, canWrite, pinnedIds, queryClient, conversationId],
  );

  const remove = useCallback(async (message: Message) => apply(await api.messages.delete(message.id)), [api, apply]);
  const forwardTo = useCallback(
    async (message: Message, target: Conversation) => {
      await api.messages.forward(message.id, target.id);
      setNotice(`Message forwarded to “${target.title}”.`);
    },
    [api],
  );
  const sendReport = useCallback(
    async (message: Message, body: CreateReportBody) => {
      try {
        await api.reports.create(message.id, body);
        setNotice('Reported. Thank you.');
      } catch (error) {
        if (!(error instanceof ParleyError && error.code === 'ALREADY_REPORTED')) throw error;
        setNotice('You already reported this message.');
      }
    },
    [api],
  );

  return {
    actions,
    replyingTo,
    cancelReply: useCallback(() => setReplyingTo(null), []),
    dialog,
    closeDialog: useCallback(() => setDialog(null), []),
    remove,
    forwardTo,
    sendReport,
    notice,
  };
}
