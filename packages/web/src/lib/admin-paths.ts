/** The admin review page of a conversation (`/admin/conversations/:id`), where the admin page's links lead. */
export function adminReviewPath(conversationId: string): string {
  return `/admin/conversations/${encodeURIComponent(conversationId)}`;
}
