import type { Message } from '@parley/protocol';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MessageThread, type MessageThreadProps } from '../src/components/MessageThread.js';
import type { PendingMessage } from '../src/lib/message-layout.js';
import { alice, localIso, makeMessage, paul } from './support/factories.js';
import { bubbleOf } from './support/queries.js';
import { threadProps } from './support/thread-props.js';

/** "Now" for day labels: 21 November 2026, 15:00 local time. */
const NOW = new Date(2026, 10, 21, 15, 0).getTime();

function props(overrides: Partial<MessageThreadProps> = {}): MessageThreadProps {
  return threadProps({ now: NOW, ...overrides });
}

function log(): HTMLElement {
  return screen.getByRole('log', { name: 'Messages' });
}

/** Gives the log a scroll geometry (jsdom lays nothing out) with a writable scrollTop. */
function setGeometry(element: HTMLElement, geometry: { scrollHeight: number; clientHeight: number; scrollTop: number }) {
  Object.defineProperty(element, 'scrollHeight', { configurable: true, value: geometry.scrollHeight });
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: geometry.clientHeight });
  Object.defineProperty(element, 'scrollTop', { configurable: true, writable: true, value: geometry.scrollTop });
}

const history: Message[] = [
  makeMessage({ seq: 1, senderId: null, type: 'system', text: 'Project started: Redesign the checkout flow', createdAt: localIso(2026, 10, 3, 9) }),
  makeMessage({ seq: 2, senderId: alice.userId, text: 'Hi Paul!', createdAt: localIso(2026, 10, 20, 9) }),
  makeMessage({ seq: 3, senderId: paul.userId, text: 'Hi Alice, starting today.', createdAt: localIso(2026, 10, 20, 9, 5) }),
  makeMessage({ seq: 4, senderId: paul.userId, text: 'First finding: the address is asked twice.', createdAt: localIso(2026, 10, 20, 9, 6) }),
  makeMessage({ seq: 5, senderId: alice.userId, text: 'Great, see https://example.com/brief.', createdAt: localIso(2026, 10, 21, 10) }),
  makeMessage({ seq: 6, senderId: alice.userId, text: '<b>not bold</b>', createdAt: localIso(2026, 10, 21, 10, 1) }),
];

describe('MessageThread', () => {
  it('is a polite log labelled "Messages"', () => {
    render(<MessageThread {...props({ messages: history })} />);
    expect(log()).toHaveAttribute('aria-live', 'polite');
  });

  it('separates days with "Today", "Yesterday" or a date', () => {
    render(<MessageThread {...props({ messages: history })} />);
    const separators = screen.getAllByRole('separator').map((separator) => separator.getAttribute('aria-label'));
    expect(separators).toHaveLength(3);
    expect(separators[0]).toMatch(/3/);
    expect(separators[0]).toMatch(/November/);
    expect(separators.slice(1)).toEqual(['Yesterday', 'Today']);
    // The day separator comes right before the first message of its day.
    const today = screen.getByRole('separator', { name: 'Today' });
    expect(today.compareDocumentPosition(screen.getByText('Hi Paul!')) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(today.compareDocumentPosition(screen.getByText(/see/)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('groups consecutive messages of one sender under one name and role badge', () => {
    render(<MessageThread {...props({ messages: history })} />);
    expect(screen.getAllByText('Paul Okafor')).toHaveLength(1);
    expect(screen.getAllByText('provider')).toHaveLength(1);
    // Alice's messages of yesterday and of today are two groups (the day separator ends a group).
    expect(screen.getAllByText('You')).toHaveLength(2);
    expect(screen.getAllByText('client')).toHaveLength(2);
  });

  it('shows system messages apart, without a sender', () => {
    render(<MessageThread {...props({ messages: history })} />);
    const system = screen.getByText(/Project started/);
    expect(system).toHaveAttribute('data-message-type', 'system');
    expect(system).toHaveClass('text-center');
  });

  it('renders text as text and http(s) links as new-tab links', () => {
    render(<MessageThread {...props({ messages: history })} />);
    expect(screen.getByText('<b>not bold</b>')).toBeInTheDocument();
    expect(log().querySelector('b')).toBeNull();
    const link = screen.getByRole('link', { name: 'https://example.com/brief' });
    expect(link).toHaveAttribute('href', 'https://example.com/brief');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('marks own messages "Read" up to the others\' read position and "Sent" after it', () => {
    render(<MessageThread {...props({ messages: history, othersReadSeq: 5 })} />);
    expect(within(bubbleOf(/Hi Paul!/)).getByRole('img', { name: 'Read' })).toBeInTheDocument();
    expect(within(bubbleOf(/see/)).getByRole('img', { name: 'Read' })).toBeInTheDocument();
    expect(within(bubbleOf(/not bold/)).getByRole('img', { name: 'Sent' })).toBeInTheDocument();
    // Others' messages carry no mark.
    expect(screen.getByText('Hi Alice, starting today.').closest('[data-delivery]')).toBeNull();
    expect(screen.getAllByRole('img', { name: /Read|Sent/ })).toHaveLength(3);
  });

  it('shows pending messages as "Sending", failed ones as "Failed" with Retry', async () => {
    const pending: PendingMessage[] = [
      { clientId: 'c-1', text: 'On its way', createdAt: localIso(2026, 10, 21, 14), status: 'sending' },
      { clientId: 'c-2', text: 'Did not go', createdAt: localIso(2026, 10, 21, 14, 1), status: 'failed' },
    ];
    const onRetry = vi.fn();
    render(<MessageThread {...props({ messages: history, pending, onRetry })} />);
    expect(screen.getByRole('img', { name: 'Sending' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Failed' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith('c-2');
  });

  it('follows new messages while the reader is at the bottom', () => {
    const first = props({ messages: history });
    const { rerender } = render(<MessageThread {...first} />);
    setGeometry(log(), { scrollHeight: 1000, clientHeight: 400, scrollTop: 600 });
    fireEvent.scroll(log());
    rerender(<MessageThread {...first} messages={[...history, makeMessage({ seq: 7, text: 'New one', createdAt: localIso(2026, 10, 21, 14) })]} />);
    expect(log().scrollTop).toBe(1000);
    expect(screen.queryByRole('button', { name: 'New messages' })).not.toBeInTheDocument();
  });

  it('offers a "New messages" button instead when the reader has scrolled up, which jumps down', async () => {
    const onNewestSeen = vi.fn();
    const first = props({ messages: history, onNewestSeen });
    const { rerender } = render(<MessageThread {...first} />);
    expect(onNewestSeen).toHaveBeenLastCalledWith(6);
    setGeometry(log(), { scrollHeight: 1000, clientHeight: 400, scrollTop: 200 });
    fireEvent.scroll(log());
    onNewestSeen.mockClear();

    rerender(<MessageThread {...first} messages={[...history, makeMessage({ seq: 7, text: 'New one', createdAt: localIso(2026, 10, 21, 14) })]} />);
    expect(log().scrollTop).toBe(200);
    expect(onNewestSeen).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'New messages' }));
    expect(log().scrollTop).toBe(1000);
    expect(screen.queryByRole('button', { name: 'New messages' })).not.toBeInTheDocument();
    expect(onNewestSeen).toHaveBeenLastCalledWith(7);
  });

  it('jumps to the bottom when the reader sends, even when scrolled up', () => {
    const first = props({ messages: history });
    const { rerender } = render(<MessageThread {...first} />);
    setGeometry(log(), { scrollHeight: 1000, clientHeight: 400, scrollTop: 200 });
    fireEvent.scroll(log());
    rerender(<MessageThread {...first} pending={[{ clientId: 'c-9', text: 'Mine', createdAt: localIso(2026, 10, 21, 14), status: 'sending' }]} />);
    expect(log().scrollTop).toBe(1000);
    expect(screen.queryByRole('button', { name: 'New messages' })).not.toBeInTheDocument();
  });

  it('asks for older messages near the top and keeps the reader\'s place when they arrive', () => {
    const onLoadOlder = vi.fn();
    const recent = history.slice(3);
    const first = props({ messages: recent, hasMoreBefore: true, onLoadOlder });
    const { rerender } = render(<MessageThread {...first} />);
    setGeometry(log(), { scrollHeight: 1000, clientHeight: 400, scrollTop: 600 });
    onLoadOlder.mockClear();
    fireEvent.scroll(log());
    expect(onLoadOlder).not.toHaveBeenCalled();
    setGeometry(log(), { scrollHeight: 1000, clientHeight: 400, scrollTop: 50 });
    fireEvent.scroll(log());
    expect(onLoadOlder).toHaveBeenCalledTimes(1);

    setGeometry(log(), { scrollHeight: 1500, clientHeight: 400, scrollTop: 50 });
    rerender(<MessageThread {...first} messages={history} hasMoreBefore={false} />);
    expect(log().scrollTop).toBe(550);
    expect(screen.getByText('Beginning of the conversation')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New messages' })).not.toBeInTheDocument();
  });
});
