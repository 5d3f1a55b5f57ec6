import type { User } from '@parley/protocol';
import { useRoute, useSearchParams } from 'wouter';
import { useApi } from '../hooks/use-api.js';
import { useDesktopNotifications } from '../hooks/use-desktop-notifications.js';
import { useOutboxSync } from '../hooks/use-outbox-sync.js';
import { useRealtimeConnection } from '../hooks/use-realtime-connection.js';
import { useRealtimeEvents } from '../hooks/use-realtime-events.js';
import { AdminPage } from './AdminPage.js';
import { AppHeader } from './AppHeader.js';
import { CallView } from './CallView.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { ConversationList } from './ConversationList.js';
import { ConversationView } from './ConversationView.js';
import { EmptyThread } from './EmptyThread.js';
import { IncomingCallToast } from './IncomingCallToast.js';
import { SearchPage } from './SearchPage.js';

/**
 * The signed-in layout. From 640 px wide: the inbox on the left, the thread (or the message search, `/search`, or
 * the admin page, `/admin…`, or a meeting's call view, `/meeting/:meetingId`) on the right. Narrower: the inbox at
 * `/`, the thread alone at `/c/:conversationId` (with a Back button), the search, the admin page or the call alone.
 * `/c/:id?message=<id>` opens a thread at that message. Owns the realtime connection and events (and desktop
 * notifications while the tab is hidden), shows the outbox's sends in the threads, and the incoming-call toast.
 */
export function Workspace({ me }: { me: User }) {
  const api = useApi();
  useRealtimeConnection(api);
  useRealtimeEvents(api, me.id);
  useOutboxSync(api, me.id);
  useDesktopNotifications(api);
  const [match, params] = useRoute('/c/:conversationId');
  const selectedId = match ? params.conversationId : null;
  const [searching] = useRoute('/search');
  const [administering] = useRoute('/admin/*?');
  const [calling, call] = useRoute('/meeting/:meetingId');
  const [searchParams] = useSearchParams();
  const paneOpen = selectedId !== null || searching || administering || calling;

  return (
    <div className="flex h-dvh flex-col bg-slate-100 text-slate-900">
      <AppHeader me={me} />
      <ConnectionBanner />
      <div className="flex min-h-0 flex-1">
        <section
          aria-label="Inbox"
          className={`${paneOpen ? 'hidden sm:flex' : 'flex'} w-full min-w-0 flex-col border-r border-slate-200 bg-white sm:w-80 sm:shrink-0`}
        >
          <ConversationList meId={me.id} selectedId={selectedId} />
        </section>
        <main className={`${paneOpen ? 'flex' : 'hidden sm:flex'} min-h-0 min-w-0 flex-1`}>
          {selectedId ? (
            <ConversationView key={selectedId} conversationId={selectedId} meId={me.id} focusMessageId={searchParams.get('message')} />
          ) : searching ? (
            <SearchPage meId={me.id} />
          ) : administering ? (
            <AdminPage me={me} />
          ) : calling ? (
            <CallView key={call.meetingId} meetingId={call.meetingId} meId={me.id} />
          ) : (
            <EmptyThread />
          )}
        </main>
      </div>
      <IncomingCallToast meId={me.id} />
    </div>
  );
}
