import type { Participant } from '@parley/protocol';
import { useCallback, useId, useState } from 'react';
import { useLocation } from 'wouter';
import { describeError, isNotFound } from '../api/auth-errors.js';
import { composerDisabledReason } from '../lib/composer-disabled-reason.js';
import { messagePreview } from '../lib/message-preview.js';
import { senderName } from '../lib/sender-name.js';
import { useApi } from '../hooks/use-api.js';
import { useConversation } from '../hooks/use-conversation.js';
import { useJoinConversation } from '../hooks/use-join-conversation.js';
import { useLoadUntilMessage } from '../hooks/use-load-until-message.js';
import { useMarkRead } from '../hooks/use-mark-read.js';
import { useMediaQuery } from '../hooks/use-media-query.js';
import { useMessageActions } from '../hooks/use-message-actions.js';
import { useOthersReadSeq } from '../hooks/use-others-read-seq.js';
import { useProject } from '../hooks/use-project.js';
import { useReadConversationNotifications } from '../hooks/use-read-conversation-notifications.js';
import { useComposerSend } from '../hooks/use-composer-send.js';
import { useThreadHistory } from '../hooks/use-thread-history.js';
import { useTypingNames } from '../hooks/use-typing-names.js';
import { useRealtimeStore } from '../store/realtime-store.js';
import { ConversationHeader } from './ConversationHeader.js';
import { ConversationNotFound } from './ConversationNotFound.js';
import { DeleteMessageDialog } from './DeleteMessageDialog.js';
import { FileDropZone } from './FileDropZone.js';
import { MeetingCards } from './MeetingCards.js';
import { ForwardMessageDialog } from './ForwardMessageDialog.js';
import { ReportMessageDialog } from './ReportMessageDialog.js';
import { MessageInput } from './MessageInput.js';
import { MessageThread } from './MessageThread.js';
import { ProjectPanel } from './ProjectPanel.js';
import { TypingIndicator } from './TypingIndicator.js';

const NO_PARTICIPANTS: Participant[] = [];

/** Which conversation to show, to whom, and the message a search result opened in it. */
export interface ConversationViewProps {
  conversationId: string;
  meId: string;
  /** A message to page back to, scroll to and mark (`/c/:id?message=<id>`); null for none. */
  focusMessageId: string | null;
}

/**
 * The open conversation (`/c/:conversationId`): header, the project's meeting cards (its own conversation), message
 * thread (with the message actions and their dialogs), typing indicator, composer and project panel, wired to the SDK
 * and the realtime store. Mount it with `key={conversationId}` so each conversation starts with fresh state. Shows
 * "Conversation not found" when the API answers 404, and "You are no longer in this conversation." once
 * `conversation:removed` came for it.
 */
export function ConversationView({ conversationId, meId, focusMessageId }: ConversationViewProps) {
  const api = useApi();
  const [, navigate] = useLocation();
  const conversationQuery = useConversation(conversationId);
  const conversation = conversationQuery.data;
  const projectQuery = useProject(conversation?.projectId ?? null);
  const history = useThreadHistory(conversationId);
  const focus = useLoadUntilMessage(focusMessageId, history);
  const disabledReason = conversation ? composerDisabledReason(conversation, projectQuery.data ?? null) : null;
  const messageActions = useMessageActions(conversationId, disabledReason === null);
  const { replyingTo, cancelReply, dialog, closeDialog } = messageActions;
  const sender = useComposerSend(conversationId, replyingTo?.id, cancelReply);
  const markRead = useMarkRead(conversationId, conversation?.lastReadSeq ?? 0);
  const othersReadSeq = useOthersReadSeq(conversationId, meId, conversation?.participants ?? NO_PARTICIPANTS);
  const typingNames = useTypingNames(conversationId, conversation?.participants ?? NO_PARTICIPANTS);
  useJoinConversation(conversationId);
  useReadConversationNotifications(conversationId);
  const wide = useMediaQuery('(min-width: 1024px)');
  const [panelChoice, setPanelChoice] = useState<boolean | null>(null);
  const panelOpen = panelChoice ?? wide;
  const panelId = useId();
  const removed = useRealtimeStore((state) => state.removed[conversationId] === true);

  const onTyping = useCallback(
    (isTyping: boolean) => {
      if (useRealtimeStore.getState().connection.state === 'connected') api.live.typing(conversationId, isTyping).catch(() => undefined);
    },
    [api, conversationId],
  );
  const loaded = conversation !== undefined;
  const onNewestSeen = useCallback(
    (seq: number) => {
      if (loaded) markRead(seq);
    },
    [loaded, markRead],
  );

  if (removed) return <ConversationNotFound reason="removed" />;
  if (conversationQuery.isError) {
    if (isNotFound(conversationQuery.error)) return <ConversationNotFound />;
    return <p className="m-auto p-6 text-sm text-red-700">Could not open this conversation: {describeError(conversationQuery.error)}</p>;
  }
  if (!conversation) return <p className="m-auto p-6 text-sm text-slate-500">Loading conversation…</p>;

  const thread = history.thread;
  const others = conversation.participants.filter((participant) => participant.userId !== meId);
  return (
    <div className="relative flex min-h-0 min-w-0 flex-1">
      <div className="flex min-w-0 flex-1 flex-col bg-slate-50">
        <ConversationHeader
          conversation={conversation}
          project={projectQuery.data}
          meId={meId}
          onBack={() => navigate('/')}
          panelOpen={panelOpen}
          panelId={panelId}
          onTogglePanel={() => setPanelChoice(!panelOpen)}
        />
        {conversation.kind === 'project' && <MeetingCards projectId={conversation.projectId} meId={meId} />}
        <FileDropZone onFiles={sender.files.add} disabled={disabledReason !== null}>
          {thread?.loaded ? (
            <MessageThread
              messages={thread.messages}
              pending={thread.pending}
              meId={meId}
              participants={conversation.participants}
              othersReadSeq={othersReadSeq}
              hasMoreBefore={thread.hasMoreBefore}
              loadingOlder={history.loadingOlder}
              onLoadOlder={history.loadOlder}
              onRetry={sender.retry}
              onNewestSeen={onNewestSeen}
              actions={messageActions.actions}
              revealMessageId={focus === 'found' ? focusMessageId : null}
            />
          ) : history.error ? (
            <div className="m-auto p-6 text-center text-sm text-red-700">
              <p>Could not load messages: {describeError(history.error)}</p>
              <button type="button" onClick={history.retry} className="mt-2 underline">
                Try again
              </button>
            </div>
          ) : (
            <p className="m-auto p-6 text-sm text-slate-500">Loading messages…</p>
          )}
        </FileDropZone>
        <TypingIndicator names={typingNames} />
        <p role="status" className="px-4 text-xs text-slate-600 empty:hidden">
          {focus === 'not-found' ? 'Could not find that message in the loaded history.' : messageActions.notice}
        </p>
        <MessageInput
          onSend={sender.onSend}
          files={sender.files}
          onTyping={onTyping}
          disabledReason={disabledReason}
          replyingTo={
            replyingTo && { id: replyingTo.id, name: senderName(replyingTo.senderId, conversation.participants, meId), preview: messagePreview(replyingTo) }
          }
          onCancelReply={cancelReply}
          mentionable={others}
        />
        {dialog?.kind === 'delete' && <DeleteMessageDialog message={dialog.message} onDelete={messageActions.remove} onClose={closeDialog} />}
        {dialog?.kind === 'forward' && <ForwardMessageDialog message={dialog.message} meId={meId} onForward={messageActions.forwardTo} onClose={closeDialog} />}
        {dialog?.kind === 'report' && <ReportMessageDialog message={dialog.message} onReport={messageActions.sendReport} onClose={closeDialog} />}
      </div>
      <div
        id={panelId}
        hidden={!panelOpen}
        className={wide ? 'w-80 shrink-0 border-l border-slate-200' : 'absolute inset-y-0 right-0 z-10 w-80 max-w-full border-l border-slate-200 shadow-xl'}
      >
        <ProjectPanel
          conversation={conversation}
          project={projectQuery.data}
          failed={projectQuery.isError}
          meId={meId}
          onClose={() => setPanelChoice(false)}
        />
      </div>
    </div>
  );
}
