// The service worker: offline support comes with the offline issue.
