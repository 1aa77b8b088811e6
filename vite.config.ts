// Build: preact, the PWA service worker (precaches kiosk and staff chunk for offline use), and a kiosk-first split.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  root: 'src',
  publicDir: '../public',
  plugins: [
    preact(),
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
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,json,woff2}'],
        // The office workspace is for desktops online: never precached on the tablets, served by the server.
        globIgnores: ['werkplek/**'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/werkplek(\/|$)/],
        cleanupOutdatedCaches: true,
        importScripts: ['/sw-sync.js'],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: '../dist',
    emptyOutDir: true,
    manifest: true,
  },
});
