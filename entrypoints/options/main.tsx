import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import '../../extension/ui/theme.css';
import './options.css';
import { App } from './App';

// The page speaks the browser's language; screen readers need to know which.
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('options.heading');
render(<App />, document.getElementById('app')!);
