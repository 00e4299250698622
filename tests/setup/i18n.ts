/** Every Node test starts with the fake browser speaking English (see tests/support/browser-messages.ts). */
import { beforeEach } from 'vitest';
import { installMessages } from '../support/browser-messages';

installMessages('en');
beforeEach(() => installMessages('en'));
