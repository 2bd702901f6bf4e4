// The app loads English's catalogue when English is chosen; pure modules given 'en' in the tests read it.
import { loadEnglish } from '../../src/lib/i18n/english.svelte';

await loadEnglish();
