import { Link } from 'wouter';

/** Why a conversation cannot be shown: the API answered 404, or `conversation:removed` came while it was open. */
export type ConversationGoneReason = 'not-found' | 'removed';

const texts: Record<ConversationGoneReason, { title: string; detail: string }> = {
  'not-found': { title: 'Conversation not found', detail: 'It does not exist, or you are not one of its participants.' },
  removed: { title: 'You are no longer in this conversation.', detail: 'You were removed from this group, or you left it.' },
};

/** Shown for `/c/:id` instead of the thread when the caller cannot see the conversation (see {@link ConversationGoneReason}). */
export function ConversationNotFound({ reason = 'not-found' }: { reason?: ConversationGoneReason }) {
  const { title, detail } = texts[reason];
  return (
    <div className="m-auto max-w-sm p-6 text-center">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      <p className="mt-2 text-sm text-slate-600">{detail}</p>
      <Link href="/" className="mt-4 inline-block text-sm text-sky-700 underline">
        Back to conversations
      </Link>
    </div>
  );
}
