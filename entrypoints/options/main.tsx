import { render } from 'preact';
import { i18n } from '#i18n';
import '../../extension/ui/theme.css';
import './options.css';
import { App } from './App';
import { uiLanguage } from '../../extension/ui/format';

// The language of the messages shown (screen readers pick their voice by it).
document.documentElement.lang = uiLanguage();
document.title = i18n.t('options.heading');
render(<App />, document.getElementById('app')!);
