import { typingText } from '../lib/typing-text.js';

/** "Paul Okafor is typing…" under the thread; a polite live region, empty when nobody types. */
export function TypingIndicator({ names }: { names: readonly string[] }) {
  return (
    <div aria-live="polite" className="h-5 px-4 text-xs italic text-slate-500">
      {typingText(names)}
    </div>
  );
}
