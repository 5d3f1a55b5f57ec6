import type { Conversation } from '@parley/protocol';
import { useState } from 'react';
import { describeError } from '../api/auth-errors.js';
import { useGroupMembership } from '../hooks/use-group-membership.js';
import { useProjectMembers } from '../hooks/use-project-members.js';
import { AddMemberDialog } from './AddMemberDialog.js';
import { PanelDialogButton } from './PanelDialogButton.js';

/**
 * "Add member" for a group's creator: its dialog offers the project's members who are not in the group yet (the
 * participants of the project's own conversation) and adds the chosen one (`conversations.addParticipant`,
 * docs/api.md § Groups).
 */
export function AddMemberButton({ conversation }: { conversation: Conversation }) {
  const [open, setOpen] = useState(false);
  const members = useProjectMembers(conversation.projectId, open);
  const { add } = useGroupMembership(conversation);
  const inGroup = new Set(conversation.participants.map((participant) => participant.userId));
  return (
    <>
      <PanelDialogButton onClick={() => setOpen(true)}>
        Add member
      </PanelDialogButton>
      {open && (
        <AddMemberDialog
          candidates={members.data?.filter((member) => !inGroup.has(member.userId))}
          loadError={members.isError ? `Could not read the project’s members: ${describeError(members.error)}` : null}
          onAdd={add}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
