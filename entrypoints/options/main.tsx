import { render } from 'preact';
import { i18n } from '#i18n';
import '../../extension/ui/theme.css';
import './options.css';
import { App } from './App';

// The language of the messages shown (not the browser's, which may have no Recoupe translation).
document.documentElement.lang = i18n.t('options.lang');
document.title = i18n.t('options.heading');
render(<App />, document.getElementById('app')!);
