// axe-core on every page in en-US, light colours (see a11y.mjs).
import { checkEveryPage } from './a11y.mjs';

checkEveryPage('en-US', 'light');
