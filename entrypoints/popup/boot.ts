// Evaluated first and alone: the popup's first read starts before its code is even fetched.
import { startFirstScreen } from '../../lib/store/firstScreen';

startFirstScreen((settings) => (settings.currentEstablishmentId ? [settings.currentEstablishmentId] : []));
void import('./main');
