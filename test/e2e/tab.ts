// Loaded in same-origin iframes that stand in for other tabs of the app: each has its
// own module instance of grantkit, as a separate tab would.
import * as grantkit from '../../src/index.js';

(window as unknown as { grantkit: typeof grantkit }).grantkit = grantkit;
window.dispatchEvent(new Event('grantkit-ready'));
