import { logManagedProblems, watchManagedEstablishments } from '../lib/profile/managed';

export default defineBackground(() => {
  watchManagedEstablishments(logManagedProblems);
});
