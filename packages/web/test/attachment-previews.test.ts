import type { Conversation } from '@parley/protocol';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyNewMessage } from '../src/api/conversation-cache.js';
import { queryKeys } from '../src/api/query-keys.js';
import { attachmentSummary } from '../src/lib/attachment-summary.js';
import { fileRefusal } from '../src/lib/attachment-rules.js';
import { messagePreview } from '../src/lib/message-preview.js';
import { alice, makeAttachment, makeConversation, makeMessage } from './support/factories.js';

const image = (id: string) => makeAttachment({ id });
const file = (id: string, name: string) => makeAttachment({ id, kind: 'file', name, mime: 'application/pdf' });

describe('previews of messages with attachments', () => {
  it('names the attachments of a message without text', () => {
    expect(attachmentSummary([image('a')])).toBe('📷 Photo');
    expect(attachmentSummary([image('a'), image('b'), image('c')])).toBe('📷 3 photos');
    expect(attachmentSummary([makeAttachment({ id: 'v', kind: 'video' })])).toBe('🎥 Video');
    expect(attachmentSummary([makeAttachment({ id: 'n', kind: 'audio', name: 'voice-note-2026-11-21T08-00-00.webm' })])).toBe('🎤 Voice note');
    expect(attachmentSummary([makeAttachment({ id: 's', kind: 'audio', name: 'song.mp3' })])).toBe('🎤 Audio');
    expect(attachmentSummary([file('f', 'contract.pdf')])).toBe('📎 contract.pdf');
    expect(attachmentSummary([file('f', 'contract.pdf'), image('a')])).toBe('📎 2 files');
    expect(messagePreview({ text: 'Caption wins', attachments: [image('a')] })).toBe('Caption wins');
  });

  it('previews a new message in the inbox as the server does: its caption, or the label of its type', () => {
    const queryClient = new QueryClient();
    const preview = () => queryClient.getQueryData<Conversation>(queryKeys.conversation('conv-checkout'))?.lastMessage?.preview;
    queryClient.setQueryData(queryKeys.conversation('conv-checkout'), makeConversation());
    applyNewMessage(queryClient, makeMessage({ seq: 5, type: 'file', text: '', attachments: [file('f', 'a.pdf'), file('g', 'b.pdf')] }), alice.userId);
    expect(preview()).toBe('📎 File');
    applyNewMessage(queryClient, makeMessage({ seq: 6, type: 'image', text: '', attachments: [image('a')] }), alice.userId);
    expect(preview()).toBe('📷 Photo');
    applyNewMessage(queryClient, makeMessage({ seq: 7, type: 'image', text: 'From the site', attachments: [image('b')] }), alice.userId);
    expect(preview()).toBe('From the site');
  });
});

describe('the client-side check of files', () => {
  it('allows the listed types by extension (or MIME type without one) up to 10 MB', () => {
    expect(fileRefusal({ name: 'photo.JPG', type: 'image/jpeg', size: 10 * 1024 * 1024 })).toBeNull();
    expect(fileRefusal({ name: 'photo.jpg', type: 'image/jpeg', size: 10 * 1024 * 1024 + 1 })).toBe('Too large (max 10 MB)');
    expect(fileRefusal({ name: 'image', type: 'image/png', size: 10 })).toBeNull();
    expect(fileRefusal({ name: 'voice-note.webm', type: 'audio/webm;codecs=opus', size: 10 })).toBeNull();
    expect(fileRefusal({ name: 'setup.exe', type: 'application/x-msdownload', size: 10 })).toBe("This type of file can't be sent");
    expect(fileRefusal({ name: 'page.html', type: 'text/html', size: 10 })).toBe("This type of file can't be sent");
    expect(fileRefusal({ name: 'blob', type: '', size: 10 })).toBe("This type of file can't be sent");
  });
});
