import { registerProcedureHandlers } from '../lib/procedures/background';
import { logManagedProblems, watchManagedEstablishments } from '../lib/profile/managed';

export default defineBackground(() => {
  watchManagedEstablishments(logManagedProblems);
  registerProcedureHandlers();
});
