import type { Attachment, Message } from '@parley/protocol';
import { ParleyError, type UploadProgress } from '@parley/sdk';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationView } from '../src/components/ConversationView.js';
import { MAX_FILE_BYTES } from '../src/lib/attachment-rules.js';
import type { FakeApi } from './support/fake-api.js';
import { alice, makeAttachment, makeMessage } from './support/factories.js';
import { fakeApiWithConversation } from './support/open-conversation.js';
import { renderWithApi } from './support/render.js';

/** A file of `size` bytes (its size faked, so no megabytes are allocated). */
function fileOf(name: string, type: string, size = 1200): File {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

async function openView(fake: FakeApi) {
  const view = renderWithApi(<ConversationView conversationId="conv-checkout" meId={alice.userId} focusMessageId={null} />, fake.api, {
    meId: alice.userId,
    path: '/c/conv-checkout',
  });
  await screen.findByText('Message 1');
  const input = view.container.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  // The picker's `accept` lists the allowed types; a user can still pick "All files", so the test does not apply it.
  return { input, user: userEvent.setup({ applyAccept: false }) };
}

function tray(): HTMLElement {
  return screen.getByRole('list', { name: 'Files to send' });
}

function stored(attachment: Attachment, clientId: string, text = ''): Message {
  return makeMessage({ seq: 2, senderId: alice.userId, type: attachment.kind, text, clientId, attachments: [attachment] });
}

describe('attaching files in the composer', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = fakeApiWithConversation([makeMessage({ seq: 1 })]);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lists picked files with name and size, refuses too large and unsupported ones on the client, and removes them', async () => {
    const { input, user } = await openView(fake);
    await user.upload(input, [fileOf('brief.pdf', 'application/pdf', 250_000), fileOf('huge.mp4', 'video/mp4', MAX_FILE_BYTES + 1), fileOf('setup.exe', 'application/x-msdownload')]);

    const items = within(tray()).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('brief.pdf244 KB');
    expect(within(items[0] as HTMLElement).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(items[1] as HTMLElement).getByRole('alert')).toHaveTextContent('Too large (max 10 MB)');
    expect(within(items[2] as HTMLElement).getByRole('alert')).toHaveTextContent("This type of file can't be sent");
    // Nothing goes while a refused file is in the tray.
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Remove huge.mp4' }));
    await user.click(screen.getByRole('button', { name: 'Remove setup.exe' }));
    expect(within(tray()).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
    expect(fake.attachmentsUpload).not.toHaveBeenCalled();
  });

  it('takes at most 5 files and says how many were left out', async () => {
    const { input, user } = await openView(fake);
    await user.upload(input, [1, 2, 3, 4].map((n) => fileOf(`page-${n}.png`, 'image/png')));
    await user.upload(input, [5, 6, 7].map((n) => fileOf(`page-${n}.png`, 'image/png')));
    expect(within(tray()).getAllByRole('listitem')).toHaveLength(5);
    expect(screen.getByText('At most 5 files per message: 2 files were left out.')).toBeInTheDocument();
  });

  it('previews images with an object URL, revoked when removed', async () => {
    // jsdom's File is no Blob to Node's URL.createObjectURL: the test answers for it.
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:preview-1');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const { input, user } = await openView(fake);
    await user.upload(input, fileOf('sketch.png', 'image/png'));
    expect(tray().querySelector('img')).toHaveAttribute('src', 'blob:preview-1');
    await user.click(screen.getByRole('button', { name: 'Remove sketch.png' }));
    expect(revoke).toHaveBeenCalledWith('blob:preview-1');
  });

  it('takes pasted and dropped files', async () => {
    await openView(fake);
    fireEvent.paste(screen.getByRole('textbox', { name: 'Message' }), { clipboardData: { files: [fileOf('image.png', 'image/png')], types: ['Files'] } });
    const log = screen.getByRole('log', { name: 'Messages' });
    fireEvent.dragEnter(log, { dataTransfer: { files: [], types: ['Files'] } });
    expect(screen.getByText('Drop files to attach')).toBeInTheDocument();
    fireEvent.drop(log, { dataTransfer: { files: [fileOf('notes.txt', 'text/plain')], types: ['Files'] } });
    expect(screen.queryByText('Drop files to attach')).not.toBeInTheDocument();
    expect(within(tray()).getAllByRole('listitem').map((item) => item.textContent)).toEqual([expect.stringContaining('image.png'), expect.stringContaining('notes.txt')]);
  });

  it('uploads the files with a progress bar, then sends the message with their attachmentIds and the text as caption', async () => {
    const attachment = makeAttachment({ id: 'att-1', name: 'sketch.png' });
    let report: ((progress: UploadProgress) => void) | undefined;
    let finish: (value: Attachment[]) => void = () => undefined;
    fake.attachmentsUpload.mockImplementation((_conversationId, _files, options) => {
      report = options?.onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    fake.liveSend.mockImplementation((_id, body) => Promise.resolve(stored(attachment, body.clientId ?? '', body.text)));
    const { input, user } = await openView(fake);

    await user.upload(input, fileOf('sketch.png', 'image/png'));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'First draft{Enter}');
    expect(fake.attachmentsUpload).toHaveBeenCalledWith('conv-checkout', [expect.objectContaining({ name: 'sketch.png' })], expect.anything());
    act(() => report?.({ loaded: 600, total: 1200 }));
    expect(screen.getByRole('progressbar', { name: 'Uploading sketch.png' })).toHaveAttribute('aria-valuenow', '50');
    expect(fake.liveSend).not.toHaveBeenCalled();

    // A file dropped while the others upload waits for the next message.
    fireEvent.drop(screen.getByRole('log', { name: 'Messages' }), { dataTransfer: { files: [fileOf('later.txt', 'text/plain')], types: ['Files'] } });

    await act(async () => finish([attachment]));
    await waitFor(() => expect(fake.liveSend).toHaveBeenCalledOnce());
    expect(fake.liveSend.mock.calls[0]?.[1]).toMatchObject({ text: 'First draft', attachmentIds: ['att-1'] });
    expect(await screen.findByRole('button', { name: 'Open sketch.png' })).toBeInTheDocument();
    expect(within(tray()).getAllByRole('listitem').map((item) => item.textContent)).toEqual([expect.stringContaining('later.txt')]);
    expect(fake.attachmentsUpload).toHaveBeenCalledOnce();
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  });

  it('sends files without a caption', async () => {
    const attachment = makeAttachment({ id: 'att-2', kind: 'file', name: 'brief.pdf', mime: 'application/pdf' });
    fake.attachmentsUpload.mockResolvedValue([attachment]);
    fake.liveSend.mockImplementation((_id, body) => Promise.resolve(stored(attachment, body.clientId ?? '')));
    const { input, user } = await openView(fake);
    await user.upload(input, fileOf('brief.pdf', 'application/pdf'));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(fake.liveSend).toHaveBeenCalledOnce());
    expect(fake.liveSend.mock.calls[0]?.[1]).not.toHaveProperty('text');
    expect(fake.liveSend.mock.calls[0]?.[1]).toMatchObject({ attachmentIds: ['att-2'] });
  });

  it("shows the server's refusal on the file, sends nothing and keeps the text", async () => {
    fake.attachmentsUpload.mockRejectedValue(new ParleyError('UNSUPPORTED_MEDIA_TYPE', 'not an allowed type', 415));
    const { input, user } = await openView(fake);
    await user.upload(input, fileOf('fake.png', 'image/png'));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Look{Enter}');
    expect(await within(tray()).findByRole('alert')).toHaveTextContent("This type of file can't be sent");
    expect(within(tray()).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(fake.liveSend).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('Look');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('retries a failed upload without uploading the files already stored', async () => {
    const first = makeAttachment({ id: 'att-a', name: 'a.png' });
    const second = makeAttachment({ id: 'att-b', name: 'b.png' });
    fake.attachmentsUpload
      .mockResolvedValueOnce([first])
      .mockRejectedValueOnce(new ParleyError('NETWORK_ERROR', 'offline', 0))
      .mockResolvedValueOnce([second]);
    fake.liveSend.mockImplementation((_id, body) => Promise.resolve(stored(first, body.clientId ?? '')));
    const { input, user } = await openView(fake);
    await user.upload(input, [fileOf('a.png', 'image/png'), fileOf('b.png', 'image/png')]);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await within(tray()).findByRole('alert')).toHaveTextContent('Upload failed: Parley could not be reached.');
    expect(fake.liveSend).not.toHaveBeenCalled();

    await user.click(within(tray()).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.liveSend).toHaveBeenCalledOnce());
    expect(fake.attachmentsUpload).toHaveBeenCalledTimes(3);
    expect(fake.liveSend.mock.calls[0]?.[1]).toMatchObject({ attachmentIds: ['att-a', 'att-b'] });
  });
});

/** A stand-in for the browser's MediaRecorder: records one chunk of "audio". */
class FakeRecorder {
  static isTypeSupported = (type: string) => type === 'audio/webm;codecs=opus';
  mimeType: string;
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  constructor(
    readonly stream: { getTracks: () => { stop: () => void }[] },
    options: { mimeType?: string },
  ) {
    this.mimeType = options.mimeType ?? '';
  }
  start() {}
  stop() {
    this.ondataavailable?.({ data: new Blob(['opus'], { type: 'audio/webm' }) });
    this.onstop?.();
  }
}

describe('voice notes', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('has no microphone button where MediaRecorder is missing', async () => {
    await openView(fakeApiWithConversation([makeMessage({ seq: 1 })]));
    expect(screen.queryByRole('button', { name: 'Record a voice note' })).not.toBeInTheDocument();
  });

  it('records with MediaRecorder (Opus in WebM), shows the time, and adds voice-note-<time>.webm to the tray on stop', async () => {
    const stopTrack = vi.fn();
    vi.stubGlobal('MediaRecorder', FakeRecorder);
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { mediaDevices: { getUserMedia: vi.fn(() => Promise.resolve({ getTracks: () => [{ stop: stopTrack }] })) } }));
    const { user } = await openView(fakeApiWithConversation([makeMessage({ seq: 1 })]));

    await user.click(screen.getByRole('button', { name: 'Record a voice note' }));
    expect(await screen.findByRole('timer', { name: 'Recording time' })).toHaveTextContent('0:00');
    await user.click(screen.getByRole('button', { name: 'Stop recording' }));
    expect(stopTrack).toHaveBeenCalled();
    expect(within(tray()).getByRole('listitem')).toHaveTextContent(/voice-note-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.webm/);
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });
});
