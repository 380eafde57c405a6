/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// base './' so the built dist/ works from any sub-path (GitHub Pages, a shared folder).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // A Workbox service worker precaches the whole build, so the viewer reloads and works offline.
    VitePWA({
      // A new version waits until the user accepts it (src/ui/components/UpdatePrompt.tsx).
      registerType: 'prompt',
      // Registered from the bundle (virtual:pwa-register/react), not by an injected inline script the CSP would refuse.
      injectRegister: false,
      // The icons are in globPatterns already; listing them twice would precache them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'RefTrace Viewer',
        short_name: 'RefTrace',
        description:
          'Analyse pymemtrace ReferenceTracing logs in the browser: live objects, NEW/DEL pairs, types, sites, RSS over time.',
        theme_color: '#1d4ed8',
        background_color: '#f5f6f8',
        display: 'standalone',
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
      // Precached: every chunk (the lazy charts, both workers), the CSS, the icons and the bundled
      // example log. Nothing else is routed but the page's own navigations (index.html, whatever its
      // ?url=), so a ?url= log, of this site or another, goes to the network untouched.
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,log}'],
      },
    }),
  ],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
