/** Entry point of the office workspace (/werkplek/): texts, then the app. Not part of the kiosk's load. */
import { render } from 'preact';
import instrumentJson from '../shared/instruments/pilot-2019.v1.json';
import { parseInstrument } from '../shared/core/instrument.ts';
import { initWorkspaceTexts, restoreWorkspaceLanguage } from './i18n.ts';
import { WorkspaceApp } from './WorkspaceApp.tsx';
import '../shared/fonts/arabic.css';
import '../shared/fonts/ethiopic.css';
import '../shared/ui/tokens.css';
import './workspace.css';

const instrument = parseInstrument(instrumentJson);
await initWorkspaceTexts(instrument);
await restoreWorkspaceLanguage();
const root = document.getElementById('app');
if (root) render(<WorkspaceApp instrument={instrument} />, root);
