// Imported into the generated service worker: on a Background Sync event, wake the open kiosk to drain its outbox.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'sync-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'sync-outbox' });
    }),
  );
});
