// Lets TypeScript accept the CSS and asset imports that Vite resolves.
/// <reference types="vite/client" />
