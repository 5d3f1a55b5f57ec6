import type { CreateGroupBody, Participant } from '@parley/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from '../hooks/use-api.js';
import { NewGroupDialog } from './NewGroupDialog.js';
import { PanelDialogButton } from './PanelDialogButton.js';

/**
 * The project panel's "New group" button: its dialog creates a group of project members (`conversations.createGroup`,
 * docs/api.md § Groups); the new group is stored in the cache, the inbox refetches, and the group opens.
 */
export function NewGroupButton({ projectId, members }: { projectId: string; members: readonly Participant[] }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const create = async (body: CreateGroupBody) => {
    const group = await api.conversations.createGroup(body);
    queryClient.setQueryData(queryKeys.conversation(group.id), group);
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists() });
    navigate(`/c/${encodeURIComponent(group.id)}`);
  };
  return (
    <>
      <PanelDialogButton onClick={() => setOpen(true)}>
        New group
      </PanelDialogButton>
      {open && <NewGroupDialog projectId={projectId} members={members} onCreate={create} onClose={() => setOpen(false)} />}
    </>
  );
}
