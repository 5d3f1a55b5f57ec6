import type { Logger } from 'pino';
import { MarkReadPayloadSchema } from '@parley/protocol';
import { handler } from '../../realtime/ack.js';
import type { ParleySocket } from '../../realtime/types.js';
import type { ReceiptsService } from './receipts.service.js';

/** `conversation:markRead`: same as `POST /api/conversations/:id/read`; ack data is `{lastReadSeq, unreadCount}`. */
export function registerReceiptSocket(socket: ParleySocket, receipts: ReceiptsService, log: Logger): void {
  socket.on(
    'conversation:markRead',
    handler(MarkReadPayloadSchema, log, ({ conversationId, seq }) => receipts.markRead(socket.data.user, conversationId, seq)),
  );
}
