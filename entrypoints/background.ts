import { registerAutofillHandlers } from '../lib/autofill/background';
import { registerOverlayHandlers } from '../lib/overlay/background';
import { registerFinessHandlers } from '../lib/overlay/finess';
import { registerProcedureHandlers } from '../lib/procedures/background';
import { registerSiteHandlers } from '../lib/overlay/sites';
import { logManagedProblems, watchManagedEstablishments } from '../lib/store/managed';

export default defineBackground(() => {
  watchManagedEstablishments(logManagedProblems);
  registerOverlayHandlers();
  registerAutofillHandlers();
  registerProcedureHandlers();
  registerSiteHandlers();
  registerFinessHandlers();
});
