// Empty: Chromium needs a service worker for the harness to learn the extension's id.
