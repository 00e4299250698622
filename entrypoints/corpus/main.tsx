import { render } from 'preact';
import '../../extension/ui/theme.css';
import './corpus.css';
import { App } from './App';
import { uiLanguage } from '../../extension/ui/format';

// The language of the messages shown (screen readers pick their voice by it).
document.documentElement.lang = uiLanguage();

render(<App />, document.getElementById('app')!);
