import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationView } from '../src/components/ConversationView.js';
import { REVEAL_HIGHLIGHT_MS } from '../src/hooks/use-reveal-message.js';
import { useRealtimeStore } from '../src/store/realtime-store.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { alice, makeConversation, makeMessage, makeProject } from './support/factories.js';
import { renderWithApi } from './support/render.js';

/** A log taller than its box (jsdom lays nothing out), so the thread pages back only when asked to. */
function giveLayout() {
  const scrollIntoView = vi.fn();
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 1000 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', { configurable: true, value: scrollIntoView });
  return scrollIntoView;
}

function removeLayout() {
  for (const property of ['scrollHeight', 'clientHeight', 'scrollIntoView']) Reflect.deleteProperty(HTMLElement.prototype, property);
}

function renderAt(fake: FakeApi, focusMessageId: string) {
  renderWithApi(<ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={focusMessageId} />, fake.api, {
    meId: alice.userId,
    path: `/c/conv-checkout?message=${focusMessageId}`,
  });
}

describe('opening a conversation at a message (from search)', () => {
  let fake: FakeApi;
  let scrollIntoView: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    scrollIntoView = giveLayout();
    useRealtimeStore.getState().reset();
    useRealtimeStore.getState().setConnection({ state: 'connected', error: null });
    fake = createFakeApi();
    fake.conversationsGet.mockResolvedValue(makeConversation());
    fake.projectsGet.mockResolvedValue(makeProject());
    fake.serve(Array.from({ length: 120 }, (_, index) => makeMessage({ seq: index + 1, text: `Message number ${index + 1}` })));
  });
  afterEach(() => {
    removeLayout();
    vi.useRealTimers();
  });

  it('pages back until the message is held, scrolls it into view and marks it briefly', async () => {
    renderAt(fake, 'msg-5');
    const target = await screen.findByText('Message number 5');
    const row = target.closest('#message-msg-5');
    await waitFor(() => expect(row).toHaveAttribute('data-highlighted', 'true'));
    // History pages (the stream's catch-up reads `after` the newest): the newest page, then two older ones.
    const pages = fake.messagesList.mock.calls.map(([, params]) => params ?? {}).filter((params) => params.after === undefined);
    expect(pages.map((params) => params.before)).toEqual([undefined, 71, 21]);
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.contexts[0]).toBe(row);

    await act(() => Promise.resolve()); // the effects of the render that marked it (its timer) run
    act(() => {
      vi.advanceTimersByTime(REVEAL_HIGHLIGHT_MS);
    });
    expect(row).not.toHaveAttribute('data-highlighted');
  });

  it('says so when the message is not in the history', async () => {
    renderAt(fake, 'msg-gone');
    expect(await screen.findByText('Could not find that message in the loaded history.')).toBeInTheDocument();
    expect(scrollIntoView).not.toHaveBeenCalled();
  });
});
