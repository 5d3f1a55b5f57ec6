import { useEffect } from 'react';
import { useConversationList } from './use-conversation-list.js';

/** The inbox without search or archive: the conversations whose unread counts make the title. */
const INBOX = { search: '', archived: false };

/** Sets `document.title` to "(3) Parley" while 3 messages are unread in the inbox, "Parley" otherwise. */
export function useUnreadTitle(): void {
  const { data } = useConversationList(INBOX);
  const unread = data?.pages.reduce((sum, page) => sum + page.items.reduce((pageSum, item) => pageSum + item.unreadCount, 0), 0) ?? 0;
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) Parley` : 'Parley';
  }, [unread]);
  useEffect(() => () => void (document.title = 'Parley'), []);
}
