import type { Conversation, Participant, Project } from '@parley/protocol';
import { useId } from 'react';
import { useNow } from '../hooks/use-now.js';
import { formatDate } from '../lib/format-time.js';
import { formatPrice } from '../lib/format-price.js';
import { AddMemberButton } from './AddMemberButton.js';
import { LeaveGroupButton } from './LeaveGroupButton.js';
import { NewGroupButton } from './NewGroupButton.js';
import { PresenceDot } from './PresenceDot.js';
import { RemoveMemberButton } from './RemoveMemberButton.js';
import { RoleBadge } from './RoleBadge.js';

/** What the project panel shows. */
export interface ProjectPanelProps {
  conversation: Conversation;
  /** The project, once loaded; undefined while loading or when it cannot be read. */
  project: Project | undefined;
  /** The project could not be loaded. */
  failed?: boolean;
  /** The signed-in user, whose own presence dot is not shown; without it every participant has one. */
  meId?: string;
  /** Closes the panel; without it no close button is shown. */
  onClose?: () => void;
}

const STATUS_STYLES: Record<Project['status'], string> = {
  active: 'bg-emerald-100 text-emerald-800',
  completed: 'bg-slate-200 text-slate-800',
  cancelled: 'bg-red-100 text-red-800',
};

/** The conversation's participants plus, in the project's own conversation, assigned workers not (yet) among them. */
function peopleOf(conversation: Conversation, project: Project | undefined): Participant[] {
  if (conversation.kind === 'group') return conversation.participants;
  const known = new Set(conversation.participants.map((participant) => participant.userId));
  const workers = (project?.workerIds ?? []).filter((id) => !known.has(id)).map((id): Participant => ({ userId: id, name: id, role: 'worker', lastReadSeq: 0, online: false, lastSeenAt: null }));
  return [...conversation.participants, ...workers];
}

/**
 * The complementary region "Project details": the terms locked at acceptance (price in its currency's
 * minor units, scope, deadline), the project status, and the participants with their roles and, for the
 * others, a presence dot ("online" / "last seen 5 min. ago", kept current by `presence:update`). In an active
 * project's own conversation (whose participants are the project's members) "New group" creates a group of them.
 * In an active group its creator gets "Add member" and "Remove" beside each other member, everyone else "Leave group"
 * (docs/api.md § Groups).
 */
export function ProjectPanel({ conversation, project, failed = false, meId, onClose }: ProjectPanelProps) {
  const now = useNow();
  const participantIds = new Set(conversation.participants.map((participant) => participant.userId));
  const termsHeading = useId();
  const peopleHeading = useId();
  const managing = conversation.kind === 'group' && conversation.status === 'active' && meId !== undefined;
  const creating = managing && conversation.createdBy === meId;
  return (
    <aside aria-label="Project details" className="flex h-full flex-col gap-4 overflow-y-auto bg-white p-4 text-sm">
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">Project details</h2>
        {onClose && (
          <button type="button" onClick={onClose} className="rounded px-2 py-0.5 text-slate-600 hover:bg-slate-100" aria-label="Close project details">
            ×
          </button>
        )}
      </div>
      {!project && <p className="text-slate-500">{failed ? 'The project could not be loaded.' : 'Loading project…'}</p>}
      {project && (
        <>
          <div>
            <p className="font-medium text-slate-900">{project.title}</p>
            <p className="mt-1">
              Status: <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[project.status]}`}>{project.status}</span>
            </p>
          </div>
          <section aria-labelledby={termsHeading}>
            <h3 id={termsHeading} className="mb-1 font-semibold text-slate-800">
              Locked terms
            </h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              <dt className="text-slate-500">Price</dt>
              <dd className="font-medium">{formatPrice(project.terms.price, project.terms.currency)}</dd>
              <dt className="text-slate-500">Deadline</dt>
              <dd>
                <time dateTime={project.terms.deadline}>{formatDate(project.terms.deadline)}</time>
              </dd>
              <dt className="text-slate-500">Scope</dt>
              <dd className="whitespace-pre-wrap">{project.terms.scope}</dd>
            </dl>
            <p className="mt-1 text-xs text-slate-500">
              Locked on <time dateTime={project.termsLockedAt}>{formatDate(project.termsLockedAt)}</time>; terms cannot change.
            </p>
          </section>
        </>
      )}
      <section aria-labelledby={peopleHeading}>
        <h3 id={peopleHeading} className="mb-1 font-semibold text-slate-800">
          Participants
        </h3>
        <ul className="space-y-1">
          {peopleOf(conversation, project).map((person) => (
            <li key={person.userId} className="flex items-center justify-between gap-2">
              <span className="flex min-w-0 items-center gap-1.5">
                {participantIds.has(person.userId) && person.userId !== meId && <PresenceDot participant={person} now={now} />}
                <span>{person.name}</span>
              </span>
              <span className="flex shrink-0 items-center gap-1">
                <RoleBadge role={person.role} />
                {creating && person.userId !== meId && <RemoveMemberButton conversation={conversation} member={person} />}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {creating && <AddMemberButton conversation={conversation} />}
      {managing && !creating && <LeaveGroupButton conversation={conversation} meId={meId} />}
      {conversation.kind === 'project' && project?.status === 'active' && meId && (
        <NewGroupButton projectId={project.id} members={conversation.participants.filter((participant) => participant.userId !== meId)} />
      )}
    </aside>
  );
}
