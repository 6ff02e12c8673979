/** A throw-away worker: loads ICU's locale data for the whole renderer process, then ends (warmLocaleData.ts). */
import { warmLocaleData } from './warmLocaleData';

warmLocaleData();
self.close();
