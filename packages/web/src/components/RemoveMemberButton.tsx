import type { Conversation, Participant } from '@parley/protocol';
import { useState } from 'react';
import { useGroupMembership } from '../hooks/use-group-membership.js';
import { describeMembershipError } from '../lib/membership-errors.js';
import { ConfirmDialog } from './ConfirmDialog.js';

/**
 * "Remove" beside another member of a group the viewer created: after "Remove member?" it removes them
 * (`conversations.removeParticipant`, docs/api.md § Groups). A refusal stays in the dialog as an alert.
 */
export function RemoveMemberButton({ conversation, member }: { conversation: Conversation; member: Participant }) {
  const { remove } = useGroupMembership(conversation);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={`Remove ${member.name}`}
        onClick={() => setOpen(true)}
        className="rounded px-1.5 py-0.5 text-xs text-red-700 hover:bg-red-50"
      >
        Remove
      </button>
      {open && (
        <ConfirmDialog
          title="Remove member?"
          confirmLabel="Remove"
          runningLabel="Removing…"
          errorPrefix="Could not remove the member"
          describe={describeMembershipError}
          onConfirm={() => remove(member.userId)}
          onClose={() => setOpen(false)}
        >
          {member.name} will leave “{conversation.title}” and no longer see its messages.
        </ConfirmDialog>
      )}
    </>
  );
}
