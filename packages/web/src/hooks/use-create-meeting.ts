import type { CreateMeetingBody, Meeting } from '@parley/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { applyMeetingUpdate } from '../api/meeting-cache.js';
import { useApi } from './use-api.js';

/**
 * Creates a meeting in project `projectId` (`meetings.create`: instant without `scheduledFor`, else scheduled) and puts
 * it into the cache at once; rejects with the server's refusal (e.g. `PROJECT_NOT_ACTIVE`, `VALIDATION_FAILED`).
 */
export function useCreateMeeting(projectId: string): (body: CreateMeetingBody) => Promise<Meeting> {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    async (body) => {
      const meeting = await api.meetings.create(projectId, body);
      applyMeetingUpdate(queryClient, meeting);
      return meeting;
    },
    [api, projectId, queryClient],
  );
}
