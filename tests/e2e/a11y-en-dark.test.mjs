// axe-core on every page in en-US, dark colours (see a11y.mjs).
import { checkEveryPage } from './a11y.mjs';

checkEveryPage('en-US', 'dark');
