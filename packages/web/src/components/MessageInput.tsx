import { MAX_MESSAGE_LENGTH, type Participant } from '@parley/protocol';
import { useEffect, useId, useLayoutEffect, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { PendingFiles } from '../hooks/use-pending-files.js';
import { codePointLength } from '../lib/code-points.js';
import { useMentionAutocomplete } from '../hooks/use-mention-autocomplete.js';
import { useTypingNotifier } from '../hooks/use-typing-notifier.js';
import { AttachButton } from './AttachButton.js';
import { MentionSuggestions, mentionOptionId } from './MentionSuggestions.js';
import { PendingFilesTray } from './PendingFilesTray.js';
import { QuotedMessage } from './QuotedMessage.js';
import { VoiceNoteButton } from './VoiceNoteButton.js';

/** The character count appears from this many code points on (near the contract's 5000 limit). */
export const COUNTER_THRESHOLD = 4500;

/** The message the next one answers, as the composer quotes it. */
export interface ReplyDraft {
  id: string;
  /** Its sender, as the thread names them. */
  name: string;
  /** Its text, cut as a preview. */
  preview: string;
}

/** What the composer needs. */
export interface MessageInputProps {
  /**
   * Called with the trimmed text (a caption, possibly empty, when files go with it) when the user sends. A promise
   * keeps the text until it resolves: `true` empties the box, `false` (an upload failed) keeps it for a retry.
   */
  onSend: (text: string) => void | Promise<boolean>;
  /** Typing notifications, already throttled: `true` at most every 3 s, `false` on send or when emptied. */
  onTyping?: (isTyping: boolean) => void;
  /** When set, the composer is disabled and shows this reason (e.g. the project is completed). */
  disabledReason?: string | null;
  /** The message being answered, quoted above the textbox (which takes the focus when a reply starts). */
  replyingTo?: ReplyDraft | null;
  /** "Cancel reply" or Escape in the textbox: the next message answers nothing. */
  onCancelReply?: () => void;
  /** Whom `@` followed by letters suggests (the other participants). */
  mentionable?: readonly Participant[];
  /** The files to send with the next message: the paperclip, the voice-note button, pasting and the tray. None without. */
  files?: PendingFiles;
}

const NOBODY: readonly Participant[] = [];

/**
 * The composer: a textarea labelled "Message" (Enter sends, Shift+Enter inserts a line break), a "Send"
 * button, a character counter near the limit of 5000 code points (contract § Conversations and messages), and the
 * quote of the message being answered with a "Cancel reply" button. Typing `@` and letters lists the matching
 * `mentionable` participants (arrow keys and Enter, or a click, insert `@Full Name `; Escape closes the list).
 * With `files`: "Attach files", "Record a voice note", files pasted into the textbox, and the tray of files to send
 * (a message may then have no text).
 */
export function MessageInput(props: MessageInputProps) {
  const { onSend, onTyping, disabledReason = null, replyingTo = null, onCancelReply, mentionable = NOBODY, files } = props;
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const placedCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (placedCaret.current === null) return;
    textarea.current?.setSelectionRange(placedCaret.current, placedCaret.current);
    placedCaret.current = null;
  }, [text]);
  const mentions = useMentionAutocomplete(text, caret, mentionable, (next) => {
    placedCaret.current = next.caret;
    setText(next.text);
    setCaret(next.caret);
  });
  const replyId = replyingTo?.id;
  useEffect(() => {
    if (replyId) textarea.current?.focus();
  }, [replyId]);
  const typing = useTypingNotifier(onTyping);
  const ids = { input: useId(), counter: useId(), reason: useId(), mentions: useId() };
  const suggesting = mentions.options.length > 0;
  const length = codePointLength(text.trim());
  const tooLong = length > MAX_MESSAGE_LENGTH;
  const disabled = disabledReason !== null;
  const [sending, setSending] = useState(false);
  const hasFiles = (files?.files.length ?? 0) > 0;
  const canSend = !disabled && !tooLong && !sending && (hasFiles ? files?.sendable === true : length > 0);

  const send = () => {
    if (!canSend) return;
    const result = onSend(text.trim());
    typing.stop();
    if (!result) {
      setText('');
      return;
    }
    setSending(true);
    void result.then((sent) => {
      setSending(false);
      if (sent) setText('');
    });
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = [...event.clipboardData.files];
    if (!files || disabled || pasted.length === 0) return;
    event.preventDefault();
    files.add(pasted);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mentions.onKeyDown(event)) return;
    if (event.key === 'Escape' && replyingTo) onCancelReply?.();
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  const describedBy = [disabled ? ids.reason : null, length >= COUNTER_THRESHOLD ? ids.counter : null].filter(Boolean).join(' ');
  return (
    <form onSubmit={onSubmit} className="border-t border-slate-200 bg-white px-3 py-2">
      {disabled && (
        <p id={ids.reason} className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {disabledReason}
        </p>
      )}
      {replyingTo && !disabled && (
        <div className="mb-2 flex items-start gap-2 rounded-md bg-slate-50 px-2 py-1.5 text-slate-700">
          <div className="min-w-0 flex-1">
            <p className="text-xs text-slate-500">Replying to</p>
            <QuotedMessage name={replyingTo.name} preview={replyingTo.preview} deleted={false} />
          </div>
          <button type="button" onClick={onCancelReply} className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-200">
            Cancel reply
          </button>
        </div>
      )}
      {files && !disabled && <PendingFilesTray files={files} onRetry={send} />}
      {suggesting && !disabled && <MentionSuggestions id={ids.mentions} options={mentions.options} active={mentions.active} onPick={mentions.pick} />}
      <div className="flex items-end gap-2">
        {files && <AttachButton onFiles={files.add} disabled={disabled || sending} />}
        <label htmlFor={ids.input} className="sr-only">
          Message
        </label>
        <textarea
          ref={textarea}
          id={ids.input}
          value={text}
          rows={1}
          disabled={disabled}
          aria-describedby={describedBy || undefined}
          aria-invalid={tooLong || undefined}
          aria-autocomplete="list"
          aria-controls={suggesting ? ids.mentions : undefined}
          aria-activedescendant={suggesting ? mentionOptionId(ids.mentions, mentions.active) : undefined}
          placeholder={disabled ? '' : 'Write a message…'}
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
            typing.textChanged(event.target.value);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          className="max-h-40 min-h-10 flex-1 resize-none rounded-lg border border-slate-300 px-3 py-2 text-sm [field-sizing:content] focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200 disabled:bg-slate-100"
        />
        {files && <VoiceNoteButton onRecorded={(file) => files.add([file])} disabled={disabled || sending} />}
        <button
          type="submit"
          disabled={!canSend}
          className="rounded-lg bg-sky-600 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-300 disabled:bg-slate-300"
        >
          Send
        </button>
      </div>
      {length >= COUNTER_THRESHOLD && (
        <p id={ids.counter} aria-live="polite" className={`mt-1 text-right text-xs ${tooLong ? 'font-semibold text-red-700' : 'text-slate-500'}`}>
          {tooLong
            ? `${length - MAX_MESSAGE_LENGTH} ${length - MAX_MESSAGE_LENGTH === 1 ? 'character' : 'characters'} over the limit of ${MAX_MESSAGE_LENGTH}`
            : `${length} / ${MAX_MESSAGE_LENGTH} characters`}
        </p>
      )}
    </form>
  );
}
