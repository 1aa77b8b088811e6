// Build: preact, the PWA service worker (src/tablet/pwa/worker/sw.ts: precaches kiosk and staff chunk for offline use),
// and a kiosk-first split.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { audioPacks } from './scripts/audio/vitePlugin.ts';

// Tablets report the version they run (src/tablet/sync/statusReport.ts).
const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string })
  .version;

export default defineConfig({
  root: 'src/tablet',
  define: { __APP_VERSION__: JSON.stringify(packageVersion) },
  publicDir: '../../public',
  plugins: [
    preact(),
    audioPacks(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'Slimme Intake',
        short_name: 'Intake',
        description: 'Vragenlijst voor het intakegesprek',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#1d4e89',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The worker's own code is TypeScript (src/tablet/pwa/worker/sw.ts); the plugin bundles it and injects the
      // precache list.
      strategies: 'injectManifest',
      srcDir: 'pwa/worker',
      filename: 'sw.ts',
      injectManifest: {
        // Fonts are not precached: a Dutch-only tablet must not download Arabic or Ethiopic. The kiosk fetches the
        // fonts of the languages enabled on the tablet (src/shared/i18n/fonts.ts); the worker's runtime cache keeps them.
        globPatterns: ['**/*.{js,css,html,png,svg,json}'],
        // Audio packs are cached per enabled language by src/tablet/speech/packs.ts; the office workspace is for desktops online.
        globIgnores: ['audio/**', 'werkplek/**'],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: '../../dist',
    emptyOutDir: true,
    manifest: true,
  },
});
