import type { Conversation } from '@parley/protocol';
import { useState } from 'react';
import { useGroupMembership } from '../hooks/use-group-membership.js';
import { describeMembershipError } from '../lib/membership-errors.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { PanelDialogButton } from './PanelDialogButton.js';

/**
 * "Leave group" for a member who did not create the group: after "Leave group?" it removes the viewer
 * (`conversations.removeParticipant` with their own id, docs/api.md § Groups) and goes back to the inbox.
 * A refusal stays in the dialog as an alert.
 */
export function LeaveGroupButton({ conversation, meId }: { conversation: Conversation; meId: string }) {
  const { leave } = useGroupMembership(conversation);
  const [open, setOpen] = useState(false);
  return (
    <>
      <PanelDialogButton onClick={() => setOpen(true)} danger>
        Leave group
      </PanelDialogButton>
      {open && (
        <ConfirmDialog
          title="Leave group?"
          confirmLabel="Leave"
          runningLabel="Leaving…"
          errorPrefix="Could not leave the group"
          describe={describeMembershipError}
          onConfirm={() => leave(meId)}
          onClose={() => setOpen(false)}
        >
          You will no longer see the messages of “{conversation.title}”. Only its creator can add you again.
        </ConfirmDialog>
      )}
    </>
  );
}
