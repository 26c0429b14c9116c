/** The status's words, apart from choices.ts: the options list draws them without the profile's schema (zod) loaded. */
import type { MessageKey } from '../../lib/i18n/catalog';
import { t } from '../../lib/i18n/t';
import type { statuses } from '../../lib/profile/schema';

export const statusLabels: Record<(typeof statuses)[number], MessageKey> = { public: 'statusPublic', private: 'statusPrivate' };

export const statusLabel = (status: (typeof statuses)[number]) => t(statusLabels[status]);
