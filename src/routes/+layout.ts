// Every route is prerendered, so the service worker can precache each one as a static page.
export const prerender = true;
export const trailingSlash = 'always';
