import type { Conversation, Project } from '@parley/protocol';

/**
 * Why the composer is disabled, or null when the caller may send. Only `active` conversations accept
 * messages (contract § Conversations and messages: read-only conversations answer `409 CONVERSATION_READ_ONLY`);
 * a read-only project conversation names the project's status when it is known.
 */
export function composerDisabledReason(conversation: Pick<Conversation, 'status'>, project: Pick<Project, 'status'> | null): string | null {
  switch (conversation.status) {
    case 'active':
      return null;
    case 'read_only':
      if (project && project.status !== 'active') return `This project is ${project.status}; the conversation is read-only.`;
      return 'This conversation is read-only.';
    case 'locked':
      return 'This conversation is locked; no new messages can be sent.';
    case 'archived':
      return 'This conversation is archived; no new messages can be sent.';
  }
}
