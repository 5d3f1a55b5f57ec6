import type { Conversation } from '@parley/protocol';
import { describeError } from '../api/auth-errors.js';
import { useConversationSettings } from '../hooks/use-conversation-settings.js';
import { isMuted } from '../lib/muted.js';

const BUTTON = 'rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-50';

/**
 * The caller's own settings of the open conversation: "Mute conversation" / "Unmute conversation" (no
 * notifications while muted) and "Archive" / "Unarchive" (archived conversations sit under the Archived filter).
 */
export function ConversationSettingsButtons({ conversation, now }: { conversation: Conversation; now: number }) {
  const settings = useConversationSettings(conversation.id);
  const muted = isMuted(conversation, now);
  return (
    <>
      <button type="button" disabled={settings.isPending} onClick={() => settings.mutate({ muted: !muted })} className={BUTTON}>
        {muted ? 'Unmute conversation' : 'Mute conversation'}
      </button>
      <button type="button" disabled={settings.isPending} onClick={() => settings.mutate({ archived: !conversation.archived })} className={BUTTON}>
        {conversation.archived ? 'Unarchive' : 'Archive'}
      </button>
      {settings.isError && (
        <p role="alert" className="basis-full text-xs text-red-700">
          Could not update the conversation: {describeError(settings.error)}
        </p>
      )}
    </>
  );
}
