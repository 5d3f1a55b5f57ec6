import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationView } from '../src/components/ConversationView.js';
import { REVEAL_HIGHLIGHT_MS } from '../src/hooks/use-reveal-message.js';
import type { FakeApi } from './support/fake-api.js';
import { alice } from './support/factories.js';
import { giveLayout, removeLayout } from './support/layout.js';
import { fakeApiWithConversation, numberedHistory } from './support/open-conversation.js';
import { renderWithApi } from './support/render.js';

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
    fake = fakeApiWithConversation(numberedHistory(120));
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
