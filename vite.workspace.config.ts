// Build of the office workspace (/werkplek/), separate from the kiosk's so that the kiosk's chunks and first load stay
// byte for byte what they were (a shared multi-page build would split preact and i18next out of the kiosk's entry).
// Runs after the kiosk build into dist/werkplek/; the service worker never precaches it.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  root: 'src/office',
  base: '/werkplek/',
  publicDir: false,
  plugins: [preact()],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: '../../dist/werkplek',
    emptyOutDir: false,
    assetsDir: 'assets',
    manifest: true,
  },
});
