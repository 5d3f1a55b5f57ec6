import type { SearchHit } from '@parley/protocol';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Route, Switch, useSearch } from 'wouter';
import { SearchPage } from '../src/components/SearchPage.js';
import { snippetSegments } from '../src/lib/snippet-segments.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { alice, makeConversation, makeMessage, paul } from './support/factories.js';
import { renderWithApi } from './support/render.js';

const snippet = '…the <b>checkout</b> flow needs one Checkout button';
const hit: SearchHit = {
  message: makeMessage({ seq: 7, senderId: paul.userId, text: 'long text' }),
  snippet,
  highlights: [
    { start: 8, end: 16 },
    { start: 36, end: 44 },
  ],
};

function Opened({ id }: { id: string }) {
  return (
    <p>
      Opened {id} with {useSearch()}
    </p>
  );
}

/** The search page, or where a click on a result led. */
function renderSearch(fake: FakeApi, path = '/search') {
  return renderWithApi(
    <Switch>
      <Route path="/c/:id">{(params) => <Opened id={params.id} />}</Route>
      <Route>
        <SearchPage meId={alice.userId} />
      </Route>
    </Switch>,
    fake.api,
    { meId: alice.userId, path },
  );
}

describe('SearchPage', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = createFakeApi();
    fake.conversationsGet.mockResolvedValue(makeConversation());
  });

  it('searches as one types and marks the matched words from the highlight ranges, as text', async () => {
    fake.messagesSearch.mockResolvedValue({ items: [hit], nextCursor: null });
    const { container } = renderSearch(fake);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'checkout');
    const results = await screen.findByRole('list', { name: 'Search results' });

    expect(fake.messagesSearch).toHaveBeenCalledWith(expect.objectContaining({ q: 'checkout' }));
    expect(fake.messagesSearch).not.toHaveBeenCalledWith(expect.objectContaining({ q: 'c' }));
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['checkout', 'Checkout']);
    expect(container.querySelector('b')).toBeNull();
    expect(within(results).getByRole('link')).toHaveTextContent(snippet);
    expect(await within(results).findByText('Redesign the checkout flow')).toBeInTheDocument();
    expect(within(results).getByText('Paul Okafor:')).toBeInTheDocument();
  });

  it('opens the conversation at the message on a click', async () => {
    fake.messagesSearch.mockResolvedValue({ items: [hit], nextCursor: null });
    renderSearch(fake, '/search?q=checkout');
    expect(screen.getByRole('searchbox', { name: 'Search messages' })).toHaveValue('checkout');
    await userEvent.click(await screen.findByRole('link', { name: /checkout/ }));
    expect(screen.getByText('Opened conv-checkout with message=msg-7')).toBeInTheDocument();
  });

  it('says when nothing matches, and reads the next page with the cursor', async () => {
    fake.messagesSearch.mockResolvedValueOnce({ items: [], nextCursor: null });
    renderSearch(fake, '/search?q=zebra');
    expect(await screen.findByText('No messages match “zebra”.')).toBeInTheDocument();

    fake.messagesSearch.mockResolvedValueOnce({ items: [hit], nextCursor: 'page-2' });
    fake.messagesSearch.mockResolvedValueOnce({ items: [{ ...hit, message: makeMessage({ seq: 3 }) }], nextCursor: null });
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search messages' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'checkout');
    await userEvent.click(await screen.findByRole('button', { name: 'Load more results' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('link')).toHaveLength(2));
    expect(fake.messagesSearch).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'checkout', cursor: 'page-2' }));
  });
});

describe('snippetSegments', () => {
  it('cuts a snippet into plain and marked runs, skipping empty, overlapping and outside ranges', () => {
    expect(snippetSegments('abc def ghi', [{ start: 4, end: 7 }])).toEqual([
      { text: 'abc ', marked: false },
      { text: 'def', marked: true },
      { text: ' ghi', marked: false },
    ]);
    const text = 'abcdef';
    const segments = snippetSegments(text, [
      { start: 2, end: 4 },
      { start: 3, end: 5 },
      { start: 1, end: 1 },
      { start: 5, end: 99 },
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual(['cd', 'e', 'f']);
  });
});
