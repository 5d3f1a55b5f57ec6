import type { Message } from '@parley/protocol';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MessageThread, type MessageThreadProps } from '../src/components/MessageThread.js';
import { alice, makeMessage, paul } from './support/factories.js';
import { messageRowOf } from './support/queries.js';
import { threadProps } from './support/thread-props.js';

function renderThread(messages: Message[], overrides: Partial<MessageThreadProps> = {}): MessageThreadProps {
  const props = threadProps({ messages, ...overrides });
  render(<MessageThread {...props} />);
  return props;
}

describe('rendering of message states', () => {
  it('shows a deleted message as a muted tombstone without text, actions or reactions', () => {
    renderThread([makeMessage({ seq: 1, senderId: paul.userId, text: '', deletedAt: '2026-11-20T10:10:00.000Z', editedAt: '2026-11-20T10:05:00.000Z' })]);
    const row = messageRowOf('This message was deleted');
    expect(within(row).getByText('This message was deleted').closest('.text-slate-500')).not.toBeNull();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(within(row).queryByText('edited')).not.toBeInTheDocument();
  });

  it('marks edited messages "edited" with the edit time in its tooltip', () => {
    renderThread([makeMessage({ seq: 1, text: 'Fixed typo', editedAt: '2026-11-20T10:05:00.000Z' }), makeMessage({ seq: 2, text: 'Never edited' })]);
    expect(within(messageRowOf('Fixed typo')).getByText('edited')).toHaveAttribute('title', expect.stringMatching(/^Edited /));
    expect(within(messageRowOf('Never edited')).queryByText('edited')).not.toBeInTheDocument();
  });

  it('quotes the message a reply answers inside the bubble, or says it was deleted', () => {
    renderThread([
      makeMessage({ seq: 3, text: 'Yes, Friday works', replyToId: 'msg-1', replyTo: { id: 'msg-1', senderId: alice.userId, preview: 'Can we ship Friday?', deleted: false } }),
      makeMessage({ seq: 4, text: 'As I said', replyToId: 'msg-2', replyTo: { id: 'msg-2', senderId: paul.userId, preview: '', deleted: true } }),
    ]);
    const quote = within(messageRowOf('Yes, Friday works')).getByRole('blockquote');
    expect(quote).toHaveTextContent('You');
    expect(quote).toHaveTextContent('Can we ship Friday?');
    expect(within(messageRowOf('As I said')).getByRole('blockquote')).toHaveTextContent('Paul OkaforOriginal message deleted');
  });

  it('labels forwarded messages "Forwarded"', () => {
    renderThread([
      makeMessage({ seq: 1, text: 'Specs attached', forwardedFrom: { messageId: 'm-x', conversationId: 'conv-other', senderId: paul.userId } }),
      makeMessage({ seq: 2, text: 'My own words' }),
    ]);
    expect(within(messageRowOf('Specs attached')).getByText('Forwarded')).toBeInTheDocument();
    expect(within(messageRowOf('My own words')).queryByText('Forwarded')).not.toBeInTheDocument();
  });

  it('shows reaction chips with their counts, pressed for the caller\'s own, toggling on click', async () => {
    const message = makeMessage({
      seq: 1,
      text: 'Shipped!',
      reactions: [
        { emoji: '🎉', count: 2, userIds: [paul.userId, alice.userId], me: true },
        { emoji: '👍', count: 1, userIds: [paul.userId], me: false },
      ],
    });
    const { actions } = renderThread([message]);
    const chips = within(within(messageRowOf('Shipped!')).getByRole('list', { name: 'Reactions' })).getAllByRole('button');
    expect(chips.map((chip) => [chip.textContent, chip.getAttribute('aria-pressed')])).toEqual([
      ['🎉 2', 'true'],
      ['👍 1', 'false'],
    ]);
    expect(chips[0]).toHaveAttribute('title', 'Paul Okafor, You');
    await userEvent.click(screen.getByRole('button', { name: '👍 1' }));
    expect(actions.toggleReaction).toHaveBeenCalledWith(message, '👍');
  });

  it('shows a location with its label, coordinates and an OpenStreetMap link in a new tab, the text as caption', () => {
    renderThread([
      makeMessage({ seq: 1, type: 'location', text: 'Meet here', location: { latitude: 48.8584, longitude: 2.2945, label: 'Eiffel Tower' } }),
      makeMessage({ seq: 2, text: 'Plain words' }),
    ]);
    const card = within(messageRowOf('Meet here')).getByRole('group', { name: 'Location' });
    expect(card).toHaveTextContent('Eiffel Tower');
    expect(card).toHaveTextContent('48.85840, 2.29450');
    const link = within(card).getByRole('link', { name: 'Open in OpenStreetMap' });
    expect(link.getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/\?mlat=48\.8584&mlon=2\.2945/);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(messageRowOf('Plain words')).queryByRole('group', { name: 'Location' })).not.toBeInTheDocument();
  });

  it('shows a contact card with the phone as a tel: link and the e-mail as a mailto: link, the text as caption', () => {
    renderThread([
      makeMessage({ seq: 1, type: 'contact', text: 'Our accountant', contact: { name: 'Noor Haddad', phone: '+33 1 23 45 67 89', email: 'noor@example.com' } }),
      makeMessage({ seq: 2, type: 'contact', text: 'Name only', contact: { name: 'Sam Reyes' } }),
    ]);
    const card = within(messageRowOf('Our accountant')).getByRole('group', { name: 'Contact' });
    expect(card).toHaveTextContent('Noor Haddad');
    expect(within(card).getByRole('link', { name: '+33 1 23 45 67 89' })).toHaveAttribute('href', 'tel:+33123456789');
    expect(within(card).getByRole('link', { name: 'noor@example.com' })).toHaveAttribute('href', 'mailto:noor@example.com');
    const bare = within(messageRowOf('Name only')).getByRole('group', { name: 'Contact' });
    expect(bare).toHaveTextContent('Sam Reyes');
    expect(within(bare).queryByRole('link')).not.toBeInTheDocument();
  });

  it('rings the bubbles that mention the viewer and sets apart the @Name of participants', () => {
    renderThread([
      makeMessage({ seq: 1, text: '@alice martin can you check? cc @Paul Okafor', mentions: [alice.userId, paul.userId] }),
      makeMessage({ seq: 2, text: 'Ask @Paul Okafor, mail paul@okafor.example', mentions: [paul.userId] }),
    ]);
    const mentioning = messageRowOf(/can you check/);
    expect(within(mentioning).getByText(/Mentions you/)).toHaveClass('sr-only');
    expect(within(mentioning).getByText('@alice martin')).toHaveAttribute('data-mention', alice.userId);
    expect(within(mentioning).getByText('@Paul Okafor')).toHaveAttribute('data-mention', paul.userId);

    const other = messageRowOf(/^Ask/);
    expect(within(other).queryByText(/Mentions you/)).not.toBeInTheDocument();
    expect(within(other).getByText('@Paul Okafor')).toHaveAttribute('data-mention', paul.userId);
    expect(other.querySelectorAll('[data-mention]')).toHaveLength(1);
  });
});
