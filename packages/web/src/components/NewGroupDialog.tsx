import type { CreateGroupBody, Participant } from '@parley/protocol';
import { useId, useState } from 'react';
import { useRefusableAction } from '../hooks/use-refusable-action.js';
import { MemberCheckboxes } from './MemberCheckboxes.js';
import { ModalDialog } from './ModalDialog.js';

/** The title's limit (docs/api.md § Groups: 1–100; `maxLength` counts UTF-16 units, never more than code points). */
const MAX_TITLE_LENGTH = 100;

/** Whom the group may take in and what to do with the choice. */
export interface NewGroupDialogProps {
  projectId: string;
  /** The project's other members, offered as checkboxes. */
  members: readonly Participant[];
  /** Creates the group; rejects with the refusal. */
  onCreate: (body: CreateGroupBody) => Promise<void>;
  onClose: () => void;
}

/**
 * "New group": a title and a checkbox per other member of the project (at least one to be picked), then "Cancel" or
 * "Create group". A refusal shows as an alert and the dialog stays open.
 */
export function NewGroupDialog({ projectId, members, onCreate, onClose }: NewGroupDialogProps) {
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const titleId = useId();
  const action = useRefusableAction();
  const ready = title.trim() !== '' && picked.size > 0 && !action.running;
  const confirm = (
    <button
      type="button"
      disabled={!ready}
      onClick={() => action.run(() => onCreate({ projectId, title: title.trim(), participantIds: [...picked] }), onClose)}
      className="rounded bg-sky-600 px-3 py-1.5 font-semibold text-white hover:bg-sky-700 disabled:opacity-60"
    >
      {action.running ? 'Creating…' : 'Create group'}
    </button>
  );
  return (
    <ModalDialog title="New group" onClose={onClose} error={action.error && `Could not create the group: ${action.error}`} confirm={confirm}>
      <label htmlFor={titleId} className="mb-1 text-sm font-medium">
        Group title
      </label>
      <input
        id={titleId}
        value={title}
        maxLength={MAX_TITLE_LENGTH}
        onChange={(event) => setTitle(event.target.value)}
        className="mb-3 rounded border border-slate-300 px-2 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      />
      <MemberCheckboxes legend="Members" members={members} picked={picked} onChange={setPicked} />
    </ModalDialog>
  );
}
