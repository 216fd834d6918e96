// axe-core on every page in zh-CN, dark colours (see a11y.mjs).
import { checkEveryPage } from './a11y.mjs';

checkEveryPage('zh-CN', 'dark');
