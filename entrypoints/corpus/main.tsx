import { render } from 'preact';
import '../../extension/ui/theme.css';
import './corpus.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
