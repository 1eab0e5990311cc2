// Every route is prerendered, so the service worker can precache each one as a static page.
export const prerender = true;
// Pages are folders (review/index.html), which every static file server serves as /review/.
export const trailingSlash = 'always';
