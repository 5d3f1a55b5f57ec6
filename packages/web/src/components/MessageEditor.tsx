import { MAX_MESSAGE_LENGTH } from '@parley/protocol';
import { useId, useState, type KeyboardEvent } from 'react';
import { useRefusableAction } from '../hooks/use-refusable-action.js';
import { codePointLength } from '../lib/code-points.js';

/** What the inline editor needs. */
export interface MessageEditorProps {
  /** The message's current text. */
  text: string;
  /** Stores the new (trimmed) text; rejects with the server's refusal, e.g. `EDIT_WINDOW_EXPIRED`. */
  onSave: (text: string) => Promise<void>;
  /** Leaves the editor (after a save, or on Cancel). */
  onClose: () => void;
}

/**
 * Edits a message in place: a textarea labelled "Edit message" (Enter saves, Shift+Enter breaks the line, Escape
 * cancels), "Save" and "Cancel". The text follows the send rules (trimmed, 1 to 5000 code points); the same text
 * again just closes. A refusal stays on screen as an alert, e.g. "This message can no longer be edited."
 */
export function MessageEditor({ text: initialText, onSave, onClose }: MessageEditorProps) {
  const [text, setText] = useState(initialText);
  const action = useRefusableAction();
  const saving = action.running;
  const inputId = useId();
  const trimmed = text.trim();
  const length = codePointLength(trimmed);
  const canSave = !saving && length > 0 && length <= MAX_MESSAGE_LENGTH;

  const save = () => {
    if (!canSave) return;
    if (trimmed === initialText) return onClose();
    action.run(() => onSave(trimmed), onClose);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  return (
    <div className="flex w-72 max-w-full flex-col gap-1.5">
      <label htmlFor={inputId} className="sr-only">
        Edit message
      </label>
      <textarea
        id={inputId}
        value={text}
        autoFocus
        rows={2}
        disabled={saving}
        aria-invalid={length > MAX_MESSAGE_LENGTH || undefined}
        onChange={(event) => setText(event.target.value)}
        onFocus={(event) => event.target.setSelectionRange(event.target.value.length, event.target.value.length)}
        onKeyDown={onKeyDown}
        className="max-h-60 min-h-12 resize-none rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 [field-sizing:content] focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200"
      />
      {action.error && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-xs text-red-800">
          {action.error}
        </p>
      )}
      <div className="flex justify-end gap-2 text-xs">
        <button type="button" onClick={onClose} className="rounded px-2 py-1 font-medium underline-offset-2 hover:underline">
          Cancel
        </button>
        <button type="button" onClick={save} disabled={!canSave} className="rounded bg-white px-2 py-1 font-semibold text-sky-800 ring-1 ring-slate-300 disabled:opacity-50">
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </div>
  );
}
