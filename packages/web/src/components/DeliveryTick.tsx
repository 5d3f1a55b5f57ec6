/** Where one of the caller's own messages stands. */
export type DeliveryState = 'sending' | 'failed' | 'sent' | 'read';

const LABELS: Record<DeliveryState, string> = { sending: 'Sending', failed: 'Failed', sent: 'Sent', read: 'Read' };
const MARKS: Record<DeliveryState, string> = { sending: '◷', failed: '!', sent: '✓', read: '✓✓' };
const STYLES: Record<DeliveryState, string> = {
  sending: 'text-slate-400',
  failed: 'text-red-600 font-bold',
  sent: 'text-slate-500',
  read: 'text-sky-600',
};

/** The delivery mark of an own message; its accessible name is "Sending", "Failed", "Sent" or "Read". */
export function DeliveryTick({ state }: { state: DeliveryState }) {
  return (
    <span role="img" aria-label={LABELS[state]} title={LABELS[state]} className={`text-xs ${STYLES[state]}`}>
      {MARKS[state]}
    </span>
  );
}
