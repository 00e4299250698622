/** Where `npm run build` put the packages: `.output/`, or `$RECOUPE_OUT_DIR` (see wxt.config.ts). */
import { resolve } from 'node:path';

export const BUILD_DIR = resolve(process.env.RECOUPE_OUT_DIR ?? '.output');

/** The unpacked package of one target: `chrome-mv3` or `firefox-mv3`. */
export const buildOf = (target: 'chrome-mv3' | 'firefox-mv3'): string => resolve(BUILD_DIR, target);
