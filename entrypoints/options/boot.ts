// Evaluated first and alone: the list's first read starts before the page's code is even fetched.
import { startFirstScreen } from '../../lib/store/firstScreen';

startFirstScreen();
void import('./main');
