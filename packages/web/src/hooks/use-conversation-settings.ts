import type { ConversationSettingsBody } from '@parley/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyConversationUpdate } from '../api/conversation-cache.js';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/**
 * Changes the caller's own settings of a conversation (`PATCH /api/conversations/:id/settings`): mute,
 * archive. The answer (the caller's new view) goes into the cache, so an archived conversation leaves the
 * inbox for the Archived filter; the lists then refetch.
 */
export function useConversationSettings(conversationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ConversationSettingsBody) => api.conversations.updateSettings(conversationId, settings),
    onSuccess: (conversation) => {
      applyConversationUpdate(queryClient, conversation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists() });
    },
  });
}
