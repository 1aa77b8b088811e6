/** The screens a client sees after the welcome screen, bundled as one chunk that loads after the first screen. */
export { IdleWarning } from './IdleWarning.tsx';
export { MessageScreen } from './MessageScreen.tsx';
export { SessionFlow } from './SessionFlow.tsx';
