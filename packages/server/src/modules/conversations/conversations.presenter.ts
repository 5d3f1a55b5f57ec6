import type { Conversation, MessageType, Participant, Role } from '@parley/protocol';
import { messagePreview } from '../messages/messages.presenter.js';
import type { ConversationViewRow, ParticipantUserRow } from './conversations.repository.js';

/**
 * A conversation view row and its participants → the contract's `Conversation`, as its caller sees it;
 * `online` holds the ids of the participants who are online now.
 */
export function presentConversation(row: ConversationViewRow, participants: ParticipantUserRow[], online: Set<string>): Conversation {
  return {
    id: row.id,
    projectId: row.project_id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    participants: participants.map((participant) => presentParticipant(participant, online.has(participant.user_id))),
    lastMessage:
      row.lm_id === null
        ? null
        : {
            id: row.lm_id,
            seq: row.last_seq,
            senderId: row.lm_sender_id,
            // The row's type column only ever holds MessageType values (messages.table.ts).
            type: row.lm_type as MessageType,
            // A deleted message's text is never shown (issue 5, "Delete"), the preview included.
            preview: row.lm_deleted_at === null ? messagePreview(row.lm_text ?? '', row.lm_type as MessageType) : '',
            createdAt: row.lm_created_at ?? row.last_message_at,
          },
    unreadCount: Number(row.unread_count ?? 0),
    lastReadSeq: row.last_read_seq,
    muted: row.muted === 1,
    mutedUntil: row.muted_until,
    archived: row.archived === 1,
    pinned: row.pinned === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastMessageAt: row.last_message_at,
  };
}

function presentParticipant(row: ParticipantUserRow, online: boolean): Participant {
  // The users.role column only ever holds Role values (identity.table.ts).
  return { userId: row.user_id, name: row.name, role: row.role as Role, lastReadSeq: row.last_read_seq, online, lastSeenAt: row.last_seen_at };
}
