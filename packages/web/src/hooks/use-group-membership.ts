import type { Conversation } from '@parley/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { applyConversationUpdate, removeCachedConversation, updateCachedConversation } from '../api/conversation-cache.js';
import { useApi } from './use-api.js';

/** A group's member changes; each rejects with the server's refusal. */
export interface GroupMembership {
  /** The creator adds a project member (`conversations.addParticipant`); the answer goes into the caches at once. */
  add: (userId: string) => Promise<void>;
  /** The creator removes another member (`conversations.removeParticipant`); they drop out of the cached group at once. */
  remove: (userId: string) => Promise<void>;
  /** A member other than the creator leaves: the group drops out of the inbox and the app goes back to it (`/`). */
  leave: (meId: string) => Promise<void>;
}

/**
 * Adding, removing and leaving for group `conversation` (docs/api.md § Groups). Others' changes, and the server's
 * view of these, come with `conversation:updated` and `conversation:removed` (`use-realtime-events`).
 */
export function useGroupMembership(conversation: Conversation): GroupMembership {
  const api = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const { id } = conversation;
  return {
    add: async (userId) => {
      applyConversationUpdate(queryClient, await api.conversations.addParticipant(id, userId));
    },
    remove: async (userId) => {
      await api.conversations.removeParticipant(id, userId);
      updateCachedConversation(queryClient, id, (held) => ({ ...held, participants: held.participants.filter((participant) => participant.userId !== userId) }));
    },
    leave: async (meId) => {
      await api.conversations.removeParticipant(id, meId);
      removeCachedConversation(queryClient, id);
      navigate('/');
    },
  };
}
