// First: no zod schema may be built before jitless mode is set (see csp.ts).
import './csp.js';
import './styles.css';
import { App } from './app.js';

new App(document.getElementById('app')!);
