// Evaluated first and alone: the list's first read starts before the page's code is even fetched.
import { firstPageOf, startFirstScreen } from '../../lib/store/firstScreen';

startFirstScreen((labels) => firstPageOf(labels).map((e) => e.id));
void import('./main');
