import { Link } from 'wouter';

/** Shown for `/c/:id` when the API answers 404: the conversation does not exist or the caller is not in it. */
export function ConversationNotFound() {
  return (
    <div className="m-auto max-w-sm p-6 text-center">
      <h2 className="text-lg font-semibold text-slate-900">Conversation not found</h2>
      <p className="mt-2 text-sm text-slate-600">It does not exist, or you are not one of its participants.</p>
      <Link href="/" className="mt-4 inline-block text-sm text-sky-700 underline">
        Back to conversations
      </Link>
    </div>
  );
}
