import { render } from 'preact';
import '../../extension/ui/theme.css';
import './panel.css';
import { App } from './App';
import { uiLanguage } from '../../extension/ui/format';

// The panel speaks the browser's language: say so to screen readers and hyphenation.
document.documentElement.lang = uiLanguage();

render(<App />, document.getElementById('app')!);
