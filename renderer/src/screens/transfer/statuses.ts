import type { OrderStatus } from '../../../../core/shared/vocabulary.js';
import type { MessageKey } from '../../i18n/index.js';

export const statusKey = (s: OrderStatus): MessageKey => `transfer.orderStatus.${s}`;
