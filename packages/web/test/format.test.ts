import { describe, expect, it } from 'vitest';
import { composerDisabledReason } from '../src/lib/composer-disabled-reason.js';
import { formatPrice } from '../src/lib/format-price.js';
import { formatRelativeTime } from '../src/lib/format-time.js';
import { splitLinks } from '../src/lib/linkify.js';
import { typingText } from '../src/lib/typing-text.js';

describe('formatPrice', () => {
  it('reads minor units with the currency\'s own fraction digits', () => {
    expect(formatPrice(420_000, 'EUR', 'en-US')).toBe('€4,200.00');
    expect(formatPrice(1_650_000, 'USD', 'en-US')).toBe('$16,500.00');
    expect(formatPrice(5000, 'JPY', 'en-US')).toBe('¥5,000');
    expect(formatPrice(1234, 'KWD', 'en-US')).toMatch(/1\.234/);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2026-11-21T12:00:00.000Z');
  it('speaks in minutes, hours and days', () => {
    expect(formatRelativeTime('2026-11-21T11:55:00.000Z', now)).toMatch(/5 min/);
    expect(formatRelativeTime('2026-11-21T09:00:00.000Z', now)).toMatch(/3 hr/);
    expect(formatRelativeTime('2026-11-20T11:00:00.000Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2026-11-21T11:59:50.000Z', now)).toBe('now');
  });
});

describe('splitLinks', () => {
  it('makes http(s) URLs links, leaving punctuation and other schemes as text', () => {
    expect(splitLinks('See https://example.com/a?b=1. Thanks')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. Thanks' },
    ]);
    expect(splitLinks('javascript:alert(1) and ftp://x.example')).toEqual([{ kind: 'text', text: 'javascript:alert(1) and ftp://x.example' }]);
    expect(splitLinks('(https://en.wikipedia.org/wiki/Foo_(bar))')).toContainEqual({
      kind: 'link',
      text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
      href: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    });
  });
});

describe('typingText', () => {
  it('names one or two typists and counts more', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['Paul Okafor'])).toBe('Paul Okafor is typing…');
    expect(typingText(['Paul Okafor', 'Wen Li'])).toBe('Paul Okafor and Wen Li are typing…');
    expect(typingText(['A', 'B', 'C'])).toBe('3 people are typing…');
  });
});

describe('composerDisabledReason', () => {
  it('explains why a conversation does not accept messages', () => {
    expect(composerDisabledReason({ status: 'active' }, { status: 'active' })).toBeNull();
    expect(composerDisabledReason({ status: 'read_only' }, { status: 'completed' })).toBe('This project is completed; the conversation is read-only.');
    expect(composerDisabledReason({ status: 'read_only' }, { status: 'cancelled' })).toBe('This project is cancelled; the conversation is read-only.');
    expect(composerDisabledReason({ status: 'read_only' }, null)).toBe('This conversation is read-only.');
  });
});
