import type { Kysely } from 'kysely';
import type { CreateReportBody, Report, ReportListQuery, ReportPage, ResolveReportBody, User } from '@parley/protocol';
import { isUniqueViolation } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { conflict, notFound } from '../../errors.js';
import { newId, nowIso } from '../../ids.js';
import { newestFirstPage } from '../../pagination.js';
import { requireAdmin } from '../admin/admin.access.js';
import type { AdminService } from '../admin/admin.service.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { MessageActionsService } from '../messages/message-actions.service.js';
import { requireVisibleMessage } from '../messages/message-actions.service.js';
import { previewText } from '../messages/messages.presenter.js';
import { presentReport } from './reports.presenter.js';
import { closeReport, findReport, insertReport, listReports, type ReportRow } from './reports.repository.js';

/** Reports of messages and their review by admins (issue 5, "Reports"). */
export class ReportsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actions: Pick<MessageActionsService, 'remove'>,
    private readonly admin: Pick<AdminService, 'setStatus'>,
  ) {}

  /**
   * A participant reports a message, once per message (`409 ALREADY_REPORTED` the second time). The report keeps
   * the text as it was, for review. Throws `NOT_FOUND` (not a participant of the message's conversation).
   */
  async create(actor: User, messageId: string, body: CreateReportBody): Promise<Report> {
    const message = await requireVisibleMessage(this.db, actor, messageId);
    const row: ReportRow = {
      id: newId(),
      message_id: message.id,
      conversation_id: message.conversation_id,
      reporter_id: actor.id,
      reason: body.reason,
      note: body.note ? body.note : null,
      status: 'open',
      action: null,
      message_preview: previewText(message.text),
      message_sender_id: message.sender_id,
      created_at: nowIso(),
      resolved_at: null,
      resolved_by: null,
    };
    try {
      await insertReport(this.db, row);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('ALREADY_REPORTED', 'You already reported this message');
      throw error;
    }
    return presentReport(row);
  }

  /** The report queue for admins, newest first, optionally by status. */
  async list(actor: User, query: ReportListQuery): Promise<ReportPage> {
    requireAdmin(actor);
    const rows = await listReports(this.db, { status: query.status, cursor: query.cursor, limit: query.limit + 1 });
    return newestFirstPage(rows, query.limit, presentReport);
  }

  /**
   * An admin dismisses an open report or acts on it: `delete_message` soft-deletes the message (as
   * `DELETE /api/messages/:id` by an admin), `lock_conversation` locks its conversation (as the admin status
   * route). The decision is audited. Throws `FORBIDDEN`, `NOT_FOUND` and `REPORT_ALREADY_RESOLVED`.
   */
  async resolve(actor: User, reportId: string, body: ResolveReportBody): Promise<Report> {
    requireAdmin(actor);
    const report = await findReport(this.db, reportId);
    if (!report) throw notFound('report', reportId);
    if (report.status !== 'open') throw conflict('REPORT_ALREADY_RESOLVED', `This report was already ${report.status}`);
    if (body.action === 'delete_message') await this.actions.remove(actor, report.message_id);
    if (body.action === 'lock_conversation') await this.admin.setStatus(actor, report.conversation_id, { status: 'locked' });
    const at = nowIso();
    const resolved = await this.db.transaction().execute(async (trx) => {
      const closed = await closeReport(trx, reportId, { status: body.status, action: body.action ?? null, resolved_at: at, resolved_by: actor.id });
      if (!closed) throw conflict('REPORT_ALREADY_RESOLVED', 'This report was resolved meanwhile');
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'report.resolved',
        conversationId: report.conversation_id,
        messageId: report.message_id,
        details: { reportId, status: body.status, action: body.action ?? null, reason: report.reason },
        at,
      });
      return { ...report, status: body.status, action: body.action ?? null, resolved_at: at, resolved_by: actor.id };
    });
    return presentReport(resolved);
  }
}
