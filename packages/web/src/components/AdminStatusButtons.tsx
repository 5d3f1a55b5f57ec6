import type { AdminConversation, AdminConversationStatusBody } from '@parley/protocol';
import { describeError } from '../api/auth-errors.js';
import { useAdminAction } from '../hooks/use-admin-action.js';
import { useApi } from '../hooks/use-api.js';
import { AdminActionButton } from './AdminActionButton.js';

type Status = AdminConversationStatusBody['status'];

/**
 * A conversation's status controls on the admin page: "Lock" ("Unlock" when locked) and "Archive" ("Unarchive" when
 * archived; `PATCH /api/admin/conversations/:id/status`); unlocking and unarchiving make it `active` again. The server
 * decides what may change: a refusal (e.g. `PROJECT_NOT_ACTIVE`) shows as an alert after the buttons.
 */
export function AdminStatusButtons({ conversation }: { conversation: Pick<AdminConversation, 'id' | 'status'> }) {
  const api = useApi();
  const setStatus = useAdminAction((status: Status) => api.admin.setConversationStatus(conversation.id, status));
  const { status } = conversation;
  const button = (label: string, to: Status) => (
    <AdminActionButton onClick={() => setStatus.mutate(to)} disabled={setStatus.isPending}>
      {label}
    </AdminActionButton>
  );
  return (
    <>
      <div className="flex gap-1">
        {status === 'locked' ? button('Unlock', 'active') : button('Lock', 'locked')}
        {status === 'archived' ? button('Unarchive', 'active') : button('Archive', 'archived')}
      </div>
      {setStatus.error && (
        <p role="alert" className="w-full text-xs text-red-700">
          Could not change the status: {describeError(setStatus.error)}
        </p>
      )}
    </>
  );
}
