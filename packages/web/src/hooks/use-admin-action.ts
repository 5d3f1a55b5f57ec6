import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';

/**
 * One admin action (a conversation's status, a report's resolution): a mutation whose success refetches every admin
 * query, so lists show the new status and resolved reports leave the open queue. Its `error` keeps the refusal
 * (e.g. `REPORT_ALREADY_RESOLVED`, `PROJECT_NOT_ACTIVE`).
 */
export function useAdminAction<Variables>(action: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin() }),
  });
}
