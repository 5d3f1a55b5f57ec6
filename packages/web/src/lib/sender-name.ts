import type { Participant } from '@parley/protocol';

/** How the thread names a message's sender: "You", a participant's name, "Parley" for the server, or "Former participant". */
export function senderName(senderId: string | null, participants: readonly Participant[], meId: string): string {
  if (senderId === null) return 'Parley';
  if (senderId === meId) return 'You';
  return participants.find((participant) => participant.userId === senderId)?.name ?? 'Former participant';
}
