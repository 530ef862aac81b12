import type { DueRules } from '../api/writer.js';
import { RULES } from '../domain/deadlines.js';
import { decideAutomatic } from '../domain/orders.js';
import { anyDue, dueOrders, updateOrder } from '../store/orders-repo.js';

/**
 * The platform's automatic rules that came due while we were offline (unpaid 48 h, unanswered
 * cancellation 48 h), applied provisionally: the platform's next data replaces them. Run by the
 * writer only (before each write, before reads of orders, and once a minute), never by hand.
 */
export const dueRules: DueRules = {
  anyDue: (db, now) => anyDue(db, now, now - RULES.answerCancellation),
  apply(db, now) {
    const changed: string[] = [];
    for (const order of dueOrders(db, now, now - RULES.answerCancellation)) {
      const next = decideAutomatic(order, now);
      if (!next) continue;
      updateOrder(db, order, next, now);
      changed.push(order.id);
    }
    return changed;
  },
};
