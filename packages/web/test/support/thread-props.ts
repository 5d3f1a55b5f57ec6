import { vi } from 'vitest';
import type { MessageThreadProps } from '../../src/components/MessageThread.js';
import type { MessageActions } from '../../src/hooks/use-message-actions.js';
import { alice, paul } from './factories.js';

/** Message actions that only record their calls, for a thread rendered without the view that owns them. */
export function recordingActions(): MessageActions {
  return {
    canWrite: true,
    copy: vi.fn(),
    reply: vi.fn(),
    edit: vi.fn(() => Promise.resolve()),
    confirmDelete: vi.fn(),
    forward: vi.fn(),
    toggleReaction: vi.fn(),
    report: vi.fn(),
    pinnedIds: new Set(),
    setPinned: vi.fn(),
  };
}

/** A thread of Alice's with Paul, nothing loading, every callback recording its calls; `overrides` win. */
export function threadProps(overrides: Partial<MessageThreadProps> = {}): MessageThreadProps {
  return {
    messages: [],
    pending: [],
    meId: alice.userId,
    participants: [alice, paul],
    othersReadSeq: 0,
    hasMoreBefore: false,
    loadingOlder: false,
    onLoadOlder: vi.fn(),
    onRetry: vi.fn(),
    onNewestSeen: vi.fn(),
    actions: recordingActions(),
    revealMessageId: null,
    ...overrides,
  };
}
