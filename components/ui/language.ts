import { contentLanguage } from '../../lib/i18n/t';
import type { Text } from '../../lib/portals/schema';

export { contentLanguage };

export const local = (text: Text): string => text[contentLanguage()];
