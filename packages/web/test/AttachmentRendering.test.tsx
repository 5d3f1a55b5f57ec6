import type { Attachment, Message } from '@parley/protocol';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MessageThread } from '../src/components/MessageThread.js';
import { formatBytes, formatDuration } from '../src/lib/format-media.js';
import { createFakeApi, type FakeApi } from './support/fake-api.js';
import { makeAttachment, makeMessage } from './support/factories.js';
import { renderWithApi } from './support/render.js';
import { threadProps } from './support/thread-props.js';

function renderThread(messages: Message[], fake: FakeApi = createFakeApi()): FakeApi {
  renderWithApi(<MessageThread {...threadProps({ messages })} />, fake.api);
  return fake;
}

/** An attachment `id` (an 800×600 PNG unless `overrides` say otherwise). */
const photo = (id: string, overrides: Partial<Attachment> = {}) => makeAttachment({ id, ...overrides });

describe('attachments in the thread', () => {
  it('shows one image large in its aspect ratio and several in a grid, each with its thumbnail, and the caption below', () => {
    renderThread([
      makeMessage({ seq: 1, type: 'image', text: 'The mock-up', attachments: [photo('one', { width: 800, height: 600 })] }),
      makeMessage({ seq: 2, type: 'image', text: '', attachments: [photo('a'), photo('b'), photo('c')] }),
    ]);
    const single = screen.getByRole('button', { name: 'Open one.png' });
    expect(single).toHaveStyle({ aspectRatio: '800 / 600' });
    expect(within(single).getByRole('img', { name: 'one.png' })).toHaveAttribute('src', '/api/attachments/one/thumbnail?expires=1900000000&sig=abc');
    // The caption comes after the image.
    expect(single.compareDocumentPosition(screen.getByText('The mock-up')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const grid = screen.getByRole('button', { name: 'Open a.png' }).parentElement;
    expect(grid).toHaveClass('grid');
    expect(within(grid as HTMLElement).getAllByRole('button')).toHaveLength(3);
  });

  it('falls back to the full image without a thumbnail', () => {
    renderThread([makeMessage({ seq: 1, type: 'image', text: '', attachments: [photo('gif', { name: 'loop.gif', thumbnailUrl: undefined })] })]);
    expect(screen.getByRole('img', { name: 'loop.gif' })).toHaveAttribute('src', '/api/attachments/gif?expires=1900000000&sig=abc');
  });

  it('opens the lightbox on the clicked image, pages with the buttons and arrow keys, downloads with download=1, and closes with Escape', async () => {
    const user = userEvent.setup();
    renderThread([makeMessage({ seq: 1, type: 'image', text: '', attachments: [photo('a'), photo('b')] })]);
    const opener = screen.getByRole('button', { name: 'Open b.png' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: /b\.png/ });
    expect(within(dialog).getByRole('img', { name: 'b.png' })).toHaveAttribute('src', '/api/attachments/b?expires=1900000000&sig=abc');
    expect(within(dialog).getByRole('link', { name: 'Download' })).toHaveAttribute('href', '/api/attachments/b?expires=1900000000&sig=abc&download=1');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(dialog).toHaveTextContent('2 of 2');
    // Tab stays inside: Shift+Tab from the first control goes round to the last.
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('link', { name: 'Download' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Next image' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Next image' }));
    expect(screen.getByRole('dialog', { name: /a\.png/ })).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('dialog', { name: /b\.png/ })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: /a\.png/ })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('closes the lightbox with "Close"', async () => {
    const user = userEvent.setup();
    renderThread([makeMessage({ seq: 1, type: 'image', text: '', attachments: [photo('only')] })]);
    await user.click(screen.getByRole('button', { name: 'Open only.png' }));
    expect(screen.queryByRole('button', { name: 'Next image' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('plays videos with their poster and audio with its duration; a voice note says so', () => {
    renderThread([
      makeMessage({
        seq: 1,
        type: 'video',
        text: '',
        attachments: [photo('clip', { kind: 'video', name: 'walkthrough.mp4', mime: 'video/mp4', width: 1280, height: 720, durationMs: 12_000 })],
      }),
      makeMessage({
        seq: 2,
        type: 'audio',
        text: '',
        attachments: [photo('voice', { kind: 'audio', name: 'voice-note-2026-11-21T08-00-00.webm', mime: 'audio/webm', width: undefined, height: undefined, thumbnailUrl: undefined, durationMs: 7_400 })],
      }),
    ]);
    const video = screen.getByLabelText('walkthrough.mp4');
    expect(video.tagName).toBe('VIDEO');
    expect(video).toHaveAttribute('controls');
    expect(video).toHaveAttribute('preload', 'metadata');
    expect(video).toHaveAttribute('poster', '/api/attachments/clip/thumbnail?expires=1900000000&sig=abc');
    const audio = screen.getByLabelText('voice-note-2026-11-21T08-00-00.webm');
    expect(audio.tagName).toBe('AUDIO');
    expect(audio).toHaveAttribute('src', '/api/attachments/voice?expires=1900000000&sig=abc');
    expect(screen.getByText('🎤 Voice note')).toBeInTheDocument();
    expect(screen.getByText('0:07')).toBeInTheDocument();
  });

  it('shows other files as cards with an icon, the name, a human size and a Download link', () => {
    renderThread([
      makeMessage({
        seq: 1,
        type: 'file',
        text: 'Contract attached',
        attachments: [
          photo('pdf', { kind: 'file', name: 'contract.pdf', mime: 'application/pdf', size: 2_516_582, width: undefined, height: undefined, thumbnailUrl: undefined }),
          photo('csv', { kind: 'file', name: 'budget.csv', mime: 'text/csv', size: 900, width: undefined, height: undefined, thumbnailUrl: undefined }),
        ],
      }),
    ]);
    const card = screen.getByRole('group', { name: 'contract.pdf' });
    expect(card).toHaveTextContent('📄');
    expect(card).toHaveTextContent('2.4 MB');
    expect(within(card).getByRole('link', { name: 'Download contract.pdf' })).toHaveAttribute('href', '/api/attachments/pdf?expires=1900000000&sig=abc&download=1');
    expect(screen.getByRole('group', { name: 'budget.csv' })).toHaveTextContent('900 B');
    expect(screen.getByText('Contract attached')).toBeInTheDocument();
  });

  it('renews the URLs once through attachments.meta when an image fails to load', async () => {
    const fake = createFakeApi();
    fake.attachmentsMeta.mockResolvedValue(photo('old', { thumbnailUrl: '/api/attachments/old/thumbnail?expires=1900000900&sig=new' }));
    renderThread([makeMessage({ seq: 1, type: 'image', text: '', attachments: [photo('old')] })], fake);
    const image = screen.getByRole('img', { name: 'old.png' });
    act(() => {
      fireEvent.error(image);
    });
    await waitFor(() => expect(screen.getByRole('img', { name: 'old.png' })).toHaveAttribute('src', '/api/attachments/old/thumbnail?expires=1900000900&sig=new'));
    act(() => {
      fireEvent.error(screen.getByRole('img', { name: 'old.png' }));
    });
    expect(fake.attachmentsMeta).toHaveBeenCalledExactlyOnceWith('old');
  });

  it('quotes a reply to files without text as "📎 Attachment"', () => {
    renderThread([
      makeMessage({ seq: 2, text: 'Nice shot', replyToId: 'msg-1', replyTo: { id: 'msg-1', senderId: 'client-alice', preview: '', deleted: false } }),
    ]);
    expect(screen.getByRole('blockquote')).toHaveTextContent('📎 Attachment');
  });
});

describe('media formatting', () => {
  it('formats sizes in B, KB and MB and durations as a clock', () => {
    expect([0, 1023, 1024, 1536, 250_000, 10 * 1024 * 1024, 2_516_582].map(formatBytes)).toEqual(['0 B', '1023 B', '1 KB', '1.5 KB', '244 KB', '10 MB', '2.4 MB']);
    expect([0, 7_400, 65_000, 3_723_000].map(formatDuration)).toEqual(['0:00', '0:07', '1:05', '1:02:03']);
  });
});
