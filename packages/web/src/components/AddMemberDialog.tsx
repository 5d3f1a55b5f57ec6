import type { Participant } from '@parley/protocol';
import { useState } from 'react';
import { useRefusableAction } from '../hooks/use-refusable-action.js';
import { describeMembershipError } from '../lib/membership-errors.js';
import { ModalDialog } from './ModalDialog.js';

/** Whom the group may take in and what to do with the choice. */
export interface AddMemberDialogProps {
  /** The project's members not in the group yet; undefined while they load. */
  candidates: readonly Participant[] | undefined;
  /** Why the project's members could not be read, if they could not. */
  loadError: string | null;
  /** Adds the chosen member; rejects with the refusal. */
  onAdd: (userId: string) => Promise<void>;
  onClose: () => void;
}

/**
 * "Add member": a radio per member of the project not in the group yet, then "Cancel" or "Add". A refusal shows
 * as an alert and the dialog stays open.
 */
export function AddMemberDialog({ candidates, loadError, onAdd, onClose }: AddMemberDialogProps) {
  const [picked, setPicked] = useState<string | null>(null);
  const action = useRefusableAction(describeMembershipError);
  const confirm = (
    <button
      type="button"
      disabled={picked === null || action.running}
      onClick={() => picked !== null && action.run(() => onAdd(picked), onClose)}
      className="rounded bg-sky-600 px-3 py-1.5 font-semibold text-white hover:bg-sky-700 disabled:opacity-60"
    >
      {action.running ? 'Adding…' : 'Add'}
    </button>
  );
  const error = loadError ?? (action.error && `Could not add the member: ${action.error}`);
  return (
    <ModalDialog title="Add member" onClose={onClose} error={error} confirm={confirm}>
      {!candidates && !loadError && <p className="text-sm text-slate-500">Loading the project’s members…</p>}
      {candidates?.length === 0 && <p className="text-sm text-slate-600">Everyone in the project is already in the group.</p>}
      {candidates && candidates.length > 0 && (
        <fieldset className="min-h-0 overflow-y-auto text-sm">
          <legend className="mb-1 font-medium">Project members</legend>
          {candidates.map((member) => (
            <label key={member.userId} className="flex items-center gap-2 py-0.5">
              <input type="radio" name="add-member" checked={picked === member.userId} onChange={() => setPicked(member.userId)} />
              {member.name}
            </label>
          ))}
        </fieldset>
      )}
    </ModalDialog>
  );
}
