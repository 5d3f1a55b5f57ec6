/** A line between days in the thread; its accessible name is the label ("Today", "Yesterday", or a date). */
export function DaySeparator({ label }: { label: string }) {
  return (
    <div role="separator" aria-label={label} className="my-3 flex items-center gap-3 text-xs font-medium text-slate-500">
      <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
      <span aria-hidden="true">{label}</span>
      <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
    </div>
  );
}
