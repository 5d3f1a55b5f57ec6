/** The thread pane when no conversation is open (wide screens). */
export function EmptyThread() {
  return (
    <div className="m-auto p-6 text-center text-sm text-slate-500">
      <p>Select a conversation to read and reply.</p>
    </div>
  );
}
